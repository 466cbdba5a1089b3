// The relaxed-SIMD build (fused multiply-add in the GEMM kernel) against the SIMD128 build: both
// load, each has the kernel it claims, and training the same network from the same seed gives
// the same losses and predictions up to rounding (FMA rounds once where mul + add round twice,
// so the last bits may differ; the tolerances say how far they may drift in a short run).
// Needs node's --experimental-wasm-relaxed-simd (npm test passes it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { relaxedSimdSupported } from '../../web/shared/relaxed-simd.js';
import { loadNodeCore } from './load-core.mjs';

const supported = relaxedSimdSupported();
const skip = supported ? false : 'node runs without --experimental-wasm-relaxed-simd';

test('this node validates relaxed SIMD (run with --experimental-wasm-relaxed-simd)', () => {
  assert.ok(supported, 'WebAssembly.validate rejected f32x4.relaxed_madd');
});

const [simd128, relaxed] = supported ? await Promise.all([loadNodeCore('simd128'), loadNodeCore('relaxed')]) : [];

test('each build has the GEMM kernel it is named after', { skip }, () => {
  assert.equal(simd128.Module.linalgSimdKernel(), true);
  assert.equal(simd128.Module.linalgFusedKernel(), false);
  assert.equal(relaxed.Module.linalgSimdKernel(), true);
  assert.equal(relaxed.Module.linalgFusedKernel(), true);
});

// 240 samples of 10 classes in 64-D, deterministic: products that take every path of the
// kernel (full 4x8 tiles, partial tiles at 37 and 10 columns, and a depth of 300 > one 256-deep
// block in the second layer's forward pass).
function data(n = 240, inputs = 64, classes = 10) {
  const x = new Float32Array(n * inputs), y = new Float32Array(n * classes);
  for (let i = 0; i < n; i += 1) {
    const c = i % classes;
    y[i * classes + c] = 1;
    for (let j = 0; j < inputs; j += 1) x[i * inputs + j] = Math.sin(i * 0.37 + j * 1.3) * 0.5 + (j % classes === c ? 0.8 : 0);
  }
  return { x, y, n, inputs, classes };
}

function train(core, d) {
  const spec = {
    inputs: d.inputs,
    layers: [{ units: 300, activation: 'relu' }, { units: 37, activation: 'tanh' }, { units: d.classes, activation: 'softmax' }],
    loss: 'categorical_crossentropy',
    initializer: 'glorot_uniform',
    seed: 5,
  };
  const model = core.newModel(spec, 'rmsprop', { lr: 1e-3, alpha: 0.9, eps: 1e-7 });
  try {
    model.setTrainingData(d.x, d.n, d.inputs, d.y, d.classes);
    model.startFit({ epochs: 3, batchSize: 32, shuffle: true, seed: 2 });
    while (!model.runBatches(100).done) { /* until the fit ends */ }
    return { history: model.history(), probs: model.predict(d.x, d.n, d.inputs) };
  } finally {
    model.delete();
  }
}

test('the same training in both builds agrees up to rounding', { skip }, () => {
  const d = data();
  const a = train(simd128, d), b = train(relaxed, d);
  assert.equal(a.history.length, 3);
  assert.equal(b.history.length, 3);
  for (let e = 0; e < 3; e += 1) {
    const la = a.history[e].loss, lb = b.history[e].loss;
    assert.ok(Math.abs(la - lb) <= 1e-4 * Math.abs(la), `epoch ${e + 1}: loss ${la} (SIMD128) vs ${lb} (relaxed)`);
  }
  assert.ok(a.history[2].loss < a.history[0].loss, 'the loss falls');
  let worst = 0, differ = 0;
  for (let i = 0; i < a.probs.length; i += 1) {
    worst = Math.max(worst, Math.abs(a.probs[i] - b.probs[i]));
    if (a.probs[i] !== b.probs[i]) differ += 1;
  }
  assert.ok(worst <= 1e-4, `largest difference of a probability: ${worst}`);
  console.log(`# relaxed vs SIMD128: ${differ} of ${a.probs.length} probabilities differ, by at most ${worst.toExponential(2)}`);
});
