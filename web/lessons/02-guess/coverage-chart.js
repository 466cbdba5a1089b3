// The share of the k^N grid a fixed budget of guesses covers, for N = 1 … 60 (log10 values from
// the core's guessCoverage), with the current N marked.
import { applyStrings, t } from '../../shared/i18n.js';
import { createChart } from '../../shared/plot.js';
import { formatInteger, formatShare, superscript } from './big-format.js';

const N_MAX = 60;
// The largest N the core computes coverage for (src/guess/guess_count.cpp, log10_coverage).
const COVERAGE_MAX_N = 100000;

const template = `
  <h2 data-i18n="l2.cover.title"></h2>
  <p data-i18n="l2.cover.explain"></p>
  <div class="controls">
    <label><span data-i18n="l2.cover.budget"></span>
      <input name="budget" type="range" min="1" max="5" step="0.25"><output name="budget-out"></output></label>
  </div>
  <div class="chart coverage" role="img" data-i18n-aria-label="l2.cover.label"></div>
  <p data-out="cover-readout" aria-live="polite"></p>`;

// state: {budget, k, n}; onBudget() when the budget slider moves; returns {render}.
export function mountCoverage(root, core, state, onBudget) {
  root.innerHTML = template;
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const budgetInput = $('input[name=budget]');
  budgetInput.value = Math.log10(state.budget);
  const xs = Array.from({ length: N_MAX }, (_, i) => i + 1);
  const chart = createChart($('.coverage'), {
    height: 260,
    legend: { show: true, live: false },
    cursor: { show: false },
    scales: { x: { time: false, range: [1, N_MAX] }, y: { auto: true } },
    axes: [
      { label: t('l2.cover.axis_n') },
      { label: t('l2.cover.axis_share'), size: 70, incrs: [1, 2, 5, 10, 20], values: (u, ticks) => ticks.map((v) => `10${superscript(Math.round(v))}`.replace('-', '−')) },
    ],
    series: [
      {},
      { label: t('l2.cover.series'), stroke: '#1f5fbf', width: 2, points: { show: false } },
      { label: 'N', stroke: '#d1242f', width: 0, paths: () => null, points: { show: true, size: 10, fill: '#d1242f' } },
    ],
  }, [xs, xs.map(() => 0), xs.map(() => null)]);

  function render() {
    const share = Array.from(core.guessCoverage(state.budget, state.k, N_MAX));
    const mark = xs.map((n) => (n === state.n ? share[n - 1] : null));
    chart.setData([xs, share, mark]);
    $('output[name=budget-out]').textContent = formatInteger(state.budget);
    const n = Math.max(1, state.n);
    // The core computes the curve up to N = 100,000 (guess::log10_coverage refuses more); N may
    // be larger (typed, or from a link): then the readout says so instead of asking the core.
    if (n > COVERAGE_MAX_N) {
      $('[data-out=cover-readout]').textContent = t('l2.cover.readout_beyond', { n: formatInteger(n), max: formatInteger(COVERAGE_MAX_N) });
      return;
    }
    const at = n <= N_MAX ? share[n - 1] : Array.from(core.guessCoverage(state.budget, state.k, n))[n - 1];
    $('[data-out=cover-readout]').textContent = t('l2.cover.readout', {
      n: formatInteger(n), budget: formatInteger(state.budget), share: formatShare(at) });
  }
  budgetInput.addEventListener('input', () => {
    state.budget = Math.round(10 ** Number(budgetInput.value));
    onBudget();
  });
  render();
  return { render, dispose: () => chart.dispose() };
}
