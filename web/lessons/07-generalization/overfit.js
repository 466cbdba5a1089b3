// Section 1: overfitting made visible. Eleven noisy points; a straight line and a polynomial of
// the chosen degree, both trained by the core with Adam; training and held-out error against
// training time, with the step of least held-out error marked; a time slider replays the fit.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { createSceneChart, logRange } from '../../shared/scene-chart.js';
import { createRunner } from './runner.js';
import { COLORS, fitPlotScene, NOISE, TRAIN_N, VAL_N } from './common.js';

export const OVERFIT_STEPS = 2000;
export const overfitSpec = (degree) => ({ model: 'poly', degree, optimizer: 'adam', lr: 0.05, steps: OVERFIT_STEPS, recordEvery: 10, grid: 161 });

// onNewData() runs after new points were drawn (the sections that reuse them retrain).
export function createOverfit(root, core, state, changed, onNewData) {
  const $ = (s) => root.querySelector(s);
  const out = (n) => root.querySelector(`[data-out="${n}"]`);
  const fitPlot = createSceneChart($('.l7-fit1'), { height: 280, label: t('l7.s1.fit_aria') });
  const errPlot = createSceneChart($('.l7-err1'), { height: 260, label: t('l7.s1.err_aria') });
  let data = null;
  let line = null, flex = null;
  const timing = {};

  const lineRunner = createRunner(core, { onDone: (r, ms) => { line = r; timing.line = ms; render(); } });
  const flexRunner = createRunner(core, {
    onProgress: (p) => { out('s1-status').textContent = t('l7.s1.training', { step: p.step, steps: OVERFIT_STEPS }); },
    onDone: (r, ms) => { flex = r; timing.flex = ms; root.dataset.s1Ms = ms.wallMs.toFixed(1); root.dataset.s1ComputeMs = ms.computeMs.toFixed(1); render(); },
  });

  // New points retrain both models; a new degree only the polynomial.
  function train({ newData = true } = {}) {
    if (newData) {
      data = { train: core.curveData(TRAIN_N, NOISE, state.seed), val: core.curveData(VAL_N, NOISE, state.seed + 1000) };
      line = null;
      lineRunner.start(data.train, data.val, null, overfitSpec(1));
    }
    flex = null;
    out('s1-status').textContent = t('l7.s1.training', { step: 0, steps: OVERFIT_STEPS });
    flexRunner.start(data.train, data.val, null, overfitSpec(state.deg));
    render();
  }

  // Index of the record shown: the time slider (t), or the last one when t is past the end.
  const shownIndex = () => Math.min(flex.steps.length - 1, Math.max(0, state.t < 0 ? flex.steps.length - 1 : state.t));

  function render() {
    const ready = line && flex;
    $('input[name=t]').disabled = !ready;
    $('button[name=best]').disabled = !ready;
    if (!ready) {
      fitPlot.draw(fitPlotScene(data, [], core));
      return;
    }
    out('s1-status').textContent = flex.divergedAt >= 0 ? t('l7.diverged', { step: flex.divergedAt }) : '';
    const i = shownIndex();
    const g = flex.gridX.length;
    const li = Math.min(i, line.steps.length - 1);
    const slider = $('input[name=t]');
    slider.max = String(flex.steps.length - 1);
    slider.value = String(i);
    const f = (v) => formatNumber(v, 3);
    out('t').textContent = String(flex.steps[i]);
    fitPlot.draw(fitPlotScene(data, [
      { x: line.gridX, y: line.curves.subarray(li * g, (li + 1) * g), color: COLORS.line, width: 2 },
      { x: flex.gridX, y: flex.curves.subarray(i * g, (i + 1) * g), color: COLORS.flex, width: 2.5 },
    ], core));
    const all = [...flex.trainMse, ...flex.valMse, ...line.trainMse, ...line.valMse];
    const best = flex.steps[flex.best];
    errPlot.draw({
      x: [0, OVERFIT_STEPS], y: logRange(all), logY: true, xLabel: t('l7.axis.step'), yLabel: t('l7.axis.mse'),
      lines: [
        { x: line.steps, y: line.trainMse, color: COLORS.line, dash: [6, 4], width: 1.5 },
        { x: line.steps, y: line.valMse, color: COLORS.lineVal, dash: [2, 3], width: 1.5 },
        { x: flex.steps, y: flex.trainMse, color: COLORS.flex },
        { x: flex.steps, y: flex.valMse, color: COLORS.val },
      ],
      markers: [
        { x: best, color: COLORS.best, dash: [4, 3], label: t('l7.s1.stop_here', { step: best }) },
        { x: flex.steps[i], color: '#57606a', label: '', dash: [1, 3] },
      ],
    });
    out('s1-train').textContent = f(flex.trainMse[i]);
    out('s1-val').textContent = f(flex.valMse[i]);
    out('s1-line-train').textContent = f(line.trainMse[li]);
    out('s1-line-val').textContent = f(line.valMse[li]);
    out('s1-best-step').textContent = String(best);
    out('s1-best-val').textContent = f(flex.valMse[flex.best]);
    out('s1-final-train').textContent = f(flex.trainMse.at(-1));
    out('s1-final-val').textContent = f(flex.valMse.at(-1));
    const summary = t('l7.s1.summary', { deg: state.deg, step: flex.steps[i], train: f(flex.trainMse[i]), val: f(flex.valMse[i]), best, bestVal: f(flex.valMse[flex.best]) });
    out('s1-summary').textContent = summary;
    fitPlot.setLabel(`${t('l7.s1.fit_aria')} ${summary}`);
    errPlot.setLabel(`${t('l7.s1.err_aria')} ${summary}`);
  }

  $('select[name=deg]').value = String(state.deg);
  $('select[name=deg]').addEventListener('change', (e) => { state.deg = Number(e.target.value); state.t = -1; changed(); train({ newData: false }); });
  $('button[name=seed]').addEventListener('click', () => { state.seed += 1; state.t = -1; changed(); train(); onNewData(); });
  $('input[name=t]').addEventListener('input', (e) => {
    const i = Number(e.target.value);
    state.t = i >= flex.steps.length - 1 ? -1 : i;
    changed();
    render();
  });
  $('button[name=best]').addEventListener('click', () => { state.t = flex.best; changed(); render(); });
  train();

  return {
    data: () => data,
    timing,
    dispose() { lineRunner.dispose(); flexRunner.dispose(); fitPlot.dispose(); errPlot.dispose(); },
  };
}
