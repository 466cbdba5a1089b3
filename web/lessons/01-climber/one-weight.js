// One weight at a time: the source's example (a weight at 0.3 gives loss 0.5; 0.35 gives 0.6;
// 0.25 gives 0.4, so move it down), then what probing every weight that way costs for a network
// the learner types: two forward passes per parameter (counted by the core).
import { applyStrings, t } from '../../shared/i18n.js';
import { readLayers } from '../02-guess/layers.js';
import { formatInteger } from '../02-guess/big-format.js';

// The example's numbers as the source gives them (hypothetical losses, not computed here).
const EXAMPLE = [{ w: 0.25, loss: 0.4 }, { w: 0.3, loss: 0.5 }, { w: 0.35, loss: 0.6 }];

const template = `
  <h2 data-i18n="l1.probe.title"></h2>
  <p data-i18n="l1.probe.intro"></p>
  <table class="probe-table">
    <thead><tr><th data-i18n="l1.probe.weight"></th><th data-i18n="l1.probe.loss"></th><th></th></tr></thead>
    <tbody></tbody>
  </table>
  <p data-i18n="l1.probe.verdict"></p>
  <div class="controls">
    <label><span data-i18n="l1.probe.layers"></span>
      <input name="net" type="text" inputmode="numeric" autocomplete="off" spellcheck="false" size="16"></label>
  </div>
  <p class="probe-cost" role="status" aria-live="polite" data-out="probe-cost"></p>
  <p data-i18n="l1.probe.backprop"></p>`;

// state: {net}; onChange(state) after each change.
export function mountOneWeight(root, core, state, onChange) {
  root.innerHTML = template;
  applyStrings(root);
  const body = root.querySelector('.probe-table tbody');
  body.replaceChildren(...EXAMPLE.map((row) => {
    const tr = document.createElement('tr');
    const note = row.w === 0.3 ? t('l1.probe.now') : row.w < 0.3 ? t('l1.probe.down') : t('l1.probe.up');
    tr.innerHTML = `<td>${row.w}</td><td>${row.loss}</td><td>${note}</td>`;
    return tr;
  }));
  const input = root.querySelector('input[name=net]');
  const out = root.querySelector('[data-out=probe-cost]');
  input.value = state.net;

  function render() {
    const r = readLayers(core, input.value);
    out.classList.toggle('warning', !r.ok);
    if (!r.ok) out.textContent = r.message;
    else {
      const passes = core.probeForwardPasses(r.count.parameters);
      out.textContent = t('l1.probe.cost', { params: formatInteger(r.count.parameters), passes: formatInteger(passes) });
    }
    state.net = input.value;
    onChange(state);
  }
  input.addEventListener('input', render);
  render();
  return () => {};
}
