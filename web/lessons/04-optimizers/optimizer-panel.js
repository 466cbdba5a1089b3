// The racers' controls: one box per optimizer with its on/off checkbox, its swatch, its update
// rule (KaTeX) and its hyperparameter fields (torch.optim names, torch's default beside each).
// A bad value gets a message next to its field; the racer sits out, the others keep running.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { t } from '../../shared/i18n.js';
import { OPTIMIZERS, fieldLabel } from './optimizers.js';
import { swatchSvg } from './markers.js';

// onChange({key, enabled?, field?, text?}) after every edit (input events: instant replay).
export function createOptimizerPanel(container, onChange) {
  container.innerHTML = OPTIMIZERS.map((o) => `
    <fieldset class="racer" data-racer="${o.key}">
      <legend><label class="racer-toggle"><input type="checkbox" name="on-${o.key}">
        ${swatchSvg(o)}<span class="racer-name">${o.label}</span></label></legend>
      <div class="formula" aria-hidden="true"></div>
      <div class="fields">${o.fields.map((fld) => `
        <label class="field"><span class="field-name">${fieldLabel(fld.name)}</span>
          <input type="text" inputmode="decimal" spellcheck="false" autocomplete="off" name="${o.key}.${fld.name}"
            aria-describedby="err-${o.key}-${fld.name}">
          <small class="field-default">${t('l4.opt.default', { value: String(fld.torchDefault) })}</small>
          <span class="field-error" id="err-${o.key}-${fld.name}" data-error="${o.key}.${fld.name}"></span>
        </label>`).join('')}
      </div>
    </fieldset>`).join('');
  for (const o of OPTIMIZERS) {
    const box = container.querySelector(`[data-racer=${o.key}]`);
    katex.render(o.tex, box.querySelector('.formula'), { throwOnError: false });
    box.querySelector(`input[name=on-${o.key}]`).addEventListener('change', (e) => onChange({ key: o.key, enabled: e.target.checked }));
    for (const fld of o.fields) {
      box.querySelector(`input[name="${o.key}.${fld.name}"]`).addEventListener('input', (e) => onChange({ key: o.key, field: fld.name, text: e.target.value }));
    }
  }

  return {
    // Sets the checkboxes and field texts (without firing onChange).
    set(enabled, texts) {
      for (const o of OPTIMIZERS) {
        container.querySelector(`input[name=on-${o.key}]`).checked = enabled.includes(o.key);
        container.querySelector(`[data-racer=${o.key}]`).classList.toggle('off', !enabled.includes(o.key));
        for (const fld of o.fields) {
          const input = container.querySelector(`input[name="${o.key}.${fld.name}"]`);
          if (input.value !== texts[o.key][fld.name]) input.value = texts[o.key][fld.name];
        }
      }
    },
    // errors: {key: {field, text}} — one message per racer that sits out.
    showErrors(errors) {
      for (const el of container.querySelectorAll('[data-error]')) {
        const [key, field] = el.dataset.error.split('.');
        const error = errors[key];
        const text = error && error.field === field ? error.text : '';
        el.textContent = text;
        container.querySelector(`input[name="${key}.${field}"]`).setAttribute('aria-invalid', text ? 'true' : 'false');
      }
    },
  };
}
