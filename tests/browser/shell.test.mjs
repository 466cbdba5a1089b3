// The lab's shell in a real browser: the eight lessons, the language switch (remembered), the
// strict CSP it runs under, and no request leaving its own origin.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';

let lab;
before(async () => { lab = await openLab(); });
after(async () => { await lab?.close(); });

test('home lists the eight lessons and links to each', async () => {
  await lab.goto('', 'en');
  const links = await lab.page.locator('#lesson-nav a').allTextContents();
  assert.deepEqual(links, ['1. The mountain climber', '2. Why not guess?', '3. Linear regression',
    '4. The optimizer race', '5. Backpropagation', '6. A network bends a boundary', '7. MNIST in your browser',
    '8. Generalization']);
  await lab.screenshot('shell-home-en');
});

test('the language switch changes every shell string and is remembered after a reload', async () => {
  await lab.goto('', 'en');
  await lab.page.click('#lang-switch');
  assert.equal(await lab.page.getAttribute('html', 'lang'), 'ko');
  assert.equal(await lab.page.locator('#lesson-nav a').first().textContent(), '1. 산을 내려가는 등산가');
  await lab.page.reload();
  await lab.page.waitForFunction(() => document.body.dataset.ready === '');
  assert.equal(await lab.page.locator('#lesson-nav a').first().textContent(), '1. 산을 내려가는 등산가');
  const text = await lab.page.locator('body').innerText();
  assert.ok(!text.includes('⟦'), 'no missing string keys');
  await lab.screenshot('shell-home-ko');
  await lab.page.click('#lang-switch');
  assert.equal(await lab.page.getAttribute('html', 'lang'), 'en');
});

test('every lesson in the nav either mounts or says it is not built yet', async () => {
  await lab.goto('', 'en');
  const links = await lab.page.locator('#lesson-nav a').evaluateAll((as) =>
    as.map((a) => ({ id: a.getAttribute('href').replace('#/', ''), built: !a.classList.contains('not-built') })));
  assert.equal(links.length, 8);
  for (const { id, built } of links) {
    await lab.goto(id, 'en');
    const text = await lab.page.locator('main').innerText();
    if (built) assert.ok(!/not built yet/.test(text) && text.length > 200, `lesson ${id} mounted`);
    else assert.match(text, /not built yet/);
  }
});

test('the page is served under a strict CSP and is cross-origin isolated', async () => {
  const response = await lab.page.goto(`${lab.origin}/`);
  const csp = response.headers()['content-security-policy'];
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
  assert.ok(!csp.includes("'unsafe-eval'"));
  assert.equal(await lab.page.evaluate(() => crossOriginIsolated), true);
});

test('no console errors and no request outside the lab\'s origin', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
  assert.deepEqual(lab.foreignRequests, []);
});
