// Node tests of lesson 7's bindings (web/shared/api/generalize.js): every bound function, checked
// against each other and against what the C++ tests establish; errors arrive as messages; the
// chunked CurveFit equals the one-shot fit and is deleted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();
const train = core.curveData(11, 0.25, 1);
const val = core.curveData(100, 0.25, 1001);

test('curveData is seeded and stratified; trueCurve is sin(1.5x)', () => {
  assert.equal(train.x.length, 11);
  assert.deepEqual(core.curveData(11, 0.25, 1), train);
  assert.notDeepEqual(core.curveData(11, 0.25, 2).y, train.y);
  train.x.forEach((x, i) => assert.ok(x >= -1 + (2 * i) / 11 && x < -1 + (2 * (i + 1)) / 11));
  const c = core.trueCurve(5);
  assert.deepEqual([...c.x], [-1, -0.5, 0, 0.5, 1]);
  c.x.forEach((x, i) => assert.ok(Math.abs(c.y[i] - Math.sin(1.5 * x)) < 1e-15));
  assert.throws(() => core.curveData(0, 0.1, 1), /n must be in/);
});

test('fitCurve: degree 10 overfits, the line does not; the chunked fit is the same run', () => {
  const spec = { model: 'poly', degree: 10, lr: 0.05, steps: 600, recordEvery: 10 };
  const r = core.fitCurve(train, val, val, spec);
  assert.equal(r.steps.length, 61);
  assert.equal(r.curves.length, 61 * r.gridX.length);
  assert.ok(r.best > 0 && r.best < 60);
  assert.ok(r.trainMse.at(-1) < r.trainMse[r.best]);
  assert.ok(r.valMse.at(-1) > r.valMse[r.best]);
  assert.equal(r.testMse, r.valMse.at(-1));
  assert.equal(r.divergedAt, -1);
  assert.equal(r.parameters, 11);
  const line = core.fitCurve(train, val, null, { degree: 1, lr: 0.05, steps: 2000, recordEvery: 100 });
  const ls = core.fitPolyLeastSquares(train, 1);
  assert.ok(Math.abs(line.trainMse.at(-1) - core.polyMse(ls, train)) < 1e-6);
  assert.equal(line.testMse, null);

  const heap = core.heapInUse();
  const fit = core.newCurveFit(train, val, val, spec);
  let progress;
  do progress = fit.advance(70); while (!progress.done);
  assert.equal(progress.step, 600);
  const chunked = fit.result();
  fit.delete();
  assert.equal(core.heapInUse(), heap, 'a deleted CurveFit leaves nothing behind');
  assert.deepEqual(chunked.valMse, r.valMse);
  assert.deepEqual(chunked.weights, r.weights);
  assert.throws(() => core.newCurveFit(train, val, null, { degree: 99 }), /degree must be in/);
  assert.throws(() => core.fitCurve(train, val, null, { penalty: 'l9' }), /valid: none, l2, l1/);
  assert.throws(() => core.fitCurve({ x: [0, 1], y: [1] }, null, null, {}), /differ in length/);
});

test('fitCurve: penalties report ½λΣw² and λΣ|w|; an MLP with dropout; divergence', () => {
  const l2 = core.fitCurve(train, val, null, { degree: 10, lr: 0.05, steps: 300, penalty: 'l2', lambda: 0.01 });
  const ss = l2.weights.reduce((s, w) => s + w * w, 0);
  assert.ok(Math.abs(l2.sumSq - ss) < 1e-12 * ss);
  assert.ok(Math.abs(l2.penalty - 0.5 * 0.01 * l2.sumSq) < 1e-15);
  const l1 = core.fitCurve(train, val, null, { degree: 10, lr: 0.05, steps: 300, penalty: 'l1', lambda: 0.01 });
  assert.ok(Math.abs(l1.penalty - 0.01 * l1.sumAbs) < 1e-15);
  const mlp = core.fitCurve(train, val, null, { model: 'mlp', hidden: 16, depth: 2, dropout: 0.3, lr: 0.01, steps: 100, recordEvery: 50 });
  assert.equal(mlp.weights.length, 16 + 256 + 16);
  assert.equal(mlp.steps.length, 3);
  const boom = core.fitCurve(train, val, null, { degree: 10, optimizer: 'sgd', lr: 100, steps: 300, recordEvery: 1 });
  assert.ok(boom.divergedAt > 0);
  assert.ok(boom.trainMse.every(Number.isFinite));
});

test('splits, degree scans, k-fold and summaries', () => {
  const pool = core.curveData(40, 0.25, 7);
  const roles = core.splitRoles(40, 0.6, 0.2, 3);
  assert.equal(roles.filter((r) => r === 0).length, 24);
  assert.equal(roles.filter((r) => r === 1).length, 8);
  const tr = core.selectRole(pool, roles, 0);
  const va = core.selectRole(pool, roles, 1);
  assert.equal(tr.x.length, 24);
  const scan = core.scanDegrees(tr, va, 8);
  assert.deepEqual([...scan.degree], [1, 2, 3, 4, 5, 6, 7, 8]);
  const c3 = core.fitPolyLeastSquares(tr, 3);
  assert.equal(c3.length, 4);
  assert.ok(Math.abs(scan.valMse[2] - core.polyMse(c3, va)) < 1e-12);
  assert.equal(scan.valMse[scan.bestDegree - 1], Math.min(...scan.valMse));
  const vals = core.polyValues(c3, [0.5]);
  assert.equal(vals.length, 1);
  const folds = core.kfoldAssign(40, 5, 1);
  const scores = [0, 1, 2, 3, 4].map((f) => core.crossValidateFold(pool, folds, f, 3));
  assert.equal(scores.reduce((s, f) => s + f.nVal, 0), 40);
  assert.equal(scores[0].coefficients.length, 4);
  const m = core.summarize(scores.map((s) => s.valMse));
  assert.ok(Math.abs(m.mean - scores.reduce((s, f) => s + f.valMse, 0) / 5) < 1e-15);
  assert.ok(m.stddev > 0);
  assert.throws(() => core.splitRoles(40, 0.9, 0.3, 1), /more than 1/);
  assert.throws(() => core.kfoldAssign(4, 5, 1), /k must be in \[2, 4\], got 5/);
  assert.throws(() => core.crossValidateFold(pool, folds, 7, 3), /fold must be in/);
  assert.throws(() => core.summarize([]), /no values/);
});

test('histogram and the initialization experiment', () => {
  const h = core.histogram([-1, 0.2, 0.3, 0.9, 5], 2, 0, 1);
  assert.deepEqual([...h.counts], [3, 2]);
  assert.throws(() => core.histogram([1], 2, 1, 0), /lo < hi/);
  const layers = core.activationStats({ rule: 'normal_1', activation: 'sigmoid' });
  assert.equal(layers.length, 5);
  assert.equal(layers[0].counts.length, 30);
  assert.equal(layers[0].counts.reduce((a, b) => a + b, 0), 100000);
  assert.ok(layers[4].saturated > 0.3);
  const tiny = core.activationStats({ rule: 'normal_0.01', activation: 'sigmoid' });
  assert.ok(Math.abs(tiny[4].mean - 0.5) < 0.01);
  const relu = core.activationStats({ rule: 'normal_1', activation: 'relu', layers: 3, units: 50, samples: 200, bins: 10, seed: 2 });
  assert.equal(relu.length, 3);
  assert.ok(relu[2].stddev > 10 * relu[0].stddev);  // ×√(50/2) = 5 per layer
  const s = core.initStddevs(100);
  assert.ok(Math.abs(s.xavier - 0.1) < 1e-15 && Math.abs(s.he - Math.sqrt(0.02)) < 1e-15);
  assert.equal(s['normal_0.01'], 0.01);
  assert.throws(() => core.activationStats({ rule: 'lecun' }), /unknown rule/);
});
