// Lesson 4's scene table is data; these tests check that what each scene's text claims really
// happens with the core (node build) and that `basecamp descend` with a schedule prints the
// same path as the core, so the page (which calls the same core) matches the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { loadNodeCore } from './load-core.mjs';
import { nativeDir } from '../../scripts/paths.mjs';
import { PRESETS, SCENES, SEVEN } from '../../web/lessons/04-optimizers/scenes.js';
import { byKey, parseSettings } from '../../web/lessons/04-optimizers/optimizers.js';

const core = await loadNodeCore();
const scene = (id) => SCENES.find((s) => s.id === id);

// The path (rows of [x, y, f]) of one racer of a scene, from the core.
function run(sc, key, steps = sc.steps) {
  const opt = byKey[key];
  const texts = Object.fromEntries(opt.fields.map((f) => [f.name, String(sc.settings[key]?.[f.name] ?? f.torchDefault)]));
  const { settings } = parseSettings(opt, texts);
  const { path, divergedAt } = core.descend({ surface: sc.surface }, opt.core, settings, ...sc.start, steps);
  const rows = [];
  for (let k = 0; k < path.length; k += 3) rows.push([path[k], path[k + 1], path[k + 2]]);
  return { rows, divergedAt };
}
const dist = (p, q) => Math.hypot(p[0] - q[0], p[1] - q[1]);

test('zig-zag: SGD flips the sign of y at every step; AdaGrad flattens y', () => {
  const sc = scene('zigzag');
  assert.deepEqual(sc.start, [-7, 2]);
  const sgd = run(sc, 'sgd').rows;
  for (let t = 1; t <= 10; t++) assert.ok(Math.sign(sgd[t][1]) === -Math.sign(sgd[t - 1][1]), `step ${t}`);
  assert.ok(Math.abs(sgd[30][1]) > 0.01);
  assert.ok(Math.abs(run(sc, 'adagrad').rows[30][1]) < 1e-6);
  for (const key of sc.on) assert.equal(run(sc, key).divergedAt, -1);
});

test('saddle: after 60 steps SGD is still near the saddle, every other racer has left the plot', () => {
  const sc = scene('saddle');
  const { bounds } = core.surfaceInfo({ surface: 'saddle' });
  assert.ok(Math.abs(run(sc, 'sgd').rows[60][1]) < 0.5);
  for (const key of SEVEN.filter((k) => k !== 'sgd')) {
    const y = run(sc, key).rows.at(-1)[1];
    assert.ok(y > bounds.yMax || y < bounds.yMin, `${key}: y = ${y}`);
  }
});

test('rosenbrock: momentum, Nesterov and Adam reach (1, 1) in 1000 steps; SGD does not', () => {
  const sc = scene('rosenbrock');
  for (const key of ['momentum', 'nesterov', 'adam']) assert.ok(dist(run(sc, key).rows[1000], [1, 1]) < 0.05, key);
  assert.ok(dist(run(sc, 'sgd').rows[1000], [1, 1]) > 0.5);
});

test('himmelblau: SGD stops at (3, 2); momentum passes it and settles in another minimum; Nesterov stays', () => {
  const sc = scene('himmelblau');
  const [a, b] = [[3, 2], [3.5844283403304917, -1.8481265269644034]];
  const sgd = run(sc, 'sgd').rows;
  assert.ok(dist(sgd.at(-1), a) < 1e-3, `SGD ends at ${sgd.at(-1)}`);
  const mom = run(sc, 'momentum').rows;
  const closest = mom.reduce((best, row, t) => (dist(row, a) < best.d ? { d: dist(row, a), t } : best), { d: Infinity, t: -1 });
  assert.ok(closest.d < 0.3 && closest.t >= 10, `closest ${closest.d} at ${closest.t}`);
  assert.ok(dist(mom.at(-1), b) < 1e-3, `momentum ends at ${mom.at(-1)}`);
  assert.ok(dist(run(sc, 'nesterov').rows.at(-1), a) < 1e-3);
});

test('every surface preset runs all racers 300 steps without diverging', () => {
  for (const [surface, preset] of Object.entries(PRESETS)) {
    for (const key of Object.keys(byKey)) {
      const sc = { surface, start: preset.start, settings: preset.settings, steps: 300 };
      assert.equal(run(sc, key).divergedAt, -1, `${surface} ${key}`);
    }
  }
});

test('basecamp descend --schedule prints the path the core computes', () => {
  const cases = [
    [['--schedule', 'step', '--step-size', '5', '--gamma', '0.5'], { kind: 'step', step_size: 5, gamma: 0.5 }],
    [['--schedule', 'exponential', '--gamma', '0.97'], { kind: 'exponential', gamma: 0.97 }],
    [['--schedule', 'inverse_time', '--decay', '0.2'], { kind: 'inverse_time', decay: 0.2 }],
  ];
  for (const [flags, schedule] of cases) {
    const out = JSON.parse(execFileSync(`${nativeDir}/basecamp`, ['descend', '--surface', 'bowl', '--optimizer', 'adam',
      '--lr', '0.3', '--start', '-7,2', '--steps', '40', ...flags, '--json'], { encoding: 'utf8' }));
    const { path } = core.descend({ surface: 'bowl' }, 'adam', { lr: 0.3 }, -7, 2, 40, schedule);
    assert.deepEqual(out.path.flat(), [...path]);
  }
});
