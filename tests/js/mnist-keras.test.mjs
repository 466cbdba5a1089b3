// Node tests of lesson 6's two "inside training" bindings: the Keras export (core.mnistKeras)
// of the exact request the page sends its worker — the default is the golden file of the core's
// Catch2 test, so page, worker and `basecamp mnist --keras` agree — and the live momentum
// (Model.momentum / setMomentum), with the core's coded errors for bad values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNodeCore } from './load-core.mjs';

const core = await loadNodeCore();
// The lesson's settings read the core's catalogue when imported: after the core is loaded.
const { MODEL_PRESETS, request, stateTable } = await import('../../web/lessons/06-mnist/settings.js');

const golden = (name) => readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'mnist_keras', name), 'utf8');
const defaults = () => Object.fromEntries(Object.entries(stateTable).map(([key, spec]) => [key, spec.default]));
const codeOf = (f) => {
  try {
    f();
  } catch (e) {
    return `${e.code}:${e.field}`;
  }
  return 'no error';
};

test("the page's default request exports the sources' Keras run (the core's golden file)", () => {
  assert.equal(core.mnistKeras(request(defaults())), golden('mlp_rmsprop.py'));
});

test("the page's convnet request exports the Keras book's convnet (the core's golden file)", () => {
  const state = { ...defaults(), model: 'convnet', hidden: MODEL_PRESETS.convnet.hidden, batch: MODEL_PRESETS.convnet.batch };
  assert.equal(core.mnistKeras(request(state)), golden('convnet_rmsprop.py'));
});

test('the export follows the settings: optimizer values, subset, validation', () => {
  const state = { ...defaults(), opt: 'sgd', hp: 'momentum:0.8,dampening:0', lr: 0.05, train: 5000, val: 'split', epochs: 2, dropout: 0.2 };
  const code = core.mnistKeras(request(state));
  assert.match(code, /keras\.optimizers\.SGD\(learning_rate=0\.05, momentum=0\.8, nesterov=False\)/);
  assert.match(code, /x_train\[:5000\]/);
  assert.match(code, /validation_split=0\.1/);
  assert.match(code, /keras\.layers\.Dropout\(0\.2\)/);
  assert.match(code, /epochs=2/);
  assert.doesNotMatch(core.mnistKeras(request({ ...state, val: 'none' })), /validation/);
});

test('bad settings: the core coded errors, never a script', () => {
  assert.equal(codeOf(() => core.mnistKeras(request({ ...defaults(), opt: 'adamx' }))), 'unknown_name:optimizer');
  assert.equal(codeOf(() => core.mnistKeras(request({ ...defaults(), lr: -1 }))), 'out_of_range:lr');
  assert.equal(codeOf(() => core.mnistKeras({ ...request(defaults()), validation: 'later' })), 'unknown_name:validation');
  assert.equal(codeOf(() => core.mnistKeras({ ...request(defaults()), trainSize: 0 })), 'out_of_range:train_size');
});

test('momentum: read and changed where the optimizer keeps one; refused otherwise', () => {
  const spec = { inputs: 4, layers: [{ units: 3, activation: 'softmax' }], loss: 'categorical_crossentropy' };
  const sgd = core.newModel(spec, 'sgd', { lr: 0.1, momentum: 0.9 });
  const nesterov = core.newModel(spec, 'sgd', { lr: 0.1, momentum: 0.9, nesterov: 1 });
  const adam = core.newModel(spec, 'adam', {});
  const rmsprop = core.newModel(spec, 'rmsprop', { momentum: 0.5 });
  try {
    assert.equal(sgd.momentum(), 0.9);
    sgd.setMomentum(0.5);
    assert.equal(sgd.momentum(), 0.5);
    sgd.setMomentum(0);
    assert.equal(sgd.momentum(), 0);
    assert.equal(codeOf(() => sgd.setMomentum(-0.1)), 'out_of_range:momentum');
    assert.equal(codeOf(() => sgd.setMomentum(NaN)), 'not_finite:momentum');
    assert.equal(sgd.momentum(), 0);
    assert.equal(codeOf(() => nesterov.setMomentum(0)), 'nesterov_needs_momentum:nesterov');
    assert.equal(rmsprop.momentum(), 0.5);
    rmsprop.setMomentum(0.25);
    assert.equal(rmsprop.momentum(), 0.25);
    assert.equal(adam.momentum(), null);
    assert.equal(codeOf(() => adam.setMomentum(0.9)), 'not_a_setting:momentum');
  } finally {
    for (const m of [sgd, nesterov, adam, rmsprop]) m.delete();
  }
});
