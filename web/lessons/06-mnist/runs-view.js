// The runs kept (runs-store.js) as a table and as curves overlaid on two charts (running loss
// and running accuracy against epochs), each run in its colour; the legend and the table name
// what differs between the runs shown. `shown`: the ids drawn (the table's check boxes).
import { createChart, palette } from '../../shared/plot.js';
import { formatNumber } from '../../shared/format.js';
import { t } from '../../shared/i18n.js';
import { differences } from './runs-store.js';

const escape = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const value = (v) => (typeof v === 'number' ? formatNumber(v, 4) : String(v));
const what = (diff) => (diff.length ? diff.map(([k, v]) => `${k} ${value(v)}`).join(', ') : t('l6.runs.same'));

// The runs' curves on one x axis (the union of their x values, gaps where a run has no point).
function overlay(runs, field) {
  const xs = [...new Set(runs.flatMap((r) => r.curve.x))].sort((a, b) => a - b);
  const at = new Map(xs.map((x, i) => [x, i]));
  const columns = runs.map((r) => {
    const column = new Array(xs.length).fill(null);
    r.curve.x.forEach((x, i) => { column[at.get(x)] = r.curve[field][i]; });
    return column;
  });
  return [xs, ...columns];
}

export function createRunsView({ table, lossEl, accEl, summary }) {
  let charts = [];
  const colour = (id) => palette[(id - 1) % palette.length];

  function drawCharts(runs) {
    for (const c of charts) c.dispose();
    charts = [];
    lossEl.replaceChildren();
    accEl.replaceChildren();
    if (!runs.length) return;
    const labels = differences(runs).map((d, i) => `#${runs[i].id}: ${what(d)}`);
    const series = runs.map((r, i) => ({ label: labels[i], stroke: colour(r.id), width: 2, spanGaps: true, points: { show: false } }));
    // Loss on a log scale: a run that blows up (lr too large) would flatten every other curve.
    for (const [el, field, axis, y] of [[lossEl, 'loss', t('l6.chart.loss_axis'), { distr: 3 }], [accEl, 'acc', t('l6.chart.acc_axis'), {}]]) {
      charts.push(createChart(el, {
        height: 220, series: [{}, ...series], scales: { x: { time: false }, y }, legend: { live: false },
        axes: [{ label: t('l6.chart.epochs') }, { label: axis }],
      }, overlay(runs, field)));
    }
  }

  return {
    render(runs, shown) {
      const diffs = differences(runs);
      table.innerHTML = runs.length === 0 ? '' : `<thead><tr>${['show', 'id', 'differs', 'opt', 'lr', 'batch', 'epochs', 'images', 'acc', 'time', 'ended']
        .map((c) => `<th scope="col">${escape(t(`l6.runs.col.${c}`))}</th>`).join('')}</tr></thead><tbody>${runs.map((r, i) => `
        <tr data-run="${r.id}">
          <td><input type="checkbox" name="run-${r.id}" data-run="${r.id}" ${shown.has(r.id) ? 'checked' : ''}
               aria-label="${escape(t('l6.runs.show', { id: r.id }))}"></td>
          <td><span class="l6-run-swatch" style="background:${colour(r.id)}"></span>#${r.id}</td>
          <td>${escape(what(diffs[i]))}</td>
          <td>${escape(r.settings.optimizer)}</td>
          <td>${escape(value(r.settings.lr))}</td>
          <td>${r.settings.batch}</td>
          <td>${r.epochs.length}/${r.settings.epochs}</td>
          <td>${Number(r.settings.images).toLocaleString('en-US')}</td>
          <td>${r.testAccuracy === null ? '–' : `${formatNumber(100 * r.testAccuracy, 4)} %`}</td>
          <td>${formatNumber(r.seconds, 3)} s</td>
          <td>${escape(t(`l6.runs.reason.${r.reason}`))}</td>
        </tr>`).join('')}</tbody>`;
      const drawn = runs.filter((r) => shown.has(r.id));
      drawCharts(drawn);
      summary.textContent = runs.length === 0 ? t('l6.runs.none')
        : t('l6.runs.summary', { n: runs.length, shown: drawn.length });
    },
    dispose() {
      for (const c of charts) c.dispose();
      charts = [];
    },
  };
}
