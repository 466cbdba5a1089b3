// Lesson 7 (MNIST; its links say 6): the runs kept. Two short runs that differ in the learning
// rate are both kept, tabled and overlaid, the table and the legend name the learning rate as
// what differs, a reload keeps them (localStorage), a check box takes a run off the charts, and
// "clear" forgets them; the table's words in Korean too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';

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
