// Colours of the lesson: one per class, and the diverging scale of neuron pictures (blue for
// positive, orange for negative, white at zero). Pure functions from numbers to RGB.
export const CLASS_COLORS = ['#e66101', '#2c7bb6', '#1a9641', '#8e44ad', '#d7191c', '#b8860b', '#00a6a6', '#7f3b08', '#5e3c99', '#555555'];
const NEG = [230, 97, 1];
const POS = [44, 123, 182];

export const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const CLASS_RGB = CLASS_COLORS.map(rgb);

// v in [−1, 1] → white to blue (positive) or orange (negative).
export function diverging(v, out, at) {
  const s = Math.max(-1, Math.min(1, v));
  const c = s >= 0 ? POS : NEG;
  const a = Math.abs(s);
  out[at] = 255 + (c[0] - 255) * a;
  out[at + 1] = 255 + (c[1] - 255) * a;
  out[at + 2] = 255 + (c[2] - 255) * a;
  out[at + 3] = 255;
}

// A layer's picture values scaled to [−1, 1]: tanh as is, sigmoid and probabilities from [0, 1],
// relu, linear and features by their largest magnitude.
export function scaleOf(kind, values) {
  if (kind === 'tanh') return { offset: 0, scale: 1 };
  if (kind === 'sigmoid') return { offset: -0.5, scale: 2 };
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return { offset: 0, scale: m > 0 ? 1 / m : 1 };
}

// Fills `image` (RGBA, n² pixels) with neuron j's picture from neuron-major `values`.
// step > 1 paints every step-th row and column of the n × n grid (a thumbnail of a finer grid).
export function paintNeuron(image, values, j, n, kind, discretize = false, step = 1) {
  const { offset, scale } = scaleOf(kind, kind === 'tanh' || kind === 'sigmoid' ? null : values.subarray(j * n * n, (j + 1) * n * n));
  const base = j * n * n;
  const m = Math.floor(n / step);
  for (let r = 0, out = 0; r < m; r++) {
    const row = base + r * step * n;
    for (let c = 0; c < m; c++, out++) {
      let v = (values[row + c * step] + offset) * scale;
      if (discretize) v = Math.sign(v);
      diverging(v, image.data, 4 * out);
    }
  }
}

// The output picture: 2 classes from p(class 1), K classes from the most likely class (paler
// where less sure), regression by value on the diverging scale. Background colours are pale so
// the points stand out.
export function paintOutput(image, layer, n, classes, discretize) {
  const d = image.data;
  const px = n * n;
  for (let i = 0; i < px; i++) {
    let r = 255, g = 255, b = 255;
    if (classes === 0) {
      diverging(discretize ? Math.sign(layer[i]) : layer[i], d, 4 * i);
      continue;
    } else if (classes === 2) {
      const p = layer[i];
      const sure = discretize ? 1 : Math.abs(2 * p - 1);
      const c = CLASS_RGB[p > 0.5 ? 1 : 0];
      const a = 0.55 * sure;
      r = 255 + (c[0] - 255) * a; g = 255 + (c[1] - 255) * a; b = 255 + (c[2] - 255) * a;
    } else {
      let best = 0;
      for (let k = 1; k < classes; k++) if (layer[k * px + i] > layer[best * px + i]) best = k;
      const sure = discretize ? 1 : (layer[best * px + i] - 1 / classes) / (1 - 1 / classes);
      const c = CLASS_RGB[best % CLASS_RGB.length];
      const a = 0.55 * Math.max(0, sure);
      r = 255 + (c[0] - 255) * a; g = 255 + (c[1] - 255) * a; b = 255 + (c[2] - 255) * a;
    }
    d[4 * i] = r; d[4 * i + 1] = g; d[4 * i + 2] = b; d[4 * i + 3] = 255;
  }
}

// The predicted class at pixel i (K classes) or from p (2 classes).
export function classAt(layer, i, n, classes) {
  if (classes === 2) return layer[i] > 0.5 ? 1 : 0;
  const px = n * n;
  let best = 0;
  for (let k = 1; k < classes; k++) if (layer[k * px + i] > layer[best * px + i]) best = k;
  return best;
}
