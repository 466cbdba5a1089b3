// Node tests of lesson 5's bindings: the tape's step-by-step view (localGrad, contribution,
// backwardTo) and finite differences against backpropagation (fdPresets, fdDefaults,
// mlpParamCount, compareFdBackprop). Every function is called; every Graph is deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();
const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${a} vs ${b}`);
const one = (tensor) => tensor.data[0];

// ŷ = σ(w·x + b), L = (ŷ − y)², x and w leaves, y a constant.
function neuron(g, { x = 1.5, w = -0.8, b = 0.3, y = 1 } = {}) {
  const X = g.leaf([x], 1, 1, 'x');
  const W = g.leaf([w], 1, 1, 'w');
  const u = g.binary('mul', W, X);
  const B = g.leaf([b], 1, 1, 'b');
  const z = g.binary('add', u, B);
  const yhat = g.unary('sigmoid', z);
  const Y = g.constant([y], 1, 1, 'y');
  const d = g.binary('sub', yhat, Y);
  const L = g.unary('square', d);
  return { X, W, u, B, z, yhat, Y, d, L };
}

test('localGrad gives each op\'s local derivative at the current values', () => {
  core.withGraph((g) => {
    const n = neuron(g);
    const s = one(g.value(n.yhat));
    close(one(g.localGrad(n.u, 0)), 1.5);   // ∂(w·x)/∂w = x
    close(one(g.localGrad(n.u, 1)), -0.8);  // ∂(w·x)/∂x = w
    close(one(g.localGrad(n.z, 1)), 1);
    close(one(g.localGrad(n.yhat, 0)), s * (1 - s));
    close(one(g.localGrad(n.d, 1)), -1);    // constant input: still its local derivative
    close(one(g.localGrad(n.L, 0)), 2 * one(g.value(n.d)));
    // The chain rule: the product of local derivatives along the path is the gradient.
    g.backward(n.L);
    const product = [[n.L, 0], [n.d, 0], [n.yhat, 0], [n.z, 0], [n.u, 0]].reduce((p, [id, k]) => p * one(g.localGrad(id, k)), 1);
    close(one(g.grad(n.W)), product);
    // contribution = grad(node) × local: what backward sent to that input.
    close(one(g.contribution(n.u, 0)), one(g.grad(n.W)));
    close(one(g.contribution(n.L, 0)), one(g.grad(n.d)));
  });
});

test('backwardTo stops the backward pass part-way; fan-out sums as it goes', () => {
  core.withGraph((g) => {
    const x = g.leaf([2], 1, 1, 'x');
    const a = g.binary('mul', x, g.leaf([3], 1, 1, 'p'));  // x used twice
    const b = g.binary('mul', x, g.leaf([5], 1, 1, 'q'));
    const L = g.binary('add', a, b);
    g.backwardTo(L, L);
    assert.equal(one(g.grad(x)), 0, 'not reached yet');
    close(one(g.grad(a)), 1);
    g.zeroGrad();
    g.backwardTo(L, b);
    close(one(g.grad(x)), 5);  // from b only
    g.zeroGrad();
    g.backwardTo(L, a);
    close(one(g.grad(x)), 8);  // 3 + 5
    assert.throws(() => g.backwardTo(L, L + 1), /down_to .* is not a node id/);
    assert.throws(() => g.backward(99), /no node 99/);  // errors of backward reach JS too
    assert.throws(() => g.localGrad(x, 0), /has no input 0/);
    assert.throws(() => g.localGrad(a, -1), /input index must be >= 0/);
    // Before any backward pass, contribution is zero (no gradient has arrived).
    g.zeroGrad();
    assert.equal(one(g.contribution(a, 0)), 0);
  });
});

test('fdPresets, fdDefaults and mlpParamCount describe the lesson\'s ladder', () => {
  const presets = core.fdPresets();
  assert.deepEqual(presets.map((p) => p.params), [51, 485, 4916, 49472, 266610]);
  for (const p of presets) assert.equal(core.mlpParamCount(p.layers), p.params);
  assert.equal(presets[0].fdSample, 0);
  assert.ok(presets[4].fdSample > 0 && presets[4].fdSample < presets[4].params);
  const d = core.fdDefaults();
  assert.equal(d.batch, 16);
  assert.equal(d.step, 1e-5);
  assert.ok(d.relFloor > 0);
  assert.throws(() => core.mlpParamCount([3]), /at least 2 layer sizes/);
});

test('compareFdBackprop: gradients agree, counts exact, sampling flagged, deterministic', () => {
  const r = core.compareFdBackprop([3, 5, 2], { batch: 4, seed: 7 });
  const N = 3 * 5 + 5 + 5 * 2 + 2;
  assert.equal(r.params, N);
  assert.deepEqual([...r.layers], [3, 5, 2]);
  assert.equal(r.fdEvaluations, 2 * N);
  assert.equal(r.forwardFdEvaluations, N + 1);
  assert.equal(r.fdParamsRun, N);
  assert.equal(r.extrapolated, false);
  assert.ok(r.maxRelDiff < 1e-5, `max rel diff ${r.maxRelDiff}`);
  assert.ok(r.forwardMs > 0 && r.backwardMs > 0 && r.timedPasses >= 10);
  close(r.backpropMs, r.forwardMs + r.backwardMs);
  close(r.backwardOverForward, r.backwardMs / r.forwardMs);
  close(r.fdOverBackprop, r.fdMs / r.backpropMs);
  const again = core.compareFdBackprop([3, 5, 2], { batch: 4, seed: 7 });
  assert.equal(again.loss, r.loss);
  assert.equal(again.maxRelDiff, r.maxRelDiff);
  const sampled = core.compareFdBackprop([20, 10, 3], { fdSample: 12, minTimingMs: 5 });
  assert.equal(sampled.extrapolated, true);
  assert.equal(sampled.fdParamsRun, 12);
  assert.equal(sampled.fdEvaluationsRun, 24);
  assert.equal(sampled.fdEvaluations, 2 * sampled.params);
  close(sampled.fdMs, sampled.fdRunMs * sampled.params / 12, 1e-9);
  assert.throws(() => core.compareFdBackprop([3, 2], { batch: 0 }), /batch must be in \[1, 4096\], got 0/);
  assert.throws(() => core.compareFdBackprop([3, 0]), /layer sizes must be in/);
});

test('many graphs and comparisons leave the wasm heap unchanged', () => {
  const cycle = () => core.withGraph((g) => {
    const n = neuron(g);
    g.backwardTo(n.L, n.z);
    return one(g.localGrad(n.yhat, 0)) + one(g.contribution(n.z, 0));
  });
  for (let i = 0; i < 50; i++) cycle();
  core.compareFdBackprop([2, 3, 1], { minTimingMs: 1 });
  const before = core.heapInUse();
  for (let i = 0; i < 2000; i++) cycle();
  for (let i = 0; i < 5; i++) core.compareFdBackprop([2, 3, 1], { minTimingMs: 1 });
  assert.equal(core.heapInUse(), before);
});
