// Lesson 6's training worker dies (an uncaught exception, running out of memory): the learner is
// told so in the page's language, and training starts again without a reload. The test makes the
// worker die from inside it (an exception thrown there, uncaught), which the page sees as the
// browser reports a dying worker: an 'error' event on the Worker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';

let lab;
before(async () => { lab = await openLab(); });
after(async () => { await lab?.close(); });

const SMALL_RUN = '6?train=1000&epochs=1&batch=100';
const message = () => lab.page.locator('.lesson-6 [data-out="train-message"]').textContent();
const waitFor = (fn, arg, timeout = 120_000) => lab.page.waitForFunction(fn, arg, { timeout });
// Start is enabled once the data is in the worker and no run is going.
const dataReady = () => waitFor(() => !document.querySelector('.lesson-6 button[name=start]').disabled);
const trainFinished = (pattern) => waitFor((p) => new RegExp(p).test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent), pattern);

// Throws an error of class `kind` (RangeError, Error, ...) inside the training worker, uncaught.
async function killWorker(kind, text) {
  const workers = lab.page.workers().filter((w) => w.url().includes('train-worker'));
  assert.equal(workers.length, 1, `training workers: ${workers.map((w) => w.url())}`);
  await workers[0].evaluate(([k, m]) => { setTimeout(() => { throw new globalThis[k](m); }); }, [kind, text]);
}

// The console lines the deliberate deaths leave; anything else is a problem.
const unexpected = () => lab.problems.filter((p) => !/Uncaught|injected|Maximum memory/.test(p));

test('a worker that runs out of memory mid-training: a message, then training works again', async () => {
  await lab.goto(SMALL_RUN, 'en');
  await dataReady();
  await lab.page.click('.lesson-6 button[name=start]');
  await waitFor(() => document.querySelector('.lesson-6 [data-out="epoch"]').textContent !== '–');
  await killWorker('RangeError', 'WebAssembly.Memory.grow(): Maximum memory size exceeded (injected)');
  await waitFor(() => /ran out of memory/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent));
  assert.match(await message(), /its network is lost/);
  assert.match(await lab.page.locator('.lesson-6 [data-out="train-message"]').getAttribute('class'), /\bwarning\b/);
  // The nav badge no longer says it is training.
  assert.equal(await lab.page.locator('.nav-activity[data-lesson="6"]').textContent(), '');
  await dataReady();
  await lab.page.click('.lesson-6 button[name=start]');
  await trainFinished('Training finished');
  const accuracy = Number((await lab.page.locator('.lesson-6 [data-out="test"]').textContent()).match(/Test accuracy ([\d.]+) %/)[1]);
  assert.ok(accuracy > 50, String(accuracy));
  await lab.assertNoErrorBanner();
  assert.deepEqual(unexpected(), []);
});

test('an idle worker that throws: the message in Korean, and training works again', async () => {
  await lab.goto(SMALL_RUN, 'ko');
  await dataReady();
  await killWorker('Error', 'injected failure');
  await waitFor(() => /예기치 않게 멈췄습니다/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent));
  await dataReady();
  await lab.page.click('.lesson-6 button[name=start]');
  await trainFinished('학습이 끝났습니다');
  await lab.assertNoErrorBanner();
  assert.deepEqual(unexpected(), []);
});
