// Lesson 4 — the optimizer race. Up to eight torch.optim optimizers (core Descents) walk the same
// surface from the same start, animated together; the loss chart, the standings and the
// numbers table read the same paths. Below, noise against cost with mini-batch SGD.
// This controller wires the components (race.js, race-plot.js, loss-chart.js, legend.js,
// optimizer-panel.js, numbers.js, stochastic.js) and keeps the URL state.
import { parseNumber } from '../../shared/number-field.js';
import { applyStrings, registerStrings, t } from '../../shared/i18n.js';
import { readState, writeState } from '../../shared/url-state.js';
import { strings } from './strings.js';
import { OPTIMIZERS, fieldOfError } from './optimizers.js';
import { catalogue } from '../../shared/catalogue.js';
import { errorText } from '../../shared/error-text.js';
import { PRESETS, SCENES, SEVEN } from './scenes.js';
import { createRace } from './race.js';
import { createRacePlot } from './race-plot.js';
import { createLossChart } from './loss-chart.js';
import { createLegend } from './legend.js';
import { createOptimizerPanel } from './optimizer-panel.js';
import { createNumbers } from './numbers.js';
import { mountStochastic } from './stochastic.js';
import { mountSaddleExercise } from './saddle-exercise.js';
import { template } from './template.js';
import './lesson.css';

registerStrings(strings);

const SURFACES = ['bowl', 'rosenbrock', 'saddle', 'himmelblau', 'regression'];
const SCHEDULES = catalogue().schedules.map((s) => s.name);
export const SPEEDS = [0.125, 0.25, 0.5, 1, 2, 5, 10, 20, 50, 100];
export const MAX_STEPS = 5000;
// Whether a core error is about the schedule (one of a schedule's parameters), not an optimizer.
const scheduleField = (field) => field === 'schedule' || catalogue().schedules.some((s) => s.parameters.some((p) => p.name === field));

const settingKeys = OPTIMIZERS.flatMap((o) => o.fields.map((fld) => [o, fld]));
const presetText = (surface, o, fld) => String(PRESETS[surface].settings[o.key]?.[fld.name] ?? fld.torchDefault);

// URL state, one declarative table: hyperparameters and schedule values are kept as the texts
// typed (so a bad value survives a shared link and shows its message).
export const stateTable = {
  surface: { type: 'string', default: 'bowl', choices: SURFACES },
  x0: { type: 'number', default: PRESETS.bowl.start[0], min: -1e6, max: 1e6 },
  y0: { type: 'number', default: PRESETS.bowl.start[1], min: -1e6, max: 1e6 },
  on: { type: 'string', default: SEVEN.join(',') },
  ...Object.fromEntries(settingKeys.map(([o, fld]) => [`${o.key}.${fld.name}`, { type: 'string', default: presetText('bowl', o, fld) }])),
  sched: { type: 'string', default: 'constant', choices: SCHEDULES },
  step_size: { type: 'string', default: '10' },
  gamma: { type: 'string', default: '0.5' },
  decay: { type: 'string', default: '0.1' },
  speed: { type: 'number', default: 1, min: 0.125, max: 100 },
  t: { type: 'int', default: 0, min: 0, max: MAX_STEPS },
  sk: { type: 'int', default: 3, min: 2, max: 6 },
  slr: { type: 'string', default: '0.02' },
  sseed: { type: 'int', default: 1, min: 0, max: 1e9 },
  sm: { type: 'number', default: 1.5, min: -1e6, max: 1e6 },
  sb: { type: 'number', default: -1.5, min: -1e6, max: 1e6 },
  sn: { type: 'int', default: 0, min: 0, max: 100000 },
  sspeed: { type: 'int', default: 7, min: 1, max: 1000 },
};

// The schedule object for the core, or an error key when a text is not a number.
function scheduleOf(state) {
  const num = parseNumber;
  if (state.sched === 'constant') return { schedule: null };
  if (state.sched === 'step') {
    const stepSize = num(state.step_size), gamma = num(state.gamma);
    if (!Number.isInteger(stepSize)) return { error: 'step_size' };
    if (!Number.isFinite(gamma)) return { error: 'gamma' };
    return { schedule: { kind: 'step', step_size: stepSize, gamma } };
  }
  if (state.sched === 'exponential') {
    const gamma = num(state.gamma);
    return Number.isFinite(gamma) ? { schedule: { kind: 'exponential', gamma } } : { error: 'gamma' };
  }
  const decay = num(state.decay);
  return Number.isFinite(decay) ? { schedule: { kind: 'inverse_time', decay } } : { error: 'decay' };
}

export function mount(root, { core }) {
  const url = readState(stateTable);
  const state = { ...url, texts: {}, enabled: [] };
  const listed = url.on.split(',');
  state.enabled = OPTIMIZERS.map((o) => o.key).filter((k) => listed.includes(k));
  for (const o of OPTIMIZERS) state.texts[o.key] = Object.fromEntries(o.fields.map((fld) => [fld.name, url[`${o.key}.${fld.name}`]]));
  if (!SPEEDS.includes(state.speed)) state.speed = 1;

  root.innerHTML = template(SURFACES, SCHEDULES, SPEEDS, SCENES);
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const race = createRace(core);
  const legend = createLegend($('.legend'));
  const numbers = createNumbers($('details.numbers-box'));
  const panel = createOptimizerPanel($('.racers'), onRacerEdit);
  let plot = null, chart = null, info = null, spec = null;
  let frame = 0, carry = 0, target = MAX_STEPS, lastUrl = 0, lastSlow = 0;
  let scheduleError = '';
  const frameTimes = [];

  function saveUrl() {
    writeState(stateTable, {
      ...state, on: state.enabled.join(','),
      ...Object.fromEntries(settingKeys.map(([o, fld]) => [`${o.key}.${fld.name}`, state.texts[o.key][fld.name]])),
    });
  }

  // The map keeps a sensible shape from a 360-px phone (≈ 300 px tall) to a projector (480).
  const plotHeight = () => Math.round(Math.min(480, Math.max(280, 0.8 * ($('.race-plot').clientWidth || 600))));

  function buildSurface() {
    plot?.dispose();
    chart?.dispose();
    spec = { surface: state.surface };
    info = core.surfaceInfo(spec);
    const coords = state.surface === 'regression' ? ['m', 'b'] : ['x', 'y'];
    plot = createRacePlot($('.race-plot'), core, {
      spec, info, height: plotHeight(), ariaLabel: t('l4.plot_label', { surface: t(`l4.surface.${state.surface}`) }),
      onStart: (x, y) => { state.x0 = +x.toPrecision(6); state.y0 = +y.toPrecision(6); restart(state.t); },
    });
    const fMin = info.minima.length ? info.minima[0].f : null;
    chart = createLossChart($('.loss-chart'), {
      fMin, xLabel: t('l4.chart.step'), yLabel: fMin === null ? 'f' : 'f − f_min', ariaLabel: t('l4.chart.label'),
    });
    $('[data-out=chart-note]').textContent = fMin === null ? t('l4.chart.note_saddle') : t('l4.chart.note_log', { fmin: String(fMin) });
    $('[data-out=formula]').textContent = `f = ${info.formula}`;
    state.coords = coords;
  }

  // Rebuilds every racer from the current settings and replays them to `steps` at once.
  function restart(steps = 0) {
    const sched = scheduleOf(state);
    scheduleError = sched.error ? t('l4.bad_number') : '';
    race.start({
      spec, x0: state.x0, y0: state.y0, schedule: sched.schedule ?? null,
      racers: sched.error ? [] : state.enabled.map((key) => ({ key, texts: state.texts[key] })),
    });
    const errors = {};
    for (const r of race.racers()) {
      if (!r.error) continue;
      if (r.error.reason === 'nan') errors[r.key] = { field: r.error.field, text: t('l4.bad_number') };
      else if (scheduleField(r.error.error.field)) scheduleError = t('l4.bad_schedule', { reason: errorText(r.error.error) });
      else errors[r.key] = { field: fieldOfError(r.opt, r.error.error), text: t('l4.bad_value', { reason: errorText(r.error.error) }) };
    }
    panel.showErrors(errors);
    $('[data-out=schedule-error]').textContent = scheduleError;
    race.advance(Math.min(steps, MAX_STEPS));
    state.t = race.steps();
    draw(true);
  }

  function draw(full = false) {
    const racers = race.racers();
    plot.draw({ racers, start: { x: state.x0, y: state.y0 } });
    chart.update(racers.filter((r) => r.descent), state.t);
    legend.update(racers, state.coords);
    $('[data-out=steps]').textContent = t('l4.steps_now', { t: state.t });
    const now = performance.now();
    if (full || !frame || now - lastSlow > 500) {
      lastSlow = now;
      numbers.update(racers, state.coords);
      const { bounds } = info;
      const notes = [];
      for (const r of racers) {
        if (!r.descent) continue;
        const n = r.rows.length;
        const [x, y] = [r.rows[n - 3], r.rows[n - 2]];
        if (r.divergedAt >= 0) notes.push(t('l4.msg.diverged', { name: r.opt.label, t: r.divergedAt }));
        else if (x < bounds.xMin || x > bounds.xMax || y < bounds.yMin || y > bounds.yMax) notes.push(t('l4.msg.left', { name: r.opt.label }));
      }
      if (state.surface === 'saddle' && notes.length) notes.push(t('l4.msg.saddle'));
      $('[data-out=message]').textContent = notes.join(' ');
      $('[data-out=message]').classList.toggle('warning', racers.some((r) => r.divergedAt >= 0));
      $('[data-out=summary]').textContent = t('l4.summary', {
        t: state.t, surface: t(`l4.surface.${state.surface}`),
        list: racers.filter((r) => r.descent).map((r) => t('l4.summary.item', {
          name: r.opt.label, f: r.rows[r.rows.length - 1].toPrecision(4), x: r.rows[r.rows.length - 3].toPrecision(4), y: r.rows[r.rows.length - 2].toPrecision(4) })).join('; '),
      });
    }
    if (full || !frame || now - lastUrl > 1000) { lastUrl = now; saveUrl(); }
  }

  function tick() {
    const started = performance.now();
    carry += state.speed;
    const n = Math.min(Math.floor(carry), target - state.t);
    carry -= Math.floor(carry);
    if (n > 0) {
      race.advance(n);
      state.t = race.steps();
      draw();
    }
    // uPlot draws in a microtask queued by draw(); this one runs after it: the whole frame's work.
    queueMicrotask(() => {
      frameTimes.push(performance.now() - started);
      if (frameTimes.length > 120) frameTimes.shift();
      root.dataset.frameMs = (frameTimes.reduce((a, b) => a + b, 0) / frameTimes.length).toFixed(3);
    });
    if (state.t >= target) { setPlaying(false); return; }
    frame = requestAnimationFrame(tick);
  }

  function setPlaying(on, until = MAX_STEPS) {
    if (on && !frame) { target = until; carry = 0; frame = requestAnimationFrame(tick); }
    if (!on && frame) { cancelAnimationFrame(frame); frame = 0; }
    $('button[name=play]').disabled = on;
    $('button[name=pause]').disabled = !on;
    root.dataset.playing = on ? '1' : '0';
    if (!on) draw(true);
  }

  function onRacerEdit({ key, enabled, field, text }) {
    if (enabled !== undefined) {
      state.enabled = OPTIMIZERS.map((o) => o.key).filter((k) => (k === key ? enabled : state.enabled.includes(k)));
    } else {
      state.texts[key][field] = text;
    }
    panel.set(state.enabled, state.texts);
    restart(state.t);
  }

  function loadPreset(surface) {
    state.surface = surface;
    [state.x0, state.y0] = PRESETS[surface].start;
    for (const [o, fld] of settingKeys) state.texts[o.key][fld.name] = presetText(surface, o, fld);
  }

  function playScene(scene) {
    setPlaying(false);
    loadPreset(scene.surface);
    [state.x0, state.y0] = scene.start;
    state.enabled = [...scene.on];
    state.sched = 'constant';
    state.speed = scene.speed;
    syncControls();
    buildSurface();
    restart(0);
    $('[data-out=scene]').textContent = t(`l4.scene.${scene.id}.text`);
    setPlaying(true, scene.steps);
  }

  function syncControls() {
    $('select[name=surface]').value = state.surface;
    $('select[name=speed]').value = String(state.speed);
    $('select[name=schedule]').value = state.sched;
    $('input[name=step_size]').value = state.step_size;
    $('input[name=gamma]').value = state.gamma;
    $('input[name=decay]').value = state.decay;
    for (const name of ['step_size', 'gamma', 'decay']) {
      const used = { step: ['step_size', 'gamma'], exponential: ['gamma'], inverse_time: ['decay'] }[state.sched] ?? [];
      $(`label[data-param=${name}]`).hidden = !used.includes(name);
    }
    $('[data-out=schedule-formula]').textContent = t(`l4.sched.formula.${state.sched}`);
    panel.set(state.enabled, state.texts);
  }

  $('select[name=surface]').addEventListener('change', (e) => {
    loadPreset(e.target.value);
    syncControls();
    buildSurface();
    restart(state.t);
  });
  $('select[name=speed]').addEventListener('change', (e) => { state.speed = Number(e.target.value); saveUrl(); });
  $('select[name=schedule]').addEventListener('change', (e) => { state.sched = e.target.value; syncControls(); restart(state.t); });
  for (const name of ['step_size', 'gamma', 'decay']) {
    $(`input[name=${name}]`).addEventListener('input', (e) => { state[name] = e.target.value; restart(state.t); });
  }
  $('button[name=step]').addEventListener('click', () => {
    setPlaying(false);
    if (state.t < MAX_STEPS) { race.advance(1); state.t = race.steps(); }
    draw(true);
  });
  $('button[name=play]').addEventListener('click', () => setPlaying(true, state.t >= MAX_STEPS ? state.t : MAX_STEPS));
  $('button[name=pause]').addEventListener('click', () => setPlaying(false));
  $('button[name=reset]').addEventListener('click', () => { setPlaying(false); restart(0); });
  for (const scene of SCENES) $(`button[data-scene=${scene.id}]`).addEventListener('click', () => playScene(scene));

  syncControls();
  buildSurface();
  restart(state.t);
  setPlaying(false);

  // The stochastic section reads and writes its own keys (sk, slr, sseed, …) of the same state.
  const unmountStochastic = mountStochastic($('.stochastic'), core, state, saveUrl);
  // The exercise replays the saddle scene with the core when checked (saddle-exercise.js).
  const exercise = mountSaddleExercise($('.l4-exercise'), core);

  return () => {
    if (frame) cancelAnimationFrame(frame);
    unmountStochastic();
    exercise.destroy();
    race.dispose();
    plot?.dispose();
    chart?.dispose();
  };
}
