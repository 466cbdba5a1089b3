// Lesson 6's worker protocol (web/lessons/06-mnist/train-worker.js), spoken to directly from a
// page of the built lab: every message type, in order and out of order, with the replies the
// lesson relies on. The lesson's own test (06-mnist.test.mjs) drives the same worker through
// the UI; this one pins down the messages themselves.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { openLab, frames } from './harness.mjs';
import { distDir } from '../../scripts/paths.mjs';

// An error reply without its `error` fields (the core error's code, field, … for the page's words).
const plain = ({ error, ...rest }) => rest;

let lab;
let page;
before(async () => {
  lab = await openLab();
  page = lab.page;
  await lab.goto('1', 'en');
  const file = readdirSync(path.join(distDir, 'assets')).find((f) => /^train-worker-.*\.js$/.test(f));
  await page.evaluate((url) => {
    window.msgs = [];
    window.worker = new Worker(url, { type: 'module' });
    window.worker.onmessage = ({ data }) => window.msgs.push(data);
    // What the test reads of a reply: typed arrays as {typed, length}, the rest as it is.
    window.summarize = (v) => (ArrayBuffer.isView(v) ? { typed: v.constructor.name, length: v.length }
      : Array.isArray(v) ? v.map(window.summarize)
        : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, window.summarize(x)])) : v);
  }, `./assets/${file}`);
});
after(async () => { await lab?.close(); });

const SPEC = {
  inputs: 784, layers: [{ units: 512, activation: 'relu' }, { units: 128, activation: 'relu' }, { units: 10, activation: 'softmax' }],
  loss: 'categorical_crossentropy', seed: 42,
};
const RMSPROP = { lr: 0.001, alpha: 0.9, eps: 1e-7 };
const start = (trainSize, epochs, batchSize) => ({
  type: 'start', spec: SPEC, optimizer: 'rmsprop', settings: RMSPROP,
  fit: { epochs, batchSize, shuffle: true, seed: 1 }, trainSize, validation: 'test',
});

let seen = 0;  // replies before this index have been read
const send = (message) => page.evaluate((m) => window.worker.postMessage(m), message);
// The next reply of `type` (skipping others), summarized; later reads start after it.
async function next(type, timeout = 120_000) {
  await page.waitForFunction(([t, i]) => window.msgs.slice(i).some((m) => m.type === t), [type, seen], { timeout });
  const { index, message } = await page.evaluate(([t, i]) => {
    const k = window.msgs.findIndex((m, j) => j >= i && m.type === t);
    return { index: k, message: window.summarize(window.msgs[k]) };
  }, [type, seen]);
  seen = index + 1;
  return message;
}
const since = (from) => page.evaluate((i) => window.msgs.slice(i).map((m) => m.type), from);

test('before the data: start, predict, save and unknown messages get errors; control messages are ignored', async () => {
  await send({ type: 'pause' });
  await send(start(1000, 1, 100));
  assert.deepEqual(plain(await next('error')), { type: 'error', during: 'start', message: 'the MNIST data is not loaded yet' });
  await send({ type: 'predict', id: 1, images: new Uint8Array(784), count: 1 });
  assert.deepEqual(plain(await next('error')), { type: 'error', during: 'predict', id: 1, message: 'no network yet: train one or load a file' });
  await send({ type: 'save' });
  assert.match((await next('error')).message, /no network yet/);
  await send({ type: 'bogus' });
  assert.deepEqual(plain(await next('error')), { type: 'error', during: 'bogus', message: 'unknown message "bogus"' });
  assert.deepEqual(await since(0), ['error', 'error', 'error', 'error']);  // no 'paused'
});

test('load: progress, then the test set, transferred', async () => {
  const from = seen;
  await send({ type: 'load', baseUrl: await page.evaluate(() => document.baseURI) });
  const data = await next('data');
  assert.ok((await since(from)).includes('data-progress'));
  assert.deepEqual(data, {
    type: 'data', trainCount: 60000, testCount: 10000,
    testImages: { typed: 'Uint8Array', length: 7840000 }, testLabels: { typed: 'Uint8Array', length: 10000 },
  });
});

test('a run: started, progress per chunk, the epoch log, done with the results', async () => {
  await send(start(1000, 1, 100));
  const started = await next('started');
  assert.equal(started.parameters, 468874);
  assert.match(started.summary, /^784 → dense 512 relu → dense 128 relu → dense 10 softmax/);
  // The first batch is measured (then one about every 400 ms): every layer with weights.
  const signals = await next('signals');
  assert.deepEqual(signals.at, { epoch: 1, batch: 1, batchesPerEpoch: 10 });
  assert.deepEqual(signals.layers.map((l) => [l.layer, l.kind, l.activation]), [[0, 'dense', 'relu'], [1, 'dense', 'relu'], [2, 'dense', 'softmax']]);
  assert.deepEqual(Object.keys(signals.layers[0]).sort(), ['activation', 'deadFraction', 'gradNorm', 'histogram', 'kind', 'layer', 'max', 'mean', 'min', 'std', 'updateRatio', 'weightNorm']);
  assert.deepEqual(signals.layers[0].histogram, { typed: 'Float64Array', length: 24 });
  assert.equal(signals.layers[2].deadFraction, null);
  assert.ok(signals.layers.every((l) => l.weightNorm > 0 && l.gradNorm > 0 && l.updateRatio > 0 && l.updateRatio < 1));
  assert.equal(started.momentum, null);  // RMSprop without momentum: nothing to change live
  const progress = await next('progress');
  assert.ok(progress.batches.length >= 1);
  assert.deepEqual(Object.keys(progress.batches[0]).sort(), ['batch', 'batchLoss', 'epoch', 'loss', 'metric']);
  assert.equal(progress.last.batchesPerEpoch, 10);
  assert.ok(progress.samplesPerSecond > 0 && progress.elapsed > 0);
  const epoch = await next('epoch');
  assert.equal(epoch.log.epoch, 1);
  assert.ok(epoch.log.valMetric > 0.3 && epoch.log.valMetric <= 1, JSON.stringify(epoch.log));
  const done = await next('done');
  assert.equal(done.reason, 'finished');
  assert.equal(done.result.probs.typed, 'Float32Array');
  assert.equal(done.result.probs.length, 100000);
  assert.equal(done.result.kernel.data.length, 784 * 512);
  assert.equal(done.result.evaluation.accuracy, epoch.log.valMetric);  // the test set, both times
  assert.equal(done.result.report.samples, 10000);
});

test('a long run: a second start and a weights file are refused; pause, predict while paused, resume, stop', async () => {
  await send(start(60000, 1, 128));
  await next('started');
  await next('progress');
  await send(start(1000, 1, 100));
  const again = await next('error');
  assert.deepEqual(plain(again), { type: 'error', during: 'start', message: 'a training run is already going' });
  assert.deepEqual([again.error.code, again.error.field], ['busy', 'start']);  // the page words it
  await send({ type: 'load-weights', bytes: new Uint8Array(8), spec: SPEC, optimizer: 'rmsprop', settings: RMSPROP });
  const file = await next('error');
  assert.deepEqual(plain(file), { type: 'error', during: 'load-weights', message: 'stop the training before loading a file' });
  assert.equal(file.error.code, 'busy');
  await send({ type: 'pause' });
  await next('paused');
  // One batch while paused is always measured: its signals, then its progress, still paused.
  await send({ type: 'step' });
  const stepSignals = await next('signals');
  const stepped = await next('progress');
  assert.equal(stepped.batches.length, 1);
  assert.equal(stepSignals.at.batch, stepped.last.batch);
  const image = new Uint8Array(784).fill(255);
  await send({ type: 'predict', id: 7, images: image, count: 1 });
  const prediction = await next('prediction');
  assert.equal(prediction.id, 7);
  assert.deepEqual(prediction.probs, { typed: 'Float32Array', length: 10 });
  const sum = await page.evaluate(() => window.msgs.findLast((m) => m.type === 'prediction').probs.reduce((a, b) => a + b, 0));
  assert.ok(Math.abs(sum - 1) < 1e-4, `probabilities sum to ${sum}`);
  // Nothing trains while paused.
  const paused = await since(seen);
  await frames(page, 30);
  assert.deepEqual((await since(seen)).filter((t) => t === 'progress'), paused.filter((t) => t === 'progress'));
  await send({ type: 'resume' });
  await next('resumed');
  await next('progress');
  await send({ type: 'stop' });
  const done = await next('done');
  assert.equal(done.reason, 'stopped');
  assert.ok(done.result.evaluation.accuracy > 0.5);
});

test('save, then load-weights: a malformed file is refused, the saved one loads', async () => {
  await send({ type: 'save' });
  const saved = await next('saved');
  assert.equal(saved.bytes.typed, 'Uint8Array');
  assert.ok(saved.bytes.length > 4 * 468874, `${saved.bytes.length} bytes`);
  await send({ type: 'load-weights', bytes: new Uint8Array([1, 2, 3]), spec: SPEC, optimizer: 'rmsprop', settings: RMSPROP });
  const refused = await next('error');
  assert.equal(refused.during, 'load-weights');
  assert.match(refused.message, /^load: /);
  await page.evaluate(([spec, settings]) => {
    const { bytes } = window.msgs.findLast((m) => m.type === 'saved');
    window.worker.postMessage({ type: 'load-weights', bytes, spec, optimizer: 'rmsprop', settings });
  }, [SPEC, RMSPROP]);
  const loaded = await next('weights-loaded');
  assert.match(loaded.summary, /^784 → dense 512 relu/);
  assert.ok(loaded.result.evaluation.accuracy > 0.5);
});

test('set-momentum during an SGD-with-momentum run: momentum-set from the next batch; a bad value is a coded error and training goes on', async () => {
  await send({ ...start(60000, 1, 128), optimizer: 'sgd', settings: { lr: 0.01, momentum: 0.9 } });
  const started = await next('started');
  assert.equal(started.momentum, 0.9);
  await next('progress');
  await send({ type: 'pause' });
  await next('paused');
  await send({ type: 'set-momentum', momentum: 0.5 });
  const set = await next('momentum-set');
  assert.equal(set.momentum, 0.5);
  assert.deepEqual(Object.keys(set.from).sort(), ['batch', 'batchesPerEpoch', 'epoch']);
  assert.equal(set.from.batchesPerEpoch, 469);
  await send({ type: 'set-momentum', momentum: -1 });
  const bad = await next('error');
  assert.equal(bad.during, 'set-momentum');
  assert.deepEqual([bad.error.code, bad.error.field, bad.error.value], ['out_of_range', 'momentum', -1]);
  // The worker keeps going: one batch while paused, then the run resumes and stops as asked.
  await send({ type: 'step' });
  const stepped = await next('progress');
  assert.equal(stepped.batches.length, 1);
  assert.equal(stepped.last.batch, set.from.batch + 1);
  assert.ok(Number.isFinite(stepped.last.batchLoss));
  await send({ type: 'resume' });
  await next('resumed');
  await next('progress');
  await send({ type: 'stop' });
  assert.equal((await next('done')).reason, 'stopped');
  // No run: nothing to change (the page's busy words).
  await send({ type: 'set-momentum', momentum: 0.3 });
  const late = await next('error');
  assert.deepEqual([late.during, late.error.code, late.error.field], ['set-momentum', 'busy', 'set-momentum']);
});

test('set-momentum when the optimizer keeps no momentum (Adam): not_a_setting, and the run goes on', async () => {
  await send({ ...start(60000, 1, 128), optimizer: 'adam', settings: { lr: 0.001 } });
  assert.equal((await next('started')).momentum, null);
  await next('progress');
  await send({ type: 'set-momentum', momentum: 0.9 });
  const refused = await next('error');
  assert.deepEqual([refused.during, refused.error.code, refused.error.field, refused.error.text], ['set-momentum', 'not_a_setting', 'momentum', 'Adam']);
  await next('progress');
  await send({ type: 'stop' });
  assert.equal((await next('done')).reason, 'stopped');
});
