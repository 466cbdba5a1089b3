// Section 5: weight initialization. 1000 random inputs through 5 layers of 100 units with
// weights drawn by the chosen rule; one histogram of activations per layer, with each layer's
// spread, saturated share and backward gradient size — all from the core.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { createSceneChart } from '../../shared/scene-chart.js';
import { COLORS } from './common.js';

export const INIT_SPEC = { layers: 5, units: 100, samples: 1000, bins: 30, seed: 1 };

export function createInitPanel(root, core, state, changed) {
  const $ = (s) => root.querySelector(s);
  const out = (n) => root.querySelector(`[data-out="${n}"]`);
  const grid = $('.l7-layers');
  const plots = [];
  for (let l = 0; l < INIT_SPEC.layers; l++) {
    const fig = document.createElement('figure');
    fig.className = 'l7-layer';
    fig.innerHTML = `<figcaption>${t('l7.s5.layer', { n: l + 1 })}</figcaption><div class="l7-layer-plot"></div><p class="l7-layer-stats" data-out="layer-${l}"></p>`;
    grid.append(fig);
    plots.push(createSceneChart(fig.querySelector('.l7-layer-plot'), { height: 150, minWidth: 120, label: t('l7.s5.layer', { n: l + 1 }) }));
  }
  const f = (v) => formatNumber(v, 3);

  function render() {
    $('select[name=rule]').value = state.rule;
    $('select[name=act]').value = state.act;
    const t0 = performance.now();
    const layers = core.activationStats({ ...INIT_SPEC, rule: state.rule, activation: state.act });
    root.dataset.s5Ms = (performance.now() - t0).toFixed(1);
    const sigma = core.initStddevs(INIT_SPEC.units)[state.rule];
    out('sigma').textContent = f(sigma);
    const top = Math.max(...layers.flatMap((l) => [...l.counts]));
    layers.forEach((l, i) => {
      const width = (l.hi - l.lo) / l.counts.length;
      plots[i].draw({
        x: [l.lo, l.hi], y: [0, top * 1.05], xTicks: [l.lo, (l.lo + l.hi) / 2, l.hi],
        bars: [{ lo: l.lo, width, values: [...l.counts], color: COLORS.flex }],
      });
      const text = t('l7.s5.stats', { sd: f(l.stddev), sat: formatNumber(100 * l.saturated, 3), g: f(l.gradStddev) });
      out(`layer-${i}`).textContent = text;
      plots[i].setLabel(`${t('l7.s5.layer', { n: i + 1 })}: ${text}`);
    });
    const first = layers[0], last = layers.at(-1);
    out('s5-note').textContent = `${t(`l7.s5.rule.${state.rule}.${state.act}`)} ${t('l7.s5.ratio', { a: f(first.stddev), b: f(last.stddev), ga: f(first.gradStddev), gb: f(last.gradStddev) })}`;
  }
  $('select[name=rule]').addEventListener('change', (e) => { state.rule = e.target.value; changed(); render(); });
  $('select[name=act]').addEventListener('change', (e) => { state.act = e.target.value; changed(); render(); });
  render();
  return { dispose() { plots.forEach((p) => p.dispose()); } };
}
