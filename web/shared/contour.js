// Contour lines by marching squares, and level choices. Pure functions over plain arrays (no
// DOM), so they are testable in node. The grid is row-major: values[j * nx + i] is the value at
// x_i = x0 + i·dx, y_j = y0 + j·dy.

// Levels spaced evenly in log(f − min): dense near the floor of a bowl, sparse up the walls.
export function logLevels(min, max, count) {
  const span = max - min;
  if (!(span > 0) || !Number.isFinite(span)) return [];
  const lo = Math.log(span * 1e-4);
  const hi = Math.log(span);
  const levels = [];
  for (let k = 0; k < count; k++) levels.push(min + Math.exp(lo + ((hi - lo) * (k + 0.5)) / count));
  return levels;
}

export function linearLevels(min, max, count) {
  const levels = [];
  for (let k = 1; k <= count; k++) levels.push(min + ((max - min) * k) / (count + 1));
  return levels;
}

// Segments [x1, y1, x2, y2, ...] (in grid coordinates i, j) where the field crosses `level`.
export function contourSegments(values, nx, ny, level) {
  const out = [];
  const at = (i, j) => values[j * nx + i];
  // Where along an edge from a to b the level is crossed (0..1).
  const t = (a, b) => (level - a) / (b - a);
  for (let j = 0; j < ny - 1; j++) {
    for (let i = 0; i < nx - 1; i++) {
      const a = at(i, j), b = at(i + 1, j), c = at(i + 1, j + 1), d = at(i, j + 1);
      if (!(Number.isFinite(a) && Number.isFinite(b) && Number.isFinite(c) && Number.isFinite(d))) continue;
      const code = (a > level ? 1 : 0) | (b > level ? 2 : 0) | (c > level ? 4 : 0) | (d > level ? 8 : 0);
      if (code === 0 || code === 15) continue;
      // Crossing points on the four edges: bottom (a-b), right (b-c), top (d-c), left (a-d).
      const bottom = () => [i + t(a, b), j];
      const right = () => [i + 1, j + t(b, c)];
      const top = () => [i + t(d, c), j + 1];
      const left = () => [i, j + t(a, d)];
      const push = (p, q) => out.push(p[0], p[1], q[0], q[1]);
      switch (code) {
        case 1: case 14: push(left(), bottom()); break;
        case 2: case 13: push(bottom(), right()); break;
        case 3: case 12: push(left(), right()); break;
        case 4: case 11: push(right(), top()); break;
        case 6: case 9: push(bottom(), top()); break;
        case 7: case 8: push(left(), top()); break;
        case 5: push(left(), top()); push(bottom(), right()); break;   // saddle cells: two segments
        case 10: push(left(), bottom()); push(right(), top()); break;
        default: break;
      }
    }
  }
  return out;
}

// A perceptual colour ramp (dark blue valleys → yellow peaks), u in [0, 1] → [r, g, b].
const RAMP = [[13, 8, 135], [84, 2, 163], [139, 10, 165], [185, 50, 137], [219, 92, 104],
  [244, 136, 73], [254, 188, 43], [240, 249, 33]];
export function rampColor(u) {
  const x = Math.min(1, Math.max(0, u)) * (RAMP.length - 1);
  const k = Math.min(RAMP.length - 2, Math.floor(x));
  const f = x - k;
  return RAMP[k].map((c, n) => Math.round(c + (RAMP[k + 1][n] - c) * f));
}
