// Lesson 7 (MNIST; its links say 6): the runs kept. Two short runs that differ in the learning
// rate are both kept, tabled and overlaid, the table and the legend name the learning rate as
// what differs, a reload keeps them (localStorage), a check box takes a run off the charts, and
// "clear" forgets them; the table's words in Korean too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';
import { formatNumber } from '../../web/shared/format.js';
import { parseNumber } from '../../web/shared/number-field.js';

let lab;
before(async () => { lab = await openLab(); });
after(async () => { await lab?.close(); });

const L = '.lesson-6';
const out = (name) => lab.page.locator(`${L} [data-out="${name}"]`).textContent();
const rows = () => lab.page.locator(`${L} .l6-runs tbody tr`);
const legend = (which) => lab.page.locator(`${L} [data-out="runs-${which}"] .u-legend .u-series .u-label`).allTextContents();

async function trainOnce(hash, lang = 'en') {
  await lab.goto(hash, lang);
  await lab.page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
  const before = await rows().count();
  await lab.page.click(`${L} button[name=start]`);
  await lab.page.waitForFunction((n) => document.querySelectorAll('.lesson-6 .l6-runs tbody tr').length === n + 1, before, { timeout: 120_000 });
}

test('runs are kept, tabled and overlaid; what differs is named; a reload keeps them; clear forgets them', async () => {
  await lab.goto('6', 'en');
  assert.equal(await out('runs-summary'), 'No runs kept yet. A run appears here once it ends.');
  assert.equal(await lab.page.locator(`${L} button[name=clear-runs]`).isDisabled(), true);

  await trainOnce('6?train=1000&epochs=1&batch=100');
  await trainOnce('6?train=1000&epochs=1&batch=100&lr=0.01');
  assert.equal(await out('runs-summary'), 'Runs kept: 2; on the charts: 2.');
  const cells = async (i) => (await rows().nth(i).locator('td').allTextContents()).map((s) => s.trim());
  const [first, second] = [await cells(0), await cells(1)];
  assert.equal(first[1], '#1');
  assert.equal(first[2], 'lr 0.001');
  assert.equal(second[2], 'lr 0.01');
  assert.equal(second[3], 'rmsprop');
  assert.equal(second[6], '1/1');
  assert.equal(second[7], '1,000');
  assert.match(second[8], /^\d+(\.\d+)? %$/);
  assert.equal(second[10], 'finished');
  assert.deepEqual(await legend('loss'), ['#1: lr 0.001', '#2: lr 0.01']);
  assert.deepEqual(await legend('acc'), ['#1: lr 0.001', '#2: lr 0.01']);

  // A reload keeps them (stored in the browser).
  await lab.goto('6', 'en');
  assert.equal(await rows().count(), 2);
  assert.deepEqual(await legend('loss'), ['#1: lr 0.001', '#2: lr 0.01']);

  // Unchecked: off the charts, still in the table.
  await lab.page.locator(`${L} input[name=run-1]`).uncheck();
  assert.equal(await out('runs-summary'), 'Runs kept: 2; on the charts: 1.');
  assert.deepEqual(await legend('loss'), ['#2: same settings']);

  await lab.goto('6', 'ko');
  assert.equal(await lab.page.locator(`${L} .l6-runs th`).nth(2).textContent(), '다른 설정');
  assert.equal((await cells(1))[10], '끝까지 학습');

  await lab.page.click(`${L} button[name=clear-runs]`);
  assert.equal(await rows().count(), 0);
  assert.equal(await out('runs-summary'), '아직 남은 실행이 없습니다. 학습을 한 번 끝내면 여기에 나타납니다.');
  await lab.goto('6', 'en');
  assert.equal(await rows().count(), 0);
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});

test('during a run: one batch while paused, the learning rate changed from the next batch, marked and kept', async () => {
  const { page } = lab;
  await lab.goto('6?epochs=1&batch=128', 'en');  // 469 batches: long enough to pause in
  await page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
  assert.equal(await page.locator(`${L} button[name=apply-lr]`).isDisabled(), true);
  await page.click(`${L} button[name=start]`);
  await page.waitForFunction(() => document.querySelector('.lesson-6 [data-out="epoch"]').textContent !== '–');
  assert.equal(await page.locator(`${L} button[name=step]`).isDisabled(), true);
  await page.click(`${L} button[name=pause]`);
  await page.waitForFunction(() => /^Paused/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent));
  const batchNow = async () => Number((await out('epoch')).match(/· (\d+)\//)[1]);
  const before = await batchNow();
  assert.equal(await page.locator(`${L} input[name=live-lr]`).inputValue(), '0.001');

  // One batch while paused: that batch's loss, and still paused.
  await page.click(`${L} button[name=step]`);
  await page.waitForFunction(() => /^One batch trained/.test(document.querySelector('.lesson-6 [data-out="live-message"]').textContent));
  assert.equal(await batchNow(), before + 1);
  assert.match(await out('live-message'), new RegExp(`^One batch trained: epoch 1, batch ${before + 1}, that batch’s loss \\d`));
  assert.match(await out('train-message'), /^Paused/);

  // A learning rate that is not a number, then one the optimizer refuses: words, and the run goes on.
  await page.fill(`${L} input[name=live-lr]`, 'fast');
  await page.click(`${L} button[name=apply-lr]`);
  assert.equal(await out('live-message'), '“fast” is not a number.');
  await page.fill(`${L} input[name=live-lr]`, '-1');
  await page.click(`${L} button[name=apply-lr]`);
  await page.waitForFunction(() => /^Error: /.test(document.querySelector('.lesson-6 [data-out="live-message"]').textContent));
  // Worded by the page from the error's fields (shared/error-text.js), not the core's sentence.
  assert.equal(await out('live-message'), 'Error: The learning rate (lr) must be greater than 0 (you gave −1).');

  // A learning rate far too large, from the next batch: listed, marked, and the loss runs away.
  await page.fill(`${L} input[name=live-lr]`, '5');
  await page.press(`${L} input[name=live-lr]`, 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 [data-out="lr-changes"] li').length === 1);
  assert.equal(await page.locator(`${L} [data-out="lr-changes"] li`).textContent(),
    `Learning rate set to 5 after batch ${before + 1} of epoch 1 (${formatNumber(((before + 1) / 469), 3)} epochs on the charts).`);
  await page.click(`${L} button[name=pause]`);  // resume
  await page.waitForFunction(() => /^Training (finished|diverged)/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent),
    null, { timeout: 120_000 });
  // The effect: the network is wrecked (chance level; the loss's running mean far above its start).
  if (/^Training finished/.test(await out('train-message'))) {
    assert.ok(Number((await out('test')).match(/Test accuracy ([\d.]+) %/)[1]) < 20, await out('test'));
    assert.ok(parseNumber(await out('loss')) > 100, await out('loss'));
  }
  // The kept run names the change as what sets it apart.
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 .l6-runs tbody tr').length > 0);
  const last = (await rows().last().locator('td').allTextContents()).map((s) => s.trim());
  assert.match(last[2], new RegExp(`lr changes 5 @${+((before + 1) / 469).toFixed(2)}`));
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
