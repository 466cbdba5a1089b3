// "Hidden space": the training points placed at the outputs of the two neurons of one hidden
// layer (three: an isometric projection), coloured by class, so the learner sees the layer
// unfold the data.
import { CLASS_COLORS } from './colors.js';

const SIZE = 320;

export function drawHiddenSpace(canvas, space, labels, classes, activation) {
  if (canvas.width !== SIZE) canvas.width = canvas.height = SIZE;  // resizing reallocates: once
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, SIZE, SIZE);
  if (!space) return;
  let { rows, cols, data } = space;
  if (cols === 3) {
    // Three neurons: an isometric view of the cube (x, y, z) → ((x − y)·cos 30°, z + (x + y)·sin 30°),
    // drawn with ranges from the data.
    const flat = new Float64Array(rows * 2);
    for (let i = 0; i < rows; i++) {
      const x = data[3 * i], y = data[3 * i + 1], z = data[3 * i + 2];
      flat[2 * i] = (x - y) * Math.cos(Math.PI / 6);
      flat[2 * i + 1] = z + (x + y) * Math.sin(Math.PI / 6);
    }
    ({ rows, cols, data } = { rows, cols: 2, data: flat });
    activation = 'linear';
  }
  // Axis ranges: the activation's own for tanh and sigmoid, the data's for relu and linear.
  let lo = [-1, -1], hi = [1, 1];
  if (activation === 'sigmoid') { lo = [0, 0]; hi = [1, 1]; }
  if (activation === 'relu' || activation === 'linear') {
    lo = [Infinity, Infinity]; hi = [-Infinity, -Infinity];
    for (let i = 0; i < rows; i++) for (let k = 0; k < 2; k++) {
      lo[k] = Math.min(lo[k], data[i * cols + k]);
      hi[k] = Math.max(hi[k], data[i * cols + k]);
    }
    for (let k = 0; k < 2; k++) if (!(hi[k] > lo[k])) { lo[k] -= 1; hi[k] += 1; }
  }
  const pad = 12;
  const px = (v, k) => pad + ((v - lo[k]) / (hi[k] - lo[k])) * (SIZE - 2 * pad);
  ctx.strokeStyle = '#d0d7de';
  ctx.strokeRect(pad, pad, SIZE - 2 * pad, SIZE - 2 * pad);
  // One path per colour: a fill call per point would cost more than the picture is worth.
  const colour = (i) => (classes === 0 ? (labels[i] >= 0 ? '#2c7bb6' : '#e66101') : CLASS_COLORS[labels[i] % CLASS_COLORS.length]);
  const paths = new Map();
  for (let i = 0; i < rows; i++) {
    const x = px(data[i * cols], 0), y = SIZE - px(data[i * cols + 1], 1);
    const c = colour(i);
    if (!paths.has(c)) paths.set(c, new Path2D());
    paths.get(c).moveTo(x + 3, y);
    paths.get(c).arc(x, y, 3, 0, 2 * Math.PI);
  }
  for (const [c, path] of paths) {
    ctx.fillStyle = c;
    ctx.fill(path);
  }
}
