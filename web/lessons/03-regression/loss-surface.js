// The loss surface J(m, b) as a contour map over the sources' box (m ∈ [−2, 4], b ∈ [−6, 8]),
// with log-spaced contour lines, the current (m, b), the gradient ∇J as an arrow, the
// least-squares answer, the source's guess and the descent path. Click or drag to pick (m, b);
// arrow keys move it. The grid of J values comes from the core (surfaceGrid).
import { createContourPlot } from '../../shared/contour-plot.js';

export const BOX = { xMin: -2, xMax: 4, yMin: -6, yMax: 8 };
export const SOURCE_GUESS = { m: 0.5, b: 1.0 };  // where the source's figure puts the floor
const ARROW_PX = 56;                               // the arrow's drawn length; |∇J| is in the read-out
const KEY_STEP = { m: 0.05, b: 0.1 };

const clampPx = (v) => Math.max(-1e5, Math.min(1e5, v));
const clampToBox = (m, b) => [Math.min(BOX.xMax, Math.max(BOX.xMin, m)), Math.min(BOX.yMax, Math.max(BOX.yMin, b))];

// onPick(m, b, phase) with phase 'move' | 'end'; onTiming({kind, ms, n}) after each redraw.
export function createLossSurface(container, { onPick, onTiming, labels, height = 400 }) {
  let scene = { m: 0, b: 0, gx: 0, gy: 0, fit: null, path: [], start: null };
  let current = { m: 0, b: 0 };

  const plot = createContourPlot(container, {
    bounds: BOX, height, xLabel: labels.m, yLabel: labels.b, levelCount: 16, ariaLabel: labels.aria,
    onPointer: (x, y, kind) => {
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const [m, b] = clampToBox(x, y);
      onPick(+m.toFixed(3), +b.toFixed(3), kind === 'up' ? 'end' : 'move');
    },
  });
  container.tabIndex = 0;
  container.addEventListener('keydown', (e) => {
    const moves = { ArrowLeft: [-KEY_STEP.m, 0], ArrowRight: [KEY_STEP.m, 0], ArrowDown: [0, -KEY_STEP.b], ArrowUp: [0, KEY_STEP.b] };
    const d = moves[e.key];
    if (!d) return;
    e.preventDefault();
    const [m, b] = clampToBox(current.m + d[0], current.b + d[1]);
    onPick(+m.toFixed(3), +b.toFixed(3), 'end');
  });

  // Reports how long a change took: the recompute (synchronous) plus uPlot's redraw, which runs
  // later (batched in a microtask) and is timed from its first hook (drawClear) to its last (draw).
  let pending = null;
  let drawStart = 0;
  function timed(kind, n, work) {
    const t0 = performance.now();
    work();
    const compute = performance.now() - t0;
    // A new grid and a moved point before one redraw: report them together, as the grid.
    if (pending?.kind === 'grid') pending.compute += compute;
    else pending = { kind, n, compute };
  }
  plot.chart.hooks.drawClear.unshift(() => { drawStart = performance.now(); });
  plot.chart.hooks.draw.push(() => {
    if (!pending) return;
    const draw = performance.now() - drawStart;
    onTiming?.({ ...pending, draw, ms: pending.compute + draw });
    pending = null;
  });

  function drawMarker(ctx, [x, y], r, shape) {
    ctx.beginPath();
    if (shape === 'cross') {
      ctx.moveTo(x - r, y - r); ctx.lineTo(x + r, y + r); ctx.moveTo(x + r, y - r); ctx.lineTo(x - r, y + r);
    } else if (shape === 'square') {
      ctx.rect(x - r, y - r, 2 * r, 2 * r);
    } else {
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
  }

  function overlay(ctx, toPx) {
    const px = (x, y) => toPx(x, y).map(clampPx);
    const r = devicePixelRatio;
    // The source's guess of the floor: a dashed ring.
    ctx.setLineDash([3 * r, 3 * r]);
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = 1.5 * r;
    drawMarker(ctx, px(SOURCE_GUESS.m, SOURCE_GUESS.b), 9 * r, 'circle');
    ctx.stroke();
    ctx.setLineDash([]);
    if (scene.fit) {
      const p = px(scene.fit.m, scene.fit.b);
      ctx.strokeStyle = '#0d1b2a';
      ctx.lineWidth = 5 * r;
      drawMarker(ctx, p, 7 * r, 'cross');
      ctx.stroke();
      ctx.strokeStyle = '#7ee787';
      ctx.lineWidth = 2.5 * r;
      drawMarker(ctx, p, 7 * r, 'cross');
      ctx.stroke();
    }
    if (scene.path.length > 1) {
      ctx.strokeStyle = '#ffd33d';
      ctx.lineWidth = 2 * r;
      ctx.beginPath();
      ctx.moveTo(...px(scene.path[0], scene.path[1]));
      for (let k = 2; k < scene.path.length; k += 2) ctx.lineTo(...px(scene.path[k], scene.path[k + 1]));
      ctx.stroke();
      ctx.fillStyle = '#ffd33d';
      const every = Math.max(1, Math.floor(scene.path.length / 2 / 150));  // at most ~150 dots
      for (let k = 0; k < scene.path.length; k += 2 * every) {
        drawMarker(ctx, px(scene.path[k], scene.path[k + 1]), 2.2 * r, 'circle');
        ctx.fill();
      }
    }
    if (scene.start) {
      ctx.strokeStyle = '#ffd33d';
      ctx.lineWidth = 2 * r;
      drawMarker(ctx, px(scene.start[0], scene.start[1]), 6 * r, 'square');
      ctx.stroke();
    }
    // The gradient: drawn in data coordinates (so it is the vector (∂J/∂m, ∂J/∂b) as plotted),
    // scaled to a fixed on-screen length.
    const [cx, cy] = px(scene.m, scene.b);
    const [ex, ey] = toPx(scene.m + scene.gx, scene.b + scene.gy);
    const len = Math.hypot(ex - cx, ey - cy);
    if (len > 0 && Number.isFinite(len)) {
      const ux = (ex - cx) / len;
      const uy = (ey - cy) / len;
      const L = ARROW_PX * r;
      const tx = cx + ux * L;
      const ty = cy + uy * L;
      for (const [color, w] of [['#0d1b2a', 5], ['#ff7b72', 2.5]]) {
        ctx.strokeStyle = color;
        ctx.lineWidth = w * r;
        ctx.beginPath();
        ctx.moveTo(cx, cy);
        ctx.lineTo(tx, ty);
        ctx.moveTo(tx - 10 * r * (ux - 0.5 * uy), ty - 10 * r * (uy + 0.5 * ux));
        ctx.lineTo(tx, ty);
        ctx.lineTo(tx - 10 * r * (ux + 0.5 * uy), ty - 10 * r * (uy - 0.5 * ux));
        ctx.stroke();
      }
      ctx.fillStyle = '#ff7b72';
      ctx.font = `${13 * r}px system-ui, sans-serif`;
      ctx.fillText('∇J', tx + 6 * r * ux + 4 * r, ty + 6 * r * uy);
    }
    ctx.fillStyle = '#ffffff';
    ctx.strokeStyle = '#0d1b2a';
    ctx.lineWidth = 2 * r;
    drawMarker(ctx, [cx, cy], 7 * r, 'circle');
    ctx.fill();
    ctx.stroke();
  }
  plot.setOverlay(overlay);

  return {
    // Recomputes J on an n x n grid over the box for the given points (core.surfaceGrid).
    setSurface(core, spec, n) {
      timed('grid', n, () => {
        const values = core.surfaceGrid(spec, n, n, BOX.xMin, BOX.xMax, BOX.yMin, BOX.yMax);
        plot.setGrid(values, n, n);
      });
    },
    update(next) {
      scene = { ...scene, ...next };
      current = { m: scene.m, b: scene.b };
      timed('overlay', 0, () => plot.redraw());
    },
    chart: plot.chart,
    dispose() { plot.dispose(); },
  };
}
