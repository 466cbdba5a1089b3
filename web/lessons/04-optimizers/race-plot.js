// The race on the height map: every racer's path in its colour, dash and marker; the velocity
// arrow of the momentum methods, Nesterov's look-ahead point, the minima, saddles and the start.
// Clicking (or Enter/arrow keys on the focused plot) picks the start point. Draws only what the
// race model holds; all positions come from the core.
import { createContourPlot } from '../../shared/contour-plot.js';
import { drawMarker } from './markers.js';

const GRID = 161; // grid points per axis for the height map

// Canvas pixel coordinates can overflow for a diverging path: clamp far outside the plot.
const clampPx = (v) => Math.max(-1e5, Math.min(1e5, v));

export function createRacePlot(container, core, { spec, info, height, ariaLabel, onStart }) {
  const { bounds } = info;
  const plot = createContourPlot(container, {
    bounds, height, ariaLabel, xLabel: spec.surface === 'regression' ? 'm' : 'x', yLabel: spec.surface === 'regression' ? 'b' : 'y',
    onPointer: (x, y, kind) => { if (kind !== 'up') onStart(x, y); },
  });
  const values = core.surfaceGrid(spec, GRID, GRID, bounds.xMin, bounds.xMax, bounds.yMin, bounds.yMax);
  plot.setGrid(values, GRID, GRID);
  container.tabIndex = 0;

  let scene = { racers: [], start: null };
  const dpr = () => window.devicePixelRatio || 1;

  function drawPath(ctx, toPx, rows, opt) {
    if (rows.length < 6) return;
    ctx.beginPath();
    for (let k = 0; k < rows.length; k += 3) {
      const [px, py] = toPx(rows[k], rows[k + 1]);
      if (k === 0) ctx.moveTo(clampPx(px), clampPx(py)); else ctx.lineTo(clampPx(px), clampPx(py));
    }
    ctx.setLineDash([]);
    ctx.strokeStyle = opt.halo;
    ctx.globalAlpha = 0.75;
    ctx.lineWidth = 5 * dpr();
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.setLineDash(opt.dash.map((d) => d * dpr()));
    ctx.strokeStyle = opt.color;
    ctx.lineWidth = 2.5 * dpr();
    ctx.stroke();
    ctx.setLineDash([]);
  }

  function arrow(ctx, [x1, y1], [x2, y2], color, halo) {
    const len = Math.hypot(x2 - x1, y2 - y1);
    if (!(len > 2)) return;
    const head = Math.min(10 * dpr(), len / 2);
    const a = Math.atan2(y2 - y1, x2 - x1);
    for (const [style, width] of [[halo, 5], [color, 2.5]]) {
      ctx.strokeStyle = style;
      ctx.lineWidth = width * dpr();
      ctx.beginPath();
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
      ctx.moveTo(x2 - head * Math.cos(a - 0.45), y2 - head * Math.sin(a - 0.45));
      ctx.lineTo(x2, y2);
      ctx.lineTo(x2 - head * Math.cos(a + 0.45), y2 - head * Math.sin(a + 0.45));
      ctx.stroke();
    }
  }

  plot.setOverlay((ctx, toPx) => {
    const r = 4.5 * dpr();
    for (const m of info.minima) {
      const [px, py] = toPx(m.x, m.y);
      drawMarker(ctx, 'plus', px, py, 0.8 * r, { fill: '#ffffff', stroke: '#1b1f24', lineWidth: dpr() });
    }
    for (const s of info.saddles) {
      const [px, py] = toPx(s.x, s.y);
      drawMarker(ctx, 'circle', px, py, r, { stroke: '#ffffff', lineWidth: 2 * dpr(), hollow: true });
    }
    for (const racer of scene.racers) drawPath(ctx, toPx, racer.rows, racer.opt);
    for (const racer of scene.racers) {
      const { rows, opt, view } = racer;
      if (rows.length < 3) continue;
      const n = rows.length;
      const here = toPx(rows[n - 3], rows[n - 2]).map(clampPx);
      if (view?.velocity) {
        const tip = toPx(rows[n - 3] + view.velocity[0], rows[n - 2] + view.velocity[1]).map(clampPx);
        arrow(ctx, here, tip, opt.color, opt.halo);
      }
      if (opt.key === 'nesterov' && view?.lookahead) {
        const ahead = toPx(view.lookahead[0], view.lookahead[1]).map(clampPx);
        drawMarker(ctx, opt.marker, ahead[0], ahead[1], 1.2 * r, { stroke: opt.color, lineWidth: 2 * dpr(), hollow: true });
      }
      drawMarker(ctx, opt.marker, here[0], here[1], 1.3 * r, { fill: opt.color, stroke: opt.halo, lineWidth: 1.5 * dpr() });
    }
    if (scene.start) {
      const [px, py] = toPx(scene.start.x, scene.start.y);
      drawMarker(ctx, 'circle', px, py, 1.6 * r, { stroke: '#ffffff', lineWidth: 3 * dpr(), hollow: true });
      drawMarker(ctx, 'circle', px, py, 1.6 * r, { stroke: '#1b1f24', lineWidth: 1.2 * dpr(), hollow: true });
    }
  });

  // Arrow keys move the start by 1/40 of the box (Shift: 1/8).
  const onKey = (e) => {
    const dirs = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    if (!dirs[e.key] || !scene.start) return;
    e.preventDefault();
    const k = e.shiftKey ? 1 / 8 : 1 / 40;
    const x = Math.min(bounds.xMax, Math.max(bounds.xMin, scene.start.x + dirs[e.key][0] * k * (bounds.xMax - bounds.xMin)));
    const y = Math.min(bounds.yMax, Math.max(bounds.yMin, scene.start.y + dirs[e.key][1] * k * (bounds.yMax - bounds.yMin)));
    onStart(+x.toPrecision(6), +y.toPrecision(6));
  };
  container.addEventListener('keydown', onKey);

  return {
    // racers: [{rows, opt, view}], start: {x, y}
    draw(next) { scene = next; plot.redraw(); },
    dispose() { container.removeEventListener('keydown', onKey); plot.dispose(); },
    chart: plot.chart,
  };
}
