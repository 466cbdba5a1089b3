// Inside the network while it trains: the per-layer signals the worker sends (the core's
// nn/signals.hpp) drawn as two charts against epochs, the update-to-weight ratio ‖ΔW‖/‖W‖ with
// the usual 1e-3 guide and the gradient norm ‖∂L/∂W‖, both on log scales (they span decades, and
// a layer going wrong shows as a jump of orders of magnitude), and a table of the last
// measurement: weight norm, dead ReLUs and each layer's activation histogram.
import { createChart, palette } from '../../shared/plot.js';
import { decadeSplits, tickLabels } from '../../shared/log-axis.js';
import { formatNumber } from '../../shared/format.js';
import { t } from '../../shared/i18n.js';

export const RATIO_GUIDE = 1e-3;
const HISTOGRAM = { width: 120, height: 32 };
// A log scale cannot show 0 or a non-number: those points are gaps.
const positive = (v) => (Number.isFinite(v) && v > 0 ? v : null);

// "Dense 512 relu", "Conv2D 32 relu": a layer with weights as the spec has it.
export function layerName(spec, layer) {
  const l = spec?.layers?.[layer] ?? {};
  const units = l.conv2d ?? l.units ?? '?';
  return t('l6.signals.layer', { kind: 'conv2d' in l ? 'Conv2D' : 'Dense', units, act: l.activation ?? '' });
}

// A histogram as bars on a small canvas (no axes: its range is written beside it).
function histogramCanvas(counts) {
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = HISTOGRAM.width * ratio;
  canvas.height = HISTOGRAM.height * ratio;
  canvas.style.width = `${HISTOGRAM.width}px`;
  canvas.style.height = `${HISTOGRAM.height}px`;
  canvas.className = 'l6-histogram';
  const ctx = canvas.getContext('2d');
  const most = Math.max(1, ...counts);
  const w = canvas.width / counts.length;
  ctx.fillStyle = palette[0];
  counts.forEach((c, i) => {
    // Square-root heights: a ReLU layer's pile of zeros would flatten every other bar.
    const h = Math.sqrt(c / most) * canvas.height;
    ctx.fillRect(i * w + 0.5, canvas.height - h, Math.max(1, w - 1), h);
  });
  return canvas;
}

export function createSignalsView({ ratioEl, gradEl, table, summary }) {
  let charts = [];
  let data = { ratio: null, grad: null };
  let names = [];
  let frame = 0;

  // The guide line across the ratio chart, labelled.
  const drawGuide = (u) => {
    const y = u.valToPos(RATIO_GUIDE, 'y', true);
    const { left, top, width, height } = u.bbox;
    if (!(y >= top && y <= top + height)) return;
    const { ctx } = u;
    ctx.save();
    ctx.strokeStyle = '#57606a';
    ctx.fillStyle = '#1b1f24';
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.beginPath();
    ctx.moveTo(left, y);
    ctx.lineTo(left + width, y);
    ctx.stroke();
    ctx.font = `${12 * devicePixelRatio}px sans-serif`;
    const label = t('l6.signals.guide');
    ctx.fillText(label, left + width - ctx.measureText(label).width - 4 * devicePixelRatio, y - 4 * devicePixelRatio);
    ctx.restore();
  };

  function build(layerNames) {
    for (const c of charts) c.dispose();
    ratioEl.replaceChildren();
    gradEl.replaceChildren();
    names = layerNames;
    const empty = () => Array.from({ length: names.length + 1 }, () => []);
    data = { ratio: empty(), grad: empty() };
    const series = names.map((label, i) => ({ label, stroke: palette[i % palette.length], width: 2, spanGaps: true, points: { show: false } }));
    // Log axes with whole decades as ticks (shared/log-axis.js: uPlot's own log splits can hang).
    const logAxis = (label) => ({ label, size: 60, values: tickLabels, filter: (u, splits) => splits, splits: (u, i, min, max) => decadeSplits(min, max) });
    const decadesAround = (min, max) => [10 ** Math.floor(Math.log10(min)), 10 ** Math.ceil(Math.log10(max))];
    // The ratio's axis always spans the guide (at least 1e-4 … 1e-2), so its line is in view.
    const aroundGuide = (u, min, max) => decadesAround(Math.min(min ?? RATIO_GUIDE, RATIO_GUIDE / 10), Math.max(max ?? RATIO_GUIDE, RATIO_GUIDE * 10));
    const aroundData = (u, min, max) => (min > 0 && max > 0 ? decadesAround(min, Math.max(max, min * 10)) : [0.1, 10]);
    const opts = (axis, range, hooks) => ({ height: 200, series: [{}, ...series], legend: { live: false },
      scales: { x: { time: false }, y: { distr: 3, range } }, axes: [{ label: t('l6.chart.epochs') }, logAxis(axis)], hooks });
    charts = [
      createChart(ratioEl, opts(t('l6.signals.ratio_axis'), aroundGuide, { draw: [drawGuide] }), data.ratio),
      createChart(gradEl, opts(t('l6.signals.grad_axis'), aroundData, {}), data.grad),
    ];
  }

  function schedule() {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      charts[0]?.setData(data.ratio);
      charts[1]?.setData(data.grad);
    });
  }

  function renderTable(spec, layers) {
    const rows = layers.map((l) => {
      const tr = document.createElement('tr');
      const cells = [
        layerName(spec, l.layer),
        formatNumber(l.weightNorm, 4),
        formatNumber(l.gradNorm, 3),
        l.updateRatio === null ? '–' : formatNumber(l.updateRatio, 2),
        l.deadFraction === null ? '–' : `${formatNumber(100 * l.deadFraction, 3)} %`,
      ].map((text) => Object.assign(document.createElement('td'), { textContent: text }));
      const hist = document.createElement('td');
      hist.className = 'l6-hist-cell';
      hist.append(histogramCanvas(Array.from(l.histogram)),
        Object.assign(document.createElement('span'), { textContent: t('l6.signals.range', { min: formatNumber(l.min, 3), max: formatNumber(l.max, 3), mean: formatNumber(l.mean, 3) }) }));
      tr.append(...cells, hist);
      return tr;
    });
    const head = ['layer', 'weight', 'grad', 'ratio', 'dead', 'hist'].map((c) => `<th scope="col">${t(`l6.signals.col.${c}`)}</th>`).join('');
    table.innerHTML = `<thead><tr>${head}</tr></thead>`;
    const body = document.createElement('tbody');
    body.append(...rows);
    table.append(body);
  }

  return {
    reset() {
      for (const c of charts) c.dispose();
      charts = [];
      names = [];
      ratioEl.replaceChildren();
      gradEl.replaceChildren();
      table.replaceChildren();
      summary.textContent = t('l6.signals.none');
    },
    // One measurement: {at: {epoch, batch, batchesPerEpoch}, layers}; spec names the layers.
    add(spec, { at, layers }, { redrawTable = true } = {}) {
      if (!layers.length) return;
      if (names.length !== layers.length) build(layers.map((l) => layerName(spec, l.layer)));
      const x = at.epoch - 1 + at.batch / at.batchesPerEpoch;
      data.ratio[0].push(x);
      data.grad[0].push(x);
      layers.forEach((l, i) => {
        data.ratio[i + 1].push(positive(l.updateRatio));
        data.grad[i + 1].push(positive(l.gradNorm));
      });
      schedule();
      if (!redrawTable) return;
      renderTable(spec, layers);
      summary.textContent = t('l6.signals.summary', { epoch: at.epoch, batch: at.batch });
    },
    dispose() {
      cancelAnimationFrame(frame);
      for (const c of charts) c.dispose();
      charts = [];
    },
  };
}
