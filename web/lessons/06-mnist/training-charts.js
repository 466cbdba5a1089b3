// Live training charts (uPlot): loss and accuracy against epochs, one point per batch (the
// batch's loss; the epoch's running accuracy) and one per finished epoch (training and
// validation). Plain arrays in; redraws at most every REDRAW_MS, in an animation frame. Long
// runs are thinned (every other batch point dropped, epoch ends kept) to stay under MAX_POINTS.
// Changes made during the run (the learning rate) are marked as dashed vertical lines with their
// label.
import { createChart, palette } from '../../shared/plot.js';
import { t } from '../../shared/i18n.js';

const MAX_POINTS = 6000;
const REDRAW_MS = 200;
const finite = (v) => (Number.isFinite(v) ? v : null);

export function createTrainingCharts(lossEl, accEl) {
  let cols; // both charts' columns
  let lossData, accData;
  let frame = 0;
  let stride = 1, skipped = 0;
  let marks = [];  // [{x, label}]
  // Draws the marks over a chart's plot area (uPlot's draw hook; canvas pixels).
  const drawMarks = (u) => {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.strokeStyle = '#57606a';
    ctx.fillStyle = '#1b1f24';
    ctx.lineWidth = Math.max(1, devicePixelRatio);
    ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
    ctx.font = `${12 * devicePixelRatio}px sans-serif`;
    for (const { x, label } of marks) {
      const px = u.valToPos(x, 'x', true);
      if (!(px >= left && px <= left + width)) continue;
      ctx.beginPath();
      ctx.moveTo(px, top);
      ctx.lineTo(px, top + height);
      ctx.stroke();
      ctx.fillText(label, px + 4 * devicePixelRatio, top + 14 * devicePixelRatio);
    }
    ctx.restore();
  };
  const series = (kind) => [
    {},
    ...(kind === 'loss' ? [{ label: t('l6.chart.loss.batch'), stroke: '#8fb4e8', width: 1, points: { show: false } }] : []),
    { label: t(`l6.chart.${kind}.running`), stroke: palette[0], width: 2, points: { show: false } },
    { label: t(`l6.chart.${kind}.epoch`), stroke: palette[2], width: 2, spanGaps: true, points: { show: true, size: 7 } },
    { label: t(`l6.chart.${kind}.val`), stroke: palette[1], width: 2, spanGaps: true, points: { show: true, size: 7 } },
  ];
  const axes = (y) => [{ label: t('l6.chart.epochs') }, { label: y }];
  const opts = (kind, y, height) => ({ height, series: series(kind), axes: axes(y), scales: { x: { time: false } }, legend: { live: false },
    hooks: { draw: [drawMarks] } });
  const empty = (n) => Array.from({ length: n }, () => []);
  lossData = empty(5); // x, batch loss, running mean, epoch training, epoch validation
  accData = empty(4); // x, running accuracy, epoch training, epoch validation
  const lossChart = createChart(lossEl, opts('loss', t('l6.chart.loss_axis'), 240), lossData);
  const accChart = createChart(accEl, opts('acc', t('l6.chart.acc_axis'), 240), accData);
  cols = [lossData, accData];

  // At most one redraw per REDRAW_MS: a redraw of both charts (thousands of points) costs the
  // main thread milliseconds, and at every progress message (about 13 a second) that time came
  // out of the two cores training. The progress line still moves at every message.
  let drawnAt = -Infinity, timer = 0;
  function schedule() {
    if (frame || timer) return;
    const wait = drawnAt + REDRAW_MS - performance.now();
    if (wait > 0) {
      timer = setTimeout(() => { timer = 0; schedule(); }, wait);
      return;
    }
    frame = requestAnimationFrame(() => {
      frame = 0;
      drawnAt = performance.now();
      lossChart.setData(lossData);
      accChart.setData(accData);
    });
  }

  function thin() {
    for (const d of cols) {
      const keep = d[0].map((_, i) => i % 2 === 1 || d.at(-2)[i] !== null || d.at(-1)[i] !== null);
      for (let s = 0; s < d.length; s++) d[s] = d[s].filter((_, i) => keep[i]);
    }
    stride *= 2;
  }

  return {
    reset() {
      lossData = empty(5);
      accData = empty(4);
      cols = [lossData, accData];
      stride = 1;
      skipped = 0;
      marks = [];
      schedule();
    },
    // A vertical mark at x (epochs), e.g. where the learning rate changed.
    mark(x, label) {
      marks.push({ x, label });
      // Data waiting for the next frame (a remount replaying a run): its setData draws the marks;
      // redrawing before it would make uPlot read scales it has not computed yet.
      if (frame || timer) return;
      lossChart.redraw(false, false);
      accChart.redraw(false, false);
    },
    // batches: [{epoch, batch, batchLoss, loss, metric}] from the worker; x = epoch − 1 + batch / per epoch.
    addBatches(batches, batchesPerEpoch) {
      for (const b of batches) {
        const last = b.batch === batchesPerEpoch;
        if (!last && ++skipped < stride) continue;
        skipped = 0;
        const x = b.epoch - 1 + b.batch / batchesPerEpoch;
        lossData[0].push(x); lossData[1].push(finite(b.batchLoss)); lossData[2].push(finite(b.loss));
        lossData[3].push(null); lossData[4].push(null);
        accData[0].push(x); accData[1].push(finite(b.metric)); accData[2].push(null); accData[3].push(null);
      }
      if (lossData[0].length > MAX_POINTS) thin();
      schedule();
    },
    // An epoch log lands on that epoch's last batch point (x = epoch).
    addEpoch(log) {
      const i = lossData[0].lastIndexOf(log.epoch);
      if (i < 0) return;
      lossData[3][i] = finite(log.loss);
      lossData[4][i] = finite(log.valLoss);
      accData[2][i] = finite(log.metric);
      accData[3][i] = finite(log.valMetric);
      schedule();
    },
    dispose() {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      lossChart.dispose();
      accChart.dispose();
    },
  };
}
