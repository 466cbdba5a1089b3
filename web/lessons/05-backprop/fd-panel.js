// "Finite differences against backpropagation": pick sizes, run them one by one in a Web Worker
// (the page stays responsive; a progress bar counts sizes), then a table of the core's reports
// and a log-log chart of time against the number of parameters N. Formats; computes nothing.
import { errorText } from '../../shared/error-text.js';
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { createChart, palette } from '../../shared/plot.js';

export const formatCount = (n) => Math.round(n).toLocaleString('en-US');
export const formatRatio = (x) => (x >= 100 ? formatCount(x) : formatNumber(x, 3));
const arrow = (layers) => layers.join('→');

// A duration in the unit a person reads best (ms, s, min, h): presentation only.
export function formatDuration(ms) {
  if (ms < 1000) return t('l5.unit.ms', { x: formatNumber(ms, 3) });
  if (ms < 60e3) return t('l5.unit.s', { x: formatNumber(ms / 1e3, 3) });
  if (ms < 3600e3) return t('l5.unit.min', { x: formatNumber(ms / 60e3, 3) });
  return t('l5.unit.h', { x: formatNumber(ms / 3600e3, 3) });
}

// Results survive the remount that a language switch causes (not the URL: timings are not state).
let kept = { key: '', reports: [] };

export function createFdPanel(section, { presets, chosen, onChosen }) {
  const $ = (sel) => section.querySelector(sel);
  const sizesBox = $('.l5-sizes');
  const runButton = $('button[name=fd-run]');
  const stopButton = $('button[name=fd-stop]');
  const progress = $('progress.l5-progress');
  const status = $('[data-out=fd-status]');
  const tbody = $('table.l5-fd tbody');
  const chartBox = $('.l5-fd-chart');
  const summary = $('[data-out=fd-summary]');
  let worker = null;
  let chart = null;
  let reports = [];

  sizesBox.innerHTML = presets.map((p, k) => `<label class="l5-size"><input type="checkbox" name="size" value="${k}">` +
    ` <span>${t('l5.fd.size_label', { n: formatCount(p.params), layers: arrow(p.layers) })}</span></label>`).join('');
  const boxes = [...sizesBox.querySelectorAll('input[name=size]')];
  const setChosen = (list) => boxes.forEach((b, k) => { b.checked = list.includes(k); });
  setChosen(chosen);
  for (const box of boxes) {
    box.addEventListener('change', () => {
      chosen = boxes.filter((b) => b.checked).map((b) => Number(b.value));
      runButton.disabled = chosen.length === 0 || worker !== null;
      onChosen(chosen);
    });
  }

  function row(r) {
    const tr = document.createElement('tr');
    tr.dataset.params = r.params;
    const fdTime = r.extrapolated
      ? t('l5.fd.extrapolated_cell', { time: formatDuration(r.fdMs), k: formatCount(r.fdParamsRun) })
      : formatDuration(r.fdMs);
    const cells = [
      ['layers', arrow(r.layers)], ['params', formatCount(r.params)],
      ['forward', formatDuration(r.forwardMs)], ['backward', formatDuration(r.backwardMs)],
      ['ratio', formatNumber(r.backwardOverForward, 2)], ['backprop', formatDuration(r.backpropMs)],
      ['fd-evals', formatCount(r.fdEvaluations)], ['fwd-evals', formatCount(r.forwardFdEvaluations)],
      ['fd-time', fdTime], ['speedup', formatRatio(r.fdOverBackprop)],
      ['rel', r.extrapolated ? t('l5.fd.rel_sampled', { rel: formatNumber(r.maxRelDiff, 2), k: formatCount(r.fdParamsRun) }) : formatNumber(r.maxRelDiff, 2)],
    ];
    tr.innerHTML = cells.map(([key, text], i) => (i === 0 ? `<th scope="row" data-col="${key}">${text}</th>` : `<td data-col="${key}">${text}</td>`)).join('');
    if (r.extrapolated) tr.classList.add('l5-extrapolated');
    return tr;
  }

  function drawChart() {
    if (reports.length === 0) {
      chartBox.innerHTML = `<p class="l5-empty">${t('l5.fd.chart_empty')}</p>`;
      return;
    }
    const sorted = [...reports].sort((a, b) => a.params - b.params);
    const xs = sorted.map((r) => r.params);
    const measured = sorted.map((r) => (r.extrapolated ? null : r.fdMs));
    // The dashed extrapolated line starts at the last measured point, so the two join.
    const lastMeasured = measured.findLastIndex((v) => v !== null);
    const extra = sorted.map((r, i) => (r.extrapolated || (i === lastMeasured && sorted.some((q) => q.extrapolated)) ? r.fdMs : null));
    const data = [xs, sorted.map((r) => r.forwardMs), sorted.map((r) => r.backpropMs), measured, extra];
    chart?.dispose();
    chartBox.replaceChildren();
    const series = (label, color, extraOpts = {}) => ({ label, stroke: color, width: 2, points: { show: true, size: 7, fill: color }, ...extraOpts });
    chart = createChart(chartBox, {
      height: 300,
      scales: { x: { distr: 3, log: 10, time: false }, y: { distr: 3, log: 10 } },
      axes: [
        { label: t('l5.fd.axis_n'), values: (u, vals) => vals.map((v) => (v == null ? '' : formatCount(v))) },
        { label: t('l5.fd.axis_ms'), size: 70, values: (u, vals) => vals.map((v) => (v == null ? '' : formatNumber(v, 2))) },
      ],
      series: [
        { label: 'N', value: (u, v) => (v == null ? '' : formatCount(v)) },
        series(t('l5.fd.series_forward'), palette[2]),
        series(t('l5.fd.series_backprop'), palette[0]),
        series(t('l5.fd.series_fd'), palette[1]),
        series(t('l5.fd.series_fd_extra'), palette[1], { dash: [6, 5], points: { show: true, size: 8, fill: '#fff' } }),
      ],
    }, data);
    chartBox.setAttribute('aria-label', t('l5.fd.chart_aria'));
  }

  function render() {
    tbody.replaceChildren(...[...reports].sort((a, b) => a.params - b.params).map(row));
    drawChart();
    const biggest = reports.reduce((a, r) => (!a || r.params > a.params ? r : a), null);
    summary.textContent = biggest ? t(biggest.extrapolated ? 'l5.fd.summary_extra' : 'l5.fd.summary', {
      n: formatCount(biggest.params), bp: formatDuration(biggest.backpropMs), fwd: formatDuration(biggest.forwardMs),
      bwd: formatDuration(biggest.backwardMs), ratio: formatNumber(biggest.backwardOverForward, 2),
      evals: formatCount(biggest.fdEvaluations), fd: formatDuration(biggest.fdMs), times: formatRatio(biggest.fdOverBackprop),
      k: formatCount(biggest.fdParamsRun),
    }) : '';
  }

  function finish(message) {
    worker?.terminate();
    worker = null;
    runButton.disabled = chosen.length === 0;
    stopButton.disabled = true;
    status.textContent = message;
    section.dataset.running = '0';
  }

  function run() {
    const sizes = [...chosen].sort((a, b) => a - b);
    if (sizes.length === 0 || worker) return;
    reports = [];
    kept = { key: sizes.join(','), reports };
    render();
    progress.max = sizes.length;
    progress.value = 0;
    runButton.disabled = true;
    stopButton.disabled = false;
    section.dataset.running = '1';
    worker = new Worker(new URL('./fd-worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      if (data.type === 'start') {
        const p = presets[sizes[data.index]];
        status.textContent = t('l5.fd.running', { i: data.index + 1, total: sizes.length, n: formatCount(p.params) });
      } else if (data.type === 'result') {
        reports.push(data.report);
        progress.value = data.index + 1;
        render();
      } else if (data.type === 'done') {
        finish(t('l5.fd.done', { count: sizes.length }));
      } else if (data.type === 'error') {
        finish(t('l5.fd.error', { message: errorText(data.error) }));
      }
    };
    worker.onerror = () => finish(t('l5.fd.error', { message: errorText(null) }));
    worker.postMessage({ type: 'run', sizes: sizes.map((k) => ({ layers: presets[k].layers, fdSample: presets[k].fdSample })), settings: {} });
  }

  runButton.addEventListener('click', run);
  stopButton.addEventListener('click', () => finish(t('l5.fd.stopped', { count: reports.length })));
  stopButton.disabled = true;
  runButton.disabled = chosen.length === 0;
  reports = kept.reports;
  progress.max = 1;
  progress.value = reports.length ? 1 : 0;
  status.textContent = reports.length ? t('l5.fd.done', { count: reports.length }) : t('l5.fd.idle');
  section.dataset.running = '0';
  render();

  return {
    dispose() {
      worker?.terminate();
      worker = null;
      chart?.dispose();
    },
  };
}
