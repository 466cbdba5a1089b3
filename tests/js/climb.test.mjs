// Node tests of lesson 1's climber bindings on the valleys surface, against the descent API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();
const SPEC = { surface: 'valleys' };

test('climbSpot agrees with surfaceAt and names base camp', () => {
  const at = core.surfaceAt(SPEC, 0.5, -2);
  const spot = core.climbSpot(SPEC, 0.5, -2);
  assert.equal(spot.f, at.f);
  assert.equal(spot.gx, at.gx);
  assert.equal(spot.gy, at.gy);
  assert.ok(Math.abs(spot.slope - Math.hypot(at.gx, at.gy)) < 1e-12);
  const camp = core.surfaceInfo(SPEC).minima[0];
  assert.equal(camp.label, 'base camp');
  assert.equal(core.climbSpot(SPEC, camp.x, camp.y).status, 'base_camp');
  const dip = core.surfaceInfo(SPEC).minima[1];
  assert.equal(core.climbSpot(SPEC, dip.x, dip.y).status, 'stuck');
  assert.throws(() => core.climbSpot(SPEC, NaN, 0), /finite/);
  const c = core.climbConstants();
  assert.ok(c.flatSlope > 0 && c.arrivalRadius > 0);
});

test('crossSection runs downhill with the tangent touching at the climber', () => {
  const c = core.crossSection(SPEC, 0.5, -2, 2, 81);
  assert.equal(c.s.length, 81);
  assert.equal(c.f[40], core.surfaceAt(SPEC, 0.5, -2).f);
  assert.equal(c.tangent[40], c.f[40]);
  assert.ok(c.f[41] < c.f[40]);
  assert.throws(() => core.crossSection(SPEC, 0, 0, -1, 81), /half width/);
});

test('reachBaseCamp replays the descent path', () => {
  const r = core.reachBaseCamp(SPEC, 5, -5, 0.5, 50);
  assert.ok(r.stepsToBaseCamp > 0 && r.stepsToBaseCamp < 50);
  const { path } = core.descend(SPEC, 'sgd', { lr: 0.5 }, 5, -5, r.stepsToBaseCamp);
  const n = path.length / 3 - 1;
  assert.equal(path[3 * n], r.x);
  assert.equal(path[3 * n + 1], r.y);
  assert.equal(core.reachBaseCamp(SPEC, 5, -5, 0.01, 50).stepsToBaseCamp, -1);
  assert.throws(() => core.reachBaseCamp(SPEC, 5, -5, 0.5, -1), /max steps/);
});
