// Node tests of the network bindings: every bound function of Model, the memory estimate and
// the names; a short training lowers the loss; bad specs and data are refused with messages;
// save/load round-trips; 1,000 create/train/delete cycles leave the wasm heap where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();

const blobSpec = (extra = {}) => ({
  inputs: 4,
  layers: [{ units: 8, activation: 'relu' }, { dropout: 0.1 }, { units: 3, activation: 'softmax' }],
  loss: 'categorical_crossentropy',
  initializer: 'glorot_uniform',
  seed: 3,
  ...extra,
});

// n samples of 3 separable classes in 4-D: x Float32Array, one-hot y, and byte versions.
function blobs(n) {
  const x = new Float32Array(n * 4), y = new Float32Array(n * 3);
  const pixels = new Uint8Array(n * 4), labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % 3;
    labels[i] = c;
    y[i * 3 + c] = 1;
    for (let j = 0; j < 4; j++) {
      const v = (j % 3 === c ? 200 : 30) + ((i * 7 + j * 13) % 40);
      pixels[i * 4 + j] = v;
      x[i * 4 + j] = v / 255;
    }
  }
  return { x, y, pixels, labels };
}

test('names (the catalogue) and the memory estimate', () => {
  const names = core.catalogue();
  assert.deepEqual([...names.activations], ['linear', 'relu', 'sigmoid', 'tanh', 'softmax']);
  assert.ok(names.losses.includes('categorical_crossentropy'));
  assert.ok(names.initializers.includes('he_normal'));
  assert.ok(names.optimizers.some((o) => o.name === 'rmsprop'));
  const mnist = {
    inputs: 784,
    layers: [{ units: 512, activation: 'relu' }, { units: 128, activation: 'relu' }, { units: 10, activation: 'softmax' }],
    loss: 'categorical_crossentropy',
  };
  const m = core.modelMemory(mnist, 128, 'rmsprop', { lr: 1e-3, alpha: 0.9, eps: 1e-7 });
  assert.equal(m.parameters, 784 * 512 + 512 + 512 * 128 + 128 + 128 * 10 + 10);
  assert.equal(m.weightBytes, m.parameters * 4);
  assert.equal(m.totalBytes, m.weightBytes + m.gradBytes + m.optimizerBytes + m.activationBytes);
  const huge = { ...mnist, layers: [{ units: 16384, activation: 'relu' }, { units: 16384, activation: 'relu' }, { units: 10, activation: 'softmax' }] };
  assert.throws(() => core.modelMemory(huge, 128), /network too large: \d+ parameters/);
  assert.throws(() => core.modelMemory(mnist, 0), /batch_size must be a finite number >= 1, got 0/);
  assert.throws(() => core.modelMemory(mnist, 32, 'lbfgs'), /unknown optimizer 'lbfgs'/);
});

test('a bad spec is refused with a message naming the value', () => {
  const refuse = (spec, pattern, optimizer = 'sgd', settings = {}) =>
    assert.throws(() => core.newModel(spec, optimizer, settings), pattern);
  refuse(blobSpec({ inputs: 0 }), /inputs must be an integer in \[1, 1048576\], got 0/);
  refuse(blobSpec({ inputs: 2.5 }), /got 2.5/);
  refuse(blobSpec({ layers: [{ units: 3, activation: 'swish' }] }), /unknown activation 'swish' \(valid: linear, relu, sigmoid, tanh, softmax\)/);
  refuse(blobSpec({ layers: [{ units: 0, activation: 'relu' }, { units: 3, activation: 'softmax' }] }), /layer 1 units .* got 0/);
  refuse(blobSpec({ layers: [{ dropout: 1.5 }, { units: 3, activation: 'softmax' }] }), /layer 1: dropout must be in \[0, 1\), got 1.5/);
  refuse(blobSpec({ layers: [{ size: 3 }] }), /layer 1 must be \{units, activation\}, \{dropout: rate\}, \{conv2d: filters, kernel, activation\}, \{maxpool2d: pool\} or \{flatten: true\}, got \{"size":3\}/);
  refuse(blobSpec({ loss: 'hinge' }), /unknown loss 'hinge'/);
  refuse(blobSpec({ initializer: 'orthogonal' }), /unknown initializer 'orthogonal'/);
  refuse(blobSpec({ l2: -1 }), /l2 must be a finite number >= 0, got -1/);
  refuse(blobSpec({ loss: 'binary_crossentropy' }), /binary_crossentropy needs a sigmoid output layer, got softmax/);
  refuse(blobSpec(), /unknown optimizer 'nadam'/, 'nadam');
  refuse(blobSpec(), /lr must be a finite number > 0, got -1/, 'adam', { lr: -1 });
  refuse(42, /expected a spec object/);
});

test('every Model function; a short training lowers the loss', () => {
  const model = core.newModel(blobSpec(), 'adam', { lr: 0.01 });
  try {
    const { x, y, pixels, labels } = blobs(60);
    assert.equal(model.parameterCount(), 4 * 8 + 8 + 8 * 3 + 3);
    assert.equal(model.denseCount(), 2);
    assert.equal(model.summary(), '4 → dense 8 relu → dropout 0.1 → dense 3 softmax; categorical_crossentropy');
    assert.equal(model.lr(), 0.01);
    model.setLr(0.02);
    assert.equal(model.lr(), 0.02);
    assert.throws(() => model.setLr(0), /lr must be a finite number > 0, got 0/);
    assert.throws(() => model.runBatches(1), /not started/);
    assert.throws(() => model.startFit({ epochs: 1 }), /no training data/);

    const before = model.evaluate(x, 60, 4, y, 3);
    model.setTrainingData(x, 60, 4, y, 3);
    model.startFit({ epochs: 5, batchSize: 16, shuffle: true, validationSplit: 0.2, seed: 9 });
    const progress = [];
    let p;
    do {
      p = model.runBatches(2);
      progress.push(p);
    } while (!p.done);
    // 48 training samples: 3 batches an epoch, epochs end on their own call.
    assert.equal(progress[0].batchesPerEpoch, 3);
    assert.equal(progress[0].batch, 2);
    assert.equal(progress[0].epochEnd, null);
    assert.equal(progress[1].batch, 3);
    assert.equal(progress[1].epochEnd.epoch, 1);
    assert.equal(typeof progress[1].epochEnd.valLoss, 'number');
    assert.equal(p.epoch, 5);
    assert.equal(p.samplesSeen, 5 * 48);
    assert.equal(typeof p.metric, 'number');
    const history = model.history();
    assert.equal(history.length, 5);
    assert.ok(history[4].loss < history[0].loss, `loss ${history[0].loss} → ${history[4].loss}`);
    const after = model.evaluate(x, 60, 4, y, 3);
    assert.ok(after.loss < before.loss, `evaluate ${before.loss} → ${after.loss}`);
    assert.ok(after.accuracy > 0.9);

    // Bytes give the same evaluation as the floats they encode.
    const fromBytes = model.evaluateBytes(pixels, 60, 4, labels, 3);
    assert.ok(Math.abs(fromBytes.loss - after.loss) < 1e-6);
    assert.equal(fromBytes.accuracy, after.accuracy);
    const probs = model.predict(x, 60, 4);
    assert.ok(probs instanceof Float32Array);
    assert.equal(probs.length, 180);
    assert.ok(Math.abs(probs[0] + probs[1] + probs[2] - 1) < 1e-5);
    assert.deepEqual(model.predictBytes(pixels, 60, 4), probs);

    // Training from bytes, with explicit validation data, and stop().
    model.setTrainingBytes(pixels, 60, 4, labels, 3);
    model.setValidationBytes(pixels.subarray(0, 12 * 4), 12, 4, labels.subarray(0, 12), 3);
    model.startFit({ epochs: 100, batchSize: 10 });
    p = model.runBatches(1);
    assert.equal(p.batchesPerEpoch, 6);
    model.stop();
    p = model.runBatches(1);
    assert.equal(p.done, true);
    model.setValidationData(x.subarray(0, 8), 2, 4, y.subarray(0, 6), 3);
    model.clearData();
    assert.throws(() => model.startFit({}), /no training data/);

    // Weights: copies, with their shapes.
    const w = model.weights(0);
    assert.equal(w.rows, 4);
    assert.equal(w.cols, 8);
    assert.ok(w.data instanceof Float32Array && w.data.length === 32);
    assert.equal(model.bias(1).length, 3);
    assert.throws(() => model.weights(2), /no layer with weights 2 \(it has 2\)/);

    // Save, load into a fresh model with another seed: same predictions.
    const bytes = model.save();
    assert.ok(bytes instanceof Uint8Array);
    const other = core.newModel(blobSpec({ seed: 77 }), 'sgd', {});
    try {
      assert.notDeepEqual(other.predict(x, 60, 4), probs);
      other.load(bytes);
      assert.deepEqual(other.predict(x, 60, 4), model.predict(x, 60, 4));
      assert.throws(() => other.load(bytes.subarray(0, 50)), /load: file is truncated/);
      assert.throws(() => other.load(new Uint8Array([1, 2, 3])), /not a Basecamp weights file/);
      assert.throws(() => other.load([1, 2, 3]), /must be a Uint8Array, got Array/);
    } finally {
      other.delete();
    }
    const mismatched = core.newModel(blobSpec({ layers: [{ units: 3, activation: 'softmax' }] }), 'sgd', {});
    try {
      assert.throws(() => mismatched.load(bytes), /the file's network \(4 → dense 8 relu → dropout → dense 3 softmax; categorical_crossentropy\) differs/);
    } finally {
      mismatched.delete();
    }

    // Bad data is refused with what is wrong.
    assert.throws(() => model.setTrainingData(x, 60, 5, y, 3), /x has 240 values, expected 300/);
    assert.throws(() => model.setTrainingBytes(x, 60, 4, labels, 3), /pixels must be a Uint8Array, got Float32Array/);
    // An object without a prototype (nothing to read a constructor from) is named, not a TypeError.
    assert.throws(() => model.setTrainingBytes(Object.create(null), 60, 4, labels, 3), /pixels must be a Uint8Array, got Object/);
    assert.throws(() => model.setTrainingBytes(undefined, 60, 4, labels, 3), /pixels must be a Uint8Array, got undefined/);
    assert.throws(() => model.setTrainingBytes(pixels, 60, 4, labels, 2), /label 2 at row 2 is not below classes = 2/);
    assert.throws(() => model.evaluate(x, 40, 6, y, 3), /y has 180 values, expected 120/);
    assert.throws(() => model.predict(x, 30, 8), /x has 8 columns, the model takes 4 inputs/);
    assert.throws(() => model.predict(null, 30, 8), /x must be a typed array/);
    model.setTrainingData(x, 60, 4, y, 3);
    assert.throws(() => model.startFit({ epochs: 0 }), /epochs must be an integer in \[1, 1000000\], got 0/);
    assert.throws(() => model.startFit({ batchSize: 0 }), /batchSize must be an integer/);
    assert.throws(() => model.startFit({ validationSplit: 1 }), /validation_split must be in \[0, 1\), got 1/);
    assert.throws(() => model.runBatches(0), /not started|got 0/);
  } finally {
    model.delete();
  }
});

test('seeded training is reproducible through the bindings', () => {
  const run = () => {
    const model = core.newModel(blobSpec(), 'rmsprop', { lr: 0.01 });
    try {
      const { x, y } = blobs(30);
      model.setTrainingData(x, 30, 4, y, 3);
      model.startFit({ epochs: 3, batchSize: 7, seed: 5 });
      const losses = [];
      let p;
      do {
        p = model.runBatches(1);
        losses.push(p.batchLoss);
      } while (!p.done);
      return losses;
    } finally {
      model.delete();
    }
  };
  assert.deepEqual(run(), run());
});

test('runBatchWithSignals: one batch as runBatches(1) trains it, with every weighted layer\'s signals', () => {
  const train = (withSignals) => {
    const model = core.newModel(blobSpec(), 'sgd', { lr: 0.1 });
    try {
      const { x, y } = blobs(30);
      model.setTrainingData(x, 30, 4, y, 3);
      model.startFit({ epochs: 1, batchSize: 10, seed: 5 });
      model.runBatches(1);
      const before = model.weights(0).data;
      const p = withSignals ? model.runBatchWithSignals(12) : model.runBatches(1);
      return { p, before, after: model.weights(0).data };
    } finally {
      model.delete();
    }
  };
  const plainRun = train(false), measured = train(true);
  const { signals, ...batch } = measured.p;
  // The same batch, the same result: measuring does not change training.
  assert.deepEqual(batch, plainRun.p);
  assert.deepEqual(measured.after, plainRun.after);
  assert.equal(signals.length, 2);  // the two Dense layers; Dropout has no weights
  assert.deepEqual(signals.map((s) => [s.layer, s.kind, s.activation]), [[0, 'dense', 'relu'], [2, 'dense', 'softmax']]);
  const norm = (a) => Math.sqrt(a.reduce((sum, v) => sum + v * v, 0));
  const first = signals[0];
  assert.ok(Math.abs(first.weightNorm - norm(measured.after)) < 1e-5 * norm(measured.after));
  const delta = measured.after.map((v, i) => v - measured.before[i]);
  assert.ok(Math.abs(first.updateRatio - norm(delta) / norm(measured.before)) < 1e-4 * first.updateRatio);
  assert.ok(first.gradNorm > 0);
  // SGD without momentum: the update is lr times the gradient.
  assert.ok(Math.abs(norm(delta) - 0.1 * first.gradNorm) < 1e-3 * norm(delta));
  assert.ok(first.deadFraction >= 0 && first.deadFraction <= 1);
  assert.equal(signals[1].deadFraction, null);  // not a ReLU layer
  assert.ok(first.histogram instanceof Float64Array && first.histogram.length === 24);
  assert.equal(first.histogram.reduce((a, b) => a + b, 0), 12 * 8);  // 12 probe rows x 8 units
  assert.ok(first.min >= 0 && first.max >= first.min && first.std >= 0);
  const idle = core.newModel(blobSpec(), 'sgd', {});
  assert.throws(() => idle.runBatchWithSignals(1), /not started/);
  idle.delete();
});

test('1,000 create/train/delete cycles leave the heap unchanged', () => {
  const { x, y, pixels, labels } = blobs(20);
  const cycle = (i) => {
    const model = core.newModel(blobSpec({ seed: i }), i % 2 ? 'adam' : 'sgd', { lr: 0.01 });
    try {
      if (i % 2) model.setTrainingData(x, 20, 4, y, 3);
      else model.setTrainingBytes(pixels, 20, 4, labels, 3);
      model.startFit({ epochs: 1, batchSize: 8, validationSplit: 0.25 });
      while (!model.runBatches(2).done);
      model.evaluate(x, 20, 4, y, 3);
      model.predict(x, 20, 4);
      model.load(model.save());
      assert.throws(() => model.setTrainingData(x, 21, 4, y, 3), /expected/);  // errors do not leak
    } finally {
      model.delete();
    }
    assert.throws(() => core.newModel(blobSpec({ inputs: -1 }), 'sgd', {}), /got -1/);
  };
  for (let i = 0; i < 20; i++) cycle(i);  // warm up allocator pools
  const before = core.heapInUse();
  for (let i = 0; i < 1000; i++) cycle(i);
  assert.equal(core.heapInUse(), before);
});

test('an image model from JS: conv, pooling and flatten layers; featureMaps gives every conv and pool output', () => {
  const spec = {
    inputs: 36, image: [6, 6, 1], loss: 'categorical_crossentropy', seed: 4,
    layers: [{ conv2d: 2, kernel: 3, activation: 'relu' }, { maxpool2d: 2 }, { flatten: true }, { units: 3, activation: 'softmax' }],
  };
  const model = core.newModel(spec, 'sgd', { lr: 0.1 });
  try {
    assert.equal(model.parameterCount(), 2 * 9 + 2 + 8 * 3 + 3);
    assert.match(model.summary(), /^6x6x1 → conv2d 2 3x3 relu → maxpool2d 2 → flatten → dense 3 softmax/);
    const pixels = Uint8Array.from({ length: 36 }, (_, i) => (i * 37) % 256);
    const maps = model.featureMaps(pixels, 36);
    assert.deepEqual(maps.map((m) => [m.layer, m.kind, m.height, m.width, m.channels, m.data.length]),
      [[0, 'conv2d', 4, 4, 2, 32], [1, 'maxpool2d', 2, 2, 2, 8]]);
    // The conv map by its definition: relu(Σ x·k + b), x = byte / 255, kernel rows in (kh, kw) order.
    const k = model.weights(0), b = model.bias(0);
    for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) for (let f = 0; f < 2; f++) {
      let sum = b[f];
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) sum += (pixels[(r + i) * 6 + c + j] / 255) * k.data[(i * 3 + j) * k.cols + f];
      assert.ok(Math.abs(maps[0].data[(r * 4 + c) * 2 + f] - Math.max(0, sum)) < 1e-5, `conv (${r}, ${c}, ${f})`);
    }
    // The pooling map: the largest of each 2×2 window.
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) for (let f = 0; f < 2; f++) {
      const window = [0, 1].flatMap((i) => [0, 1].map((j) => maps[0].data[((2 * r + i) * 4 + 2 * c + j) * 2 + f]));
      assert.equal(maps[1].data[(r * 2 + c) * 2 + f], Math.max(...window));
    }
    // A Dense on the image without Flatten is refused with its code.
    assert.throws(() => core.newModel({ ...spec, layers: [{ conv2d: 2, kernel: 3 }, { units: 3, activation: 'softmax' }] }),
      (e) => e.code === 'dense_needs_flatten');
  } finally {
    model.delete();
  }
});
