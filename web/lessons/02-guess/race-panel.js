// The race: random search against gradient descent with one budget of loss evaluations, for
// N = 2, 10, 100, run in the core (guessRace); best loss so far against evaluations, log y.
import { parseNumber } from '../../shared/number-field.js';
import { applyStrings, t } from '../../shared/i18n.js';
import { createChart, palette } from '../../shared/plot.js';
import { formatNumber } from '../../shared/format.js';
import { formatInteger, superscript } from './big-format.js';

export const RACE_NS = [2, 10, 100];
const COLORS = [palette[0], palette[1], palette[2]];

const template = `
  <h2 data-i18n="l2.race.title"></h2>
  <p data-i18n="l2.race.explain"></p>
  <p data-i18n="l2.race.cost_explain"></p>
  <div class="controls">
    <label><span data-i18n="l2.race.cost"></span>
      <select name="cost">
        <option value="backprop" data-i18n="l2.race.backprop"></option>
        <option value="finite_differences" data-i18n="l2.race.fd"></option>
      </select></label>
    <label><span data-i18n="l2.race.seed"></span><input name="seed" type="number" min="0" max="4294967295" step="1"></label>
    <button name="reseed" type="button" class="secondary" data-i18n="l2.race.rerun"></button>
  </div>
  <div class="chart race" role="img" data-i18n-aria-label="l2.race.label"></div>
  <table class="race-table">
    <thead><tr><th data-i18n="l2.race.n"></th><th data-i18n="l2.race.random_col"></th>
      <th data-i18n="l2.race.descent_col"></th><th data-i18n="l2.race.steps_col"></th></tr></thead>
    <tbody></tbody>
  </table>
  <p class="hint" data-i18n="l2.race.floor"></p>
  <p class="sr-only" aria-live="polite" data-out="race-summary"></p>`;

// A loss for display: an exact 0 cannot sit on a log axis, so it is named instead.
const showLoss = (v) => (v === 0 ? t('l2.race.zero') : formatNumber(v, 3));

// state: {budget, seed, cost}; returns {render, dispose}.
export function mountRace(root, core, state, onChange) {
  root.innerHTML = template;
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const costSelect = $('select[name=cost]');
  const seedInput = $('input[name=seed]');
  costSelect.value = state.cost;
  seedInput.value = state.seed;
  let chart = null;
  let builtFor = 0;  // the budget the chart's x axis was built for
  let runMs = 0;

  // uPlot's log axis needs real data from the start (an all-empty log scale never settles).
  function build(budget, data) {
    chart?.dispose();
    builtFor = budget;
    const series = [{}];
    RACE_NS.forEach((n, i) => {
      series.push({ label: t('l2.race.random', { n }), stroke: COLORS[i], width: 2, dash: [6, 5], points: { show: false } });
      series.push({ label: t('l2.race.descent', { n }), stroke: COLORS[i], width: 2.5, points: { show: false } });
    });
    chart = createChart($('.race'), {
      height: 340,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: { x: { time: false, range: [1, budget] }, y: { auto: true } },
      axes: [{ label: t('l2.race.axis_evals') }, { label: t('l2.race.axis_loss'), size: 70, incrs: [1, 2, 5, 10, 20],
        values: (u, ticks) => ticks.map((v) => `10${superscript(v)}`.replace('-', '−')) }],
      series,
    }, data);
  }

  function render() {
    const t0 = performance.now();
    const results = RACE_NS.map((n) => core.guessRace(n, state.budget, state.seed, state.cost));
    runMs = performance.now() - t0;
    const xs = Array.from({ length: state.budget }, (_, i) => i + 1);
    // A log axis drawn as log10 on a linear one (uPlot's own log axis stops near 10^-16, the
    // descent goes far below); an exact 0 has no logarithm and is left out (the table names it).
    const positive = (arr) => Array.from(arr, (v) => (v > 0 ? Math.log10(v) : null));
    const data = [xs, ...results.flatMap((r) => [positive(r.randomBest), positive(r.descentBest)])];
    if (builtFor !== state.budget) build(state.budget, data);
    else chart.setData(data);
    $('.race-table tbody').replaceChildren(...results.map((r) => {
      const tr = document.createElement('tr');
      const last = (a) => a[a.length - 1];
      tr.innerHTML = `<td>${r.n}</td><td>${showLoss(last(r.randomBest))}</td><td>${showLoss(last(r.descentBest))}</td>`
        + `<td>${formatInteger(r.descentSteps)}</td>`;
      return tr;
    }));
    const big = results[results.length - 1];
    $('[data-out=race-summary]').textContent = t('l2.race.summary', { budget: formatInteger(state.budget),
      random: showLoss(big.randomBest[big.randomBest.length - 1]), descent: showLoss(big.descentBest[big.descentBest.length - 1]) });
    root.dataset.runMs = runMs.toFixed(1);
  }

  costSelect.addEventListener('change', () => { state.cost = costSelect.value; render(); onChange(); });
  seedInput.addEventListener('input', () => {
    const seed = parseNumber(seedInput.value);
    if (!Number.isInteger(seed) || seed < 0 || seed > 4294967295) return;  // keep the last good seed
    state.seed = seed;
    render();
    onChange();
  });
  $('button[name=reseed]').addEventListener('click', () => {
    state.seed = (state.seed + 1) % 4294967296;
    seedInput.value = state.seed;
    render();
    onChange();
  });
  render();
  return { render, dispose: () => chart?.dispose() };
}
