// The network builder: layer sizes → weights and biases (counted by the core) → the guesses
// blind search would need at k segments per axis, and how long they would take.
import { applyStrings, t } from '../../shared/i18n.js';
import { readLayers, splitLayers } from './layers.js';
import { formatInteger, formatPower } from './big-format.js';
import { formatTime, gpsLabel } from './count-panel.js';

const template = `
  <h2 data-i18n="l2.net.title"></h2>
  <p data-i18n="l2.net.explain"></p>
  <div class="controls">
    <label><span data-i18n="l2.net.layers"></span>
      <input name="layers" type="text" autocomplete="off" spellcheck="false" size="22"></label>
    <button name="add-layer" type="button" data-i18n="l2.net.add"></button>
    <button name="remove-layer" type="button" class="secondary" data-i18n="l2.net.remove"></button>
  </div>
  <p class="message warning" role="alert" data-out="net-error" hidden></p>
  <ul class="connections" data-out="connections"></ul>
  <dl class="readout">
    <div><dt data-i18n="l2.net.weights"></dt><dd data-out="weights"></dd></div>
    <div><dt data-i18n="l2.net.biases"></dt><dd data-out="biases"></dd></div>
    <div><dt data-i18n="l2.net.params"></dt><dd data-out="params"></dd></div>
    <div><dt data-out="net-guesses-label"></dt><dd data-out="net-guesses"></dd></div>
    <div><dt data-out="net-time-label"></dt><dd data-out="net-time"></dd></div>
  </dl>`;

// state: {layers (text), k, gps}; returns {render} (called again when k or the rate change).
export function mountNetworkPanel(root, core, state, onChange) {
  root.innerHTML = template;
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const out = (name) => root.querySelector(`[data-out=${name}]`);
  const input = $('input[name=layers]');
  input.value = state.layers;

  function render() {
    const r = readLayers(core, input.value);
    const error = out('net-error');
    error.hidden = r.ok;
    root.classList.toggle('invalid', !r.ok);
    $('button[name=add-layer]').disabled = !r.ok;
    $('button[name=remove-layer]').disabled = !r.ok || r.sizes.length <= 2;
    state.layers = input.value;
    onChange();
    if (!r.ok) {
      error.textContent = r.message;
      return;
    }
    const c = r.count;
    out('connections').replaceChildren(...c.layers.map((l) => {
      const li = document.createElement('li');
      li.textContent = t('l2.net.connection', { a: formatInteger(l.inputs), b: formatInteger(l.outputs),
        w: formatInteger(l.weights), bias: formatInteger(l.biases) });
      return li;
    }));
    out('weights').textContent = formatInteger(c.weights);
    out('biases').textContent = formatInteger(c.biases);
    out('params').textContent = formatInteger(c.parameters);
    const g = core.guessReport(state.k, c.parameters, state.gps);
    out('net-guesses-label').textContent = t('l2.net.guesses', { k: formatInteger(state.k) });
    out('net-guesses').textContent = g.exact && g.exact.length <= 15 ? formatInteger(Number(g.exact)) : formatPower(g.log10);
    out('net-time-label').textContent = t('l2.net.time', { gps: gpsLabel(state.gps) });
    out('net-time').textContent = formatTime(g);
  }

  // + inserts a hidden layer before the output (as wide as the last hidden one, or 15);
  // − removes the last hidden layer.
  $('button[name=add-layer]').addEventListener('click', () => {
    const { sizes } = splitLayers(input.value);
    const width = sizes.length > 2 ? sizes[sizes.length - 2] : 15;
    sizes.splice(sizes.length - 1, 0, width);
    input.value = sizes.join(',');
    render();
  });
  $('button[name=remove-layer]').addEventListener('click', () => {
    const { sizes } = splitLayers(input.value);
    if (sizes.length > 2) sizes.splice(sizes.length - 2, 1);
    input.value = sizes.join(',');
    render();
  });
  input.addEventListener('input', render);
  render();
  return { render };
}
