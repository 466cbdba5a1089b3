// The SIMD128 builds: what browsers without relaxed SIMD (Safari, older Firefox) run, and what a
// relaxed build that fails to load falls back to. The Chromium here validates relaxed SIMD, so
// every other test runs the relaxed builds; this one refuses them twice over: the page's probe
// (WebAssembly.validate) says no, and every request for a relaxed file fails (that covers the
// training worker too, where an init script does not reach). The page and the worker must then
// load a SIMD128 build and the lessons must work on it: the worker the threaded one where the
// server isolates the page, the single-thread one on a plain static host (no service worker
// either); the page's own thread the single-thread one on both.
// Last, the threaded files missing on an isolating server (npm start serves before building them).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';

const labs = [];
after(async () => { for (const lab of labs) await lab.close(); });

async function openWithoutRelaxed(plain) {
  const lab = await openLab({ plain, serviceWorkers: 'block' });
  labs.push(lab);
  await lab.context.addInitScript(() => { WebAssembly.validate = () => false; });
  await lab.context.route(/relaxed/, (route) => route.abort());
  return lab;
}

// The aborted requests are expected; nothing else is.
const unexpected = (lab) => lab.problems.filter((p) => !/Failed to load resource|net::ERR_FAILED/.test(p));
const wasmIn = (context) => context.evaluate(() => performance.getEntriesByType('resource')
  .map((e) => e.name).filter((u) => /\.wasm$/.test(u)));
const NUMBER = /^[-−]?[\d.,]+(e[-+−]?\d+)?$/;

// The page's own thread runs a single-thread build everywhere; the training worker the threaded
// one where the page is isolated.
const SINGLE = /basecamp_web-[\w-]+\.wasm$/;
for (const [host, plain, workerBuild] of [['an isolating server', false, /basecamp_web_mt\.wasm$/],
  ['a plain static host', true, SINGLE]]) {
  test(`without relaxed SIMD, on ${host}: lesson 3 and the MNIST worker run on the SIMD128 build`, async () => {
    const lab = await openWithoutRelaxed(plain);
    const { page } = lab;
    await lab.goto('3', 'en');
    const loaded = await wasmIn(page);
    assert.ok(loaded.some((u) => SINGLE.test(u)), loaded.join('\n'));
    assert.ok(!loaded.some((u) => /relaxed/.test(u)), loaded.join('\n'));
    // Lesson 3's closed-form fit and its loss, from this build's core: numbers, not dashes.
    await page.click('.lesson-3 button[name=step]');
    for (const name of ['fit-m', 'fit-b', 'fit-mse', 'mse', 'gm']) {
      const text = await page.locator(`.lesson-3 [data-out="${name}"]`).first().textContent();
      assert.match(text, NUMBER, `${name}: ${text}`);
    }

    await lab.goto('6?train=1000&epochs=1&batch=100', 'en');
    await page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
    await page.click('.lesson-6 button[name=start]');
    await page.waitForFunction(() => /Training finished/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent),
      null, { timeout: 120_000 });
    const accuracy = Number((await page.locator('.lesson-6 [data-out="test"]').textContent()).match(/Test accuracy ([\d.]+) %/)[1]);
    assert.ok(accuracy > 50, String(accuracy));
    const trainer = page.workers().find((w) => w.url().includes('train-worker'));
    const workerWasm = await wasmIn(trainer);
    assert.ok(workerWasm.some((u) => workerBuild.test(u)) && !workerWasm.some((u) => /relaxed/.test(u)), workerWasm.join('\n'));
    await lab.assertNoErrorBanner();
    assert.deepEqual(unexpected(lab), []);
  });
}

// `npm start` serves the lab before it has built the threaded modules (scripts/start.mjs): an
// isolated page whose wasm-mt/ files are not there yet runs on one thread, the worker too.
test('on an isolating server without the threaded files yet: the lab runs on the single-thread build', async () => {
  const lab = await openLab({ serviceWorkers: 'block' });
  labs.push(lab);
  await lab.context.route(/\/wasm-mt\//, (route) => route.fulfill({ status: 404, body: 'not built yet' }));
  const { page } = lab;
  await lab.goto('6?train=1000&epochs=1&batch=100', 'en');
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  await page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
  await page.click('.lesson-6 button[name=start]');
  await page.waitForFunction(() => /Training finished/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent),
    null, { timeout: 120_000 });
  assert.match(await page.locator('.lesson-6 [data-out="speed"]').textContent(), /1 thread/);
  const trainer = page.workers().find((w) => w.url().includes('train-worker'));
  const workerWasm = await wasmIn(trainer);
  assert.ok(workerWasm.some((u) => /basecamp_web_relaxed-[\w-]+\.wasm$/.test(u)) && !workerWasm.some((u) => /_mt/.test(u)), workerWasm.join('\n'));
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems.filter((p) => !/Failed to load resource|404/.test(p)), []);
});
