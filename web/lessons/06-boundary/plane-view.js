// The big picture: a heatmap (the output, or one neuron) over the plane [lo, hi]², the training
// points (filled, white ring) and test points (hollow, dark ring) on top; editing of the
// training points by pointer (click on empty plane adds, drag moves, double-click removes) and
// by keyboard (the focused plane shows a cursor: arrows move it, Shift for bigger steps; Enter
// or Space adds a point there, or picks up the point under it and puts it down at the next
// Enter; Delete removes the point under it; Escape drops what is carried). Draws only what it
// is given; the controller owns the data; `announce` tells screen readers what a key did.
import { CLASS_COLORS } from './colors.js';

const SIZE = 480;  // canvas pixels per side (CSS scales it)
const HIT = 9;     // pixels around a point that grab it

export function createPlane(canvas, { onAdd, onMove, onRemove, announce = () => {} }) {
  canvas.width = SIZE;
  canvas.height = SIZE;
  canvas.tabIndex = 0;
  const ctx = canvas.getContext('2d');
  const tile = document.createElement('canvas');
  let last = null;   // the last draw's arguments
  let drag = null;   // {which, index, moved, x1, x2}; a point carried by keyboard is a drag too
  const cursor = { x1: 0, x2: 0 };

  const toPixel = (v, lo, hi) => ((v - lo) / (hi - lo)) * SIZE;
  const fromEvent = (e) => {
    const r = canvas.getBoundingClientRect();
    const { lo, hi } = last;
    const px = ((e.clientX - r.left) / r.width) * SIZE, py = ((e.clientY - r.top) / r.height) * SIZE;
    return { px, py, x1: lo + (px / SIZE) * (hi - lo), x2: hi - (py / SIZE) * (hi - lo) };
  };

  function pointColor(label, classes) {
    if (classes === 0) return label >= 0 ? '#2c7bb6' : '#e66101';
    return CLASS_COLORS[label % CLASS_COLORS.length];
  }

  // One path per colour (and one for the test points' rings): a fill and a stroke per point
  // would cost more than the rest of the frame.
  function drawPoints(points, classes, test) {
    const { lo, hi } = last;
    const r = test ? 4.5 : 4;
    const paths = new Map();
    const rings = new Path2D();
    for (let i = 0; i < points.x1.length; i++) {
      let a = points.x1[i], b = points.x2[i];
      if (drag?.moved && !test && drag.index === i) { a = drag.x1; b = drag.x2; }
      const x = toPixel(a, lo, hi), y = SIZE - toPixel(b, lo, hi);
      const c = pointColor(points.label[i], classes);
      if (!paths.has(c)) paths.set(c, new Path2D());
      paths.get(c).moveTo(x + r, y);
      paths.get(c).arc(x, y, r, 0, 2 * Math.PI);
      if (test) {
        rings.moveTo(x + 6, y);
        rings.arc(x, y, 6, 0, 2 * Math.PI);
      }
    }
    for (const [c, path] of paths) {
      ctx.fillStyle = test ? '#ffffff' : c;
      ctx.fill(path);
      ctx.lineWidth = test ? 2.2 : 1.2;
      ctx.strokeStyle = test ? c : '#ffffff';
      ctx.stroke(path);
    }
    if (test) {
      ctx.lineWidth = 0.8;
      ctx.strokeStyle = '#1b1f24';
      ctx.stroke(rings);
    }
  }

  // image: ImageData of n x n (row 0 at x2 = hi); data: {train, test, classes}.
  function draw(image, data, { lo = -6, hi = 6, showTest = true } = {}) {
    last = { image, data, lo, hi, showTest };
    // Setting a canvas's size, even to the same value, clears it and reallocates its bitmap.
    if (tile.width !== image.width) tile.width = image.width;
    if (tile.height !== image.height) tile.height = image.height;
    tile.getContext('2d').putImageData(image, 0, 0);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(tile, 0, 0, SIZE, SIZE);
    // Axes through the origin, light.
    ctx.strokeStyle = 'rgba(0,0,0,0.25)';
    ctx.lineWidth = 1;
    const o = toPixel(0, lo, hi);
    ctx.beginPath(); ctx.moveTo(o, 0); ctx.lineTo(o, SIZE); ctx.moveTo(0, SIZE - o); ctx.lineTo(SIZE, SIZE - o); ctx.stroke();
    drawPoints(data.train, data.classes, false);
    if (showTest) drawPoints(data.test, data.classes, true);
    if (document.activeElement === canvas) drawCursor();
  }

  function drawCursor() {
    const { lo, hi } = last;
    const x = toPixel(cursor.x1, lo, hi), y = SIZE - toPixel(cursor.x2, lo, hi);
    ctx.lineWidth = 2;
    for (const [colour, r] of [['#ffffff', 12], ['#1b1f24', 10]]) {
      ctx.strokeStyle = colour;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.moveTo(x - r - 5, y); ctx.lineTo(x - r + 4, y); ctx.moveTo(x + r - 4, y); ctx.lineTo(x + r + 5, y);
      ctx.moveTo(x, y - r - 5); ctx.lineTo(x, y - r + 4); ctx.moveTo(x, y + r - 4); ctx.lineTo(x, y + r + 5);
      ctx.stroke();
    }
  }

  function hit(px, py) {
    const { lo, hi, data } = last;
    let best = -1, bestD = HIT * HIT;
    for (let i = 0; i < data.train.x1.length; i++) {
      const dx = toPixel(data.train.x1[i], lo, hi) - px, dy = SIZE - toPixel(data.train.x2[i], lo, hi) - py;
      if (dx * dx + dy * dy <= bestD) { bestD = dx * dx + dy * dy; best = i; }
    }
    return best;
  }

  const down = (e) => {
    if (!last || e.button !== 0) return;
    const p = fromEvent(e);
    drag = { index: hit(p.px, p.py), moved: false, x1: p.x1, x2: p.x2, start: p };
    canvas.setPointerCapture?.(e.pointerId);
  };
  const move = (e) => {
    if (!drag || drag.index < 0) return;
    const p = fromEvent(e);
    if (!drag.moved && Math.hypot(p.px - drag.start.px, p.py - drag.start.py) < 3) return;
    drag.moved = true;
    drag.x1 = p.x1;
    drag.x2 = p.x2;
    draw(last.image, last.data, last);
  };
  const up = (e) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    const p = fromEvent(e);
    if (d.index >= 0 && d.moved) onMove(d.index, p.x1, p.x2);
    else if (d.index < 0 && Math.hypot(p.px - d.start.px, p.py - d.start.py) < 3) onAdd(p.x1, p.x2);
  };
  const dbl = (e) => {
    if (!last) return;
    const p = fromEvent(e);
    const i = hit(p.px, p.py);
    if (i >= 0) onRemove(i);
  };
  const redraw = () => { if (last) draw(last.image, last.data, last); };
  const key = (e) => {
    if (!last) return;
    const { lo, hi } = last;
    const step = ((hi - lo) / 48) * (e.shiftKey ? 5 : 1);
    const arrows = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
    const round = (v) => Math.round(v * 100) / 100;
    if (arrows[e.key]) {
      const [dx, dy] = arrows[e.key];
      cursor.x1 = round(Math.min(hi, Math.max(lo, cursor.x1 + dx * step)));
      cursor.x2 = round(Math.min(hi, Math.max(lo, cursor.x2 + dy * step)));
      if (drag?.keyboard) { drag.x1 = cursor.x1; drag.x2 = cursor.x2; }
      announce('cursor', { x1: cursor.x1, x2: cursor.x2 });
    } else if (e.key === 'Enter' || e.key === ' ') {
      const under = hit(toPixel(cursor.x1, lo, hi), SIZE - toPixel(cursor.x2, lo, hi));
      if (drag?.keyboard) {
        const { index } = drag;
        drag = null;
        onMove(index, cursor.x1, cursor.x2);
        announce('moved', cursor);
      } else if (under >= 0) {
        drag = { index: under, moved: true, keyboard: true, x1: cursor.x1, x2: cursor.x2 };
        announce('picked', cursor);
      } else {
        onAdd(cursor.x1, cursor.x2);
        announce('added', cursor);
      }
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      const under = hit(toPixel(cursor.x1, lo, hi), SIZE - toPixel(cursor.x2, lo, hi));
      if (under < 0) { announce('nothing', cursor); } else { drag = null; onRemove(under); announce('removed', cursor); }
    } else if (e.key === 'Escape' && drag?.keyboard) {
      drag = null;
      announce('dropped', cursor);
    } else {
      return;
    }
    e.preventDefault();
    redraw();
  };
  canvas.addEventListener('keydown', key);
  canvas.addEventListener('focus', redraw);
  canvas.addEventListener('blur', () => { if (drag?.keyboard) drag = null; redraw(); });
  canvas.addEventListener('pointerdown', down);
  canvas.addEventListener('pointermove', move);
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('dblclick', dbl);
  return {
    draw,
    dispose() {
      canvas.removeEventListener('pointerdown', down);
      canvas.removeEventListener('pointermove', move);
      canvas.removeEventListener('pointerup', up);
      canvas.removeEventListener('dblclick', dbl);
      canvas.removeEventListener('keydown', key);
    },
  };
}
