// Pictures of a k-per-axis grid: a square of k² points and a cube of k³ points in perspective,
// turned by drag, arrow keys or a slider. The counts in the captions come from the core.
import { applyStrings, t } from '../../shared/i18n.js';
import { formatInteger } from './big-format.js';

const MAX_DRAWN = 20;  // points per axis drawn at most (the caption says so when capped)

const template = `
  <h2 data-i18n="l2.pics.title"></h2>
  <p data-i18n="l2.pics.explain"></p>
  <div class="pics">
    <figure>
      <canvas class="square" width="300" height="300" role="img" data-i18n-aria-label="l2.pics.square_label"></canvas>
      <figcaption data-out="square-caption"></figcaption>
    </figure>
    <figure>
      <canvas class="cube" width="300" height="300" tabindex="0" role="img" data-i18n-aria-label="l2.pics.cube_label"></canvas>
      <figcaption data-out="cube-caption"></figcaption>
      <label class="rotate"><span data-i18n="l2.pics.rotate"></span>
        <input name="rot" type="range" min="0" max="359" step="1"></label>
      <p class="hint" data-i18n="l2.pics.cube_keys"></p>
    </figure>
  </div>`;

// state: {k, rot}; returns {render}.
export function mountSamplingPictures(root, core, state, onChange) {
  root.innerHTML = template;
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const square = $('canvas.square');
  const cube = $('canvas.cube');
  const rot = $('input[name=rot]');
  rot.value = state.rot;

  function caption(key, dims) {
    const r = core.guessReport(state.k, dims, 1);
    const count = r.exact.length <= 15 ? formatInteger(Number(r.exact)) : r.exact;
    const drawn = Math.min(state.k, MAX_DRAWN);
    return t(key, { k: formatInteger(state.k), count }) + (drawn < state.k ? ` ${t('l2.pics.capped', { shown: drawn })}` : '');
  }

  function render() {
    const n = Math.min(state.k, MAX_DRAWN);
    drawSquare(square, n);
    drawCube(cube, n, (state.rot * Math.PI) / 180);
    $('[data-out=square-caption]').textContent = caption('l2.pics.square', 2);
    $('[data-out=cube-caption]').textContent = caption('l2.pics.cube', 3);
  }

  const turn = (deg) => {
    state.rot = ((Math.round(state.rot + deg) % 360) + 360) % 360;
    rot.value = state.rot;
    render();
    onChange();
  };
  rot.addEventListener('input', () => turn(Number(rot.value) - state.rot));
  cube.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      e.preventDefault();
      turn(e.key === 'ArrowLeft' ? -10 : 10);
    }
  });
  let dragX = null;
  cube.addEventListener('pointerdown', (e) => { dragX = e.clientX; cube.setPointerCapture(e.pointerId); });
  cube.addEventListener('pointermove', (e) => {
    if (dragX === null) return;
    turn((e.clientX - dragX) * 0.8);
    dragX = e.clientX;
  });
  cube.addEventListener('pointerup', () => { dragX = null; });
  render();
  return { render };
}

function prepare(canvas) {
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return ctx;
}

// n×n points at the centres of the cells of a square.
function drawSquare(canvas, n) {
  const ctx = prepare(canvas);
  const pad = 20, size = canvas.width - 2 * pad;
  ctx.strokeStyle = '#57606a';
  ctx.lineWidth = 1.5;
  ctx.strokeRect(pad, pad, size, size);
  ctx.fillStyle = '#1f5fbf';
  const r = Math.max(1.5, Math.min(5, size / n / 5));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      ctx.beginPath();
      ctx.arc(pad + ((i + 0.5) * size) / n, pad + ((j + 0.5) * size) / n, r, 0, 2 * Math.PI);
      ctx.fill();
    }
  }
}

// n×n×n points in a unit cube turned by `yaw` about the vertical axis, tilted, in perspective;
// far points drawn first and fainter.
function drawCube(canvas, n, yaw) {
  const ctx = prepare(canvas);
  const tilt = 0.45;
  const cy = Math.cos(yaw), sy = Math.sin(yaw), ct = Math.cos(tilt), st = Math.sin(tilt);
  const project = (x, y, z) => {
    const x1 = cy * x + sy * z, z1 = -sy * x + cy * z;          // turn about the vertical
    const y2 = ct * y - st * z1, z2 = st * y + ct * z1;         // tilt toward the viewer
    const depth = 3.2 + z2;
    const scale = (canvas.width * 0.95) / depth;
    return [canvas.width / 2 + x1 * scale, canvas.height / 2 - y2 * scale, depth];
  };
  const corners = [];
  for (const x of [-0.5, 0.5]) for (const y of [-0.5, 0.5]) for (const z of [-0.5, 0.5]) corners.push(project(x, y, z));
  ctx.strokeStyle = '#57606a';
  ctx.lineWidth = 1.2;
  for (let a = 0; a < 8; a++) {
    for (let b = a + 1; b < 8; b++) {
      const diff = a ^ b;
      if (diff !== 1 && diff !== 2 && diff !== 4) continue;
      ctx.beginPath();
      ctx.moveTo(corners[a][0], corners[a][1]);
      ctx.lineTo(corners[b][0], corners[b][1]);
      ctx.stroke();
    }
  }
  const points = [];
  const c = (i) => (i + 0.5) / n - 0.5;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) points.push(project(c(i), c(j), c(k)));
  points.sort((p, q) => q[2] - p[2]);
  const r = Math.max(0.8, Math.min(3.5, 16 / n));
  for (const [x, y, depth] of points) {
    const near = Math.min(1, Math.max(0, (4.1 - depth) / 1.8));
    ctx.fillStyle = `rgba(31, 95, 191, ${0.2 + 0.7 * near})`;
    ctx.beginPath();
    ctx.arc(x, y, r * (3.2 / depth), 0, 2 * Math.PI);
    ctx.fill();
  }
}
