// The optimizer form: each optimizer's hyperparameters besides lr (the lesson has its own
// learning-rate field) with their defaults, from the core's catalogue (shared/catalogue.js), so
// no default is written here.
import { formatNumber } from '../../shared/format.js';
import { catalogue, optimizerInfo } from '../../shared/catalogue.js';

export function optimizerCatalogue() {
  return {
    names: catalogue().optimizers.map((o) => o.name),
    // [{name, value (default), flag}]
    hyperparameters: (opt) => (optimizerInfo(opt)?.hyperparameters ?? [])
      .filter((h) => h.name !== 'lr')
      .map((h) => ({ name: h.name, value: h.flag ? Number(h.default) : h.default, flag: h.flag })),
  };
}

// "name:value,…" (the URL form, only values that differ from the defaults) → {name: value}.
export function hyperValues(catalogue, opt, text) {
  const values = {};
  for (const h of catalogue.hyperparameters(opt)) values[h.name] = h.flag ? Boolean(h.value) : h.value;
  for (const pair of text.split(',')) {
    const [name, raw] = pair.split(':');
    if (!(name in values) || raw === undefined || raw.trim() === '') continue;
    const v = Number(raw);
    if (Number.isFinite(v)) values[name] = typeof values[name] === 'boolean' ? v !== 0 : v;
  }
  return values;
}

export function encodeHyper(catalogue, opt, values) {
  return catalogue.hyperparameters(opt)
    .filter((h) => (h.flag ? Number(Boolean(values[h.name])) !== h.value : values[h.name] !== h.value))
    .map((h) => `${h.name}:${h.flag ? Number(Boolean(values[h.name])) : +Number(values[h.name]).toPrecision(6)}`).join(',');
}

// The inputs of one optimizer's hyperparameters in `container`; onChange(values, name) on any
// edit returns whether the core took them (a refused value is not kept for the next edit).
export function renderHyperInputs(container, catalogue, opt, values, onChange) {
  container.replaceChildren();
  let current = values;
  for (const h of catalogue.hyperparameters(opt)) {
    const label = document.createElement('label');
    const name = document.createElement('span');
    name.textContent = h.name;
    const input = document.createElement('input');
    input.name = `hp-${h.name}`;
    if (h.flag) {
      label.className = 'bd-check';
      input.type = 'checkbox';
      input.checked = Boolean(values[h.name]);
      label.append(input, name);
    } else {
      input.type = 'text';
      input.inputMode = 'decimal';
      input.className = 'bd-num';
      input.value = formatNumber(values[h.name]);
      label.append(name, input);
    }
    input.addEventListener('change', () => {
      const next = { ...current, [h.name]: h.flag ? input.checked : Number(input.value.trim() === '' ? NaN : input.value) };
      if (onChange(next, h.name)) current = next;
    });
    container.append(label);
  }
}
