// The mountain climber at night (lesson 1's main part): place the climber on the valleys map,
// step downhill by −η·∇f (the core's sgd Walker), play/pause, and read height, slope and steps.
// Every position, height and slope is the core's; this file wires controls to it.
import { logSlider } from '../../shared/log-slider.js';
import { applyStrings, t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { createClimberMap } from './climber-map.js';
import { createCrossSection } from './cross-section.js';

const SPEC = { surface: 'valleys' };
const GRID = 121;              // grid points per axis of the height map
const SECTION_SAMPLES = 81;    // odd: the middle sample is the climber
const STEPS_PER_SECOND = 12;
const MAX_STEPS = 5000;
const SLOW_AFTER = 150;        // steps without arriving before the step size is called small
export const EXERCISE = { x: 5, y: -5, maxSteps: 50 };
// η slider: position p in [0, 1000] ↦ η = 10^(−3 + 5·p/1000), 0.001 … 100.
const etaSlider = logSlider({ lo: -3, hi: 2, digits: 3 });
const etaFromSlider = etaSlider.value;
const sliderFromEta = etaSlider.position;

const template = `
  <h2 data-i18n="l1.climb.title"></h2>
  <p data-i18n="l1.climb.intro"></p>
  <div class="controls">
    <label><span data-i18n="l1.climb.eta"></span>
      <input name="ceta" type="range" min="0" max="1000" step="1"><output name="ceta-out"></output></label>
    <label><span data-i18n="l1.climb.light"></span>
      <input name="light" type="range" min="0.3" max="6" step="0.1"><output name="light-out"></output></label>
    <label class="check"><input name="day" type="checkbox"> <span data-i18n="l1.climb.day"></span></label>
  </div>
  <div class="controls">
    <button name="cstep" type="button" data-i18n="l1.climb.step"></button>
    <button name="play" type="button" aria-pressed="false" data-i18n="l1.climb.play"></button>
    <button name="creset" type="button" class="secondary" data-i18n="l1.climb.reset"></button>
  </div>
  <div class="climb-layout">
    <div class="climb-map chart" tabindex="0" data-i18n-title="l1.climb.map_keys"></div>
    <div class="climb-side">
      <dl class="readout">
        <div><dt data-i18n="l1.climb.height"></dt><dd data-out="height"></dd></div>
        <div><dt data-i18n="l1.climb.slope"></dt><dd data-out="cslope"></dd></div>
        <div><dt data-i18n="l1.climb.steps"></dt><dd data-out="csteps"></dd></div>
        <div><dt data-i18n="l1.climb.position"></dt><dd data-out="position"></dd></div>
      </dl>
      <p class="message" role="status" aria-live="polite" data-out="cmessage"></p>
      <h3 data-i18n="l1.climb.section.title"></h3>
      <div class="climb-section chart" role="img" data-i18n-aria-label="l1.climb.section.label"></div>
    </div>
  </div>
  <p class="hint" data-i18n="l1.climb.map_keys"></p>
  <section class="exercise">
    <h3 data-i18n="l1.ex.title"></h3>
    <p data-out="ex-task"></p>
    <div class="controls">
      <button name="ex-place" type="button" class="secondary" data-i18n="l1.ex.place"></button>
      <button name="ex-check" type="button" data-i18n="l1.ex.check"></button>
    </div>
    <p class="message" role="status" aria-live="polite" data-out="ex-result"></p>
  </section>
  <p class="sr-only" aria-live="polite" data-out="csummary"></p>`;

// state: {cx, cy, ceta, light, day}; onChange(state) after each change (URL sync).
export function mountClimber(root, core, state, onChange) {
  root.innerHTML = template;
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const out = (name) => root.querySelector(`[data-out=${name}]`);
  const info = core.surfaceInfo(SPEC);
  const b = info.bounds;
  const camp = info.minima[0];
  const { flatSlope } = core.climbConstants();
  const grid = core.surfaceGrid(SPEC, GRID, GRID, b.xMin, b.xMax, b.yMin, b.yMax);
  const start = { x: state.cx, y: state.cy };

  let walker = null;
  let path = [];
  let steps = 0;
  let ended = '';        // why the walk stopped: '', 'diverged', 'left'
  let playing = false;
  let frame = 0;
  let lastTime = 0;

  const map = createClimberMap($('.climb-map'), {
    info, grid, nx: GRID, ny: GRID, ariaLabel: t('l1.climb.map_label'),
    onPlace: (x, y) => place(Math.min(b.xMax, Math.max(b.xMin, x)), Math.min(b.yMax, Math.max(b.yMin, y))),
  });
  const section = createCrossSection($('.climb-section'));

  function newWalker() {
    walker?.delete();
    walker = core.newDescent(SPEC, 'sgd', { lr: state.ceta }, state.cx, state.cy);
  }

  function place(x, y) {
    state.cx = +x.toPrecision(4);
    state.cy = +y.toPrecision(4);
    path = [state.cx, state.cy];
    steps = 0;
    ended = '';
    newWalker();
    render();
  }

  const inBounds = (x, y) => x >= b.xMin && x <= b.xMax && y >= b.yMin && y <= b.yMax;

  // One step of −η·∇f from the core; false when the walk has stopped.
  function step() {
    if (ended) return false;
    const rows = walker.step(1);
    if (rows.length === 0) {
      ended = 'diverged';
      return false;
    }
    steps = walker.steps();
    path.push(rows[0], rows[1]);
    state.cx = rows[0];
    state.cy = rows[1];
    if (!inBounds(state.cx, state.cy)) ended = 'left';
    return !ended;
  }

  const spotHere = () => core.climbSpot(SPEC, state.cx, state.cy);

  function message(spot) {
    const n = steps;
    if (ended === 'diverged') return { text: t('l1.climb.diverged', { steps: walker.divergedAt() }), warn: true };
    if (ended === 'left') return { text: t('l1.climb.left', { x: formatNumber(state.cx), y: formatNumber(state.cy), steps: n }), warn: true };
    if (spot.status === 'base_camp') return { text: n > 0 ? t('l1.climb.reached', { steps: n }) : t('l1.climb.at_camp'), good: true };
    if (spot.status === 'stuck') {
      return { text: t('l1.climb.stuck', { height: formatNumber(spot.f), camp: formatNumber(camp.f), steps: n }), warn: true };
    }
    if (spot.status === 'flat') return { text: t('l1.climb.flat'), warn: false };
    if (n >= SLOW_AFTER) return { text: t('l1.climb.slow', { steps: n }), warn: false };
    return { text: '', warn: false };
  }

  let spot = null;  // the core's read-out at the climber, refreshed by render()
  const showMap = () => map.show({
    x: state.cx, y: state.cy, gx: spot.gx, gy: spot.gy, arrow: spot.slope >= flatSlope,
    radius: state.light, daylight: state.day, path, minima: info.minima, reached: spot.status === 'base_camp',
  });

  function render() {
    spot = spotHere();
    const finite = Number.isFinite(spot.f);
    showMap();
    if (finite) section.update(core.crossSection(SPEC, state.cx, state.cy, 2, SECTION_SAMPLES));
    out('height').textContent = formatNumber(spot.f);
    out('cslope').textContent = formatNumber(spot.slope);
    out('csteps').textContent = String(steps);
    out('position').textContent = `(${formatNumber(state.cx)}, ${formatNumber(state.cy)})`;
    $('output[name=ceta-out]').textContent = formatNumber(state.ceta, 3);
    $('output[name=light-out]').textContent = formatNumber(state.light, 2);
    const m = message(spot);
    const msg = out('cmessage');
    msg.textContent = m.text;
    msg.classList.toggle('warning', !!m.warn);
    msg.classList.toggle('success', !!m.good);
    out('csummary').textContent = t('l1.climb.summary', {
      x: formatNumber(state.cx), y: formatNumber(state.cy), height: formatNumber(spot.f), slope: formatNumber(spot.slope), steps });
    root.dataset.status = ended || spot.status;
    if (playing && (ended || spot.status !== 'walking' || steps >= MAX_STEPS)) setPlaying(false);
    onChange(state);
  }

  function tick(now) {
    if (!playing) return;
    const due = Math.max(1, Math.floor(((now - lastTime) / 1000) * STEPS_PER_SECOND));
    if (now - lastTime >= 1000 / STEPS_PER_SECOND) {
      lastTime = now;
      for (let k = 0; k < due && step(); k++) if (core.climbSpot(SPEC, state.cx, state.cy).status !== 'walking') break;
      render();
    }
    if (playing) frame = requestAnimationFrame(tick);
  }

  function setPlaying(on) {
    playing = on;
    const button = $('button[name=play]');
    button.setAttribute('aria-pressed', String(on));
    button.textContent = t(on ? 'l1.climb.pause' : 'l1.climb.play');
    cancelAnimationFrame(frame);
    if (on) {
      lastTime = performance.now();
      frame = requestAnimationFrame(tick);
    }
  }

  // Controls.
  const etaInput = $('input[name=ceta]');
  const lightInput = $('input[name=light]');
  const dayInput = $('input[name=day]');
  etaInput.value = sliderFromEta(state.ceta);
  lightInput.value = state.light;
  dayInput.checked = state.day;
  etaInput.addEventListener('input', () => {
    state.ceta = etaFromSlider(Number(etaInput.value));
    // A new step size starts a new walk from where the climber stands.
    place(state.cx, state.cy);
  });
  // The flashlight and daylight change only the picture: redraw the map, keep the read-outs.
  const relight = () => {
    $('output[name=light-out]').textContent = formatNumber(state.light, 2);
    showMap();
    onChange(state);
  };
  lightInput.addEventListener('input', () => { state.light = Number(lightInput.value); relight(); });
  dayInput.addEventListener('change', () => { state.day = dayInput.checked; relight(); });
  $('button[name=cstep]').addEventListener('click', () => { step(); render(); });
  $('button[name=play]').addEventListener('click', () => setPlaying(!playing));
  $('button[name=creset]').addEventListener('click', () => { setPlaying(false); place(start.x, start.y); });

  // Arrow keys on the map move the climber by 0.1 (Shift: 0.5).
  $('.climb-map').addEventListener('keydown', (e) => {
    const d = e.shiftKey ? 0.5 : 0.1;
    const moves = { ArrowLeft: [-d, 0], ArrowRight: [d, 0], ArrowUp: [0, d], ArrowDown: [0, -d] };
    if (!moves[e.key]) return;
    e.preventDefault();
    const [dx, dy] = moves[e.key];
    const x = Number.isFinite(state.cx) && inBounds(state.cx, state.cy) ? state.cx : start.x;
    const y = Number.isFinite(state.cy) && inBounds(state.cx, state.cy) ? state.cy : start.y;
    place(Math.min(b.xMax, Math.max(b.xMin, x + dx)), Math.min(b.yMax, Math.max(b.yMin, y + dy)));
  });

  // Exercise: reach base camp from a far corner in under 50 steps, checked by the core.
  out('ex-task').textContent = t('l1.ex.task', { x: EXERCISE.x, y: formatNumber(EXERCISE.y), steps: EXERCISE.maxSteps });
  $('button[name=ex-place]').addEventListener('click', () => { setPlaying(false); place(EXERCISE.x, EXERCISE.y); });
  $('button[name=ex-check]').addEventListener('click', () => {
    const r = core.reachBaseCamp(SPEC, EXERCISE.x, EXERCISE.y, state.ceta, EXERCISE.maxSteps);
    const result = out('ex-result');
    let text;
    if (r.stepsToBaseCamp >= 0) text = t('l1.ex.success', { eta: formatNumber(state.ceta, 3), steps: r.stepsToBaseCamp });
    else if (r.divergedAt >= 0 || !inBounds(r.x, r.y)) text = t('l1.ex.too_big', { eta: formatNumber(state.ceta, 3) });
    else if (r.status === 'stuck') text = t('l1.ex.stuck', { eta: formatNumber(state.ceta, 3) });
    else text = t('l1.ex.not_yet', { eta: formatNumber(state.ceta, 3), steps: EXERCISE.maxSteps,
      x: formatNumber(r.x), y: formatNumber(r.y) });
    result.textContent = text;
    result.classList.toggle('success', r.stepsToBaseCamp >= 0);
    result.classList.toggle('warning', r.stepsToBaseCamp < 0);
  });

  place(state.cx, state.cy);
  return () => {
    setPlaying(false);
    walker?.delete();
    walker = null;
    map.dispose();
    section.dispose();
  };
}
