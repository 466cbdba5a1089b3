// Browser-test harness: serves dist/ with the lab's real headers, drives Debian's Chromium
// through playwright-core (never a downloaded browser), fails on any console error, and saves
// screenshots to test-output/ (ignored by git) for a person to look at.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { distDir } from '../../scripts/paths.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const screenshotDir = path.join(root, 'test-output', 'screenshots');

// The shared exercise component (web/shared/exercise.js) inside `scope`, as a learner uses it.
export function exerciseIn(page, scope) {
  const box = page.locator(`${scope} .exercise`);
  const verdict = box.locator('.exercise-verdict');
  const hintButton = box.locator('button[name=hint]');
  const hint = box.locator('.exercise-hint');
  return {
    box,
    verdict,
    // Types (or picks) `value` when given, presses Check, and returns the verdict's text.
    async answer(value) {
      if (value !== undefined) {
        const field = box.locator('[name=answer]');
        if (await field.evaluate((e) => e.tagName) === 'SELECT') await field.selectOption(String(value));
        else await field.fill(String(value));
      }
      await box.locator('button[name=check]').click();
      return verdict.textContent();
    },
    result: () => verdict.getAttribute('data-result'),
    // Opens the hint (checking it was closed and says so to assistive technology); returns its text.
    async openHint() {
      assert.equal(await hintButton.getAttribute('aria-expanded'), 'false');
      assert.equal(await hint.isHidden(), true);
      await hintButton.click();
      assert.equal(await hintButton.getAttribute('aria-expanded'), 'true');
      assert.equal(await hint.isVisible(), true);
      return hint.textContent();
    },
    async closeHint() {
      await hintButton.click();
      assert.equal(await hintButton.getAttribute('aria-expanded'), 'false');
      assert.equal(await hint.isHidden(), true);
    },
  };
}

// Waits until the page has drawn `n` more animation frames: what it does once per frame (a
// step of an animation, a redraw) has had n chances to happen. A count of frames, not a time.
export function frames(page, n = 1) {
  return page.evaluate((k) => new Promise((resolve) => {
    let left = k;
    const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

// Draws a "1"-like stroke on a drawing pad (a canvas locator) with the mouse, as a learner would.
export async function drawStroke(page, pad) {
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  const at = (fx, fy) => [box.x + fx * box.width, box.y + fy * box.height];
  await page.mouse.move(...at(0.5, 0.15));
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) await page.mouse.move(...at(0.5 - 0.01 * k, 0.15 + 0.06 * k));
  await page.mouse.up();
}

// plain: serve as common static hosts do, without the CSP, COOP and COEP headers.
// serviceWorkers 'block': the page runs without its service worker (every request is the
// network's, so a test can route it).
export async function openLab({ plain = false, serviceWorkers = 'allow' } = {}) {
  let server = await startServer({ root: distDir, port: 0, plain });
  const port = server.address().port;
  const origin = `http://127.0.0.1:${port}`;
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'basecamp-chromium-'));
  const context = await chromium.launchPersistentContext(path.join(scratch, 'profile'), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    env: { ...process.env, HOME: scratch, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch, TMPDIR: scratch },
    viewport: { width: 1280, height: 900 },
    serviceWorkers,
  });
  const problems = [];
  const foreignRequests = [];
  const watch = (page) => {
    page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
    });
  };
  context.on('page', watch);
  const page = context.pages()[0] ?? await context.newPage();
  watch(page);
  mkdirSync(screenshotDir, { recursive: true });

  return {
    origin,
    page,
    context,
    problems,
    foreignRequests,
    // Opens #/<hash> and waits until the lesson says it is mounted.
    async goto(hash, lang = 'en') {
      await page.goto(`${origin}/#/${hash}`);
      await page.evaluate((l) => localStorage.setItem('basecamp.lang', l), lang);
      await page.reload();
      await page.waitForFunction((h) => document.body.dataset.ready === h.split('?')[0], hash);
    },
    // The error banner the page shows for uncaught errors must stay hidden.
    async assertNoErrorBanner() {
      const hidden = await page.locator('#error-banner').isHidden();
      if (!hidden) problems.push(`error banner: ${await page.locator('#error-banner').textContent()}`);
    },
    async screenshot(name, { width = 1280, height = 900 } = {}) {
      await page.setViewportSize({ width, height });
      await frames(page, 3);  // the resized plots redraw
      await this.assertNoErrorBanner();
      await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true });
    },
    // Stops serving for real: the listening socket and every open connection (offline tests).
    async stopServer() {
      server.closeAllConnections();
      if (server.listening) await new Promise((resolve) => server.close(resolve));
    },
    // Serves another folder at the same origin (a new build of the site, for the update test).
    async serveFrom(folder) {
      await this.stopServer();
      server = await startServer({ root: folder, port });
    },
    async close() {
      await context.close();
      if (server.listening) server.close();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}
