// The optimizer form: each optimizer's hyperparameters with their defaults, read from the core
// (core.boundaryOptimizers(), which reads the optimizers' options structs), so no default is
// written here. One small module on purpose: when the shared optimizer catalogue arrives, only
// this file changes.
import { formatNumber } from '../../shared/format.js';

export function optimizerCatalogue(core) {
  const list = core.boundaryOptimizers();
  return {
    names: list.map((o) => o.name),
    // [{name, value (default), flag}]
    hyperparameters: (opt) => list.find((o) => o.name === opt)?.hyperparameters ?? [],
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
