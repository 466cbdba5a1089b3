// Marker shapes and dash patterns of the racers, on a canvas and as a small SVG swatch for the
// legend, so that every racer is told apart by shape and line style as well as by colour.
const SHAPES = {
  circle: (r) => [['arc', 0, 0, r]],
  square: (r) => [['poly', [[-r, -r], [r, -r], [r, r], [-r, r]]]],
  diamond: (r) => [['poly', [[0, -1.3 * r], [1.3 * r, 0], [0, 1.3 * r], [-1.3 * r, 0]]]],
  triangle: (r) => [['poly', [[0, -1.3 * r], [1.2 * r, r], [-1.2 * r, r]]]],
  triangleDown: (r) => [['poly', [[0, 1.3 * r], [1.2 * r, -r], [-1.2 * r, -r]]]],
  cross: (r) => [['poly', cross(r, Math.PI / 4)]],
  plus: (r) => [['poly', cross(r, 0)]],
  star: (r) => [['poly', star(r)]],
};

function cross(r, angle) {
  const w = 0.38 * r;
  const arm = [[-w, -1.3 * r], [w, -1.3 * r], [w, -w], [1.3 * r, -w], [1.3 * r, w], [w, w], [w, 1.3 * r], [-w, 1.3 * r], [-w, w], [-1.3 * r, w], [-1.3 * r, -w], [-w, -w]];
  const c = Math.cos(angle), s = Math.sin(angle);
  return arm.map(([x, y]) => [x * c - y * s, x * s + y * c]);
}

function star(r) {
  const points = [];
  for (let k = 0; k < 10; k++) {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const rr = k % 2 === 0 ? 1.45 * r : 0.62 * r;
    points.push([rr * Math.cos(a), rr * Math.sin(a)]);
  }
  return points;
}

// Draws `shape` centred at (x, y) in canvas pixels; `hollow` draws only the outline.
export function drawMarker(ctx, shape, x, y, r, { fill, stroke, lineWidth = 1.5, hollow = false }) {
  ctx.beginPath();
  for (const [kind, ...args] of (SHAPES[shape] ?? SHAPES.circle)(r)) {
    if (kind === 'arc') ctx.arc(x, y, args[2], 0, 2 * Math.PI);
    else args[0].forEach(([px, py], i) => (i ? ctx.lineTo(x + px, y + py) : ctx.moveTo(x + px, y + py)));
  }
  ctx.closePath();
  ctx.lineWidth = lineWidth;
  ctx.strokeStyle = stroke;
  if (!hollow) {
    ctx.fillStyle = fill;
    ctx.fill();
  }
  ctx.stroke();
}

// An inline SVG: a short line in the racer's dash pattern with its marker in the middle.
export function swatchSvg(opt) {
  const r = 5;
  const shape = (SHAPES[opt.marker] ?? SHAPES.circle)(r)[0];
  const markerSvg = shape[0] === 'arc'
    ? `<circle cx="22" cy="9" r="${r}"/>`
    : `<polygon points="${shape[1].map(([x, y]) => `${(22 + x).toFixed(2)},${(9 + y).toFixed(2)}`).join(' ')}"/>`;
  const dash = opt.dash.length ? ` stroke-dasharray="${opt.dash.join(' ')}"` : '';
  return `<svg class="swatch" width="44" height="18" viewBox="0 0 44 18" aria-hidden="true">` +
    `<line x1="1" y1="9" x2="43" y2="9" stroke="${opt.halo}" stroke-width="5"/>` +
    `<line x1="1" y1="9" x2="43" y2="9" stroke="${opt.color}" stroke-width="2.5"${dash}/>` +
    `<g fill="${opt.color}" stroke="${opt.halo}" stroke-width="1.2">${markerSvg}</g></svg>`;
}
