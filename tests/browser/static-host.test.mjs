// The built site on a static host that sends no COOP/COEP/CSP headers (GitHub Pages and the
// like): the first visit runs on one thread while the service worker stores the site; the page
// then reloads itself once and comes back cross-origin isolated, with the worker's headers, and
// lesson 6 trains on the threaded build. It also installs as an app: a manifest with icons.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';

let lab;
before(async () => { lab = await openLab({ plain: true }); });
after(async () => { await lab?.close(); });

// Evaluates fn in the page until it returns something truthy; a reload in between is expected.
async function until(fn, what, timeout = 120_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      const value = await lab.page.evaluate(fn);
      if (value) return value;
    } catch { /* the page is navigating */ }
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await lab.page.waitForLoadState('load').catch(() => {});
    await lab.page.waitForTimeout(100);  // a poll interval, not a wait for something to happen
  }
}

test('the server sends none of the lab headers', async () => {
  const response = await lab.page.request.get(`${lab.origin}/`);
  const headers = response.headers();
  for (const name of ['cross-origin-opener-policy', 'cross-origin-embedder-policy', 'content-security-policy']) {
    assert.equal(headers[name], undefined, name);
  }
});

test('after the first load the page is cross-origin isolated; its own thread keeps the single-thread build', async () => {
  const { page } = lab;
  // Documents loaded (not the hash changes and history rewrites within one).
  const loads = [];
  page.on('load', () => loads.push(page.url()));
  await page.goto(`${lab.origin}/#/1`);
  await page.evaluate(() => localStorage.setItem('basecamp.lang', 'en'));
  // The first document came from the network, without the headers.
  await until(() => document.body.dataset.ready === '1', 'lesson 1');
  // The service worker stores the site, then the page reloads itself, once.
  await until(() => crossOriginIsolated && document.body.dataset.ready === '1', 'an isolated page');
  assert.equal(loads.length, 2, loads.join(', '));
  assert.match(await page.locator('#offline-status').textContent(), /Saved on this computer/);
  // The document's response (from the service worker) carries the lab's headers, CSP included.
  const policy = await page.evaluate(async () => {
    const r = await fetch(location.href);
    return { csp: r.headers.get('content-security-policy'), coep: r.headers.get('cross-origin-embedder-policy') };
  });
  assert.match(policy.csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(policy.coep, 'require-corp');
  // The page's own core is a single-thread build even here (web/shared/core.js: its lessons
  // never split a product); the threaded one is for the training worker (next test).
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(loaded.some((url) => /\/basecamp_web(_relaxed)?-[\w-]+\.wasm$/.test(url)), loaded.join('\n'));
  assert.ok(!loaded.some((url) => /\/wasm-mt\//.test(url)), loaded.join('\n'));
  assert.equal(await page.evaluate(() => typeof SharedArrayBuffer), 'function');
  // A later visit is isolated from its first document on.
  await page.reload();
  await until(() => document.body.dataset.ready === '1', 'lesson 1 again');
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems.filter((p) => !/threaded core unavailable/.test(p)), []);
});

test('lesson 6 trains on the isolated page with the threaded build', async () => {
  const { page } = lab;
  await page.evaluate(() => { location.hash = '#/6?train=1000&epochs=1&batch=100'; });
  await page.waitForFunction(() => document.body.dataset.ready === '6');
  await page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
  await page.click('.lesson-6 button[name=start]');
  await page.waitForFunction(() => /Training finished/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent),
    null, { timeout: 120_000 });
  const text = await page.locator('.lesson-6 [data-out="test"]').textContent();
  assert.ok(Number(text.match(/Test accuracy ([\d.]+) %/)[1]) > 50, text);
  // The training worker is isolated too and trains on the threaded build, on 2 threads.
  const trainer = page.workers().find((w) => w.url().includes('train-worker'));
  assert.equal(await trainer.evaluate(() => crossOriginIsolated), true);
  const workerWasm = await trainer.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(workerWasm.some((url) => /\/wasm-mt\/basecamp_web_mt(_relaxed)?\.wasm$/.test(url)), workerWasm.join('\n'));
  assert.match(await page.locator('.lesson-6 [data-out="speed"]').textContent(), /2 threads/);
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});

test('the lab installs as an app: a manifest with its icons, a start URL in scope', async () => {
  const { page } = lab;
  const href = await page.getAttribute('link[rel=manifest]', 'href');
  const manifestUrl = new URL(href, page.url()).href;
  const manifest = await page.evaluate((url) => fetch(url).then((r) => r.json()), manifestUrl);
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.short_name);
  const sizes = [];
  for (const icon of manifest.icons) {
    const info = await page.evaluate(async (url) => {
      const r = await fetch(url);
      const bitmap = await createImageBitmap(await r.blob());
      return { type: r.headers.get('content-type'), width: bitmap.width, height: bitmap.height };
    }, new URL(icon.src, manifestUrl).href);
    assert.equal(info.type, 'image/png', icon.src);
    assert.equal(`${info.width}x${info.height}`, icon.sizes, icon.src);
    sizes.push(icon.sizes);
  }
  assert.ok(sizes.includes('192x192') && sizes.includes('512x512'), sizes.join());
  // Chromium's own verdict (DevTools protocol): no installability errors.
  const cdp = await lab.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
  const { errors } = await cdp.send('Page.getAppManifest');
  assert.deepEqual(errors, []);
});
