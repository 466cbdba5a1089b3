// Node tests of the regression bindings (lineReport) on the node build of the core: the numbers
// agree with the surface (surfaceAt), with leastSquares, and bad inputs are clear JS errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();
const x = [2.4, 2.8, 3.2, 3.6, 4.0, 4.2, 5.0];
const y = [1.7, 1.85, 1.79, 1.95, 2.1, 2.0, 2.7];
const spec = { surface: 'regression', x, y };

test('lineReport agrees with surfaceAt and leastSquares', () => {
  const heap = core.heapInUse();
  const r = core.lineReport(x, y, -0.11, 2.5);
  assert.equal(r.prediction.length, 7);
  assert.equal(r.residual.length, 7);
  assert.ok(Math.abs(r.prediction[0] - 2.236) < 1e-12);
  assert.ok(Math.abs(r.residual[0] - 0.536) < 1e-12);
  const at = core.surfaceAt(spec, -0.11, 2.5);
  assert.ok(Math.abs(r.mse - at.f) < 1e-15);
  const fit = core.leastSquares(x, y);
  assert.deepEqual(r.fit, fit);
  assert.ok(Math.abs(fit.m - 0.336) < 5e-4 && Math.abs(fit.b - 0.805) < 5e-4 && Math.abs(fit.mse - 0.0181) < 5e-5);
  assert.ok(Math.abs(r.distance - Math.hypot(-0.11 - fit.m, 2.5 - fit.b)) < 1e-12);
  assert.ok(Math.abs(r.mseGap - (r.mse - fit.mse)) < 1e-15);
  assert.equal(core.heapInUse(), heap);
});

test('lineReport at the least-squares line: zero distance and gap', () => {
  const fit = core.leastSquares(x, y);
  const r = core.lineReport(x, y, fit.m, fit.b);
  assert.equal(r.distance, 0);
  assert.ok(Math.abs(r.mseGap) < 1e-15);
});

test('lineReport errors are JS errors with the core\'s message', () => {
  assert.throws(() => core.lineReport([1], [2], 0, 0), /points must be a finite number >= 2, got 1/);
  assert.throws(() => core.lineReport([3, 3, 3], [1, 2, 3], 0, 0), /all x are equal/);
  assert.throws(() => core.lineReport([1, 2], [1, 2], NaN, 0), /must be finite/);
  assert.throws(() => core.lineReport([1, 2, 3], [1, 2], 0, 0), /x has 3 values, y has 2/);
});
