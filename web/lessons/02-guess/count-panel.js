// How many guesses: k segments per axis and N weights give k^N (the core counts: exact digits
// while small, a power of ten always), against the atoms in the universe and its age.
import { parseNumber } from '../../shared/number-field.js';
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { applyStrings, t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { formatInteger, formatPower, groupDigits } from './big-format.js';

const template = `
  <h2 data-i18n="l2.count.title"></h2>
  <p data-i18n="l2.count.explain"></p>
  <div class="formula"><span data-i18n="l2.count.formula_lhs"></span><span data-out="formula"></span></div>
  <div class="controls">
    <label><span data-i18n="l2.count.k"></span><input name="k" type="number" min="1" step="1" inputmode="numeric"></label>
    <div class="n-pair"><label><span data-i18n="l2.count.n"></span><input name="n" type="number" min="0" step="1" inputmode="numeric"></label>
      <input name="n-range" type="range" min="0" max="60" step="1" data-i18n-aria-label="l2.count.n_slider"></div>
    <label><span data-i18n="l2.count.gps"></span>
      <input name="gps" type="range" min="0" max="18" step="0.5"><output name="gps-out"></output></label>
  </div>
  <p class="message warning" role="alert" data-out="count-error" hidden></p>
  <dl class="readout big">
    <div class="wide"><dt data-i18n="l2.count.guesses"></dt><dd data-out="guesses"></dd><dd class="note" data-out="guesses-note"></dd></div>
    <div><dt data-i18n="l2.count.digits"></dt><dd data-out="digits"></dd></div>
    <div><dt data-out="atoms-label"></dt><dd data-out="atoms"></dd></div>
    <div><dt data-i18n="l2.count.time"></dt><dd data-out="time"></dd><dd class="note" data-out="years"></dd></div>
    <div><dt data-out="ages-label"></dt><dd data-out="ages"></dd></div>
  </dl>
  <p class="sr-only" aria-live="polite" data-out="count-summary"></p>`;

// Seconds as a short phrase: a plain number when moderate, a power of ten otherwise.
export function formatTime(report) {
  return t('l2.count.seconds', { s: formatPower(report.log10Seconds) });
}

export const gpsLabel = (gps) => formatPower(Math.log10(gps));

// state: {k, n, gps}; onChange() after each change; returns {render}.
export function mountCountPanel(root, core, state, onChange) {
  root.innerHTML = template;
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const out = (name) => root.querySelector(`[data-out=${name}]`);
  const consts = core.guessConstants();
  katex.render('= \\underbrace{k \\times k \\times \\cdots \\times k}_{N} = k^N = 10^{\\,N \\log_{10} k}',
    out('formula'), { throwOnError: false });
  out('atoms-label').textContent = t('l2.count.atoms', { atoms: formatPower(consts.log10Atoms) });
  out('ages-label').textContent = t('l2.count.ages', { age: formatPower(Math.log10(consts.ageOfUniverseSeconds)) });

  const kInput = $('input[name=k]');
  const nInput = $('input[name=n]');
  const nRange = $('input[name=n-range]');
  const gpsInput = $('input[name=gps]');
  kInput.max = consts.maxSegments;
  kInput.value = state.k;
  nInput.value = state.n;
  nRange.value = Math.min(60, state.n);
  gpsInput.value = Math.log10(state.gps);

  // What is typed; it becomes the state once the core accepts it.
  const draft = { k: state.k, n: state.n };

  function render() {
    const error = out('count-error');
    $('output[name=gps-out]').textContent = gpsLabel(state.gps);
    let r;
    try {
      r = core.guessReport(draft.k, draft.n, state.gps);
      error.hidden = true;
      state.k = draft.k;
      state.n = draft.n;
    } catch {
      error.textContent = !(Number.isInteger(draft.k) && draft.k >= 1 && draft.k <= consts.maxSegments)
        ? t('l2.count.bad_k', { max: formatInteger(consts.maxSegments) }) : t('l2.count.bad_n');
      error.hidden = false;
      return;
    }
    const guesses = r.exact ? groupDigits(r.exact) : formatPower(r.log10);
    out('guesses').textContent = guesses;
    out('guesses').classList.toggle('long', r.exact.length > 24);
    out('guesses-note').textContent = r.exact
      ? `${t('l2.count.exact_note')} · ${t('l2.count.power_note', { log: formatNumber(r.log10, 6) })}`
      : t('l2.count.power_note', { log: formatNumber(r.log10, 8) });
    out('digits').textContent = formatInteger(r.digits);
    out('atoms').textContent = r.log10VsAtoms >= 0
      ? t('l2.count.more_atoms', { ratio: formatPower(r.log10VsAtoms) })
      : t('l2.count.fewer_atoms', { ratio: formatPower(r.log10VsAtoms) });
    out('time').textContent = formatTime(r);
    out('years').textContent = t('l2.count.years', { y: formatPower(r.log10Years) });
    out('ages').textContent = t('l2.count.ages_value', { r: formatPower(r.log10UniverseAges) });
    out('count-summary').textContent = t('l2.count.summary', { k: state.k, n: state.n, guesses, time: formatTime(r) });
    onChange();
  }

  const readInt = (input) => parseNumber(input.value);
  kInput.addEventListener('input', () => { draft.k = readInt(kInput); render(); });
  nInput.addEventListener('input', () => {
    draft.n = readInt(nInput);
    if (Number.isFinite(draft.n)) nRange.value = Math.min(60, Math.max(0, draft.n));
    render();
  });
  nRange.addEventListener('input', () => { draft.n = Number(nRange.value); nInput.value = draft.n; render(); });
  gpsInput.addEventListener('input', () => { state.gps = +(10 ** Number(gpsInput.value)).toPrecision(3); render(); });
  render();
  return { render };
}
