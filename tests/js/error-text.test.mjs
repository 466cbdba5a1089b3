// The page words every error of the core from its own strings (web/shared/error-text.js): each
// error the optimizers, the model spec, the descent settings and the trainer can raise is
// triggered here through the bindings, and its sentence in Korean and in English is checked:
// filled (no ⟦key⟧, no {slot}), and never the core's English message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

// i18n.js reads the browser's location and language when it loads.
globalThis.location ??= { hash: '' };
globalThis.navigator ??= { language: 'ko' };
const { setLang } = await import('../../web/shared/i18n.js');
const { errorText } = await import('../../web/shared/error-text.js');
globalThis.document ??= { documentElement: {} };

const core = await loadNodeCore();
const catalogue = core.catalogue();

// The error `fn` throws (the test fails if it throws none or one without a code).
function errorOf(fn) {
  try {
    fn();
  } catch (error) {
    assert.equal(typeof error.code, 'string', `no code on ${error.message}`);
    return error;
  }
  assert.fail('no error');
}

const mlp = (layers, extra = {}) => ({ inputs: 4, layers, loss: 'categorical_crossentropy', ...extra });
const softmax = { units: 3, activation: 'softmax' };
const bowl = { surface: 'bowl' };

// [what, () => a call that throws]
const cases = [];
for (const o of catalogue.optimizers) {
  for (const h of o.hyperparameters.filter((x) => !x.flag)) {
    const below = h.minOpen ? h.min : h.min - 0.5;
    cases.push([`${o.name} ${h.name} below`, () => core.newDescent(bowl, o.name, { [h.name]: below }, 1, 1)]);
    if (h.max !== null) cases.push([`${o.name} ${h.name} above`, () => core.newDescent(bowl, o.name, { [h.name]: h.maxOpen ? h.max : h.max + 1 }, 1, 1)]);
    cases.push([`${o.name} ${h.name} NaN`, () => core.newDescent(bowl, o.name, { [h.name]: NaN }, 1, 1)]);
  }
}
cases.push(
  ['adam has no momentum', () => core.newDescent(bowl, 'adam', { momentum: 0.9 }, 1, 1)],
  ['no optimizer has it', () => core.newDescent(bowl, 'sgd', { learning_rate: 0.1 }, 1, 1)],
  ['nesterov without momentum', () => core.newDescent(bowl, 'sgd', { nesterov: true }, 1, 1)],
  ['unknown optimizer', () => core.newDescent(bowl, 'adamax', {}, 1, 1)],
  ['unknown surface', () => core.newDescent({ surface: 'moon' }, 'sgd', {}, 1, 1)],
  ['start not finite', () => core.newDescent(bowl, 'sgd', {}, Infinity, 1)],
  ['steps', () => core.descend(bowl, 'sgd', {}, 1, 1, -1)],
  ['schedule gamma', () => core.newDescent(bowl, 'sgd', {}, 1, 1, { kind: 'exponential', gamma: 0 })],
  ['schedule step_size', () => core.newDescent(bowl, 'sgd', {}, 1, 1, { kind: 'step', step_size: 0, gamma: 0.5 })],
  ['schedule missing', () => core.newDescent(bowl, 'sgd', {}, 1, 1, { kind: 'step', gamma: 0.5 })],
  ['schedule foreign', () => core.newDescent(bowl, 'sgd', {}, 1, 1, { kind: 'constant', decay: 1 })],
  ['schedule unknown', () => core.newDescent(bowl, 'sgd', {}, 1, 1, { kind: 'cosine' })],
  ['minibatch batch', () => core.newMinibatch({}, 'sgd', { lr: 0.1 }, 0, 1, 0, 0)],
  ['regression all x equal', () => core.leastSquares([1, 1, 1], [1, 2, 3])],
  ['units', () => core.newModel(mlp([{ units: 0, activation: 'relu' }, softmax]))],
  ['dropout', () => core.newModel(mlp([{ units: 8, activation: 'relu' }, { dropout: 1.5 }, softmax]))],
  ['l2', () => core.newModel(mlp([softmax], { l2: -1 }))],
  ['inputs', () => core.newModel(mlp([softmax], { inputs: 0 }))],
  ['last layer', () => core.newModel(mlp([softmax, { dropout: 0.5 }]))],
  ['loss and output', () => core.newModel(mlp([{ units: 3, activation: 'relu' }]))],
  ['unknown activation', () => core.newModel(mlp([{ units: 3, activation: 'swish' }]))],
  ['unknown initializer', () => core.newModel(mlp([softmax], { initializer: 'orthogonal' }))],
  ['too large', () => core.modelMemory(mlp([{ units: 16384, activation: 'relu' }, { units: 16384, activation: 'relu' }, softmax]), 1)],
  ['memory batch', () => core.modelMemory(mlp([softmax]), 0)],
  ['lesson 6 lr', () => core.modelMemory(mlp([softmax]), 8, 'rmsprop', { lr: 0 })],
);

for (const lang of ['ko', 'en']) {
  test(`every core error is worded from the page's strings in ${lang}`, () => {
    setLang(lang);
    const codes = new Set();
    for (const [what, call] of cases) {
      const error = errorOf(call);
      codes.add(error.code);
      const text = errorText(error);
      assert.ok(!text.includes('⟦') && !/\{\w+\}/.test(text), `${what}: ${text}`);
      assert.ok(!text.includes(error.message), `${what}: the core's sentence shown: ${text}`);
      assert.ok(!text.includes('unexpected') && !text.includes('예상하지'), `${what} (${error.code}): ${text}`);
      if (lang === 'ko') assert.doesNotMatch(text, /must be|got|unknown|needs|not a /, `${what}: ${text}`);
    }
    for (const code of ['out_of_range', 'not_finite', 'not_a_setting', 'nesterov_needs_momentum', 'unknown_name',
      'missing', 'loss_needs_output', 'last_layer_dense', 'too_large', 'all_equal']) assert.ok(codes.has(code), code);
  });
}

test('the limits are worded from the error\'s fields', () => {
  const error = errorOf(() => core.newDescent(bowl, 'adam', { beta1: 1.5 }, 1, 1));
  assert.deepEqual({ code: error.code, field: error.field, value: error.value, min: error.min, max: error.max, minOpen: error.minOpen, maxOpen: error.maxOpen },
    { code: 'out_of_range', field: 'beta1', value: 1.5, min: 0, max: 1, minOpen: false, maxOpen: true });
  setLang('en');
  assert.equal(errorText(error), 'beta1 must be at least 0 and less than 1 (you gave 1.5).');
  setLang('ko');
  assert.equal(errorText(error), 'beta1: 허용 범위는 0 이상 1 미만입니다 (입력한 값: 1.5).');
  assert.equal(errorText(new TypeError('x is undefined')), '예상하지 못한 오류가 생겼습니다. 페이지를 새로 고쳐 보세요.');
});
