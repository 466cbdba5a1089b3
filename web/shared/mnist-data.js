// Loads the packed MNIST set (written by scripts/pack-mnist.mjs into web/public/mnist/, which
// Vite copies to dist/mnist/) into typed arrays: images as count x 784 bytes (0..255, row-major),
// labels as count bytes (0..9). No DOM: runs in the page or a Web Worker.
//   const { train, test } = await loadMnist({ onProgress: ({ received, total }) => … });
// The files are fetched from ./mnist/ relative to the document's base URL. A worker has no
// document (its location is its own script's URL): pass the page's `document.baseURI` as baseUrl.

const PARTS = [['train', 'images'], ['train', 'labels'], ['test', 'images'], ['test', 'labels']];

function defaultBase() {
  const base = globalThis.document?.baseURI;
  if (base) return base;
  throw new Error('mnist: no document to resolve ./mnist/ against: pass loadMnist({ baseUrl }) ' +
    '(in a worker, the page\'s document.baseURI)');
}

const notPacked = 'run `node scripts/pack-mnist.mjs` (part of the build) to create it';

async function fetchOk(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal });
  } catch (e) {
    if (e?.name === 'AbortError') throw e;
    throw new Error(`mnist: could not fetch ${url} (${e?.message ?? e})`);
  }
  if (!response.ok) throw new Error(`mnist: ${url} is missing (HTTP ${response.status}); ${notPacked}`);
  return response;
}

// The manifest, checked enough that every later step can trust its numbers.
async function fetchManifest(base, signal) {
  const url = new URL('manifest.json', base);
  const response = await fetchOk(url, signal);
  let m;
  try {
    m = await response.json();
  } catch {
    throw new Error(`mnist: ${url} is not valid JSON; ${notPacked}`);
  }
  const pixels = m?.rows * m?.cols;
  for (const split of ['train', 'test']) {
    const s = m?.[split];
    const ok = m?.format === 'basecamp-mnist-1' && pixels === 784 && Number.isInteger(s?.count) &&
      s.count > 0 && s.imagesBytes === s.count * pixels && s.labelsBytes === s.count &&
      ['images', 'labels'].every((k) => typeof s.files?.[k]?.path === 'string' &&
        Number.isInteger(s.files[k].gzipBytes) && s.files[k].gzipBytes > 0);
    if (!ok) throw new Error(`mnist: ${url} is not a Basecamp MNIST manifest (split "${split}"); ${notPacked}`);
  }
  return m;
}

async function gunzip(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// Fetches one packed file, counting bytes as they arrive, then decompresses it.
async function fetchPart(url, expected, signal, onBytes) {
  const response = await fetchOk(url, signal);
  const reader = response.body.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    length += value.length;
    onBytes(value.length);
  }
  const packed = new Uint8Array(length);
  let offset = 0;
  for (const c of chunks) {
    packed.set(c, offset);
    offset += c.length;
  }
  let bytes = packed;
  // A server that labels .gz files with Content-Encoding: gzip has the browser decompress
  // them already; only data that starts with gzip's magic bytes is decompressed here.
  const isGzip = packed[0] === 0x1f && packed[1] === 0x8b;
  if (isGzip || packed.length !== expected) {
    try {
      bytes = await gunzip(packed);
    } catch (e) {
      throw new Error(`mnist: ${url} is not valid gzip data (${e?.message ?? e}); ${notPacked}`);
    }
  }
  if (bytes.length !== expected) {
    throw new Error(`mnist: ${url} holds ${bytes.length} bytes, the manifest says ${expected}; ${notPacked}`);
  }
  return bytes;
}

// Resolves to {train: {images, labels, count}, test: {…}, rows, cols}. onProgress receives
// {received, total} in compressed bytes (total from the manifest). Rejects with an Error naming
// the file when the manifest or a file is missing, corrupt, or of the wrong length.
export async function loadMnist({ onProgress, baseUrl, signal } = {}) {
  const base = new URL('./mnist/', baseUrl ?? defaultBase());
  const manifest = await fetchManifest(base, signal);
  const total = PARTS.reduce((n, [split, kind]) => n + manifest[split].files[kind].gzipBytes, 0);
  let received = 0;
  onProgress?.({ received, total });
  const arrays = await Promise.all(PARTS.map(([split, kind]) => {
    const file = manifest[split].files[kind];
    const expected = kind === 'images' ? manifest[split].imagesBytes : manifest[split].labelsBytes;
    let mine = 0; // this file's share of `received`, capped at its size (see Content-Encoding)
    const count = (n) => {
      const add = Math.min(n, file.gzipBytes - mine);
      mine += add;
      received += add;
      if (add > 0) onProgress?.({ received, total });
    };
    return fetchPart(new URL(file.path, base), expected, signal, count).then((bytes) => {
      count(file.gzipBytes); // a file that arrived decoded (or short) still ends at its full share
      if (kind === 'labels') {
        const bad = bytes.findIndex((l) => l > 9);
        if (bad >= 0) throw new Error(`mnist: ${file.path}: label ${bytes[bad]} at index ${bad} is outside 0..9`);
      }
      return bytes;
    });
  }));
  const result = { rows: manifest.rows, cols: manifest.cols };
  PARTS.forEach(([split, kind], i) => {
    result[split] ??= { count: manifest[split].count };
    result[split][kind] = arrays[i];
  });
  return result;
}
