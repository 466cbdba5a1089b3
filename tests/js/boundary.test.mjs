// Node tests of the boundary lesson's bindings (web/shared/api/boundary.js): data sets, the CSV
// reader's structured errors, the lab's pictures against its predictions, settings between
// steps, errors as data, no leaks; and the page's numbers equal `basecamp boundary --json`'s
// for the same settings and seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadNodeCore } from './load-core.mjs';
import { nativeDir } from '../../scripts/paths.mjs';

const core = await loadNodeCore();

function errorOf(fn) {
  try {
    fn();
  } catch (e) {
    return e;
  }
  assert.fail('no error');
}

test('data sets: names, classes, seeded points, the split', () => {
  const names = core.boundaryDatasetNames();
  for (const n of ['gauss', 'circle', 'xor', 'spiral', 'spiral3', 'blobs4', 'plane', 'multigauss', 'above-sine']) assert.ok(names.includes(n), n);
  assert.equal(core.boundaryDatasetClasses('blobs4'), 4);
  assert.equal(core.boundaryDatasetClasses('plane'), 0);
  const d = core.boundaryMakeData({ name: 'spiral3', points: 90, noise: 0.1, testRatio: 0.3, seed: 5 });
  assert.equal(d.classes, 3);
  assert.deepEqual(d.classNames, ['0', '1', '2']);
  assert.equal(d.train.x1.length, 63);
  assert.equal(d.test.label.length, 27);
  assert.deepEqual(core.boundaryMakeData({ name: 'spiral3', points: 90, noise: 0.1, testRatio: 0.3, seed: 5 }), d);
  const e = errorOf(() => core.boundaryMakeData({ name: 'circle', noise: 0.9 }));
  assert.equal(e.code, 'out_of_range');
  assert.equal(e.field, 'noise');
  assert.equal(e.max, 0.5);
  assert.deepEqual(core.boundaryFeatureNames(), ['x1', 'x2', 'x1sq', 'x2sq', 'x1x2', 'sinx1', 'sinx2']);
});

test('CSV: parsed, written back, and refused with the line and the problem as fields', () => {
  const c = core.boundaryParseCsv('x1,x2,label\n1,2,cat\n3,4,dog\n');
  assert.deepEqual(c.classNames, ['cat', 'dog']);
  assert.deepEqual([...c.points.label], [0, 1]);
  assert.equal(core.boundaryWriteCsv(c.points, c.classNames), 'x1,x2,label\n1,2,cat\n3,4,dog\n');
  const cases = [['1,2,0\n3,x,1\n', 'not_a_number', 2], ['1,2,0\n3,4\n', 'columns', 2], ['1,2,0\nnan,1,1\n', 'not_finite', 2],
    ['1,2,0\n3,4,0\n', 'one_class', null], ['', 'empty', null]];
  for (const [text, problem, line] of cases) {
    const e = errorOf(() => core.boundaryParseCsv(text));
    assert.equal(e.code, 'parse_error');
    assert.equal(e.text, problem);
    if (line === null) assert.equal(e.field, 'file');
    else assert.deepEqual([e.field, e.value], ['line', line]);
  }
  const split = core.boundarySplit(c.points, 0.5, 1, c.classNames);
  assert.equal(split.train.x1.length + split.test.x1.length, 2);
});

test('every hyperparameter of the catalogue reaches the lab by name; a foreign name is refused', () => {
  const data = core.boundaryMakeData({ name: 'xor', points: 50, seed: 1 });
  for (const o of core.catalogue().optimizers) {
    const hp = {};
    for (const h of o.hyperparameters) if (h.name !== 'lr') hp[h.name] = h.flag ? false : h.default;
    core.newBoundaryLab(data, { optimizer: o.name, optimizerSettings: hp }).delete();
  }
  const e = errorOf(() => core.newBoundaryLab(data, { optimizer: 'sgd', optimizerSettings: { gamma: 1 } }));
  assert.equal(e.code, 'not_a_setting');
});

test('the lab: heatmaps equal predictions, settings between steps, weights, errors, no leak', () => {
  const data = core.boundaryMakeData({ name: 'xor', points: 200, seed: 2 });
  // Warm-up: the first calls fill the core's static name lists (not a leak).
  core.newBoundaryLab(data, {}).delete();
  core.boundaryKeras({ settings: {}, classes: 2 });
  errorOf(() => core.newBoundaryLab(data, { hidden: [64] }));
  const heap = core.heapInUse();
  const lab = core.newBoundaryLab(data, { features: ['x1', 'x2', 'x1x2'], hidden: [4, 3], activations: ['relu', 'tanh'], lr: 0.05 });
  assert.deepEqual([...lab.units()], [3, 4, 3, 1]);
  lab.step(5);
  assert.equal(lab.epoch(), 5);
  const h = lab.heatmaps(20, -6, 6);
  assert.deepEqual(h.units, [3, 4, 3, 1]);
  assert.equal(h.layers[3].length, 400);
  const x1 = [], x2 = [];
  for (let r = 0; r < 20; r++) for (let c = 0; c < 20; c++) { x1.push(-6 + (c + 0.5) * 0.6); x2.push(6 - (r + 0.5) * 0.6); }
  const p = lab.predict(x1, x2);
  for (let i = 0; i < 400; i++) assert.ok(Math.abs(p.data[i] - h.layers[3][i]) < 1e-6);  // Float32 pictures
  const hist = lab.history();
  assert.equal(hist.epoch.length, 6);
  assert.equal(hist.testLoss[5], lab.current().testLoss);

  lab.setWeight(1, 2, 0, 2.5);
  assert.equal(lab.weight(1, 2, 0), 2.5);
  lab.setBias(0, 1, -1);
  assert.equal(lab.bias(0, 1), -1);
  lab.setLearningRate(0.1);
  lab.setBatchSize(50);
  lab.setOptimizer('adam', { beta1: 0.8, amsgrad: true });
  lab.setRegularization(0.001, 0.002);
  lab.setDropout(0.2);
  lab.step(2);
  assert.equal(lab.epoch(), 7);
  const e = errorOf(() => lab.setLearningRate(1e9));
  assert.deepEqual([e.code, e.field, e.max], ['out_of_range', 'lr', 10]);
  assert.equal(errorOf(() => lab.setWeight(5, 0, 0, 1)).field, 'layer');
  assert.equal(errorOf(() => lab.setOptimizer('sgd', { gamma: 1 })).code, 'not_a_setting');
  assert.equal(lab.hiddenSpace(1, false).cols, 3);
  lab.step(1);  // still works after refusals
  assert.equal(lab.epoch(), 8);
  lab.delete();

  const bad = errorOf(() => core.newBoundaryLab(data, { hidden: [64] }));
  assert.deepEqual([bad.code, bad.field], ['out_of_range', 'units']);
  assert.ok(core.boundaryKeras({ settings: { hidden: [3] }, classes: 2 }).includes('keras.layers.Dense(3, activation="tanh"'));
  assert.equal(core.heapInUse(), heap);
});

test('the page and `basecamp boundary --json` give the same numbers for the same settings and seed', (t) => {
  const bin = path.join(nativeDir, 'basecamp');
  if (!existsSync(bin)) return t.skip('no native build');
  const runs = [
    { args: ['--data', 'spiral', '--noise', '0.1', '--features', 'x1,x2,sinx1,sinx2', '--hidden', '6,4', '--epochs', '20', '--seed', '3'],
      data: { name: 'spiral', noise: 0.1, seed: 3 }, settings: { features: ['x1', 'x2', 'sinx1', 'sinx2'], hidden: [6, 4], seed: 3 }, epochs: 20 },
    { args: ['--data', 'blobs4', '--points', '300', '--test-ratio', '0.3', '--hidden', '5', '--activation', 'relu', '--optimizer', 'adam',
      '--lr', '0.01', '--batch-size', '16', '--l2', '0.001', '--dropout', '0.1', '--beta2', '0.99', '--epochs', '15', '--seed', '9'],
    data: { name: 'blobs4', points: 300, testRatio: 0.3, seed: 9 },
    settings: { hidden: [5], activation: 'relu', optimizer: 'adam', lr: 0.01, batchSize: 16, l2: 0.001, dropout: 0.1, optimizerSettings: { beta2: 0.99 }, seed: 9 },
    epochs: 15 },
  ];
  for (const run of runs) {
    const r = spawnSync(bin, ['boundary', ...run.args, '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const cli = JSON.parse(r.stdout.trim());
    const lab = core.newBoundaryLab(core.boundaryMakeData(run.data), run.settings);
    lab.step(run.epochs);
    const page = lab.current();
    lab.delete();
    assert.equal(cli.epochs, page.epoch);
    for (const [a, b] of [[cli.train_loss, page.trainLoss], [cli.test_loss, page.testLoss], [cli.test_accuracy, page.testAccuracy]])
      assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a)), `${run.args.join(' ')}: CLI ${a}, page ${b}`);
  }
});
