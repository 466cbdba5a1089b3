// Lesson 6's settings form: the fields from the URL state, the chosen optimizer's hyperparameter
// fields, the checks a learner's typed values get (the lesson's own limits in settings.js, then
// the core's: modelMemory builds the spec and the optimizer), the memory estimate, and the one
// message line. Valid values go into `state` and the URL.
import { t } from '../../shared/i18n.js';
import { writeState } from '../../shared/url-state.js';
import { formatNumber } from '../../shared/format.js';
import { parseNumber } from '../../shared/number-field.js';
import { errorText } from '../../shared/error-text.js';
import { ACTIVATIONS, HYPERPARAMETERS, INITIALIZERS, MEMORY_LIMIT, MODELS, MODEL_PRESETS, OPTIMIZERS, VALIDATIONS, alwaysInUrl, encodeHyper, hyperValues, modelSpec, optimizerSettings, parseField, stateTable } from './settings.js';

const TEXT_FIELDS = ['conv', 'hidden', 'lr', 'batch', 'epochs', 'train', 'dropout', 'l2', 'seed'];
const LISTS = ['conv', 'hidden'];
const SELECTS = ['model', 'act', 'opt', 'init', 'val'];
const mb = (bytes) => formatNumber(bytes / (1024 * 1024), 4);

// → {fill() (the fields from state), check() (reads and checks the form: true when it is good)}
export function createSettingsForm(root, core, state) {
  const out = (name) => root.querySelector(`[data-out="${name}"]`);
  const input = (name) => root.querySelector(`[name="${name}"]`);
  const options = (name, values, label = (v) => v) => {
    input(name).innerHTML = values.map((v) => `<option value="${v}">${label(v)}</option>`).join('');
  };
  options('model', MODELS, (v) => t(`l6.model.${v}`));
  options('act', ACTIVATIONS);
  options('opt', OPTIMIZERS);
  options('init', INITIALIZERS);
  options('val', VALIDATIONS, (v) => t(`l6.val.${v}`));

  function fillForm() {
    for (const name of TEXT_FIELDS) input(name).value = LISTS.includes(name) ? state[name].join(', ') : String(state[name]);
    for (const name of SELECTS) input(name).value = state[name];
    showModelFields();
    renderHyper();
  }
  // The convnet's filters field only for the convnet.
  function showModelFields() {
    input('conv').closest('label').hidden = state.model !== 'convnet';
  }
  // The chosen optimizer's hyperparameter fields (the learning rate has its own).
  function renderHyper() {
    out('hyper').innerHTML = Object.entries(hyperValues(state)).map(([name, value]) =>
      `<label><span>${t(`l6.hp.${name}`)}</span><input type="text" name="hp-${name}" inputmode="decimal" autocomplete="off" spellcheck="false" value="${value}"></label>`).join('');
  }
  // The hyperparameter fields' values: {values} or {error: message}.
  function readHyper(opt) {
    const values = {};
    for (const name of Object.keys(HYPERPARAMETERS[opt])) {
      const field = input(`hp-${name}`);
      const text = field.value.trim();
      const value = parseNumber(text);
      field.setAttribute('aria-invalid', String(!Number.isFinite(value)));
      if (!Number.isFinite(value)) return { error: t('l6.bad.hp', { name: t(`l6.hp.${name}`), text }) };
      values[name] = value;
    }
    return { values };
  }
  // The typed values, checked: {ok, message}. Valid values go into state and the URL.
  function readForm() {
    const next = { ...state };
    for (const name of SELECTS) next[name] = input(name).value;
    // Another model brings its own layers and batch size (its source's settings).
    if (next.model !== state.model) {
      Object.assign(state, { model: next.model }, MODEL_PRESETS[next.model]);
      fillForm();
      return readForm();
    }
    // Another optimizer starts from its own hyperparameters; the same one keeps the typed ones.
    const optimizerChanged = next.opt !== state.opt;
    if (optimizerChanged) {
      next.hp = '';
    } else {
      const hyper = readHyper(next.opt);
      if (hyper.error) return { ok: false, message: hyper.error };
      next.hp = encodeHyper(next.opt, hyper.values);
    }
    for (const name of TEXT_FIELDS) {
      const parsed = parseField(name, input(name).value);
      input(name).setAttribute('aria-invalid', String(Boolean(parsed.error)));
      if (parsed.error) {
        const { key, vars } = parsed.error;
        return { ok: false, message: t(key, { ...vars, name: t(`l6.name.${name}`) }) };
      }
      next[name] = parsed.value;
    }
    Object.assign(state, next);
    writeState(stateTable, state, alwaysInUrl(state));
    if (optimizerChanged) renderHyper();
    return { ok: true };
  }
  // The memory estimate (core.modelMemory) against the page's limit: {ok, message}.
  function checkMemory() {
    let m;
    try {
      m = core.modelMemory(modelSpec(state), state.batch, state.opt, optimizerSettings(state));
    } catch (error) {
      return { ok: false, message: t('l6.memory.error', { message: errorText(error) }) };
    }
    const dataBytes = (Math.min(state.train, 60000) + 10000) * 785;
    out('memory').textContent = t('l6.memory', { params: m.parameters.toLocaleString('en-US'), mb: mb(m.totalBytes), data: mb(dataBytes) });
    if (m.totalBytes + dataBytes > MEMORY_LIMIT) {
      return { ok: false, message: t('l6.memory.too_big', { need: mb(m.totalBytes + dataBytes), limit: mb(MEMORY_LIMIT) }) };
    }
    return { ok: true };
  }
  function onSettings() {
    const form = readForm();
    const check = form.ok ? checkMemory() : form;
    out('settings-message').textContent = check.ok ? '' : check.message;
    out('settings-message').classList.toggle('warning', !check.ok);
    return check.ok;
  }

  return { fill: fillForm, check: onSettings };
}
