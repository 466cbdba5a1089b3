// Draws images on canvases: MNIST bytes in grey (ink dark on paper, as written); a first-layer
// unit's weights (784 of a Dense unit, 3×3 of a conv filter) in a blue–white–red ramp (blue
// negative, red positive), scaled by that unit's largest |weight| so each image uses the whole
// ramp; one channel of a feature map in grey, scaled by its largest value. Drawing only.
const SIDE = 28;
const PER_FRAME = 6;

// One opaque pixel, written in place (an array literal per pixel made a gallery's garbage).
function setPixel(data, i, r, g, b) {
  data[4 * i] = r;
  data[4 * i + 1] = g;
  data[4 * i + 2] = b;
  data[4 * i + 3] = 255;
}

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
    setPixel(image.data, i, v, v, v);
  }
  ctx.putImageData(image, 0, 0);
}

// kernel: {rows: side², cols: units, data} row-major (784 for a Dense unit on MNIST, 9 for a
// 3×3 filter on one channel); draws column `unit` as a side × side picture.
export function weightCanvas(kernel, unit, size = 56) {
  const side = Math.round(Math.sqrt(kernel.rows));
  const canvas = document.createElement('canvas');
  canvas.width = side;
  canvas.height = side;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${size}px`;
  canvas.style.imageRendering = 'pixelated';
  const { cols, data } = kernel;
  let scale = 0;
  for (let i = 0; i < side * side; i++) scale = Math.max(scale, Math.abs(data[i * cols + unit]));
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(side, side);
  for (let i = 0; i < side * side; i++) {
    const s = scale > 0 ? data[i * cols + unit] / scale : 0; // −1 … 1
    const fade = Math.round(255 * (1 - Math.abs(s)));
    if (s >= 0) setPixel(image.data, i, 255, fade, fade);
    else setPixel(image.data, i, fade, fade, 255);
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}

// map: {height, width, channels, data} channels-last (a layer's output for one image); draws
// channel `channel`, dark where the value is largest (0 and below: paper).
export function mapCanvas(map, channel, size = 56) {
  const { height, width, channels, data } = map;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.style.width = `${size}px`;
  canvas.style.height = `${Math.round((size * height) / width)}px`;
  canvas.style.imageRendering = 'pixelated';
  let top = 0;
  for (let i = 0; i < width * height; i++) top = Math.max(top, data[i * channels + channel]);
  const ctx = canvas.getContext('2d');
  const image = ctx.createImageData(width, height);
  for (let i = 0; i < width * height; i++) {
    const v = top > 0 ? Math.max(0, data[i * channels + channel]) / top : 0;
    const g = Math.round(255 * (1 - v));
    setPixel(image.data, i, g, g, g);
  }
  ctx.putImageData(image, 0, 0);
  return canvas;
}
