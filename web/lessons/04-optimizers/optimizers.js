// The racers: each optimizer of the race with its core name, fixed settings, the hyperparameter
// fields a learner edits (torch.optim names; each default is the core's, from its catalogue),
// and how it is drawn. Data only.
// Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies); each racer
// also has its own dash pattern and marker shape, so colour is never the only cue. `halo` is
// the outline drawn under the path so that it reads on both the dark and the light parts of
// the height map.

import { parseNumber } from '../../shared/number-field.js';
import { hyperparameter } from '../../shared/catalogue.js';

// A field: name (the torch.optim name, also the core's settings key) and the core's default for
// the racer's optimizer (read when first needed: the catalogue arrives with the core).
const f = (name) => ({ name });

export const OPTIMIZERS = [
  { key: 'sgd', core: 'sgd', label: 'SGD', fixed: {}, fields: [f('lr')],
    color: '#D55E00', halo: '#ffffff', dash: [], marker: 'circle',
    tex: '\\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot g' },
  { key: 'momentum', core: 'sgd', label: 'Momentum', fixed: {}, fields: [f('lr'), f('momentum'), f('dampening')],
    color: '#0072B2', halo: '#ffffff', dash: [9, 4], marker: 'square',
    tex: 'v \\leftarrow \\mu v + (1-\\tau)\\,g,\\quad \\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot v' },
  { key: 'nesterov', core: 'sgd', label: 'Nesterov', fixed: { nesterov: true }, fields: [f('lr'), f('momentum')],
    color: '#56B4E9', halo: '#0b2942', dash: [2, 3], marker: 'diamond',
    tex: 'v \\leftarrow \\mu v + g,\\quad \\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot (g + \\mu v)' },
  { key: 'adagrad', core: 'adagrad', label: 'AdaGrad', fixed: {}, fields: [f('lr'), f('lr_decay'), f('initial_accumulator_value'), f('eps')],
    color: '#009E73', halo: '#ffffff', dash: [12, 3, 2, 3], marker: 'triangle',
    tex: 'h \\leftarrow h + g\\odot g,\\quad \\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot g / (\\sqrt{h} + \\epsilon)' },
  { key: 'rmsprop', core: 'rmsprop', label: 'RMSprop', fixed: {}, fields: [f('lr'), f('alpha'), f('eps'), f('momentum')],
    color: '#CC79A7', halo: '#ffffff', dash: [6, 2, 2, 2, 2, 2], marker: 'triangleDown',
    tex: 's \\leftarrow \\alpha s + (1-\\alpha)\\,g\\odot g,\\quad \\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot g / (\\sqrt{s} + \\epsilon)' },
  { key: 'adadelta', core: 'adadelta', label: 'AdaDelta', fixed: {}, fields: [f('lr'), f('rho'), f('eps')],
    color: '#E69F00', halo: '#1b1f24', dash: [1, 3], marker: 'cross',
    tex: 's \\leftarrow \\rho s + (1-\\rho)g^2,\\ \\Delta = \\frac{\\sqrt{u + \\epsilon}}{\\sqrt{s + \\epsilon}}\\, g,\\ u \\leftarrow \\rho u + (1-\\rho)\\Delta^2,\\ \\theta \\leftarrow \\theta - \\mathrm{lr}\\,\\Delta' },
  { key: 'adam', core: 'adam', label: 'Adam', fixed: {}, fields: [f('lr'), f('beta1'), f('beta2'), f('eps')],
    color: '#000000', halo: '#ffffff', dash: [], marker: 'star',
    tex: 'm \\leftarrow \\beta_1 m + (1-\\beta_1)g,\\ v \\leftarrow \\beta_2 v + (1-\\beta_2)g^2,\\ \\theta \\leftarrow \\theta - \\mathrm{lr}\\,\\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}' },
  { key: 'adamw', core: 'adamw', label: 'AdamW', fixed: {}, fields: [f('lr'), f('beta1'), f('beta2'), f('eps'), f('weight_decay')],
    color: '#F0E442', halo: '#1b1f24', dash: [14, 4], marker: 'plus',
    tex: '\\theta \\leftarrow (1 - \\mathrm{lr}\\,\\lambda)\\,\\theta,\\quad \\theta \\leftarrow \\mathrm{Adam}(\\theta)' },
];

for (const o of OPTIMIZERS) {
  for (const fld of o.fields) {
    Object.defineProperty(fld, 'torchDefault', { get: () => hyperparameter(o.core, fld.name).default });
  }
}

export const byKey = Object.fromEntries(OPTIMIZERS.map((o) => [o.key, o]));

// torch names the Adam pair betas=(β1, β2); the core takes them as beta1 and beta2.
export const fieldLabel = (name) => ({ beta1: 'betas[0]', beta2: 'betas[1]' }[name] ?? name);

// The settings object for the core from the fields' texts: {ok: true, settings} or
// {ok: false, field, reason: 'nan'} when a text is not a number (the core checks the rest).
export function parseSettings(opt, texts) {
  const settings = { ...opt.fixed };
  for (const { name } of opt.fields) {
    const value = parseNumber(texts[name]);
    if (!Number.isFinite(value)) return { ok: false, field: name, reason: 'nan' };
    settings[name] = value;
  }
  return { ok: true, settings };
}

// The racer's field a core error is about: the error's own field when the racer shows it (Nesterov's
// rule is about its momentum), else the first.
export function fieldOfError(opt, error) {
  const shown = (name) => opt.fields.some((x) => x.name === name);
  if (shown(error.field)) return error.field;
  if (error.code === 'nesterov_needs_momentum' && shown('momentum')) return 'momentum';
  return opt.fields[0].name;
}
