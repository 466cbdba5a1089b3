// Node tests of the bindings: every bound function is called, every object made is deleted,
// errors arrive as readable messages, and create/compute/delete cycles leak nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();
const { Module } = core;
const close = (a, b, tol = 1e-12) => assert.ok(Math.abs(a - b) <= tol * (1 + Math.abs(b)), `${a} vs ${b}`);

test('curveCatalog lists the 1-D curves with their ranges', () => {
  const names = core.curves().map((c) => c.name);
  assert.deepEqual(names, ['parabola', 'two_dips']);
  for (const c of core.curves()) assert.ok(c.xMin < c.xMax && c.formula.length > 0);
});

test('evaluateCurve gives the value and the autodiff slope', () => {
  const p = core.evaluateCurve('parabola', 1.5);
  assert.equal(p.value, 2.25);
  assert.equal(p.slope, 3);
  const q = core.evaluateCurve('two_dips', 2);
  close(q.value, 0.1 * 16 - 4 + 0.8);
  close(q.slope, 0.4 * 8 - 4 + 0.4);
});

test('stepDownhill moves x by -eta * slope', () => {
  const p = core.stepDownhill('parabola', 1.5, 0.1);
  close(p.x, 1.5 - 0.1 * 3);
  close(p.value, p.x * p.x);
});

test('a diverging step reports non-finite numbers instead of throwing', () => {
  let x = 3;
  for (let i = 0; i < 40 && Number.isFinite(x); i++) x = core.stepDownhill('two_dips', x, 3).x;
  assert.ok(!Number.isFinite(x) || Math.abs(x) > 1e100);
});

test('bad input reaches JS as an Error naming the problem', () => {
  assert.throws(() => core.evaluateCurve('cubic', 1), /curve: unknown curve 'cubic'/);
  assert.throws(() => core.evaluateCurve('parabola', NaN), /x must be a finite number/);
  assert.throws(() => core.stepDownhill('parabola', 1, -1), /step size must be a finite number >= 0/);
});

test('Graph: every op builds, runs backward, and reports values, grads and labels', () => {
  core.withGraph((g) => {
    const x = g.leaf([1, -2, 3, 0.5, 2, -1], 2, 3, 'x');
    const w = g.leaf([0.1, 0.2, 0.3, 0.4, 0.5, 0.6], 3, 2, 'w');
    const b = g.leaf([0.1, -0.1], 1, 2, 'b');
    const y = g.constant([1, 0, 0, 1], 2, 2, 'y');
    const pos = g.constant([1, 2, 3, 4, 5, 6], 2, 3, 'pos');
    const z = g.binary('add_bias', g.binary('matmul', x, w), b);
    const loss = g.binary('softmax_cross_entropy', z, y);
    for (const op of ['neg', 'transpose', 'sum', 'mean', 'square', 'exp', 'abs', 'relu', 'sigmoid', 'tanh', 'softmax', 'log_softmax']) {
      assert.equal(g.op(g.unary(op, x)), op);
    }
    assert.equal(g.op(g.unary('log', pos)), 'log');
    for (const op of ['add', 'sub', 'mul', 'div', 'mse']) assert.equal(g.op(g.binary(op, x, pos)), op);
    assert.equal(g.op(g.binary('sigmoid_binary_cross_entropy', z, y)), 'sigmoid_binary_cross_entropy');
    assert.equal(g.op(g.withNumber('pow', pos, 2)), 'pow');
    assert.equal(g.op(g.withNumber('scale', x, 3)), 'scale');
    g.backward(loss);
    assert.equal(g.label(x), 'x');
    assert.equal(g.op(x), 'leaf');
    assert.deepEqual([...g.inputs(z)].length, 2);
    const value = g.value(loss);
    assert.equal(value.rows, 1);
    assert.ok(value.data[0] > 0);
    const gw = g.grad(w);
    assert.equal(gw.rows, 3);
    assert.equal(gw.data.length, 6);
    // The gradient of the mean cross-entropy with respect to the bias sums to 0 over classes.
    const gb = g.grad(b).data;
    close(gb[0] + gb[1], 0, 1e-12);
    const before = g.grad(w).data[0];
    g.backward(loss);
    close(g.grad(w).data[0], 2 * before);
    g.zeroGrad();
    assert.equal(g.grad(w).data[0], 0);
    assert.ok(g.size() > 20);
    g.clear();
    assert.equal(g.size(), 0);
  });
});

test('Graph errors name the op and the shapes', () => {
  core.withGraph((g) => {
    const a = g.leaf([1, 2, 3, 4, 5, 6], 2, 3, 'a');
    const b = g.leaf([1, 2, 3, 4], 2, 2, 'b');
    assert.throws(() => g.binary('matmul', a, b), /matmul.*\(2x3\).*\(2x2\)/);
    assert.throws(() => g.binary('add', a, b), /add.*\(2x3\).*\(2x2\)/);
    assert.throws(() => g.unary('log', g.leaf([-1], 1, 1, 'n')), /log/);
    assert.throws(() => g.unary('cosh', a), /unknown unary op 'cosh'/);
    assert.throws(() => g.leaf([1, 2, 3], 2, 2, 'short'), /3 numbers do not fill \(2x2\)/);
    assert.throws(() => g.value(99), /no node 99/);
  });
});

test('10,000 create/compute/delete cycles leave the wasm heap unchanged', () => {
  const cycle = () => core.withGraph((g) => {
    const x = g.leaf([0.5, -1, 2, 0.25], 2, 2, 'x');
    const loss = g.unary('mean', g.unary('tanh', g.binary('matmul', x, x)));
    g.backward(loss);
    return g.grad(x).data[0];
  });
  for (let i = 0; i < 100; i++) cycle(); // warm up allocator pools
  const before = core.heapInUse();
  for (let i = 0; i < 10000; i++) cycle();
  for (let i = 0; i < 1000; i++) core.evaluateCurve('two_dips', i / 1000);
  assert.equal(core.heapInUse(), before);
  // And errors leak nothing either.
  const beforeErrors = core.heapInUse();
  for (let i = 0; i < 1000; i++) assert.throws(() => core.evaluateCurve('nope', 1));
  assert.equal(core.heapInUse(), beforeErrors);
  assert.ok(Module.HEAP8.length > 0);
});
