// The racers: each optimizer of the race with its core name, fixed settings, the hyperparameter
// fields a learner edits (torch.optim names and defaults), and how it is drawn. Data only.
// Colours: the Okabe–Ito palette (safe for the common colour-vision deficiencies); each racer
// also has its own dash pattern and marker shape, so colour is never the only cue. `halo` is
// the outline drawn under the path so that it reads on both the dark and the light parts of
// the height map.

// A field: name (the torch.optim name, also the core's settings key), torch's default.
const f = (name, torchDefault) => ({ name, torchDefault });

export const OPTIMIZERS = [
  { key: 'sgd', core: 'sgd', label: 'SGD', fixed: {}, fields: [f('lr', 0.001)],
    color: '#D55E00', halo: '#ffffff', dash: [], marker: 'circle',
    tex: '\\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot g' },
  { key: 'momentum', core: 'sgd', label: 'Momentum', fixed: {}, fields: [f('lr', 0.001), f('momentum', 0), f('dampening', 0)],
    color: '#0072B2', halo: '#ffffff', dash: [9, 4], marker: 'square',
    tex: 'v \\leftarrow \\mu v + (1-\\tau)\\,g,\\quad \\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot v' },
  { key: 'nesterov', core: 'sgd', label: 'Nesterov', fixed: { nesterov: true }, fields: [f('lr', 0.001), f('momentum', 0)],
    color: '#56B4E9', halo: '#0b2942', dash: [2, 3], marker: 'diamond',
    tex: 'v \\leftarrow \\mu v + g,\\quad \\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot (g + \\mu v)' },
  { key: 'adagrad', core: 'adagrad', label: 'AdaGrad', fixed: {}, fields: [f('lr', 0.01), f('lr_decay', 0), f('initial_accumulator_value', 0), f('eps', 1e-10)],
    color: '#009E73', halo: '#ffffff', dash: [12, 3, 2, 3], marker: 'triangle',
    tex: 'h \\leftarrow h + g\\odot g,\\quad \\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot g / (\\sqrt{h} + \\epsilon)' },
  { key: 'rmsprop', core: 'rmsprop', label: 'RMSprop', fixed: {}, fields: [f('lr', 0.01), f('alpha', 0.99), f('eps', 1e-8), f('momentum', 0)],
    color: '#CC79A7', halo: '#ffffff', dash: [6, 2, 2, 2, 2, 2], marker: 'triangleDown',
    tex: 's \\leftarrow \\alpha s + (1-\\alpha)\\,g\\odot g,\\quad \\theta \\leftarrow \\theta - \\mathrm{lr}\\cdot g / (\\sqrt{s} + \\epsilon)' },
  { key: 'adadelta', core: 'adadelta', label: 'AdaDelta', fixed: {}, fields: [f('lr', 1), f('rho', 0.9), f('eps', 1e-6)],
    color: '#E69F00', halo: '#1b1f24', dash: [1, 3], marker: 'cross',
    tex: 's \\leftarrow \\rho s + (1-\\rho)g^2,\\ \\Delta = \\frac{\\sqrt{u + \\epsilon}}{\\sqrt{s + \\epsilon}}\\, g,\\ u \\leftarrow \\rho u + (1-\\rho)\\Delta^2,\\ \\theta \\leftarrow \\theta - \\mathrm{lr}\\,\\Delta' },
  { key: 'adam', core: 'adam', label: 'Adam', fixed: {}, fields: [f('lr', 0.001), f('beta1', 0.9), f('beta2', 0.999), f('eps', 1e-8)],
    color: '#000000', halo: '#ffffff', dash: [], marker: 'star',
    tex: 'm \\leftarrow \\beta_1 m + (1-\\beta_1)g,\\ v \\leftarrow \\beta_2 v + (1-\\beta_2)g^2,\\ \\theta \\leftarrow \\theta - \\mathrm{lr}\\,\\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}' },
  { key: 'adamw', core: 'adamw', label: 'AdamW', fixed: {}, fields: [f('lr', 0.001), f('beta1', 0.9), f('beta2', 0.999), f('eps', 1e-8), f('weight_decay', 0.01)],
    color: '#F0E442', halo: '#1b1f24', dash: [14, 4], marker: 'plus',
    tex: '\\theta \\leftarrow (1 - \\mathrm{lr}\\,\\lambda)\\,\\theta,\\quad \\theta \\leftarrow \\mathrm{Adam}(\\theta)' },
];

export const byKey = Object.fromEntries(OPTIMIZERS.map((o) => [o.key, o]));

// torch names the Adam pair betas=(β1, β2); the core takes them as beta1 and beta2.
export const fieldLabel = (name) => ({ beta1: 'betas[0]', beta2: 'betas[1]' }[name] ?? name);

// The settings object for the core from the fields' texts: {ok: true, settings} or
// {ok: false, field, reason: 'nan'} when a text is not a number (the core checks the rest).
export function parseSettings(opt, texts) {
  const settings = { ...opt.fixed };
  for (const { name } of opt.fields) {
    const text = String(texts[name] ?? '').trim();
    const value = Number(text);
    if (text === '' || !Number.isFinite(value)) return { ok: false, field: name, reason: 'nan' };
    settings[name] = value;
  }
  return { ok: true, settings };
}

// Which field a core message is about ("SGD: lr must be …", "nesterov requires momentum > 0 …").
export function fieldOfMessage(opt, message) {
  const names = opt.fields.map((x) => x.name).sort((a, b) => b.length - a.length);
  const mentioned = names.filter((n) => new RegExp(`\\b${n}\\b`).test(message));
  return mentioned.sort((a, b) => message.indexOf(a) - message.indexOf(b))[0] ?? opt.fields[0].name;
}
