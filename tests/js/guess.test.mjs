// Node tests of lesson 2's bindings: k^N counts, time, coverage, network sizes and the race.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();

test('guessReport: exact while small, a power of ten when huge', () => {
  const small = core.guessReport(10, 3, 100);
  assert.equal(small.exact, '1000');
  assert.equal(small.digits, 4);
  assert.equal(small.seconds, 10);
  assert.equal(core.guessReport(2, 64, 1).exact, '18446744073709551616');
  const huge = core.guessReport(10, 11935, 1e9);
  assert.equal(huge.exact, '');
  assert.equal(huge.log10, 11935);
  assert.equal(huge.exponent, 11935);
  assert.equal(huge.powerOfTen, true);
  assert.equal(huge.seconds, Infinity);
  assert.equal(huge.log10Seconds, 11926);
  assert.equal(huge.log10VsAtoms, 11855);
  assert.ok(Math.abs(huge.log10UniverseAges - (11926 - Math.log10(4.35e17))) < 1e-9);
});

test('guessReport rejects bad k, N and rates with messages', () => {
  assert.throws(() => core.guessReport(0, 3, 1), /segments per axis/);
  assert.throws(() => core.guessReport(2.5, 3, 1), /whole number/);
  assert.throws(() => core.guessReport(10, -1, 1), /number of weights/);
  assert.throws(() => core.guessReport(10, NaN, 1), /number of weights/);
  assert.throws(() => core.guessReport(10, 3, 0), /guesses per second/);
});

test('guessConstants', () => {
  const c = core.guessConstants();
  assert.equal(c.log10Atoms, 80);
  assert.equal(c.ageOfUniverseSeconds, 4.35e17);
  assert.equal(c.maxSegments, 1e6);
});

test('guessCoverage: share = budget / k^N, capped at 1', () => {
  const share = core.guessCoverage(1000, 10, 5);
  assert.ok(share instanceof Float64Array);
  assert.deepEqual([...share], [0, 0, 0, -1, -2]);
  assert.throws(() => core.guessCoverage(0, 10, 5), /budget/);
});

test('checkLayers and countParameters: 784-15-10 has 11,935 parameters', () => {
  assert.deepEqual(core.checkLayers([784, 15, 10]), { problem: 'none', index: -1 });
  const n = core.countParameters([784, 15, 10]);
  assert.equal(n.weights, 11910);
  assert.equal(n.biases, 25);
  assert.equal(n.parameters, 11935);
  assert.deepEqual(n.layers[0], { inputs: 784, outputs: 15, weights: 11760, biases: 15 });
  assert.equal(core.probeForwardPasses(11935), 23870);
  assert.deepEqual(core.checkLayers([784, NaN]), { problem: 'not_a_number', index: 1 });
  assert.deepEqual(core.checkLayers([784, 0, 10]), { problem: 'not_positive', index: 1 });
  assert.deepEqual(core.checkLayers([7]), { problem: 'too_few_layers', index: -1 });
  assert.equal(core.checkLayers([1e9, 1e9]).problem, 'too_many_parameters');
  assert.throws(() => core.countParameters([784, -1]), /not_positive/);
  assert.throws(() => core.probeForwardPasses(-3), /parameters/);
});

test('guessRace: random search stalls at N = 100, descent does not; seeded', () => {
  const a = core.guessRace(100, 1000, 1, 'backprop');
  const b = core.guessRace(100, 1000, 1, 'backprop');
  assert.equal(a.randomBest.length, 1000);
  assert.deepEqual([...a.randomBest], [...b.randomBest]);
  assert.deepEqual([...a.descentBest], [...b.descentBest]);
  assert.ok(a.randomBest[999] > 0.1);
  assert.ok(a.descentBest[999] < 1e-12);
  assert.equal(a.evalsPerStep, 2);
  const fd = core.guessRace(100, 1000, 1, 'finite_differences');
  assert.equal(fd.evalsPerStep, 201);
  assert.equal(fd.descentSteps, 4);
  assert.throws(() => core.guessRace(100, 1000, 1, 'magic'), /gradient cost/);
  assert.throws(() => core.guessRace(0, 1000, 1, 'backprop'), /race N/);
});

test('no heap left behind', () => {
  const before = core.heapInUse();
  for (let i = 0; i < 20; i++) {
    core.guessRace(10, 500, i, 'backprop');
    core.countParameters([784, 15, 10]);
    core.guessReport(3, 200, 1e6);
    try { core.countParameters([0]); } catch { /* expected */ }
  }
  assert.equal(core.heapInUse(), before);
});
