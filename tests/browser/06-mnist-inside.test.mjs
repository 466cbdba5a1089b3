// Lesson 7 (MNIST; its links say 6): inside training. The per-layer signals appear while a run
// trains (a row and a chart series per layer with weights, a step while paused is measured), and
// "Compare optimizers" trains the same network with each ticked optimizer from the same initial
// weights on the same batches (their first batch's loss is the same number), keeps each run and
// overlays them; the words in Korean too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';
import { parseNumber } from '../../web/shared/number-field.js';

let lab;
before(async () => { lab = await openLab(); });
after(async () => { await lab?.close(); });

const L = '.lesson-6';
const out = (name) => lab.page.locator(`${L} [data-out="${name}"]`).textContent();
const signalRows = () => lab.page.locator(`${L} .l6-signals tbody tr`);
const cellsOf = async (row) => (await row.locator('td').allTextContents()).map((s) => s.trim());
const ready = () => lab.page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });

test('signals per layer while training; a step while paused is measured', async () => {
  const { page } = lab;
  await lab.goto('6?epochs=1&batch=128', 'en');  // 469 batches: long enough to pause in
  await ready();
  assert.equal(await out('signals-summary'), 'Start training and the signals of every layer appear here.');
  await page.click(`${L} button[name=start]`);
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 .l6-signals tbody tr').length === 3);
  const rows = await Promise.all([0, 1, 2].map((i) => cellsOf(signalRows().nth(i))));
  assert.deepEqual(rows.map((r) => r[0]), ['Dense 512 relu', 'Dense 128 relu', 'Dense 10 softmax']);
  for (const r of rows) {
    assert.ok(parseNumber(r[1]) > 0, `weight norm ${r[1]}`);
    assert.ok(parseNumber(r[2]) > 0, `gradient norm ${r[2]}`);
    const ratio = parseNumber(r[3]);
    assert.ok(ratio > 0 && ratio < 1, `update ratio ${r[3]}`);
    assert.match(r[5], /^\[-?[\d.e−-]+, [\d.e−-]+\], mean /);
  }
  assert.match(rows[0][4], /^\d+(\.\d+)? %$/);  // a ReLU layer's dead units
  assert.equal(rows[2][4], '–');                 // softmax has none
  assert.equal(await page.locator(`${L} .l6-signals canvas.l6-histogram`).count(), 3);
  const legend = await page.locator(`${L} [data-out="signals-ratio"] .u-legend .u-series .u-label`).allTextContents();
  assert.deepEqual(legend, ['Dense 512 relu', 'Dense 128 relu', 'Dense 10 softmax']);

  await page.click(`${L} button[name=pause]`);
  await page.waitForFunction(() => /^Paused/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent));
  await page.click(`${L} button[name=step]`);
  await page.waitForFunction(() => /^One batch trained/.test(document.querySelector('.lesson-6 [data-out="live-message"]').textContent));
  const batch = Number((await out('epoch')).match(/· (\d+)\//)[1]);
  await page.waitForFunction((b) => document.querySelector('.lesson-6 [data-out="signals-summary"]').textContent === `Last measured: epoch 1, batch ${b}.`, batch);

  // Korean: the same panel in the learner's language (the lesson remounts, the run goes on).
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 .l6-signals tbody tr').length === 3);
  assert.equal(await page.locator(`${L} .l6-signals th`).nth(4).textContent(), '죽은 ReLU');
  assert.equal(await out('signals-summary'), `마지막 측정: 에포크 1, 배치 ${batch}.`);
  await page.click(`${L} button[name=stop]`);
  await page.waitForFunction(() => /^학습을 중지했습니다/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent), null, { timeout: 60_000 });
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});

test('compare optimizers: the same start and batches for each, every run kept and overlaid', async () => {
  const { page } = lab;
  await page.evaluate(() => localStorage.removeItem('basecamp.mnist.runs'));
  await lab.goto('6?train=2000&batch=100', 'en');
  await ready();
  const ticked = await page.locator(`${L} [data-out="compare-choices"] input:checked`).evaluateAll((els) => els.map((e) => e.dataset.choice));
  assert.deepEqual(ticked, ['sgd', 'momentum', 'rmsprop', 'adam']);
  // Fewer than two: refused with words.
  for (const id of ['momentum', 'rmsprop', 'adam']) await page.locator(`${L} input[name=compare-${id}]`).uncheck();
  await page.click(`${L} button[name=compare]`);
  assert.equal(await out('compare-message'), 'Tick at least two optimizers to compare.');
  await page.locator(`${L} input[name=compare-adam]`).check();
  await page.locator(`${L} input[name=compare-momentum]`).check();

  await page.click(`${L} button[name=compare]`);
  await page.waitForFunction(() => /^Comparing: \d of 3/.test(document.querySelector('.lesson-6 [data-out="compare-message"]').textContent));
  await page.waitForFunction(() => /^Comparison done/.test(document.querySelector('.lesson-6 [data-out="compare-message"]').textContent), null, { timeout: 180_000 });
  assert.equal(await out('compare-message'), 'Comparison done: runs #1, #2, #3 trained from the same initial weights on the same batches, overlaid above.');
  const runs = await page.evaluate(() => JSON.parse(localStorage.getItem('basecamp.mnist.runs')));
  assert.deepEqual(runs.map((r) => [r.settings.optimizer, r.settings['sgd.momentum'] ?? null, r.settings.images, r.settings.epochs]),
    [['sgd', 0, 2000, 1], ['sgd', 0.9, 2000, 1], ['adam', null, 2000, 1]]);
  // The same initial weights and the same first batch: the same first loss, to the bit.
  const firstLosses = runs.map((r) => r.curve.loss[0]);
  assert.ok(firstLosses.every((l) => l === firstLosses[0]), JSON.stringify(firstLosses));
  // Different optimizers from there: different ends.
  assert.equal(new Set(runs.map((r) => r.curve.loss.at(-1))).size, 3);
  const legend = await page.locator(`${L} [data-out="runs-loss"] .u-legend .u-series .u-label`).allTextContents();
  // What differs, and only what applies to each run (momentum is SGD's; Adam's values are the only ones).
  assert.deepEqual(legend, ['#1: optimizer sgd, lr 0.01, sgd.momentum 0', '#2: optimizer sgd, lr 0.01, sgd.momentum 0.9', '#3: optimizer adam, lr 0.001']);
  assert.equal(await page.locator(`${L} button[name=compare]`).isDisabled(), false);

  await lab.goto('6?train=2000&batch=100', 'ko');
  assert.equal(await page.locator(`${L} button[name=compare]`).textContent(), '옵티마이저 비교 시작');
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
