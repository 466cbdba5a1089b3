// A height map with contour lines over a 2-D surface, on a uPlot chart (uPlot draws the axes and
// owns the scales; this draws the shaded map and the lines under them, and the lesson's overlays
// — paths, points, arrows — above). The grid of values comes from the core (surfaceGrid).
import { createChart } from './plot.js';
import { contourSegments, logLevels, rampColor } from './contour.js';

// options: {bounds: {xMin, xMax, yMin, yMax}, height, xLabel, yLabel, levels: 'log' | number[],
//   levelCount, shading: 'log' (default) | 'linear', onPointer(x, y, kind) with kind 'down' |
//   'move' | 'up', ariaLabel}
export function createContourPlot(container, options) {
  const { bounds } = options;
  let grid = null;          // {values, nx, ny}
  let image = null;         // an offscreen canvas with the shaded map
  let lines = [];           // contour segments in data coordinates
  let overlay = () => {};   // (ctx, toPx) => void, set by the lesson

  const chart = createChart(container, {
    height: options.height ?? 420,
    legend: { show: false },
    cursor: { show: true, drag: { x: false, y: false, setScale: false }, points: { show: false } },
    scales: { x: { time: false, range: [bounds.xMin, bounds.xMax] }, y: { range: [bounds.yMin, bounds.yMax] } },
    axes: [{ label: options.xLabel ?? 'x' }, { label: options.yLabel ?? 'y' }],
    series: [{}, { stroke: 'transparent', points: { show: false } }],
    hooks: {
      drawClear: [(u) => drawMap(u)],
      draw: [(u) => drawOverlay(u)],
    },
  }, [[bounds.xMin, bounds.xMax], [null, null]]);

  // Canvas pixel position of a data point (x, y).
  const toPx = (x, y) => [chart.valToPos(x, 'x', true), chart.valToPos(y, 'y', true)];

  // The shaded map and its lines change only with the grid or the plot's size, not when an
  // overlay moves: they are painted once into an offscreen canvas of the plotting area's size
  // and copied on every redraw (one drawImage instead of re-stroking every contour segment).
  let cache = null;  // {key, canvas}

  function paintMap(u) {
    const { left, top, width, height } = u.bbox;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width));
    canvas.height = Math.max(1, Math.round(height));
    const ctx = canvas.getContext('2d');
    ctx.save();
    ctx.imageSmoothingEnabled = true;
    // The image's rows run from y0 (bottom) to y1 (top): flip it.
    ctx.translate(0, height);
    ctx.scale(1, -1);
    ctx.drawImage(image, 0, 0, width, height);
    ctx.restore();
    ctx.strokeStyle = 'rgba(255,255,255,0.55)';
    ctx.lineWidth = Math.max(1, devicePixelRatio * 0.8);
    ctx.beginPath();
    for (const segs of lines) {
      for (let k = 0; k < segs.length; k += 4) {
        const [x1, y1] = toPx(segs[k], segs[k + 1]);
        const [x2, y2] = toPx(segs[k + 2], segs[k + 3]);
        ctx.moveTo(x1 - left, y1 - top);
        ctx.lineTo(x2 - left, y2 - top);
      }
    }
    ctx.stroke();
    return canvas;
  }

  function drawMap(u) {
    if (!image) return;
    const { left, top, width, height } = u.bbox;
    const { x, y } = u.scales;
    const key = [left, top, width, height, x.min, x.max, y.min, y.max].join();
    if (!cache || cache.key !== key) cache = { key, canvas: paintMap(u) };
    u.ctx.drawImage(cache.canvas, left, top);
  }

  function drawOverlay(u) {
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    overlay(ctx, toPx, u);
    ctx.restore();
  }

  // Sets the values to shade and contour: values[j * nx + i] at grid point (i, j).
  function setGrid(values, nx, ny) {
    grid = { values, nx, ny };
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) if (Number.isFinite(v)) { if (v < min) min = v; if (v > max) max = v; }
    // Shade by log(f − min) so that a bowl's floor is not one flat colour ('linear': by f itself,
    // for landscapes with several valleys of similar depth).
    const span = max - min || 1;
    const shade = options.shading === 'linear'
      ? (v) => (v - min) / span
      : (v) => Math.log1p((1e3 * (v - min)) / span) / Math.log1p(1e3);
    const canvas = document.createElement('canvas');
    canvas.width = nx;
    canvas.height = ny;
    const ctx = canvas.getContext('2d');
    const pixels = ctx.createImageData(nx, ny);
    for (let k = 0; k < nx * ny; k++) {
      const [r, g, b] = Number.isFinite(values[k]) ? rampColor(shade(values[k])) : [0, 0, 0];
      pixels.data.set([r, g, b, 255], 4 * k);
    }
    ctx.putImageData(pixels, 0, 0);
    image = canvas;
    cache = null;
    const levels = Array.isArray(options.levels) ? options.levels : logLevels(min, max, options.levelCount ?? 14);
    const dx = (bounds.xMax - bounds.xMin) / (nx - 1);
    const dy = (bounds.yMax - bounds.yMin) / (ny - 1);
    lines = levels.map((level) => {
      const segs = contourSegments(values, nx, ny, level);
      for (let k = 0; k < segs.length; k += 2) {
        segs[k] = bounds.xMin + segs[k] * dx;
        segs[k + 1] = bounds.yMin + segs[k + 1] * dy;
      }
      return segs;
    });
    chart.redraw(false);
    return { min, max, levels };
  }

  // Pointer input in data coordinates.
  if (options.onPointer) {
    const over = chart.over;
    let down = false;
    const send = (e, kind) => {
      const rect = over.getBoundingClientRect();
      options.onPointer(chart.posToVal(e.clientX - rect.left, 'x'), chart.posToVal(e.clientY - rect.top, 'y'), kind);
    };
    over.addEventListener('pointerdown', (e) => { down = true; over.setPointerCapture(e.pointerId); send(e, 'down'); });
    over.addEventListener('pointermove', (e) => { if (down) send(e, 'move'); });
    over.addEventListener('pointerup', (e) => { if (!down) return; down = false; send(e, 'up'); });
  }
  if (options.ariaLabel) {
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', options.ariaLabel);
  }

  return {
    chart,
    setGrid,
    // The lesson's drawing above the map: fn(ctx, toPx, chart), called on every redraw.
    setOverlay(fn) { overlay = fn; chart.redraw(false); },
    redraw() { chart.redraw(false); },
    toPx,
    grid: () => grid,
    dispose() { chart.dispose(); },
  };
}
