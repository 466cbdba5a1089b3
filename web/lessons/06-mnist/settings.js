// The lesson's settings: the URL table, the checks a learner's typed values get before anything
// is built, and the request the worker receives. The default is the sources' Keras run:
// 784 → Dense 512 relu → Dense 128 relu → Dense 10 softmax, categorical cross-entropy, RMSprop
// with Keras's settings (lr 0.001, rho 0.9, eps 1e-7), batch 128, 5 epochs, 60,000 images.
export const OPTIMIZERS = ['rmsprop', 'adam', 'sgd', 'adagrad', 'adadelta', 'adamw'];
export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'];
export const INITIALIZERS = ['glorot_uniform', 'he_normal', 'random_normal', 'zeros'];
export const VALIDATIONS = ['test', 'split', 'none'];

export const LIMITS = {
  units: [1, 2048], layers: [1, 4], lr: [1e-6, 1e10], batch: [1, 60000], epochs: [1, 50],
  train: [100, 60000], dropout: [0, 0.9], l2: [0, 1], seed: [0, 1e9],
};
// What a page may allocate for training (the core's estimate plus the data).
export const MEMORY_LIMIT = 1024 * 1024 * 1024;

// Each optimizer's hyperparameters besides the learning rate (the core's names, which are
// torch.optim's), with the values a run starts from: torch.optim's defaults, except RMSprop's,
// which are Keras's (the sources' run).
export const HYPERPARAMETERS = {
  rmsprop: { alpha: 0.9, eps: 1e-7, momentum: 0 },
  adam: { beta1: 0.9, beta2: 0.999, eps: 1e-8 },
  sgd: { momentum: 0, dampening: 0 },
  adagrad: { lr_decay: 0, eps: 1e-10 },
  adadelta: { rho: 0.9, eps: 1e-6 },
  adamw: { beta1: 0.9, beta2: 0.999, eps: 1e-8, weight_decay: 0.01 },
};

export const stateTable = {
  hidden: { type: 'list', default: [512, 128] },
  act: { type: 'string', default: 'relu', choices: ACTIVATIONS },
  opt: { type: 'string', default: 'rmsprop', choices: OPTIMIZERS },
  // The optimizer's hyperparameters that differ from HYPERPARAMETERS: "name:value,…".
  hp: { type: 'string', default: '' },
  lr: { type: 'number', default: 0.001, min: 0, max: LIMITS.lr[1] },
  batch: { type: 'int', default: 128, min: 0, max: LIMITS.batch[1] },
  epochs: { type: 'int', default: 5, min: 0, max: LIMITS.epochs[1] },
  train: { type: 'int', default: 60000, min: 0, max: LIMITS.train[1] },
  dropout: { type: 'number', default: 0, min: 0, max: LIMITS.dropout[1] },
  l2: { type: 'number', default: 0, min: 0, max: LIMITS.l2[1] },
  init: { type: 'string', default: 'glorot_uniform', choices: INITIALIZERS },
  val: { type: 'string', default: 'test', choices: VALIDATIONS },
  seed: { type: 'int', default: 42, min: 0, max: LIMITS.seed[1] },
};

// The optimizer's hyperparameters: HYPERPARAMETERS[opt] with the URL's changes (names the
// optimizer does not have, and values that are not numbers, are left out).
export function hyperValues(state) {
  const values = { ...HYPERPARAMETERS[state.opt] };
  for (const pair of state.hp.split(',')) {
    const [name, text] = pair.split(':');
    if (name in values && text?.trim() && Number.isFinite(Number(text))) values[name] = Number(text);
  }
  return values;
}

// The URL's form of `values`: only those that differ from the optimizer's starting values.
export function encodeHyper(opt, values) {
  return Object.entries(values).filter(([name, v]) => v !== HYPERPARAMETERS[opt][name])
    .map(([name, v]) => `${name}:${+v.toPrecision(6)}`).join(',');
}

// What the core's optimizer gets. Keras's RMSprop is rho 0.9, eps 1e-7 (torch: alpha 0.99, eps 1e-8).
export function optimizerSettings(state) {
  return { lr: state.lr, ...hyperValues(state) };
}

export function modelSpec(state) {
  const layers = [];
  for (const units of state.hidden) {
    layers.push({ units, activation: state.act });
    if (state.dropout > 0) layers.push({ dropout: state.dropout });
  }
  layers.push({ units: 10, activation: 'softmax' });
  return { inputs: 784, layers, loss: 'categorical_crossentropy', initializer: state.init, l2: state.l2, seed: state.seed };
}

export function request(state) {
  return {
    spec: modelSpec(state), optimizer: state.opt, settings: optimizerSettings(state),
    fit: { epochs: state.epochs, batchSize: state.batch, shuffle: true, seed: state.seed },
    trainSize: state.train, validation: state.val,
  };
}

// A typed value → {value} or {error: {key, vars}} (a string key of the lesson's table).
export function parseField(name, text) {
  const raw = String(text).trim();
  if (name === 'hidden') {
    const parts = raw.split(/[\s,]+/).filter(Boolean);
    const [lo, hi] = LIMITS.units;
    const units = parts.map(Number);
    const ok = parts.length >= LIMITS.layers[0] && parts.length <= LIMITS.layers[1] &&
      units.every((u) => Number.isInteger(u) && u >= lo && u <= hi);
    return ok ? { value: units } : { error: { key: 'l6.bad.hidden', vars: { text: raw, lo, hi, max: LIMITS.layers[1] } } };
  }
  const x = raw === '' ? NaN : Number(raw);
  const [lo, hi] = LIMITS[name];
  const integer = ['batch', 'epochs', 'train', 'seed'].includes(name);
  if (!Number.isFinite(x) || (integer && !Number.isInteger(x)) || x < lo || x > hi) {
    return { error: { key: `l6.bad.${integer ? 'int' : 'number'}`, vars: { name, text: raw, lo, hi } } };
  }
  return { value: x };
}
