// The night landscape: the valleys surface as a shaded height map with contour lines (shared
// contour plot), darkness everywhere but a flashlight disc around the climber, the path walked,
// the downhill arrow, and the valleys' marks in daylight. Draws what it is given; computes nothing.
import { createContourPlot } from '../../shared/contour-plot.js';
import { linearLevels } from '../../shared/contour.js';

// view: {x, y, gx, gy, arrow (false on flat ground), radius, daylight, path: [x, y, ...],
//   minima: [{x, y, label}], reached}
export function createClimberMap(container, { info, grid, nx, ny, onPlace, ariaLabel }) {
  const b = info.bounds;
  // Nearly square whatever the width (the shared chart keeps its height on resize; this does not).
  const heightFor = (width) => Math.round(Math.min(620, Math.max(300, width)) * 0.92);
  const height = heightFor(container.clientWidth);
  let view = null;
  // Several valleys of similar depth: evenly spaced heights show them all (log spacing, made for
  // one bowl, would crowd every line into the deepest valley).
  let lo = Infinity, hi = -Infinity;
  for (const v of grid) { if (v < lo) lo = v; if (v > hi) hi = v; }
  const plot = createContourPlot(container, {
    bounds: b, height, xLabel: 'x', yLabel: 'y', levels: linearLevels(lo, hi, 18), shading: 'linear', ariaLabel,
    onPointer: (x, y, kind) => { if (kind !== 'up') onPlace(x, y, kind); },
  });
  plot.setGrid(grid, nx, ny);
  plot.setOverlay((ctx, toPx, u) => { if (view) draw(ctx, toPx, u, view); });
  let pending = 0;
  const resize = new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      const width = Math.max(240, container.clientWidth);
      if (plot.chart.width !== width || plot.chart.height !== heightFor(width)) plot.chart.setSize({ width, height: heightFor(width) });
    });
  });
  resize.observe(container);

  return {
    plot,
    // Redraws with a new view (uPlot draws in a microtask, batching several calls).
    show(next) {
      view = next;
      plot.redraw();
    },
    dispose() {
      resize.disconnect();
      cancelAnimationFrame(pending);
      plot.dispose();
    },
  };
}

function draw(ctx, toPx, u, v) {
  const { left, top, width, height } = u.bbox;
  const [cx, cy] = toPx(v.x, v.y);
  const dpr = devicePixelRatio || 1;
  const inside = Number.isFinite(cx) && Number.isFinite(cy);
  // Radius in pixels along each axis, so that the disc is round in data units.
  const rx = Math.abs(toPx(v.x + v.radius, v.y)[0] - cx);
  const ry = Math.abs(toPx(v.x, v.y + v.radius)[1] - cy);
  const lit = (px, py) => v.daylight || (((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1);

  if (!v.daylight) {
    ctx.fillStyle = 'rgba(2, 4, 16, 0.94)';
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    if (inside) ctx.ellipse(cx, cy, rx, ry, 0, 0, 2 * Math.PI);
    ctx.fill('evenodd');
    if (inside) {
      // A soft edge: the disc fades into the dark.
      const glow = ctx.createRadialGradient(cx, cy, 0, cx, cy, Math.max(rx, ry));
      glow.addColorStop(0, 'rgba(2, 4, 16, 0)');
      glow.addColorStop(0.7, 'rgba(2, 4, 16, 0.05)');
      glow.addColorStop(1, 'rgba(2, 4, 16, 0.85)');
      ctx.fillStyle = glow;
      ctx.beginPath();
      ctx.ellipse(cx, cy, rx, ry, 0, 0, 2 * Math.PI);
      ctx.fill();
    }
  }

  // Valleys: base camp as a flag, the others as rings — seen in daylight or under the light.
  for (const [k, m] of v.minima.entries()) {
    const [mx, my] = toPx(m.x, m.y);
    if (!lit(mx, my)) continue;
    if (k === 0) drawFlag(ctx, mx, my, dpr, v.reached);
    else {
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 2 * dpr;
      ctx.beginPath();
      ctx.arc(mx, my, 6 * dpr, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }

  // The path walked so far (footprints stay visible in the dark).
  const path = v.path;
  if (path.length >= 4) {
    ctx.beginPath();
    for (let k = 0; k < path.length; k += 2) {
      const [px, py] = toPx(path[k], path[k + 1]);
      if (k === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
    }
    // A dark casing under the light line keeps it visible on bright ground too.
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.lineWidth = 4.5 * dpr;
    ctx.stroke();
    ctx.strokeStyle = '#ffe08a';
    ctx.lineWidth = 2 * dpr;
    ctx.stroke();
    ctx.fillStyle = '#ffe08a';
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.7)';
    ctx.lineWidth = 1.2 * dpr;
    for (let k = 0; k < path.length; k += 2) {
      const [px, py] = toPx(path[k], path[k + 1]);
      ctx.beginPath();
      ctx.arc(px, py, 2.8 * dpr, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
  }
  if (!inside) return;

  // The downhill arrow: direction −∇f, length growing with the slope (capped).
  const slope = Math.hypot(v.gx, v.gy);
  if (v.arrow) {
    const [tx, ty] = toPx(v.x - v.gx / slope, v.y - v.gy / slope);
    const ux = (tx - cx) / Math.hypot(tx - cx, ty - cy);
    const uy = (ty - cy) / Math.hypot(tx - cx, ty - cy);
    const len = (18 + Math.min(60, 45 * slope)) * dpr;
    const ex = cx + ux * len, ey = cy + uy * len;
    ctx.strokeStyle = '#ff5a5f';
    ctx.fillStyle = '#ff5a5f';
    ctx.lineWidth = 3 * dpr;
    ctx.beginPath();
    ctx.moveTo(cx, cy);
    ctx.lineTo(ex, ey);
    ctx.stroke();
    const h = 9 * dpr;
    ctx.beginPath();
    ctx.moveTo(ex + ux * h, ey + uy * h);
    ctx.lineTo(ex - uy * h * 0.6, ey + ux * h * 0.6);
    ctx.lineTo(ex + uy * h * 0.6, ey - ux * h * 0.6);
    ctx.closePath();
    ctx.fill();
  }
  // The climber.
  ctx.fillStyle = '#ffd43b';
  ctx.strokeStyle = '#111';
  ctx.lineWidth = 2 * dpr;
  ctx.beginPath();
  ctx.arc(cx, cy, 7 * dpr, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
}

function drawFlag(ctx, x, y, dpr, reached) {
  ctx.strokeStyle = '#fff';
  ctx.lineWidth = 2 * dpr;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x, y - 22 * dpr);
  ctx.stroke();
  ctx.fillStyle = reached ? '#2da44e' : '#ff8c42';
  ctx.beginPath();
  ctx.moveTo(x, y - 22 * dpr);
  ctx.lineTo(x + 15 * dpr, y - 17 * dpr);
  ctx.lineTo(x, y - 12 * dpr);
  ctx.closePath();
  ctx.fill();
  ctx.beginPath();
  ctx.arc(x, y, 3 * dpr, 0, 2 * Math.PI);
  ctx.fillStyle = '#fff';
  ctx.fill();
}
