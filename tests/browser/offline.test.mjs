// After the first visit the lab works offline, MNIST included: the service worker stores every
// file of the built site (the footer says so once it has), then the server is stopped for real
// (not an emulated offline mode, which may not reach the service worker) and the lab is used:
// lesson 1 reloads, lesson 6 loads its data and trains a small network with the threaded build.
// In between, a new build replaces the stored one.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openLab } from './harness.mjs';
import { distDir } from '../../scripts/paths.mjs';

let lab;
const cleanup = [];
before(async () => { lab = await openLab(); });
after(async () => {
  await lab?.close();
  for (const dir of cleanup) rmSync(dir, { recursive: true, force: true });
});

const countFiles = (dir) => readdirSync(dir, { withFileTypes: true })
  .reduce((n, e) => n + (e.isDirectory() ? countFiles(path.join(dir, e.name)) : 1), 0);

test('the first visit stores the whole site; the footer says so', async () => {
  const { page } = lab;
  await lab.goto('1', 'en');
  await page.waitForFunction(() => /Saved on this computer/.test(document.getElementById('offline-status').textContent),
    null, { timeout: 120_000 });
  const version = readFileSync(path.join(distDir, 'sw.js'), 'utf8').match(/const VERSION = '([0-9a-f]+)'/)[1];
  const stored = await page.evaluate(async () => {
    const names = (await caches.keys()).filter((n) => n.startsWith('basecamp-'));
    const cache = await caches.open(names[0]);
    return { names, count: (await cache.keys()).length };
  });
  assert.deepEqual(stored.names, [`basecamp-${version}`]);
  // Every file but sw.js itself, and the site's root.
  assert.equal(stored.count, countFiles(distDir) - 1 + 1);
});

test('a new build is stored in place of the old one, and the page says to reload', async () => {
  const { page } = lab;
  // The same site with another version in sw.js: what a rebuild after a change looks like.
  const next = mkdtempSync(path.join(os.tmpdir(), 'basecamp-next-build-'));
  cleanup.push(next);
  cpSync(distDir, next, { recursive: true });
  const worker = path.join(next, 'sw.js');
  writeFileSync(worker, readFileSync(worker, 'utf8').replace(/const VERSION = '[0-9a-f]+'/, "const VERSION = 'f00dfeedf00dfeed'"));
  await lab.serveFrom(next);
  await page.reload();  // the browser checks sw.js on navigation and finds it changed
  await page.waitForFunction(() => /A new version of the lab has been saved/.test(document.getElementById('offline-status').textContent),
    null, { timeout: 120_000 });
  // The old build's cache goes in the new worker's activate handler; the page hears of the new
  // worker (controllerchange) before that handler runs, and the worker's state turns 'activated'
  // only once it has finished.
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, { timeout: 30_000 });
  const cacheNames = await page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('basecamp-')));
  assert.deepEqual(cacheNames, ['basecamp-f00dfeedf00dfeed']);
});

test('with the server stopped, the lab reloads, loads MNIST and trains', async () => {
  const { page } = lab;
  await lab.stopServer();
  await page.reload();
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  assert.equal(await page.evaluate(() => crossOriginIsolated), true);  // headers kept in the cache
  await page.evaluate(() => { location.hash = '#/6?train=1000&epochs=1&batch=100'; });
  await page.waitForFunction(() => document.body.dataset.ready === '6');
  await page.waitForFunction(() => /ready/.test(document.querySelector('.lesson-6 [data-out="data-status"]').textContent),
    null, { timeout: 60_000 });
  await page.click('.lesson-6 button[name=start]');
  await page.waitForFunction(() => /Training finished/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent),
    null, { timeout: 120_000 });
  const text = await page.locator('.lesson-6 [data-out="test"]').textContent();
  const accuracy = Number(text.match(/Test accuracy ([\d.]+) %/)[1]);
  assert.ok(accuracy > 50, text);
  await lab.screenshot('offline-lesson6-en');
  assert.deepEqual(lab.problems, []);
  // Nothing answered from the network: a file the site does not have cannot be fetched.
  const outcome = await page.evaluate(() => fetch('./not-in-the-site.txt').then(() => 'fetched', () => 'failed'));
  assert.equal(outcome, 'failed');
  // That failed fetch is logged by Chromium as a console error: the only one expected.
  assert.deepEqual(lab.problems, ['console error: Failed to load resource: net::ERR_FAILED']);
  lab.problems.length = 0;
});
