// The loss of every racer against the step, on uPlot. Honest about the scale:
//  - a surface with a minimum: f − f_min on a log axis (the distance to the floor shrinks by
//    orders of magnitude); a value at or below f_min (rounding) has no log and is left out;
//  - the saddle has no minimum (f → −∞): f itself on a symmetric-log (asinh) axis, linear
//    near 0 and logarithmic for large |f|, so negative values are shown as negative.
// A diverged racer's line stops at its last finite step.
import { createChart, uPlot } from '../../shared/plot.js';
import { OPTIMIZERS } from './optimizers.js';
import { decadeSplits, symlogSplits, tickLabels } from '../../shared/log-axis.js';

export function createLossChart(container, { fMin, height = 260, xLabel, yLabel, ariaLabel }) {
  const logScale = fMin !== null;
  const series = [{ label: xLabel }, ...OPTIMIZERS.map((o) => ({
    label: o.label, stroke: o.color, width: 2, dash: o.dash, show: false, spanGaps: false, points: { show: false },
  }))];
  // The top of the log axis stops 4 decades above the highest start, so that one diverging
  // racer (whose line then leaves the chart at the top) does not flatten all the others; the
  // axis spans at most 32 decades (a double carries ~16 significant digits, so a loss 1e-32
  // times its start is exactly converged for the plot's purpose).
  let cap = Infinity;
  function logRange(u, min, max) {
    const hi = Number.isFinite(max) && max > 0 ? Math.min(max, cap) : 1;
    const lo = Number.isFinite(min) && min > 0 ? Math.max(min, hi * 1e-32) : hi * 1e-3;
    return uPlot.rangeLog(lo, Math.max(hi, lo * 10), 10, true);
  }
  // The saddle: f falls without bound once a racer escapes; the axis stops at −1e12.
  function asinhRange(u, min, max) {
    const lo = Number.isFinite(min) ? Math.max(min, -1e12) : -1;
    const hi = Number.isFinite(max) ? Math.min(max, 1e12) : 1;
    return uPlot.rangeAsinh(lo, Math.max(hi, lo + 1e-9), 10, true);
  }
  const chart = createChart(container, {
    height,
    legend: { show: false },
    cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false } },
    scales: { x: { time: false }, y: logScale ? { distr: 3, range: logRange } : { distr: 4, asinh: 1, range: asinhRange } },
    axes: [{ label: xLabel }, {
      label: yLabel, size: 70, values: tickLabels, filter: (u, splits) => splits,
      splits: (u, i, min, max) => (logScale ? decadeSplits(min, max) : symlogSplits(min, max, 1, 7)),
    }],
    series,
  }, [[0], ...OPTIMIZERS.map(() => [null])]);
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', ariaLabel);

  const shown = OPTIMIZERS.map(() => false);
  // racers: [{key, rows: [x, y, f, ...]}] — the enabled, running ones.
  function update(racers, steps) {
    const starts = racers.map((r) => r.rows[2] - (fMin ?? 0)).filter((v) => v > 0);
    cap = starts.length ? 1e4 * Math.max(...starts) : Infinity;
    const xs = Array.from({ length: steps + 1 }, (_, t) => t);
    const data = [xs];
    OPTIMIZERS.forEach((o, i) => {
      const racer = racers.find((r) => r.key === o.key && r.rows.length > 0);
      const ys = new Array(steps + 1).fill(null);
      if (racer) {
        const n = Math.min(steps + 1, racer.rows.length / 3);
        for (let t = 0; t < n; t++) {
          const f = racer.rows[3 * t + 2];
          const y = logScale ? f - fMin : f;
          ys[t] = logScale && !(y > 0) ? null : y;
        }
      }
      data.push(ys);
      if (shown[i] !== Boolean(racer)) {
        shown[i] = Boolean(racer);
        chart.setSeries(i + 1, { show: shown[i] });
      }
    });
    chart.setData(data);
  }

  return { update, dispose: () => chart.dispose(), chart };
}
