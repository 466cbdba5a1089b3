// Section 3: L2 and L1 penalties on a small network (1 → 32 → 32 → 1, tanh) fitted to the
// section-1 points. A λ slider (logarithmic, 0 at the far left); the fitted curve, a histogram
// of every weight, and the loss written out with its numbers (KaTeX).
import { logSlider } from '../../shared/log-slider.js';
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { createSceneChart } from '../../shared/scene-chart.js';
import { createRunner } from './runner.js';
import { COLORS, fitPlotScene } from './common.js';

export const PENALTY_STEPS = 1000;
export const penaltySpec = (penalty, lambda) => ({ model: 'mlp', hidden: 32, depth: 2, activation: 'tanh', optimizer: 'adam', lr: 0.01, steps: PENALTY_STEPS, recordEvery: 50, grid: 121, penalty, lambda });
// Slider position p ∈ [0, 50]: 0 ↦ λ = 0, else λ = 10^(−5 + (p − 1)/10): 1e-5 … ~0.8.
const lambdaSlider = logSlider({ lo: -5, hi: -0.1, steps: 49, digits: 3 });  // positions 1 … 50
export const lambdaFromSlider = (p) => (p <= 0 ? 0 : lambdaSlider.value(p - 1));
export const sliderFromLambda = (l) => (l <= 0 ? 0 : Math.max(1, Math.min(50, lambdaSlider.position(l) + 1)));
const BINS = 50;

export function createPenaltyPanel(root, core, state, changed, getData) {
  const $ = (s) => root.querySelector(s);
  const out = (n) => root.querySelector(`[data-out="${n}"]`);
  const fitPlot = createSceneChart($('.l7-fit3'), { height: 260, label: t('l7.s3.fit_aria') });
  const histPlot = createSceneChart($('.l7-hist3'), { height: 220, label: t('l7.s3.hist_aria') });
  let result = null;
  const f = (v) => formatNumber(v, 3);
  const runner = createRunner(core, {
    onProgress: (p) => { out('s3-status').textContent = t('l7.s1.training', { step: p.step, steps: PENALTY_STEPS }); },
    onDone: (r, ms) => { result = r; root.dataset.s3Ms = ms.wallMs.toFixed(1); root.dataset.s3ComputeMs = ms.computeMs.toFixed(1); render(); },
  });

  function train() {
    const data = getData();
    if (!data) return;
    out('s3-status').textContent = t('l7.s1.training', { step: 0, steps: PENALTY_STEPS });
    runner.start(data.train, data.val, null, penaltySpec(state.pen, state.lam));
  }

  function render() {
    $('input[name=lam]').value = String(sliderFromLambda(state.lam));
    $('select[name=pen]').value = state.pen;
    out('lam').textContent = state.lam === 0 ? '0' : formatNumber(state.lam, 3);
    if (!result) return;
    const r = result;
    out('s3-status').textContent = r.divergedAt >= 0 ? t('l7.diverged', { step: r.divergedAt }) : '';
    const g = r.gridX.length, last = r.steps.length - 1;
    fitPlot.draw(fitPlotScene(getData(), [{ x: r.gridX, y: r.curves.subarray(last * g, (last + 1) * g), color: COLORS.flex, width: 2.5 }], core));
    const lim = 1;  // the same range for every λ, so histograms compare
    const h = core.histogram(r.weights, BINS, -lim, lim);
    histPlot.draw({
      x: [-lim, lim], y: [0, Math.max(10, ...h.counts) * 1.1], xLabel: t('l7.axis.weight'), yLabel: t('l7.axis.count'),
      bars: [{ lo: -lim, width: (2 * lim) / BINS, values: [...h.counts], color: COLORS.flex }],
    });
    const mse = r.trainMse[last];
    const total = mse + r.penalty;
    const tex = state.pen === 'l2'
      ? `J = \\underbrace{${f(mse)}}_{\\text{MSE}} + \\tfrac12 \\cdot \\underbrace{${formatNumber(state.lam, 3)}}_{\\lambda} \\cdot \\underbrace{${f(r.sumSq)}}_{\\sum w^2} = ${f(total)}`
      : `J = \\underbrace{${f(mse)}}_{\\text{MSE}} + \\underbrace{${formatNumber(state.lam, 3)}}_{\\lambda} \\cdot \\underbrace{${f(r.sumAbs)}}_{\\sum |w|} = ${f(total)}`;
    katex.render(tex.replaceAll('−', '-'), out('s3-numbers'), { throwOnError: false, displayMode: true });
    out('s3-numbers').dataset.values = JSON.stringify({ mse, sum: state.pen === 'l2' ? r.sumSq : r.sumAbs, penalty: r.penalty });
    out('s3-train').textContent = f(mse);
    out('s3-val').textContent = f(r.valMse[last]);
    out('s3-penalty').textContent = f(r.penalty);
    const summary = t('l7.s3.summary', { pen: state.pen.toUpperCase(), lam: out('lam').textContent, train: f(mse), val: f(r.valMse[last]), sum: f(state.pen === 'l2' ? r.sumSq : r.sumAbs) });
    out('s3-summary').textContent = summary;
    histPlot.setLabel(`${t('l7.s3.hist_aria')} ${summary}`);
  }

  const TEX = {
    l2: 'J = \\frac{1}{n}\\sum_i \\bigl(y_i - f(x_i)\\bigr)^2 + \\tfrac12 \\lambda \\sum w^2',
    l1: 'J = \\frac{1}{n}\\sum_i \\bigl(y_i - f(x_i)\\bigr)^2 + \\lambda \\sum |w|',
  };
  const renderFormula = () => katex.render(TEX[state.pen], out('s3-formula'), { throwOnError: false, displayMode: true });

  $('input[name=lam]').addEventListener('input', (e) => { state.lam = lambdaFromSlider(Number(e.target.value)); changed(); render(); train(); });
  $('select[name=pen]').addEventListener('change', (e) => { state.pen = e.target.value; changed(); renderFormula(); render(); train(); });
  renderFormula();
  render();
  train();
  return { retrain: train, dispose() { runner.dispose(); fitPlot.dispose(); histPlot.dispose(); } };
}
