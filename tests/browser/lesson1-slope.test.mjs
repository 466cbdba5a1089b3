// Lesson 1's 1-D warm-up in a real browser: drag the point, step downhill, and check that the
// numbers shown are the core's (computed here by the node build of the same core).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { formatNumber } from '../../web/shared/format.js';

let lab;
let core;
before(async () => { lab = await openLab(); core = await loadNodeCore(); });
after(async () => { await lab?.close(); });

const readout = async (name) => lab.page.locator(`.lesson-1 [data-out=${name}]`).first().textContent();

test('dragging the point and stepping downhill shows the core\'s numbers', async () => {
  await lab.goto('1?curve=two_dips&x=3&eta=0.05', 'en');
  const page = lab.page;
  const over = page.locator('.lesson-1 .u-over').first();
  const box = await over.boundingBox();
  // Drag from the right edge to 70 % of the width.
  await page.mouse.move(box.x + box.width * 0.95, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  const x = Number(await page.locator('.lesson-1 input[name=x]').inputValue());
  assert.ok(Math.abs(x - (-3.5 + 7 * 0.7)) < 0.1, `x after drag: ${x}`);
  const here = core.evaluateCurve('two_dips', x);
  assert.equal(await readout('value'), formatNumber(here.value));
  assert.equal(await readout('slope'), formatNumber(here.slope));

  await page.click('.lesson-1 button[name=step]');
  await page.click('.lesson-1 button[name=step]');
  let expected = x;
  for (let i = 0; i < 2; i++) expected = core.stepDownhill('two_dips', expected, 0.05).x;
  const after2 = core.evaluateCurve('two_dips', expected);
  assert.equal(await readout('steps'), '2');
  assert.equal(await readout('value'), formatNumber(after2.value));
  assert.equal(await readout('slope'), formatNumber(after2.slope));
  await lab.screenshot('lesson1-slope-desktop-en');
});

test('the state is in the URL and restored from it', async () => {
  await lab.goto('1?curve=parabola&x=1.5&eta=0.2', 'ko');
  assert.equal(await readout('value'), formatNumber(2.25));
  await lab.page.click('.lesson-1 button[name=step]');
  assert.match(lab.page.url(), /curve=parabola/);
  assert.match(lab.page.url(), /x=0\.9/);
  await lab.screenshot('lesson1-slope-phone-ko', { width: 360, height: 800 });
});

test('a huge step size is shown as divergence, not as a frozen chart', async () => {
  await lab.goto('1?curve=two_dips&x=3&eta=3', 'en');
  for (let i = 0; i < 6; i++) await lab.page.click('.lesson-1 button[name=step]');
  const message = await readout('message');
  assert.match(message, /Diverged|left the plot/);
  await lab.screenshot('lesson1-slope-diverged-en');
});

test('keyboard: the x slider moves with the arrow keys', async () => {
  await lab.goto('1?curve=parabola&x=1', 'en');
  await lab.page.focus('.lesson-1 input[name=x]');
  await lab.page.keyboard.press('ArrowRight');
  const x = Number(await lab.page.locator('.lesson-1 input[name=x]').inputValue());
  assert.ok(Math.abs(x - 1.01) < 1e-9, `x = ${x}`);
  assert.equal(await readout('value'), formatNumber(core.evaluateCurve('parabola', x).value));
});

test('no console errors and no error banner', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
