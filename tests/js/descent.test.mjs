// Node tests of the 2-D bindings: surfaces, least squares, and optimizers walking surfaces.
// The wasm paths must equal, number for number, what the native `basecamp descend` prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadNodeCore } from './load-core.mjs';
import { nativeDir } from '../../scripts/paths.mjs';

const core = await loadNodeCore();
const cli = `${nativeDir}/basecamp`;

function cliPath(args) {
  const out = execFileSync(cli, ['descend', ...args, '--json'], { encoding: 'utf8' });
  return JSON.parse(out);
}

const cases = [
  { surface: 'bowl', optimizer: 'sgd', start: [-7, 2], steps: 30, settings: { lr: 0.9 } },
  { surface: 'bowl', optimizer: 'sgd', start: [-7, 2], steps: 30, settings: { lr: 0.1, momentum: 0.9, nesterov: true } },
  { surface: 'rosenbrock', optimizer: 'adam', start: [-1.5, 2], steps: 50, settings: { lr: 0.05, amsgrad: true } },
  { surface: 'himmelblau', optimizer: 'rmsprop', start: [0, 0], steps: 40, settings: { lr: 0.01, centered: true, momentum: 0.5 } },
  { surface: 'saddle', optimizer: 'adagrad', start: [1, 0.001], steps: 25, settings: { lr: 0.5 } },
  { surface: 'regression', optimizer: 'adadelta', start: [0, 0], steps: 25, settings: { lr: 1, rho: 0.95 } },
  { surface: 'valleys', optimizer: 'adamw', start: [-1, 1], steps: 25, settings: { lr: 0.1, weight_decay: 0.05 } },
  { surface: 'rosenbrock', optimizer: 'sgd', start: [-1.5, 2], steps: 50, settings: { lr: 0.05 } }, // diverges
];

const flag = { lr: '--lr', momentum: '--momentum', rho: '--rho', weight_decay: '--weight-decay' };
function cliArgs(c) {
  const args = ['--surface', c.surface, '--optimizer', c.optimizer, '--start', c.start.join(','), '--steps', String(c.steps)];
  for (const [key, value] of Object.entries(c.settings)) {
    if (value === true) args.push(`--${key}`);
    else args.push(flag[key] ?? `--${key}`, String(value));
  }
  return args;
}

for (const c of cases) {
  test(`descend(${c.surface}, ${c.optimizer}) equals basecamp descend`, () => {
    const expected = cliPath(cliArgs(c));
    const { path: flat, divergedAt } = core.descend({ surface: c.surface }, c.optimizer, c.settings, ...c.start, c.steps);
    assert.equal(flat.length, expected.path.length * 3);
    expected.path.forEach((row, i) => {
      for (let k = 0; k < 3; k++) assert.equal(flat[3 * i + k], row[k], `row ${i} col ${k}`);
    });
    assert.equal(divergedAt, expected.diverged_at ?? -1);
    // Stepping a Descent one step at a time gives the same numbers.
    const walk = core.newDescent({ surface: c.surface }, c.optimizer, c.settings, ...c.start);
    try {
      const rows = [];
      for (let i = 0; i < c.steps; i++) rows.push(...walk.step(1));
      assert.deepEqual(rows, [...flat.slice(3)]);
      assert.equal(walk.divergedAt(), divergedAt);
    } finally {
      walk.delete();
    }
  });
}

test('the diverging case is reported as diverging', () => {
  const { divergedAt } = core.descend({ surface: 'rosenbrock' }, 'sgd', { lr: 0.05 }, -1.5, 2, 50);
  assert.ok(divergedAt > 0);
});

test('surfaces: names, info, values, gradients and grids', () => {
  assert.deepEqual([...core.catalogue().surfaces].sort(), ['bowl', 'himmelblau', 'regression', 'rosenbrock', 'saddle', 'valleys']);
  const bowl = core.surfaceInfo({ surface: 'bowl' });
  assert.equal(bowl.name, 'bowl');
  assert.ok(bowl.bounds.xMin < bowl.bounds.xMax);
  assert.equal(bowl.minima[0].f, 0);
  const at = core.surfaceAt({ surface: 'bowl' }, 2, 1);
  assert.equal(at.f, 4 / 20 + 1);
  assert.equal(at.gx, 4 / 20);
  assert.equal(at.gy, 2);
  const grid = core.surfaceGrid({ surface: 'bowl' }, 3, 2, -1, 1, 0, 1);
  assert.deepEqual([...grid], [1 / 20, 0, 1 / 20, 1 / 20 + 1, 1, 1 / 20 + 1]);
  assert.throws(() => core.surfaceInfo({ surface: 'volcano' }), /volcano/);
  assert.throws(() => core.surfaceGrid({ surface: 'bowl' }, 1, 5, 0, 1, 0, 1), /grid/);
});

test('least squares on the 7 points of the sources, and on edited points', () => {
  const x = [2.4, 2.8, 3.2, 3.6, 4.0, 4.2, 5.0];
  const y = [1.7, 1.85, 1.79, 1.95, 2.1, 2.0, 2.7];
  const fit = core.leastSquares(x, y);
  assert.equal(fit.m.toFixed(3), '0.336');
  assert.equal(fit.b.toFixed(3), '0.805');
  assert.equal(fit.mse.toFixed(4), '0.0181');
  const info = core.surfaceInfo({ surface: 'regression', x, y });
  assert.equal(info.fit.m, fit.m);
  assert.equal(core.leastSquares([0, 1, 2], [1, 3, 5]).m, 2);
  assert.throws(() => core.leastSquares([1], [2]), /least squares|2 points/i);
  assert.throws(() => core.leastSquares([1, 1], [2, 3]), /x/);
});

test('a Descent exposes the optimizer state, the gradient and the lr', () => {
  const walk = core.newDescent({ surface: 'bowl' }, 'adam', { lr: 0.1 }, -7, 2);
  try {
    walk.step(3);
    assert.equal(walk.steps(), 3);
    const state = walk.state();
    assert.deepEqual(Object.keys(state).sort(), ['exp_avg', 'exp_avg_sq']);
    assert.equal(state.exp_avg.length, 2);
    assert.equal(walk.grad().length, 2);
    assert.equal(walk.lr(), 0.1);
    assert.ok(Number.isFinite(walk.x() + walk.y() + walk.f()));
  } finally {
    walk.delete();
  }
});

test('schedules change the lr step by step', () => {
  const walk = core.newDescent({ surface: 'bowl' }, 'sgd', { lr: 0.8 }, -7, 2, { kind: 'step', step_size: 2, gamma: 0.5 });
  try {
    walk.step(3);
    assert.equal(walk.lr(), 0.4);
  } finally {
    walk.delete();
  }
  assert.throws(() => core.newDescent({ surface: 'bowl' }, 'sgd', { lr: 1 }, 0, 0, { kind: 'cosine' }), /unknown schedule 'cosine'/);
});

test('bad hyperparameters are refused with a message, and leak nothing', () => {
  assert.throws(() => core.newDescent({ surface: 'bowl' }, 'sgd', { lr: -1 }, 0, 0), /lr.*-1/);
  assert.throws(() => core.newDescent({ surface: 'bowl' }, 'adam', { beta1: 1.5 }, 0, 0), /beta/);
  assert.throws(() => core.newDescent({ surface: 'bowl' }, 'lbfgs', {}, 0, 0), /lbfgs/);
  assert.throws(() => core.descend({ surface: 'bowl' }, 'sgd', { lr: 1e9 }, NaN, 0, 5), /finite/);
  const before = core.heapInUse();
  for (let i = 0; i < 2000; i++) {
    const walk = core.newDescent({ surface: 'himmelblau' }, 'adam', { lr: 0.1 }, 1, 1);
    walk.step(5);
    walk.state();
    walk.delete();
    assert.throws(() => core.newDescent({ surface: 'bowl' }, 'sgd', { lr: 0 }, 0, 0));
  }
  assert.equal(core.heapInUse(), before);
});
