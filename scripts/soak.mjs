// `npm run soak`: does the lab leak? Opens the built lab in headless Chromium (as the browser
// tests do), switches lessons many times (each switch unmounts one lesson and mounts the next),
// then trains lesson 6 for many epochs, and reports at the start and the end the page's wasm
// heap in use (the core's heapInUse: bytes malloc holds), the page's JS heap after a garbage
// collection (DevTools protocol), and the training worker's wasm heap. Not a test: it prints
// figures (and the growth) for a person to judge; it fails only if the lab fails.
//   npm run soak [-- --switches 300] [-- --epochs 20] [-- --train 60000] [-- --runs 1]
//   npm run soak -- --quick          (30 switches, 1 epoch on 5,000 images: a minute or two)
//   npm run soak -- --no-build       (the site in dist/ as it is, e.g. while another build runs)
import { buildAll } from './build.mjs';
import { openLab } from '../tests/browser/harness.mjs';
import { lessons } from '../web/lessons/index.js';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const option = (name, fallback) => {
  const at = argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) {
    console.error(`soak: --${name} needs a whole number, got ${argv[at + 1]}`);
    process.exit(2);
  }
  return value;
};
const switches = option('switches', quick ? 30 : 300);
const epochs = option('epochs', quick ? 1 : 20);
const train = option('train', quick ? 5000 : 60000);
const runs = Math.max(1, option('runs', 1));

if (!argv.includes('--no-build')) await buildAll({ site: true, labOnly: true });
const lab = await openLab();
const { page } = lab;
const cdp = await lab.context.newCDPSession(page);
const MB = 1024 * 1024;
const mb = (bytes) => (bytes === null ? '–' : bytes < MB ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / MB).toFixed(2)} MB`);

// The training worker's core heap, asked through the worker protocol's 'heap' message (the
// reply is caught inside the worker, before it goes to the page).
async function workerHeap() {
  const worker = page.workers().find((w) => w.url().includes('train-worker'));
  if (!worker) return null;
  return worker.evaluate(() => new Promise((resolve) => {
    const post = self.postMessage.bind(self);
    self.postMessage = (message, transfer) => {
      if (message?.type !== 'heap') return post(message, transfer);
      self.postMessage = post;
      return resolve(message.heapInUse);
    };
    self.onmessage({ data: { type: 'heap' } });
  }));
}

async function measure() {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return {
    wasm: await page.evaluate(() => window.basecampDiagnostics.heapInUse()),
    js: usedSize,
    worker: await workerHeap(),
    workers: page.workers().length,
  };
}

// Follows a link to `hash` (made unique, so that it always changes) and waits until lesson `id`
// is mounted.
let links = 0;
async function open(hash, id) {
  links += 1;
  await page.evaluate((h) => new Promise((resolve) => {
    window.addEventListener('hashchange', resolve, { once: true });
    location.hash = h;
  }), `${hash}${hash.includes('?') ? '&' : '?'}soak=${links}`);
  await page.waitForFunction((i) => document.body.dataset.ready === String(i), id, { timeout: 120_000 });
}

function report(label, start, end) {
  const growth = (a, b) => (a === null || b === null ? '' : `  (${b >= a ? '+' : ''}${((b - a) / 1024).toFixed(1)} KB)`);
  console.log(`${label}`);
  console.log(`  page wasm heap in use: ${mb(start.wasm)} → ${mb(end.wasm)}${growth(start.wasm, end.wasm)}`);
  console.log(`  page JS heap (after GC): ${mb(start.js)} → ${mb(end.js)}${growth(start.js, end.js)}`);
  console.log(`  training worker's wasm heap in use: ${mb(start.worker)} → ${mb(end.worker)}${growth(start.worker, end.worker)}`);
  console.log(`  workers: ${start.workers} → ${end.workers}`);
}

const started = Date.now();
try {
  await page.goto(`${lab.origin}/?diagnostics#/1`);
  await page.evaluate(() => localStorage.setItem('basecamp.lang', 'en'));
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  const ids = lessons.filter((l) => l.load).map((l) => l.id);
  // One round first: modules, the MNIST download and first-use caches are not leaks.
  for (const id of ids) await open(`#/${id}`, id);
  await open('#/1', 1);  // measured on the same lesson at the start and the end
  const beforeSwitches = await measure();
  for (let i = 0; i < switches; i += 1) {
    const id = ids[i % ids.length];
    await open(`#/${id}`, id);
    // The trend tells a leak (growing with every switch) from caches filling once; measured every
    // 10 rounds, so always on the same lesson (the last one).
    if ((i + 1) % (10 * ids.length) === 0) {
      const now = await measure();
      console.log(`soak: ${i + 1} / ${switches} lesson switches; page JS heap ${mb(now.js)}, wasm heap ${mb(now.wasm)} (on lesson ${id})`);
    }
  }
  await open('#/1', 1);
  const afterSwitches = await measure();
  report(`${switches} lesson switches (${ids.length} lessons in turn):`, beforeSwitches, afterSwitches);

  await open(`#/6?epochs=${epochs}&train=${train}`, 6);
  await page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
  const beforeTraining = await measure();
  // Each run replaces the last one's network: the worker's heap after run 2, 3, … shows whether
  // a run leaves anything behind.
  for (let r = 1; r <= runs; r += 1) {
    const t0 = Date.now();
    await page.click('.lesson-6 button[name=start]');
    await page.waitForFunction(() => /finished/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent),
      null, { timeout: 0, polling: 1000 });
    await page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
    const text = await page.locator('.lesson-6 [data-out="test"]').textContent();
    const afterTraining = await measure();
    report(`lesson 6, run ${r} of ${runs}: ${epochs} epoch(s) on ${train} images (${((Date.now() - t0) / 1000).toFixed(0)} s; ${text.trim()}):`,
      beforeTraining, afterTraining);
  }
  lab.problems.length && console.log(`page problems:\n  ${lab.problems.join('\n  ')}`);
  console.log(`soak: done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (lab.problems.length) process.exitCode = 1;
} finally {
  await lab.close();
}
