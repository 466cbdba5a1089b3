// The data as a scatter plot with the candidate line y = m·x + b, its residuals as vertical error
// bars, and two handles on the line. Drag a point to move it, double-click empty space to add a
// point, double-click a point to remove it, drag a handle to tilt or shift the line.
// Plain arrays in, callbacks out; the numbers (predictions, residuals) come from the core.
import { createChart } from '../../shared/plot.js';

const HIT_PX = 14;        // how close (CSS px) a pointer must be to grab a point or handle
const SNAP = 100;         // dragged points snap to 0.01 so the table stays readable

// Drawing with huge coordinates (a diverged line) can upset the canvas: keep pixels bounded.
const clampPx = (v) => Math.max(-1e5, Math.min(1e5, v));
const snap = (v) => Math.round(v * SNAP) / SNAP;

// callbacks: {movePoint(i, x, y, phase), addPoint(x, y), removePoint(i), setLine(m, b, phase)}
// with phase 'move' while dragging and 'end' on release.
export function createScatter(container, callbacks, { height = 340, labels }) {
  let view = { xMin: 0, xMax: 6, yMin: 0, yMax: 4 };
  let scene = { points: [], m: 0, b: 0, prediction: [], fit: null, showFit: false };
  let drag = null;  // {kind: 'point', i} | {kind: 'handle', which: 0 | 1}

  const chart = createChart(container, {
    height,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false, range: () => [view.xMin, view.xMax] }, y: { range: () => [view.yMin, view.yMax] } },
    axes: [{ label: 'x' }, { label: 'y' }],
    series: [{}, { stroke: 'transparent', points: { show: false } }],
    hooks: { draw: [(u) => draw(u)] },
  }, [[0, 6], [null, null]]);

  // The handles sit on the line at 20 % and 80 % of the visible x range.
  const handleX = () => [view.xMin + 0.2 * (view.xMax - view.xMin), view.xMin + 0.8 * (view.xMax - view.xMin)];
  const lineY = (x) => scene.m * x + scene.b;  // drawing only: where the line crosses x

  function draw(u) {
    const { ctx } = u;
    const { left, top, width, height: h } = u.bbox;
    const px = (x, y) => [clampPx(u.valToPos(x, 'x', true)), clampPx(u.valToPos(y, 'y', true))];
    const r = devicePixelRatio;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, h);
    ctx.clip();
    if (scene.showFit && scene.fit) {
      ctx.strokeStyle = '#1a7f37';
      ctx.lineWidth = 2 * r;
      ctx.setLineDash([8 * r, 5 * r]);
      ctx.beginPath();
      ctx.moveTo(...px(view.xMin, scene.fit.m * view.xMin + scene.fit.b));
      ctx.lineTo(...px(view.xMax, scene.fit.m * view.xMax + scene.fit.b));
      ctx.stroke();
      ctx.setLineDash([]);
    }
    // Residuals: from each point to the line, as the core computed them.
    ctx.strokeStyle = '#d1242f';
    ctx.lineWidth = 2 * r;
    ctx.setLineDash([4 * r, 3 * r]);
    scene.points.forEach(([x, y], i) => {
      ctx.beginPath();
      ctx.moveTo(...px(x, y));
      ctx.lineTo(...px(x, scene.prediction[i]));
      ctx.stroke();
    });
    ctx.setLineDash([]);
    ctx.strokeStyle = '#0d1b2a';
    ctx.lineWidth = 2.5 * r;
    ctx.beginPath();
    ctx.moveTo(...px(view.xMin, lineY(view.xMin)));
    ctx.lineTo(...px(view.xMax, lineY(view.xMax)));
    ctx.stroke();
    for (const hx of handleX()) {
      const [cx, cy] = px(hx, lineY(hx));
      ctx.fillStyle = '#f2cc60';
      ctx.strokeStyle = '#0d1b2a';
      ctx.lineWidth = 2 * r;
      ctx.beginPath();
      ctx.moveTo(cx, cy - 8 * r); ctx.lineTo(cx + 8 * r, cy); ctx.lineTo(cx, cy + 8 * r); ctx.lineTo(cx - 8 * r, cy);
      ctx.closePath();
      ctx.fill();
      ctx.stroke();
    }
    scene.points.forEach(([x, y], i) => {
      const [cx, cy] = px(x, y);
      const active = drag?.kind === 'point' && drag.i === i;
      ctx.fillStyle = active ? '#f2cc60' : '#1f5fbf';
      ctx.strokeStyle = '#fff';
      ctx.lineWidth = 2 * r;
      ctx.beginPath();
      ctx.arc(cx, cy, (active ? 9 : 7) * r, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    });
    ctx.restore();
  }

  // Pointer position in data coordinates and CSS px (relative to the plotting area).
  const over = chart.over;
  const where = (e) => {
    const rect = over.getBoundingClientRect();
    const px = e.clientX - rect.left;
    const py = e.clientY - rect.top;
    return { px, py, x: chart.posToVal(px, 'x'), y: chart.posToVal(py, 'y') };
  };
  const cssPx = (x, y) => [chart.valToPos(x, 'x'), chart.valToPos(y, 'y')];
  function hitPoint({ px, py }) {
    let best = -1;
    let bestD = HIT_PX;
    scene.points.forEach(([x, y], i) => {
      const [cx, cy] = cssPx(x, y);
      const d = Math.hypot(cx - px, cy - py);
      if (d <= bestD) { best = i; bestD = d; }
    });
    return best;
  }
  function hitHandle({ px, py }) {
    return handleX().findIndex((hx) => {
      const [cx, cy] = cssPx(hx, lineY(hx));
      return Math.hypot(cx - px, cy - py) <= HIT_PX;
    });
  }
  const inView = (x, y) => [snap(Math.min(view.xMax, Math.max(view.xMin, x))), snap(Math.min(view.yMax, Math.max(view.yMin, y)))];

  // Input mapping for a handle: the dragged handle follows the pointer, the other stays put, and
  // (m, b) is the line through the two — the inverse of drawing the line through its handles.
  function lineFromHandles(which, y) {
    const hx = handleX();
    const other = 1 - which;
    const yOther = lineY(hx[other]);
    const m = (y - yOther) / (hx[which] - hx[other]);
    return { m: +m.toFixed(4), b: +(yOther - m * hx[other]).toFixed(4) };
  }

  function move(e, phase) {
    if (!drag) return;
    const p = where(e);
    if (drag.kind === 'point') {
      const [x, y] = inView(p.x, p.y);
      callbacks.movePoint(drag.i, x, y, phase);
    } else {
      const { m, b } = lineFromHandles(drag.which, Math.min(view.yMax, Math.max(view.yMin, p.y)));
      callbacks.setLine(m, b, phase);
    }
  }
  over.addEventListener('pointerdown', (e) => {
    const p = where(e);
    const i = hitPoint(p);
    if (i >= 0) drag = { kind: 'point', i };
    else {
      const which = hitHandle(p);
      if (which >= 0) drag = { kind: 'handle', which };
    }
    if (drag) {
      over.setPointerCapture(e.pointerId);
      chart.redraw(false);
    }
  });
  over.addEventListener('pointermove', (e) => {
    if (drag) { move(e, 'move'); return; }
    const p = where(e);
    over.style.cursor = hitPoint(p) >= 0 || hitHandle(p) >= 0 ? 'grab' : 'crosshair';
  });
  const release = (e) => {
    if (!drag) return;
    move(e, 'end');
    drag = null;
    chart.redraw(false);
  };
  over.addEventListener('pointerup', release);
  over.addEventListener('pointercancel', release);
  over.addEventListener('dblclick', (e) => {
    const p = where(e);
    const i = hitPoint(p);
    if (i >= 0) callbacks.removePoint(i);
    else callbacks.addPoint(...inView(p.x, p.y));
  });
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', labels.aria);

  return {
    chart,
    // The box to show: the default one, widened to hold every point.
    setView(points) {
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      const pad = 0.5;
      view = {
        xMin: Math.min(0, Math.floor(Math.min(...xs) - pad)), xMax: Math.max(6, Math.ceil(Math.max(...xs) + pad)),
        yMin: Math.min(0, Math.floor(Math.min(...ys) - pad)), yMax: Math.max(4, Math.ceil(Math.max(...ys) + pad)),
      };
      chart.setScale('x', { min: view.xMin, max: view.xMax });
      chart.setScale('y', { min: view.yMin, max: view.yMax });
    },
    update(next) {
      scene = { ...scene, ...next };
      chart.redraw(false);
    },
    dragging: () => drag !== null,
    handlePositions: () => handleX().map((hx) => cssPx(hx, lineY(hx))),
    dispose() { chart.dispose(); },
  };
}
