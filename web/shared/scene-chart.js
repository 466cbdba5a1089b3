// A chart drawn from a scene on uPlot: lines and point sets that each bring their own x values,
// bars (a histogram's bins), vertical markers with a label, on a linear or logarithmic y axis with
// fixed ranges. Plain arrays in; no maths beyond placing numbers on pixels. Each line and point
// set is a uPlot series (their x values joined with uPlot.join); bars are painted under the
// series and markers over them, in uPlot's draw hooks.
import { createChart, uPlot } from './plot.js';
import { formatNumber } from './format.js';
import { decadeSplits, tickLabels } from './log-axis.js';

// uPlot.join's null modes: a gap between two x values of another series is spanned (undefined),
// a non-finite value of the line itself breaks it (null).
const ALIGNED_GAP = 0, OWN_GAP = 1;
// A line that leaves the chart far away is cut there: huge pixel coordinates upset the canvas.
const FAR = 100;

// scene: {x: [lo, hi], y: [lo, hi], logY, xTicks, xFormat(v), xLabel, yLabel,
//         lines: [{x, y, color, width, dash}], points: [{x, y, color, fill, r}],
//         bars: [{lo, width, values, color}], markers: [{x, color, dash, label, row}]}
export function createSceneChart(container, { height = 260, label = '', minWidth = 240 } = {}) {
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', label);
  let scene = null;
  let chart = null;
  let shape = '';

  const dpr = () => uPlot.pxRatio || window.devicePixelRatio || 1;
  const scaled = (dash) => (dash ?? []).map((d) => d * dpr());

  // Bars stand on the bottom of the chart (or on 0); painted after the axes, before the series.
  function paintBars(u) {
    const { ctx } = u;
    const { left, top, width, height: h } = u.bbox;
    ctx.save();
    ctx.beginPath(); ctx.rect(left, top, width, h); ctx.clip();
    const base = u.valToPos(scene.logY ? scene.y[0] : Math.max(scene.y[0], 0), 'y', true);
    for (const b of scene.bars ?? []) {
      ctx.fillStyle = b.color;
      b.values.forEach((v, i) => {
        const x0 = u.valToPos(b.lo + i * b.width, 'x', true), x1 = u.valToPos(b.lo + (i + 1) * b.width, 'x', true);
        const y = u.valToPos(v, 'y', true);
        ctx.fillRect(x0 + 0.5 * dpr(), y, Math.max(dpr(), x1 - x0 - dpr()), base - y);
      });
    }
    ctx.restore();
  }

  // Vertical markers over the series, their labels in rows at the top.
  function paintMarkers(u) {
    const { ctx } = u;
    const { left, top, width, height: h } = u.bbox;
    const r = dpr();
    const font = Math.round((u.width < 420 ? 11 : 13) * r);
    ctx.save();
    for (const m of scene.markers ?? []) {
      const x = u.valToPos(m.x, 'x', true);
      ctx.strokeStyle = m.color;
      ctx.lineWidth = 2 * r;
      ctx.setLineDash(scaled(m.dash));
      ctx.beginPath(); ctx.moveTo(x, top); ctx.lineTo(x, top + h); ctx.stroke();
      if (!m.label) continue;
      ctx.font = `${font}px system-ui, sans-serif`;
      ctx.fillStyle = m.color;
      ctx.textBaseline = 'top';
      const right = x > left + width * 0.7;
      ctx.textAlign = right ? 'right' : 'left';
      ctx.fillText(m.label, x + (right ? -4 : 4) * r, top + 2 * r + (m.row ?? 0) * (font + 3 * r));
    }
    ctx.restore();
  }

  // A line's values as the chart takes them: gaps where a value is not finite (or not positive
  // on a log axis), cut far outside the range.
  function lineValues(y) {
    const [lo, hi] = scene.y;
    const span = hi - lo;
    return Array.from(y, (v) => {
      if (!Number.isFinite(v) || (scene.logY && v <= 0)) return null;
      return scene.logY ? Math.min(Math.max(v, lo / 1e6), hi * 1e6) : Math.min(Math.max(v, lo - FAR * span), hi + FAR * span);
    });
  }

  function options() {
    const lines = scene.lines ?? [], points = scene.points ?? [];
    return {
      height,
      minWidth,
      legend: { show: false },
      cursor: { show: false },
      select: { show: false },
      scales: {
        x: { time: false, range: () => [...scene.x] },
        y: scene.logY ? { distr: 3, log: 10, range: () => [...scene.y] } : { range: () => [...scene.y] },
      },
      axes: [
        {
          label: scene.xLabel, labelSize: scene.xLabel ? 24 : 0,
          ...(scene.xTicks ? { splits: () => scene.xTicks.filter((v) => v >= scene.x[0] && v <= scene.x[1]) } : {}),
          values: (u, splits) => splits.map((v) => (v == null ? '' : (scene.xFormat ?? ((x) => formatNumber(x, 3)))(v))),
        },
        {
          label: scene.yLabel, labelSize: scene.yLabel ? 24 : 0, size: 56,
          ...(scene.logY
            ? { splits: (u, i, min, max) => decadeSplits(min, max), values: tickLabels, filter: (u, splits) => splits }
            : { values: (u, splits) => splits.map((v) => (v == null ? '' : formatNumber(v, 3))) }),
        },
      ],
      series: [
        {},
        // The frame: holds the x range when nothing else is drawn.
        { stroke: 'transparent', paths: () => null, points: { show: false } },
        ...lines.map((l) => ({ stroke: l.color, width: l.width ?? 2, dash: scaled(l.dash), points: { show: false } })),
        ...points.map((p) => ({
          stroke: p.color, paths: () => null,
          points: { show: true, size: 2 * (p.r ?? 4), width: 1.5, stroke: p.color, fill: p.fill ?? 'transparent' },
        })),
      ],
      hooks: { drawAxes: [paintBars], draw: [paintMarkers] },
    };
  }

  function data() {
    const lines = scene.lines ?? [], points = scene.points ?? [];
    const tables = [
      [scene.x, [null, null]],
      ...lines.map((l) => [Array.from(l.x), lineValues(l.y)]),
      ...points.map((p) => [Array.from(p.x), Array.from(p.y, (v) => (Number.isFinite(v) ? v : null))]),
    ];
    const modes = tables.map((_, i) => [null, i > 0 && i <= lines.length ? OWN_GAP : ALIGNED_GAP]);
    return uPlot.join(tables, modes);
  }

  return {
    // A scene with the same kinds of series as the last one only replaces the data; another one
    // builds the chart again.
    draw(next) {
      scene = next;
      const key = JSON.stringify([next.logY, next.xLabel, next.yLabel, next.xTicks, (next.lines ?? []).map((l) => [l.color, l.width, l.dash]),
        (next.points ?? []).map((p) => [p.color, p.fill, p.r])]);
      if (chart && key === shape) {
        chart.setData(data());
        return;
      }
      chart?.dispose();
      shape = key;
      chart = createChart(container, options(), data());
    },
    setLabel(text) { container.setAttribute('aria-label', text); },
    dispose() { chart?.dispose(); chart = null; },
  };
}

// A y range for log plots of positive values: whole decades around them.
export function logRange(values) {
  const pos = values.filter((v) => Number.isFinite(v) && v > 0);
  if (pos.length === 0) return [1e-3, 1];
  const lo = Math.floor(Math.log10(Math.min(...pos)));
  const hi = Math.ceil(Math.log10(Math.max(...pos)));
  return [10 ** lo, 10 ** Math.max(hi, lo + 1)];
}
