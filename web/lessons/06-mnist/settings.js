// The lesson's settings: the URL table, the checks a learner's typed values get before anything
// is built, and the request the worker receives. The default is the sources' Keras run, the
// core's preset (nn/presets.hpp, through shared/catalogue.js): 784 → Dense 512 relu → Dense 128
// relu → Dense 10 softmax, RMSprop with Keras's settings, batch 128, 5 epochs, 60,000 images.
// The other model is the Keras book's convnet (section 5.1; the core's preset too): 28×28×1 →
// Conv2D 32 3×3 relu → MaxPooling 2 → Conv2D 64 → MaxPooling 2 → Conv2D 64 → Flatten → Dense 64
// relu → Dense 10 softmax, RMSprop, batch 64, 5 epochs; its conv layers' filters are editable.
// The optimizers' defaults and limits are the core's (its catalogue); the limits below are the
// lesson's own (what a page can train in reasonable time and memory).
import { parseNumber } from '../../shared/number-field.js';
import { parseHash } from '../../shared/url-state.js';
import { catalogue, hyperparameter, kerasConvnet, kerasMnist } from '../../shared/catalogue.js';

const preset = kerasMnist();
const convPreset = kerasConvnet();
export const MODELS = ['mlp', 'convnet'];
// Each model's own settings, from its preset: what switching the model puts in the form.
export const MODEL_PRESETS = {
  mlp: { hidden: preset.hidden, batch: preset.batchSize },
  convnet: { hidden: convPreset.hidden, batch: convPreset.batchSize, conv: convPreset.features.filter((l) => 'conv2d' in l).map((l) => l.conv2d) },
};
const CONV_KERNEL = 3, CONV_POOL = 2;
// The preset's choice first, then the core's other names (softmax is the output layer's).
const presetFirst = (first, names) => [first, ...names.filter((n) => n !== first)];
export const OPTIMIZERS = presetFirst(preset.optimizer, catalogue().optimizers.map((o) => o.name));
export const ACTIVATIONS = presetFirst(preset.activation, catalogue().activations.filter((a) => a !== 'softmax'));
export const INITIALIZERS = presetFirst(preset.initializer, catalogue().initializers);
export const VALIDATIONS = ['test', 'split', 'none'];

export const LIMITS = {
  units: [1, 2048], layers: [1, 4], batch: [1, 60000], epochs: [1, 50], filters: [1, 128], convLayers: [1, 3],
  train: [100, 60000], dropout: [0, 0.9], l2: [0, 1], seed: [0, 1e9],
};
// What a page may allocate for training (the core's estimate plus the data).
export const MEMORY_LIMIT = 1024 * 1024 * 1024;

// Which hyperparameters besides the learning rate the lesson shows for each optimizer.
const SHOWN = {
  rmsprop: ['alpha', 'eps', 'momentum'],
  adam: ['beta1', 'beta2', 'eps'],
  sgd: ['momentum', 'dampening'],
  adagrad: ['lr_decay', 'eps'],
  adadelta: ['rho', 'eps'],
  adamw: ['beta1', 'beta2', 'eps', 'weight_decay'],
};
// Their starting values: the core's defaults (torch.optim's), except the preset optimizer's,
// which are the preset's (Keras's RMSprop in the sources' run).
const startValue = (opt, name) => (opt === preset.optimizer && name in preset.settings
  ? preset.settings[name] : hyperparameter(opt, name).default);
export const HYPERPARAMETERS = Object.fromEntries(OPTIMIZERS.map((opt) =>
  [opt, Object.fromEntries((SHOWN[opt] ?? []).map((name) => [name, startValue(opt, name)]))]));

export const stateTable = {
  model: { type: 'string', default: 'mlp', choices: MODELS },
  conv: { type: 'list', default: MODEL_PRESETS.convnet.conv },
  hidden: { type: 'list', default: preset.hidden },
  act: { type: 'string', default: preset.activation, choices: ACTIVATIONS },
  opt: { type: 'string', default: preset.optimizer, choices: OPTIMIZERS },
  // The optimizer's hyperparameters that differ from HYPERPARAMETERS: "name:value,…".
  hp: { type: 'string', default: '' },
  // The learning rate's limits are the core's (the optimizer refuses a bad one, with its message).
  lr: { type: 'number', default: preset.settings.lr },
  batch: { type: 'int', default: preset.batchSize, min: 0, max: LIMITS.batch[1] },
  epochs: { type: 'int', default: preset.epochs, min: 0, max: LIMITS.epochs[1] },
  train: { type: 'int', default: 60000, min: 0, max: LIMITS.train[1] },
  dropout: { type: 'number', default: 0, min: 0, max: LIMITS.dropout[1] },
  l2: { type: 'number', default: 0, min: 0, max: LIMITS.l2[1] },
  init: { type: 'string', default: preset.initializer, choices: INITIALIZERS },
  val: { type: 'string', default: 'test', choices: VALIDATIONS },
  seed: { type: 'int', default: preset.seed, min: 0, max: LIMITS.seed[1] },
  // Per-layer signals measured while training (the worker's 'signals'; off: a run without them).
  signals: { type: 'bool', default: true },
};

// The optimizer's hyperparameters: HYPERPARAMETERS[opt] with the URL's changes (names the
// optimizer does not have, and values that are not numbers, are left out).
export function hyperValues(state) {
  const values = { ...HYPERPARAMETERS[state.opt] };
  for (const pair of state.hp.split(',')) {
    const [name, text] = pair.split(':');
    if (name in values && Number.isFinite(parseNumber(text))) values[name] = parseNumber(text);
  }
  return values;
}

// The URL's form of `values`: only those that differ from the optimizer's starting values.
export function encodeHyper(opt, values) {
  return Object.entries(values).filter(([name, v]) => v !== HYPERPARAMETERS[opt][name])
    .map(([name, v]) => `${name}:${+v.toPrecision(6)}`).join(',');
}

// What the core's optimizer gets.
export function optimizerSettings(state) {
  return { lr: state.lr, ...hyperValues(state) };
}

// The URL's state; for the convnet, the hidden layers and the batch size the URL does not give
// are the convnet's (the table's defaults are the dense network's).
export function readLessonState(readState) {
  const state = readState(stateTable);
  const given = parseHash().params;
  if (state.model === 'convnet') {
    for (const key of ['hidden', 'batch']) if (!given.has(key)) state[key] = MODEL_PRESETS.convnet[key];
  }
  return state;
}
// Keys the URL always carries for this state (a convnet's hidden and batch: see readLessonState).
export const alwaysInUrl = (state) => (state.model === 'convnet' ? ['hidden', 'batch'] : []);

// The convnet's feature layers: a Conv2D per entry of state.conv, a MaxPooling 2×2 after each
// but the last (the book's pattern), then Flatten.
function convLayers(state) {
  const layers = [];
  state.conv.forEach((filters, i) => {
    layers.push({ conv2d: filters, kernel: CONV_KERNEL, activation: state.act });
    if (i + 1 < state.conv.length) layers.push({ maxpool2d: CONV_POOL });
  });
  layers.push({ flatten: true });
  return layers;
}

export function modelSpec(state) {
  const convnet = state.model === 'convnet';
  const layers = convnet ? convLayers(state) : [];
  for (const units of state.hidden) {
    layers.push({ units, activation: state.act });
    if (state.dropout > 0) layers.push({ dropout: state.dropout });
  }
  layers.push({ units: preset.outputs, activation: preset.outputActivation });
  return { inputs: preset.inputs, ...(convnet ? { image: convPreset.image } : {}), layers, loss: preset.loss,
    initializer: state.init, l2: state.l2, seed: state.seed };
}

export function request(state) {
  return {
    spec: modelSpec(state), optimizer: state.opt, settings: optimizerSettings(state),
    fit: { epochs: state.epochs, batchSize: state.batch, shuffle: true, seed: state.seed },
    trainSize: state.train, validation: state.val, signals: state.signals,
  };
}

// A typed value → {value} or {error: {key, vars}} (a string key of the lesson's table).
export function parseField(name, text) {
  const raw = String(text).trim();
  if (name === 'hidden' || name === 'conv') {
    const parts = raw.split(/[\s,]+/).filter(Boolean);
    const [lo, hi] = LIMITS[name === 'hidden' ? 'units' : 'filters'];
    const [fewest, most] = LIMITS[name === 'hidden' ? 'layers' : 'convLayers'];
    const units = parts.map(Number);
    const ok = parts.length >= fewest && parts.length <= most && units.every((u) => Number.isInteger(u) && u >= lo && u <= hi);
    return ok ? { value: units } : { error: { key: `l6.bad.${name}`, vars: { text: raw, lo, hi, max: most } } };
  }
  const x = parseNumber(raw);
  // The learning rate: a number here; the core checks its limits (modelMemory builds the optimizer).
  if (name === 'lr') return Number.isFinite(x) ? { value: x } : { error: { key: 'l6.bad.hp', vars: { name, text: raw } } };
  const [lo, hi] = LIMITS[name];
  const integer = ['batch', 'epochs', 'train', 'seed'].includes(name);
  if (!Number.isFinite(x) || (integer && !Number.isInteger(x)) || x < lo || x > hi) {
    return { error: { key: `l6.bad.${integer ? 'int' : 'number'}`, vars: { name, text: raw, lo, hi } } };
  }
  return { value: x };
}
