// Node tests of lesson 4's bindings: the mini-batch walker (newMinibatch) and a Descent's
// stepView (effective per-coordinate step, velocity, look-ahead). Every bound function is
// called; every object is deleted; the heap returns to where it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();
const regression = { surface: 'regression' };

function walk(w, steps) {
  const rows = [];
  for (let i = 0; i < steps; i++) rows.push(...w.step(1));
  return rows;
}

test('batch = all 7 points equals full-batch descend, number for number', () => {
  for (const [optimizer, settings] of [['sgd', { lr: 0.05 }], ['adam', { lr: 0.1 }], ['sgd', { lr: 0.02, momentum: 0.9 }]]) {
    const { path } = core.descend(regression, optimizer, settings, 1.5, -1.5, 80);
    const w = core.newMinibatch({}, optimizer, settings, 7, 99, 1.5, -1.5);
    try {
      const rows = w.step(80);
      assert.equal(rows.length, 80 * 5);
      for (let t = 1; t <= 80; t++) {
        const r = rows.subarray(5 * (t - 1), 5 * t);
        assert.equal(r[0], path[3 * t], `m at step ${t}`);
        assert.equal(r[1], path[3 * t + 1], `b at step ${t}`);
        assert.equal(r[2], path[3 * t + 2], `loss at step ${t}`);
        assert.equal(r[3], 7 * t);
      }
      assert.equal(w.steps(), 80);
      assert.equal(w.samples(), 560);
      assert.equal(w.epoch(), 79);
      assert.equal(w.batchSize(), 7);
      assert.deepEqual(w.lastBatch(), [0, 1, 2, 3, 4, 5, 6]);
      assert.equal(w.m(), path[3 * 80]);
      assert.equal(w.b(), path[3 * 80 + 1]);
      assert.equal(w.loss(), path[3 * 80 + 2]);
      assert.ok(Number.isFinite(w.batchLoss()));
      assert.equal(w.divergedAt(), -1);
    } finally {
      w.delete();
    }
  }
});

test('batch 1 replays from its seed, differs across seeds, and visits every point once per epoch', () => {
  const make = (seed) => core.newMinibatch({}, 'sgd', { lr: 0.02 }, 1, seed, 1.5, -1.5);
  const a = make(5), b = make(5), c = make(6);
  try {
    const ra = walk(a, 70), rb = walk(b, 70), rc = walk(c, 70);
    assert.deepEqual(ra, rb);
    assert.notDeepEqual(ra, rc);
    const seen = new Set();
    const w = make(11);
    try {
      for (let i = 0; i < 7; i++) { w.step(1); seen.add(w.lastBatch()[0]); }
      assert.equal(seen.size, 7);
      assert.equal(w.epoch(), 0);
      w.step(1);
      assert.equal(w.epoch(), 1);
    } finally { w.delete(); }
  } finally {
    a.delete(); b.delete(); c.delete();
  }
});

test('given points, a schedule, divergence and errors', () => {
  const w = core.newMinibatch({ x: [0, 1, 2, 3], y: [1, 3, 5, 7] }, 'sgd', { lr: 0.05 }, 2, 3, 0, 0, { kind: 'exponential', gamma: 0.999 });
  try {
    w.step(400);
    assert.ok(Math.abs(w.m() - 2) < 0.05 && Math.abs(w.b() - 1) < 0.1, `fit (${w.m()}, ${w.b()})`);
  } finally { w.delete(); }
  const wild = core.newMinibatch({}, 'sgd', { lr: 5 }, 2, 1, 0, 0);
  try {
    const rows = wild.step(5000);
    assert.ok(wild.divergedAt() > 0);
    assert.equal(rows.length / 5, wild.divergedAt() - 1);
    assert.equal(wild.step(1).length, 0);
  } finally { wild.delete(); }
  assert.throws(() => core.newMinibatch({}, 'sgd', { lr: 0.1 }, 0, 1, 0, 0), /batch_size must be in \[1, 7\], got 0/);
  assert.throws(() => core.newMinibatch({}, 'sgd', { lr: -1 }, 1, 1, 0, 0), /SGD: lr must be a finite number > 0, got -1/);
  assert.throws(() => core.newMinibatch({}, 'sgd', { lr: 0.1 }, 1, 1.5, 0, 0), /seed must be a whole number/);
  assert.throws(() => core.newMinibatch({}, 'sgd', { lr: 0.1 }, 1, 1, NaN, 0), /not a finite point/);
});

test('stepView: SGD steps lr per coordinate; momentum exposes −lr·v and θ − lr·μ·v', () => {
  const sgd = core.newDescent({ surface: 'bowl' }, 'sgd', { lr: 0.95 }, -7, 2);
  const mom = core.newDescent({ surface: 'bowl' }, 'sgd', { lr: 0.1, momentum: 0.9, nesterov: true }, -7, 2);
  const ada = core.newDescent({ surface: 'bowl' }, 'adagrad', { lr: 1.5 }, -7, 2);
  try {
    const before = sgd.stepView();
    assert.ok(Number.isNaN(before.effectiveLr[0]) && before.velocity === undefined);
    sgd.step(3);
    const v = sgd.stepView();
    for (const e of v.effectiveLr) assert.ok(Math.abs(e - 0.95) < 1e-12, `effective ${e}`);
    assert.equal(v.lookahead, undefined);
    mom.step(4);
    const m = mom.stepView();
    const buf = mom.state().momentum_buffer;
    assert.equal(m.velocity[0], -0.1 * buf[0]);
    assert.equal(m.velocity[1], -0.1 * buf[1]);
    assert.equal(m.lookahead[0], mom.x() - 0.1 * 0.9 * buf[0]);
    assert.equal(m.lookahead[1], mom.y() - 0.1 * 0.9 * buf[1]);
    ada.step(5);
    const a = ada.stepView();
    assert.ok(a.effectiveLr[1] < a.effectiveLr[0], 'AdaGrad shrinks the steep axis more');
    assert.equal(a.step.length, 2);
  } finally {
    sgd.delete(); mom.delete(); ada.delete();
  }
});

test('no leaks: the heap returns to where it was', () => {
  const before = core.heapInUse();
  for (let i = 0; i < 20; i++) {
    const w = core.newMinibatch({}, 'adam', { lr: 0.1 }, 3, i, 0, 0);
    w.step(50);
    w.lastBatch();
    w.delete();
    const d = core.newDescent({ surface: 'rosenbrock' }, 'sgd', { lr: 0.001, momentum: 0.9 }, -1.5, 2);
    d.step(20);
    d.stepView();
    d.delete();
    try { core.newMinibatch({}, 'sgd', { lr: 0.1 }, 9, 1, 0, 0); } catch { /* expected */ }
  }
  assert.equal(core.heapInUse(), before);
});
