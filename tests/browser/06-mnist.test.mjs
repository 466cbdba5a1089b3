// Lesson 6 (MNIST in your browser) in a real browser: data loading, a short real training run
// in the worker (2,000 images, 1 epoch) whose shown test accuracy is checked against the node
// build of the core (the page's saved weights evaluated here), pause / resume / stop, the
// main thread's longest task while training (PerformanceObserver 'longtask', reported), the
// confusion matrix and its cells, the mistakes gallery and weight images, drawing on the pad,
// save → load round trip, a malformed and a mismatched file, bad settings (batch 0, lr NaN, a
// network too big for memory), divergence at lr 1e9, URL state, language switch, screenshots.
// BASECAMP_LONG=1 also runs the full default (Keras) run and reports its accuracy and speed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import path from 'node:path';
import { drawStroke, exerciseIn, openLab, root, frames } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { formatNumber } from '../../web/shared/format.js';

let lab;
let core;
let page;
before(async () => { lab = await openLab(); core = await loadNodeCore(); page = lab.page; });
after(async () => { await lab?.close(); });

const L = '.lesson-6';
const DEFAULT_SPEC = {
  inputs: 784, layers: [{ units: 512, activation: 'relu' }, { units: 128, activation: 'relu' }, { units: 10, activation: 'softmax' }],
  loss: 'categorical_crossentropy',
};
const out = (name) => page.locator(`${L} [data-out="${name}"]`);
const pct = (p) => `${formatNumber(100 * p, 4)} %`;

function mnistTest() {
  const dir = path.join(root, 'web', 'public', 'mnist');
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const read = (kind) => new Uint8Array(gunzipSync(readFileSync(path.join(dir, manifest.test.files[kind].path))));
  return { images: read('images'), labels: read('labels'), count: manifest.test.count };
}

async function waitStatus(pattern, timeout = 120_000) {
  await page.waitForFunction(([sel, src]) => new RegExp(src).test(document.querySelector(sel)?.textContent ?? ''),
    [`${L} [data-out="train-message"]`, pattern.source], { timeout });
}
async function setField(name, value) {
  const el = page.locator(`${L} [name="${name}"]`);
  if (await el.evaluate((e) => e.tagName) === 'SELECT') await el.selectOption(value);
  else await el.fill(String(value));
  await el.dispatchEvent('change');
}
async function openReady(hash, lang = 'en') {
  await lab.goto(hash, lang);
  await page.waitForFunction((sel) => /ready|준비 완료/.test(document.querySelector(sel)?.textContent ?? ''),
    `${L} [data-out="data-status"]`, { timeout: 60_000 });
}
// Waits until exactly `n` elements match, then checks that no more arrive.
async function waitCount(selector, n) {
  await page.waitForFunction(([sel, k]) => document.querySelectorAll(sel).length === k, [selector, n]);
  await frames(page, 5);
  assert.equal(await page.locator(selector).count(), n);
}
// Records the main thread's long tasks (once per page load); returns the page's time now, the
// start of a measured window.
async function startLongTaskProbe() {
  return page.evaluate(() => {
    if (!window.__longTasks) {
      window.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
      }).observe({ type: 'longtask', buffered: false });
    }
    return performance.now();
  });
}
const pageNow = () => page.evaluate(() => performance.now());
// The long tasks that started in the windows [from, to): {longest, count}.
function longTasksIn(...windows) {
  return page.evaluate((ws) => {
    const inside = window.__longTasks.filter((t) => ws.some(([from, to]) => t.start >= from && t.start < (to ?? Infinity)));
    return { longest: Math.max(0, ...inside.map((t) => t.ms)), count: inside.length,
      list: inside.map((t) => `${Math.round(t.ms)} ms at ${Math.round(t.start)}`).join(', ') };
  }, windows);
}

// Presses the exercise's Check (its answer is the last run) and checks the verdict.
async function checkExercise(pattern) {
  const verdict = await exerciseIn(page, L).answer();
  assert.match(verdict, pattern);
  return verdict;
}

// The lab's target is no main-thread task over 50 ms while training. The tests below report the
// longest task; the bound is `npm run long-tasks`'s business (a measurement, not a functional test).

let savedFile = null;
let shownAccuracy = null;

test('data loads with a progress bar; a short run trains in the worker and is checked against the core', async () => {
  await openReady('6?train=2000&epochs=1&batch=64');
  assert.equal(await out('data-progress').evaluate((e) => e.value), 1);
  assert.match(await out('data-status').textContent(), /60,000 training images, 10,000 test images/);
  const spec = { inputs: 784, layers: [{ units: 512, activation: 'relu' }, { units: 128, activation: 'relu' }, { units: 10, activation: 'softmax' }], loss: 'categorical_crossentropy' };
  const memory = core.modelMemory(spec, 64, 'rmsprop', { lr: 0.001, alpha: 0.9, eps: 1e-7 });
  assert.match(await out('memory').textContent(), new RegExp(`^${memory.parameters.toLocaleString('en-US')} parameters · about ${formatNumber(memory.totalBytes / 2 ** 20, 4)} MB`));
  // The exercise has nothing to check before a run.
  await checkExercise(/^Not yet\. No run has finished on this page yet\./);
  const from = await startLongTaskProbe();
  await page.click(`${L} button[name=start]`);
  await waitStatus(/Training finished/);
  await page.waitForFunction((sel) => /Test accuracy/.test(document.querySelector(sel).textContent), `${L} [data-out="test"]`);
  await frames(page, 3);  // the galleries are drawn in the next frames
  const { longest } = await longTasksIn([from]);
  console.log(`# short run: longest main-thread task ${longest.toFixed(0)} ms`);
  // 2,000 images in batches of 64: 32 batches in the epoch.
  assert.equal(await out('epoch').textContent(), '1/1 · 32/32');
  assert.equal(await out('train-progress').evaluate((e) => e.value), 1);
  // Headless Chromium validates relaxed SIMD: the page says it trains with the FMA build.
  assert.match(await out('speed').textContent(), /^[\d,]+ images\/s \(relaxed SIMD \(FMA\), [12] threads?\)$/);
  assert.match(await out('val').textContent(), /^\d\.\d+ · \d+(\.\d+)? %$/);
  const text = await out('test').textContent();
  const m = text.match(/Test accuracy ([\d.]+) % \(([\d,]+) of 10,000 right\)/);
  assert.ok(m, text);
  shownAccuracy = Number(m[1]) / 100;
  assert.ok(shownAccuracy > 0.6, `accuracy ${shownAccuracy} after 2,000 images (chance: 0.1)`);
  // The confusion matrix adds up to the test set, its diagonal to the shown count.
  const counts = await page.locator(`${L} .l6-confusion td button`).allTextContents();
  assert.equal(counts.length, 100);
  assert.equal(counts.map(Number).reduce((a, b) => a + b, 0), 10000);
  const diagonal = counts.map(Number).filter((_, i) => i % 11 === 0).reduce((a, b) => a + b, 0);
  assert.equal(diagonal.toLocaleString('en-US'), m[2]);
  // The galleries fill a few images per frame.
  await waitCount(`${L} [data-out="mistakes"] figure`, 36);
  await waitCount(`${L} [data-out="weights"] canvas`, 64);
  // Save: the downloaded weights, evaluated by the node build, give the accuracy shown.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${L} button[name=save]`)]);
  savedFile = await download.path();
  const bytes = new Uint8Array(readFileSync(savedFile));
  const model = core.newModel(DEFAULT_SPEC, 'rmsprop', { lr: 0.001, alpha: 0.9, eps: 1e-7 });
  model.load(bytes);
  const data = mnistTest();
  const evaluation = model.evaluateBytes(data.images, data.count, 784, data.labels, 10);
  model.delete();
  assert.equal(pct(evaluation.accuracy), `${m[1]} %`);
  assert.match(await out('file-message').textContent(), /Saved [\d,]+ bytes/);
});

test('confusion matrix cells show their test images', async () => {
  const cell = page.locator(`${L} .l6-confusion button[data-cell="77"]`);
  const count = Number(await cell.textContent());
  await cell.click();
  assert.match(await out('cell-title').textContent(), new RegExp(`True 7, predicted 7: ${count} images \\(48 shown`));
  await waitCount(`${L} [data-out="cell"] figure`, Math.min(count, 48));
  // An off-diagonal cell with mistakes, via the keyboard.
  const cells = await page.locator(`${L} .l6-confusion button[data-cell]`).evaluateAll((bs) =>
    bs.map((b) => [Number(b.dataset.cell), Number(b.textContent)]));
  const [miss, n] = cells.find(([c, k]) => c % 11 !== 0 && k > 0);
  await page.focus(`${L} .l6-confusion button[data-cell="${miss}"]`);
  await page.keyboard.press('Enter');
  assert.match(await out('cell-title').textContent(), new RegExp(`True ${Math.floor(miss / 10)}, predicted ${miss % 10}: ${n} images`));
  await waitCount(`${L} [data-out="cell"] figure`, Math.min(n, 48));
});

async function drawOne() {
  await drawStroke(page, out('pad'));
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 10, `${L} [data-out="probs"] li`);
  await frames(page, 3);
  return page.locator(`${L} [data-out="probs"] .p`).allTextContents();
}

let drawn = null;
test('drawing a digit gives ten probabilities that sum to 1', async () => {
  drawn = await drawOne();
  // Shown to 3 digits, tiny ones as “< 0.01 %”: the sum is 100 % within that rounding.
  assert.equal(drawn.length, 10);
  const sum = drawn.map((s) => (s.startsWith('<') ? 0 : Number(s.replace(/[^\d.]/g, '')))).reduce((a, b) => a + b, 0);
  assert.ok(Math.abs(sum - 100) < 0.2, `sum ${sum}`);
  for (const s of drawn) assert.match(s, /^(< 0\.01|\d+(\.\d+)?) %$/);
  assert.match(await out('pad-message').textContent(), /The network’s answer: \d \(/);
  // The preview is the core's 28 x 28 image (drawn as 255 − byte); the saved network run by
  // the node build on those bytes gives the probabilities shown.
  const rgba = await out('preview').evaluate((c) => [...c.getContext('2d').getImageData(0, 0, 28, 28).data]);
  const pixels = Uint8Array.from({ length: 784 }, (_, i) => 255 - rgba[4 * i]);
  assert.ok(pixels.filter((v) => v > 128).length > 10);
  const model = core.newModel(DEFAULT_SPEC, 'rmsprop', {});
  model.load(new Uint8Array(readFileSync(savedFile)));
  const probs = model.predictBytes(pixels, 1, 784);
  model.delete();
  assert.deepEqual(drawn, [...probs].map((p) => (p < 1e-4 ? '< 0.01 %' : `${formatNumber(100 * p, 3)} %`)));
  await page.click(`${L} button[name=clear]`);
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, `${L} [data-out="probs"] li`);
  assert.match(await out('pad-message').textContent(), /Nothing drawn yet/);
});

test('loading the saved file gives the same predictions; malformed and mismatched files are refused', async () => {
  const again = await drawOne();
  assert.deepEqual(again, drawn);
  await page.setInputFiles(`${L} input[name=load]`, savedFile);
  await page.waitForFunction((sel) => /Loaded/.test(document.querySelector(sel).textContent), `${L} [data-out="file-message"]`);
  // The pad asks the loaded network again: wait for its answer.
  await page.waitForFunction(([sel, want]) => [...document.querySelectorAll(sel)].map((e) => e.textContent).join('|') === want,
    [`${L} [data-out="probs"] .p`, drawn.join('|')]);
  assert.deepEqual(await page.locator(`${L} [data-out="probs"] .p`).allTextContents(), drawn);
  assert.match(await out('test').textContent(), new RegExp(`Test accuracy ${formatNumber(100 * shownAccuracy, 4).replace('.', '\\.')} %`));
  await page.setInputFiles(`${L} input[name=load]`, { name: 'bad.bcnn', mimeType: 'application/octet-stream', buffer: Buffer.from('not a network at all') });
  await page.waitForFunction((sel) => /cannot be read/.test(document.querySelector(sel).textContent), `${L} [data-out="file-message"]`);
  assert.match(await out('file-message').textContent(), /^This file cannot be read: it is not a Basecamp weights file/);
  // The same file with other hidden sizes in the settings: the core names the mismatch.
  await setField('hidden', '256, 128');
  await page.setInputFiles(`${L} input[name=load]`, savedFile);
  await page.waitForFunction((sel) => /This file holds another network \(784 → dense 512 relu/.test(document.querySelector(sel).textContent), `${L} [data-out="file-message"]`);
  // The lab keeps working: the pad still predicts with the loaded network.
  assert.deepEqual(await page.locator(`${L} [data-out="probs"] .p`).allTextContents(), drawn);
  await setField('hidden', '512, 128');
});

test('exercise: reach 94 % test accuracy with at most 5,000 images, checked from the last run', async () => {
  // The network in the lab now came from a file: its training data is unknown.
  await checkExercise(/^Not yet\. The network now in the lab was loaded from a file/);
  assert.match(await exerciseIn(page, L).openHint(), /5,000 images in batches of 128 for 5 epochs are only 200 weight updates/);
  await setField('batch', 128);
  await setField('train', 5000);
  await setField('epochs', 1);
  await page.click(`${L} button[name=start]`);
  await waitStatus(/Training finished/);
  const low = await checkExercise(/^Not yet\. With 5,000 images and Epochs = 1, the test accuracy is ([\d.]+) %: not yet 94 %\.$/);
  assert.ok(Number(low.match(/is ([\d.]+) %/)[1]) < 94, low);
  // Ten passes over the same 5,000 images (natively, seed 42: 94.79 %).
  await setField('epochs', 10);
  await page.click(`${L} button[name=start]`);
  await waitStatus(/Training finished/);
  const right = await checkExercise(/^Right! With 5,000 images \(12 times fewer than the full set\) and Epochs = 10, the test accuracy is ([\d.]+) %\.$/);
  const shown = (await out('test').textContent()).match(/Test accuracy ([\d.]+) %/)[1];
  assert.equal(right.match(/is ([\d.]+) %/)[1], shown);
});

test('bad settings are refused with a message; a huge network is refused before it is built', async () => {
  await setField('batch', 0);
  assert.match(await out('settings-message').textContent(), /Batch size “0” cannot be used: it must be a whole number from 1 to 60000/);
  await page.click(`${L} button[name=start]`);
  assert.match(await out('train-message').textContent(), /finished/); // nothing started
  await setField('batch', 64);
  await setField('lr', 'NaN');
  assert.match(await out('settings-message').textContent(), /Learning rate “NaN” cannot be used/);
  await setField('lr', '0.001');
  assert.equal(await out('settings-message').textContent(), '');
  await setField('hidden', '2048, 2048, 2048, 2048');
  await setField('batch', 60000);
  assert.match(await out('settings-message').textContent(), /does not fit in this page’s memory: it needs about [\d.]+ MB and the limit is 1024 MB/);
  await setField('hidden', 'abc');
  assert.match(await out('settings-message').textContent(), /Hidden layer sizes “abc” cannot be used/);
  await page.click(`${L} button[name=reset]`);
  assert.equal(await page.locator(`${L} input[name=batch]`).inputValue(), '128');
  assert.equal(await out('settings-message').textContent(), '');
});

test('each optimizer shows its own hyperparameters, checked by the core, and they reach the training', async () => {
  const hyper = () => page.locator(`${L} [data-out="hyper"] input`).evaluateAll((els) => els.map((e) => [e.name, e.value]));
  const setHyper = async (name, value) => {
    await page.locator(`${L} input[name=hp-${name}]`).fill(value);
    await page.locator(`${L} input[name=hp-${name}]`).dispatchEvent('change');
  };
  const message = () => out('settings-message').textContent();
  // RMSprop starts from Keras's values (the sources' run), Adam from torch's.
  assert.deepEqual(await hyper(), [['hp-alpha', '0.9'], ['hp-eps', '1e-7'], ['hp-momentum', '0']]);
  await setField('opt', 'adam');
  assert.deepEqual(await hyper(), [['hp-beta1', '0.9'], ['hp-beta2', '0.999'], ['hp-eps', '1e-8']]);
  await setHyper('beta1', 'abc');
  assert.match(await message(), /^beta1 \(decay of the gradient average\) “abc” cannot be used: type a number\.$/);
  await setHyper('beta1', '1.5');
  assert.match(await message(), /^This network cannot be built: .*beta1/);
  await setHyper('beta1', '0.8');
  assert.equal(await message(), '');
  assert.match(await page.evaluate(() => location.hash), /[?&]hp=beta1%3A0\.8(&|$)/);
  // They reach the core: the same short run, once with a huge eps that shrinks every step.
  await setField('train', 1000);
  await setField('epochs', 1);
  await setField('batch', 100);
  const accuracyOfRun = async () => {
    await page.click(`${L} button[name=start]`);
    await waitStatus(/Training finished/);
    await page.waitForFunction((sel) => /Test accuracy/.test(document.querySelector(sel).textContent), `${L} [data-out="test"]`);
    return Number((await out('test').textContent()).match(/Test accuracy ([\d.]+) %/)[1]);
  };
  const normal = await accuracyOfRun();
  await setHyper('eps', '1000');
  const tiny = await accuracyOfRun();
  console.log(`# Adam, 1,000 images, 1 epoch: test accuracy ${normal} % with eps 1e-8, ${tiny} % with eps 1000`);
  assert.ok(normal > 50 && tiny < normal - 20, `${normal} vs ${tiny}`);
  // Another optimizer starts again from its own values; the URL forgets Adam's.
  await setField('opt', 'sgd');
  assert.deepEqual(await hyper(), [['hp-momentum', '0'], ['hp-dampening', '0']]);
  assert.doesNotMatch(await page.evaluate(() => location.hash), /hp=/);
  await page.click(`${L} button[name=reset]`);
  assert.deepEqual(await hyper(), [['hp-alpha', '0.9'], ['hp-eps', '1e-7'], ['hp-momentum', '0']]);
});

test('pause, resume and stop a full-size epoch; the page stays responsive', async () => {
  await setField('epochs', 1);
  const from = await startLongTaskProbe();
  await page.click(`${L} button[name=start]`);
  await page.waitForFunction((sel) => /·\s*[1-9]\d*\//.test(document.querySelector(sel).textContent), `${L} [data-out="epoch"]`);
  const first = await out('epoch').textContent();
  await page.waitForFunction(([sel, before]) => document.querySelector(sel).textContent !== before, [`${L} [data-out="epoch"]`, first]);
  await page.click(`${L} button[name=pause]`);
  await waitStatus(/Paused/);
  assert.match(await page.locator('#lesson-nav .nav-activity[data-lesson="6"]').textContent(), /^paused at \d+ %$/);
  const a = await out('epoch').textContent();
  await frames(page, 20);
  assert.equal(await out('epoch').textContent(), a);
  assert.equal(await page.locator(`${L} button[name=pause]`).textContent(), 'Resume');
  await page.click(`${L} button[name=pause]`);
  await page.waitForFunction(([sel, before]) => document.querySelector(sel).textContent !== before, [`${L} [data-out="epoch"]`, a]);
  // The run goes on while the learner reads another lesson; the navigation shows it. (Mounting
  // a lesson is not training: those tasks are left out of the measurement.)
  const navigatedAt = await pageNow();
  const badgeSelector = '#lesson-nav .nav-activity[data-lesson="6"]';
  const badge = page.locator(badgeSelector);
  assert.match(await badge.textContent(), /^training \d+ %$/);
  const hash = await page.evaluate(() => location.hash);
  await page.evaluate(() => { location.hash = '#/1'; });
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  const seen = await badge.textContent();
  await page.waitForFunction(([sel, before]) => document.querySelector(sel).textContent !== before, [badgeSelector, seen]);
  assert.match(await badge.textContent(), /^training \d+ %$/);
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction(() => document.body.dataset.ready === '6');
  await frames(page, 3);
  const backAt = await pageNow();
  await page.click(`${L} button[name=stop]`);
  await waitStatus(/Training stopped \(epoch 1, batch \d+\)/);
  assert.equal(await page.locator('#lesson-nav .nav-activity[data-lesson="6"]').textContent(), '');
  await page.waitForFunction((sel) => /Test accuracy/.test(document.querySelector(sel).textContent), `${L} [data-out="test"]`);
  await frames(page, 3);
  const { longest, count, list } = await longTasksIn([from, navigatedAt], [backAt]);
  await checkExercise(/^Not yet\. Your last run used 60,000 training images \(test accuracy [\d.]+ %\)\. Use 5,000 or fewer\.$/);
  console.log(`# 60,000-image run (paused, resumed, stopped): longest main-thread task ${longest.toFixed(0)} ms (${count} tasks over 50 ms)`);
  // Reported, not asserted: `npm run long-tasks` measures the main thread during a full run.
  if (list) console.log(`# long tasks: ${list}; window ${from}–${navigatedAt}, then from ${backAt}`);
});

test('a learning rate of 1e9 diverges and says so, without NaN on screen', async () => {
  await setField('train', 1000);
  await setField('lr', '1e9');
  await page.click(`${L} button[name=start]`);
  await page.waitForFunction((sel) => /diverged|grown far above/.test(document.querySelector(sel).textContent), `${L} [data-out="train-message"]`, { timeout: 60_000 });
  await page.waitForFunction((sel) => !document.querySelector(sel).disabled, `${L} button[name=start]`, { timeout: 60_000 });
  const shown = await page.locator(`${L} .readout`).textContent();
  assert.doesNotMatch(shown, /NaN/);
  assert.ok(await out('train-message').evaluate((e) => e.classList.contains('warning')));
  // The URL holds the settings; opening it restores them.
  assert.match(page.url(), /lr=1000000000/);
  assert.match(page.url(), /train=1000/);
});

test('URL state restores the settings; screenshots in both languages', async () => {
  await openReady('6?hidden=64,32&act=tanh&opt=adam&lr=0.002&batch=100&epochs=1&train=3000&dropout=0.2&l2=0.0001&init=he_normal&val=split&seed=7');
  const value = (n) => page.locator(`${L} [name="${n}"]`).inputValue();
  assert.equal(await value('hidden'), '64, 32');
  assert.equal(await value('act'), 'tanh');
  assert.equal(await value('opt'), 'adam');
  assert.equal(await value('val'), 'split');
  assert.equal(await value('init'), 'he_normal');
  const spec = { inputs: 784, layers: [{ units: 64, activation: 'tanh' }, { dropout: 0.2 }, { units: 32, activation: 'tanh' }, { dropout: 0.2 }, { units: 10, activation: 'softmax' }], loss: 'categorical_crossentropy', initializer: 'he_normal', l2: 0.0001 };
  const memory = core.modelMemory(spec, 100, 'adam', { lr: 0.002 });
  assert.match(await out('memory').textContent(), new RegExp(`^${memory.parameters.toLocaleString('en-US')} parameters · about ${formatNumber(memory.totalBytes / 2 ** 20, 4)} MB`));
  await page.click(`${L} button[name=start]`);
  await waitStatus(/Training finished/);
  // 3,000 images, the last 10 % held out: 2,700 in batches of 100.
  assert.equal(await out('epoch').textContent(), '1/1 · 27/27');
  await page.locator(`${L} .l6-confusion button[data-cell="33"]`).click();
  await drawOne();
  await lab.screenshot('06-mnist-en-projector', { width: 1920, height: 1080 });
  await lab.screenshot('06-mnist-en-phone', { width: 360, height: 800 });
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  await page.waitForFunction(() => document.body.dataset.ready === '6');
  // The run survives the remount.
  assert.match(await out('train-message').textContent(), /학습이 끝났습니다/);
  assert.match(await out('test').textContent(), /테스트 정확도/);
  await lab.screenshot('06-mnist-ko-phone', { width: 360, height: 800 });
  await lab.screenshot('06-mnist-ko-projector', { width: 1920, height: 1080 });
  const text = await page.locator(L).textContent();
  assert.doesNotMatch(text, /⟦/);
});

test('the full default run (Keras: 60,000 images, 5 epochs) reaches 97.5 %', { skip: !process.env.BASECAMP_LONG }, async () => {
  await openReady('6');
  const from = await startLongTaskProbe();
  const started = Date.now();
  await page.click(`${L} button[name=start]`);
  await waitStatus(/Training finished/, 1_800_000);
  const wall = (Date.now() - started) / 1000;
  const text = await out('test').textContent();
  const accuracy = Number(text.match(/Test accuracy ([\d.]+) %/)[1]);
  const speed = await out('speed').textContent();
  const { longest } = await longTasksIn([from]);
  console.log(`# full run: ${text} | ${speed} | wall ${wall.toFixed(1)} s | longest main-thread task ${longest.toFixed(0)} ms | ${await out('train-message').textContent()}`);
  assert.ok(accuracy >= 97.5, text);
});

test('no console errors', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
