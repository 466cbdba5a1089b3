// Section 4: dropout. The same small network (1 → 32 → 32 → 1, tanh) on the section-1 points,
// trained twice by the core: without dropout and with the chosen rate after each hidden layer.
// Training and held-out error of both against training time (errors measured with dropout off).
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { createSceneChart, logRange } from '../../shared/scene-chart.js';
import { createRunner } from './runner.js';
import { COLORS, fitPlotScene } from './common.js';

export const DROPOUT_STEPS = 1000;
export const dropoutSpec = (rate) => ({ model: 'mlp', hidden: 32, depth: 2, activation: 'tanh', optimizer: 'adam', lr: 0.01, steps: DROPOUT_STEPS, recordEvery: 20, grid: 121, dropout: rate });

export function createDropoutPanel(root, core, state, changed, getData) {
  const $ = (s) => root.querySelector(s);
  const out = (n) => root.querySelector(`[data-out="${n}"]`);
  const errPlot = createSceneChart($('.l7-err4'), { height: 260, label: t('l7.s4.err_aria') });
  const fitPlot = createSceneChart($('.l7-fit4'), { height: 240, label: t('l7.s4.fit_aria') });
  let plain = null, dropped = null;
  const f = (v) => formatNumber(v, 3);
  const plainRunner = createRunner(core, { onDone: (r) => { plain = r; render(); } });
  const dropRunner = createRunner(core, {
    onProgress: (p) => { out('s4-status').textContent = t('l7.s1.training', { step: p.step, steps: DROPOUT_STEPS }); },
    onDone: (r, ms) => { dropped = r; root.dataset.s4Ms = ms.wallMs.toFixed(1); root.dataset.s4ComputeMs = ms.computeMs.toFixed(1); render(); },
  });

  function train({ both = true } = {}) {
    const data = getData();
    if (!data) return;
    dropped = null;
    if (both) { plain = null; plainRunner.start(data.train, data.val, null, dropoutSpec(0)); }
    dropRunner.start(data.train, data.val, null, dropoutSpec(state.drop));
    render();
  }

  function render() {
    $('input[name=drop]').value = String(state.drop);
    out('drop').textContent = formatNumber(state.drop, 2);
    if (!plain || !dropped) return;
    out('s4-status').textContent = [plain, dropped].some((r) => r.divergedAt >= 0) ? t('l7.diverged', { step: Math.max(plain.divergedAt, dropped.divergedAt) }) : '';
    errPlot.draw({
      x: [0, DROPOUT_STEPS], y: logRange([...plain.trainMse, ...plain.valMse, ...dropped.trainMse, ...dropped.valMse]), logY: true, xLabel: t('l7.axis.step'), yLabel: t('l7.axis.mse'),
      lines: [
        { x: plain.steps, y: plain.trainMse, color: COLORS.train, dash: [6, 4], width: 1.5 },
        { x: plain.steps, y: plain.valMse, color: COLORS.val, dash: [6, 4], width: 1.5 },
        { x: dropped.steps, y: dropped.trainMse, color: COLORS.train },
        { x: dropped.steps, y: dropped.valMse, color: COLORS.val },
      ],
    });
    const g = plain.gridX.length, lp = plain.steps.length - 1, ld = dropped.steps.length - 1;
    fitPlot.draw(fitPlotScene(getData(), [
      { x: plain.gridX, y: plain.curves.subarray(lp * g, (lp + 1) * g), color: COLORS.line, width: 2, dash: [6, 4] },
      { x: dropped.gridX, y: dropped.curves.subarray(ld * g, (ld + 1) * g), color: COLORS.flex, width: 2.5 },
    ], core));
    out('s4-plain-train').textContent = f(plain.trainMse[lp]);
    out('s4-plain-val').textContent = f(plain.valMse[lp]);
    out('s4-drop-train').textContent = f(dropped.trainMse[ld]);
    out('s4-drop-val').textContent = f(dropped.valMse[ld]);
    const summary = t('l7.s4.summary', { rate: formatNumber(state.drop, 2), pt: f(plain.trainMse[lp]), pv: f(plain.valMse[lp]), dt: f(dropped.trainMse[ld]), dv: f(dropped.valMse[ld]) });
    out('s4-summary').textContent = summary;
    errPlot.setLabel(`${t('l7.s4.err_aria')} ${summary}`);
  }

  $('input[name=drop]').addEventListener('input', (e) => { state.drop = Number(e.target.value); changed(); render(); train({ both: false }); });
  render();
  train();
  return { retrain: () => train(), dispose() { plainRunner.dispose(); dropRunner.dispose(); errPlot.dispose(); fitPlot.dispose(); } };
}
