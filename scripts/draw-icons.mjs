// Draws the lab's app icons (web/public/icons/*.png, committed; run again after changing the
// drawing): a mountain at night with a climber's light on its slope and a tent at its foot, the
// lab's picture of gradient descent. Plain node: shapes rasterised with 4×4 samples per pixel,
// PNG written with zlib. No fetched art.
//   node scripts/draw-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'web', 'public', 'icons');

// Shapes in a 0..1 square, drawn in order (a later one covers an earlier one).
const NIGHT = [13, 27, 42];  // the header's #0d1b2a
const insidePolygon = (points) => (x, y) => {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const [xi, yi] = points[i];
    const [xj, yj] = points[j];
    if ((yi > y) !== (yj > y) && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
};
const insideCircle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const shapes = [
  { color: [27, 54, 84], inside: insideCircle(0.5, 0.5, 0.47) },  // the sky
  ...[[0.28, 0.22], [0.7, 0.16], [0.82, 0.34], [0.2, 0.4], [0.5, 0.12]]
    .map(([x, y]) => ({ color: [240, 240, 220], inside: insideCircle(x, y, 0.012) })),
  { color: [96, 112, 135], inside: insidePolygon([[0.1, 0.8], [0.52, 0.24], [0.92, 0.8]]) },
  { color: [236, 240, 245], inside: insidePolygon([[0.52, 0.24], [0.42, 0.37], [0.47, 0.35], [0.52, 0.39], [0.57, 0.35], [0.615, 0.37]]) },
  { color: [255, 214, 90], inside: insidePolygon([[0.37, 0.44], [0.2, 0.6], [0.3, 0.64]]) },  // the flashlight's beam
  { color: [255, 196, 40], inside: insideCircle(0.37, 0.44, 0.035) },  // the climber's light
  { color: [46, 64, 87], inside: insidePolygon([[0.05, 0.8], [0.95, 0.8], [0.95, 0.95], [0.05, 0.95]]) },
  { color: [242, 120, 48], inside: insidePolygon([[0.62, 0.8], [0.7, 0.68], [0.78, 0.8]]) },  // base camp
];

// RGBA pixels of the icon; `content` < 1 shrinks the drawing towards the centre (maskable
// icons keep what matters inside the middle 80 %), the background filling the whole square.
function draw(size, { content = 1, round = true } = {}) {
  const pixels = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0; let g = 0; let b = 0; let a = 0;
      for (let sy = 0; sy < S; sy += 1) {
        for (let sx = 0; sx < S; sx += 1) {
          const x = ((px + (sx + 0.5) / S) / size - 0.5) / content + 0.5;
          const y = ((py + (sy + 0.5) / S) / size - 0.5) / content + 0.5;
          let color = round ? null : NIGHT;
          if (round && insideCircle(0.5, 0.5, 0.5)(x, y)) color = NIGHT;
          if (!round || color) for (const s of shapes) if (s.inside(x, y)) color = s.color;
          if (color) { r += color[0]; g += color[1]; b += color[2]; a += 255; }
        }
      }
      const n = S * S;
      const i = (py * size + px) * 4;
      const covered = a / 255;
      pixels[i] = covered ? Math.round(r / covered) : 0;
      pixels[i + 1] = covered ? Math.round(g / covered) : 0;
      pixels[i + 2] = covered ? Math.round(b / covered) : 0;
      pixels[i + 3] = Math.round(a / n);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
// A PNG of 8-bit RGBA pixels (colour type 6), each row with filter 0.
export function png(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) pixels.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

export const ICONS = [
  { file: 'icon-192.png', size: 192, purpose: 'any' },
  { file: 'icon-512.png', size: 512, purpose: 'any' },
  { file: 'maskable-512.png', size: 512, purpose: 'maskable', content: 0.8, round: false },
];

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(outDir, { recursive: true });
  for (const icon of ICONS) {
    const bytes = png(icon.size, draw(icon.size, icon));
    writeFileSync(path.join(outDir, icon.file), bytes);
    console.log(`icons: ${path.relative(root, path.join(outDir, icon.file))} (${bytes.length} bytes)`);
  }
}
