// Draws 28 x 28 images on canvases: MNIST bytes in grey (ink dark on paper, as written), and a
// first-layer unit's 784 weights in a blue–white–red ramp (blue negative, red positive), scaled
// by that unit's largest |weight| so each image uses the whole ramp. Drawing only.
const SIDE = 28;
const PER_FRAME = 6;

// Fills `container` with make(0 … count − 1), PER_FRAME items per animation frame, so a gallery
// of a hundred canvases never blocks the page for long. A newer fill of the same container
// cancels the older one.
export function fillGallery(container, count, make) {
  const token = {};
  container.fillToken = token;
  container.replaceChildren();
  let next = 0;
  const step = () => {
    if (container.fillToken !== token) return;
    const end = Math.min(count, next + PER_FRAME);
    const items = [];
    for (; next < end; next++) items.push(make(next));
    container.append(...items);
    if (next < count) requestAnimationFrame(step);
  };
  step();
}

export function digitCanvas(bytes, offset = 0, size = 56) {
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  drawDigit(canvas, bytes, offset);
  return canvas;
}

export function drawDigit(canvas, bytes, offset = 0) {
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(SIDE, SIDE);
  for (let i = 0; i < SIDE * SIDE; i++) {
    const v = 255 - bytes[offset + i];
    image.data.set([v, v, v, 255], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
}

// kernel: {rows: 784, cols: units, data} row-major; draws column `unit`.
export function weightCanvas(kernel, unit, size = 56) {
  const canvas = document.createElement('canvas');
  canvas.width = SIDE;
  canvas.height = SIDE;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  const { cols, data } = kernel;
  let scale = 0;
  for (let i = 0; i < SIDE * SIDE; i++) scale = Math.max(scale, Math.abs(data[i * cols + unit]));
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(SIDE, SIDE);
  for (let i = 0; i < SIDE * SIDE; i++) {
    const s = scale > 0 ? data[i * cols + unit] / scale : 0; // −1 … 1
    const fade = Math.round(255 * (1 - Math.abs(s)));
    image.data.set(s >= 0 ? [255, fade, fade, 255] : [fade, fade, 255, 255], 4 * i);
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}
