// Node tests of the MNIST lesson's bindings: classificationReport (the confusion matrix, the
// images per cell, confident mistakes) on a hand-checked example and against a real model's
// predictions and accuracy; mnistPreprocess of a drawn bar; bad input refused with the core's
// messages; the wasm heap returns to where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();

test('classificationReport on a hand-checked example', () => {
  const probs = new Float32Array([0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.2, 0.2, 0.6, 0.05, 0.9, 0.05, 0.1, 0.8, 0.1]);
  const labels = new Uint8Array([0, 1, 2, 1, 0]);
  const r = core.classificationReport(probs, 5, 3, labels, 10);
  assert.equal(r.samples, 5);
  assert.equal(r.correct, 3);
  assert.equal(r.accuracy, 0.6);
  assert.deepEqual([...r.predicted], [0, 2, 2, 1, 1]);
  assert.deepEqual([...r.confusion], [1, 1, 0, 0, 1, 1, 0, 0, 1]);
  assert.deepEqual([...r.cellStart], [0, 1, 2, 2, 2, 3, 4, 4, 4, 5]);
  assert.deepEqual([...r.mistakes], [4, 1]);
  assert.ok(Math.abs(r.confidence[4] - 0.8) < 1e-6);
  assert.ok(r.order instanceof Int32Array && r.order.length === 5);
});

test('classificationReport agrees with a model\'s own accuracy', () => {
  const n = 60;
  const pixels = new Uint8Array(n * 4), labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = i % 3;
    for (let j = 0; j < 4; j++) pixels[i * 4 + j] = (j % 3 === i % 3 ? 180 : 40) + ((i * 11 + j * 7) % 60);
  }
  const model = core.newModel({ inputs: 4, layers: [{ units: 6, activation: 'relu' }, { units: 3, activation: 'softmax' }], loss: 'categorical_crossentropy', seed: 1 }, 'adam', { lr: 0.05 });
  model.setTrainingBytes(pixels, n, 4, labels, 3);
  model.startFit({ epochs: 3, batchSize: 10 });
  while (!model.runBatches(5).done);
  const evaluation = model.evaluateBytes(pixels, n, 4, labels, 3);
  const r = core.classificationReport(model.predictBytes(pixels, n, 4), n, 3, labels, 5);
  assert.equal(r.accuracy, evaluation.accuracy);
  assert.equal([...r.confusion].reduce((a, b) => a + b, 0), n);
  model.delete();
});

test('mnistPreprocess fits a tall bar into 20 pixels and centres it', () => {
  const ink = new Uint8Array(200 * 200);
  for (let y = 5; y < 165; y++) for (let x = 10; x < 50; x++) ink[y * 200 + x] = 255;
  const d = core.mnistPreprocess(ink, 200, 200);
  assert.equal(d.empty, false);
  assert.deepEqual(d.box, { x: 10, y: 5, width: 40, height: 160 });
  assert.ok(d.pixels instanceof Uint8Array && d.pixels.length === 784);
  const rows = new Set(), cols = new Set();
  d.pixels.forEach((v, i) => { if (v) { rows.add(Math.floor(i / 28)); cols.add(i % 28); } });
  assert.equal(rows.size, 20);
  assert.equal(cols.size, 5);
  assert.ok(Math.abs(d.centerX - 14) <= 0.5 && Math.abs(d.centerY - 14) <= 0.5);
  assert.equal(core.mnistPreprocess(new Uint8Array(100), 10, 10).empty, true);
});

test('bad input is refused with the core\'s message; the heap is returned', () => {
  const before = core.heapInUse();
  assert.throws(() => core.classificationReport(new Float32Array(5), 2, 3, new Uint8Array(2), 1), /probabilities has 5 values, expected 6/);
  assert.throws(() => core.classificationReport(new Float32Array(6), 2, 3, new Uint8Array([0, 7]), 1), /label 7 at index 1/);
  assert.throws(() => core.classificationReport(new Float32Array(6), 2, 3, new Uint8Array(2), -1), /k must be >= 0/);
  assert.throws(() => core.mnistPreprocess(new Uint8Array(3), 2, 2), /drawing has 3 values, expected 4/);
  assert.throws(() => core.mnistPreprocess(new Uint8Array(3), 0, 3), /1 to 4096 pixels/);
  assert.throws(() => core.mnistPreprocess([1, 2, 3, 4], 2, 2), /must be a Uint8Array/);
  for (let i = 0; i < 200; i++) {
    core.classificationReport(new Float32Array(60), 20, 3, new Uint8Array(20), 3);
    core.mnistPreprocess(new Uint8Array(400).fill(9), 20, 20);
  }
  assert.equal(core.heapInUse(), before);
});
