// The 1-D warm-up: a curve, a draggable point, its tangent, and "step downhill" x ← x − η·f′(x).
// Every value and slope comes from the wasm core (evaluateCurve / stepDownhill).
import { logSlider } from '../../shared/log-slider.js';
import { createChart } from '../../shared/plot.js';
import { formatNumber } from '../../shared/format.js';
import { applyStrings, t } from '../../shared/i18n.js';

const SAMPLES = 241;
// The η slider is logarithmic: position p in [0, 1000] ↦ η = 10^(−3 + 3.5·p/1000), 0.001 … 3.16.
const etaSlider = logSlider({ lo: -3, hi: 0.5 });
const etaFromSlider = etaSlider.value;
const sliderFromEta = etaSlider.position;

const template = `
  <h2 data-i18n="l1.slope.title"></h2>
  <p data-i18n="l1.slope.intro"></p>
  <div class="controls">
    <label><span data-i18n="l1.slope.curve"></span>
      <select name="curve">
        <option value="parabola" data-i18n="l1.slope.curve.parabola"></option>
        <option value="two_dips" data-i18n="l1.slope.curve.two_dips"></option>
      </select></label>
    <label><span data-i18n="l1.slope.x"></span>
      <input name="x" type="range" step="0.01"><output name="x-out"></output></label>
    <label><span data-i18n="l1.slope.eta"></span>
      <input name="eta" type="range" min="0" max="1000" step="1"><output name="eta-out"></output></label>
    <button name="step" type="button" data-i18n="l1.slope.step"></button>
    <button name="reset" type="button" data-i18n="l1.slope.reset"></button>
  </div>
  <div class="chart" role="img" data-i18n-aria-label="l1.slope.chart_label"></div>
  <dl class="readout">
    <div><dt data-i18n="l1.slope.value"></dt><dd data-out="value"></dd></div>
    <div><dt data-i18n="l1.slope.slope"></dt><dd data-out="slope"></dd></div>
    <div><dt data-i18n="l1.slope.steps"></dt><dd data-out="steps"></dd></div>
  </dl>
  <p class="message" role="status" aria-live="polite" data-out="message"></p>
  <p class="sr-only" aria-live="polite" data-out="summary"></p>`;

// state: {curve, x, eta, steps}; onChange(state) is called after every change (URL sync).
export function mountSlope1d(root, core, state, onChange) {
  root.innerHTML = template;
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const curveSelect = $('select[name=curve]');
  const xInput = $('input[name=x]');
  const etaInput = $('input[name=eta]');
  const chartBox = $('.chart');
  const out = (name) => root.querySelector(`[data-out=${name}]`);
  const startX = state.x;
  let chart = null;
  let message = '';

  const info = () => core.curves().find((c) => c.name === state.curve);

  function curveData() {
    const { xMin, xMax } = info();
    const xs = [];
    const ys = [];
    for (let i = 0; i < SAMPLES; i++) {
      const x = xMin + ((xMax - xMin) * i) / (SAMPLES - 1);
      xs.push(x);
      ys.push(core.evaluateCurve(state.curve, x).value);
    }
    return { xs, ys };
  }

  let curve = null;
  function rebuildChart() {
    chart?.dispose();
    curve = curveData();
    const { xMin, xMax } = info();
    const yMin = Math.min(...curve.ys);
    const yMax = Math.max(...curve.ys);
    const pad = 0.08 * (yMax - yMin);
    chart = createChart(chartBox, {
      height: 320,
      scales: { x: { time: false, range: [xMin, xMax] }, y: { range: [yMin - pad, yMax + pad] } },
      legend: { show: true, live: false },
      cursor: { drag: { x: false, y: false }, points: { show: false } },
      series: [
        { label: 'x' },
        { label: t('l1.slope.series.curve'), stroke: '#1f6feb', width: 2 },
        { label: t('l1.slope.series.tangent'), stroke: '#d1242f', width: 1.5, dash: [6, 4], spanGaps: false },
        { label: t('l1.slope.series.point'), stroke: '#111', fill: '#f2cc60', width: 0,
          points: { show: true, size: 14, width: 2, stroke: '#111', fill: '#f2cc60' }, paths: () => null },
      ],
    }, [curve.xs, curve.ys, curve.ys.map(() => null), curve.ys.map(() => null)]);
    xInput.min = xMin;
    xInput.max = xMax;
    attachDrag();
  }

  // Dragging anywhere on the plot moves the point to the pointer's x.
  function attachDrag() {
    const over = chart.over;
    let dragging = false;
    const moveTo = (event) => {
      const rect = over.getBoundingClientRect();
      const x = chart.posToVal(event.clientX - rect.left, 'x');
      const { xMin, xMax } = info();
      setX(Math.min(xMax, Math.max(xMin, x)));
    };
    over.addEventListener('pointerdown', (e) => { dragging = true; over.setPointerCapture(e.pointerId); moveTo(e); });
    over.addEventListener('pointermove', (e) => { if (dragging) moveTo(e); });
    over.addEventListener('pointerup', () => { dragging = false; });
  }

  function setX(x) {
    state.x = x;
    state.steps = 0;
    message = '';
    render();
  }

  // Redraws the tangent and the point at the current x; the curve itself stays.
  function render() {
    const { xMin, xMax } = info();
    const inside = Number.isFinite(state.x) && state.x >= xMin && state.x <= xMax;
    let here = { x: state.x, value: NaN, slope: NaN };
    if (Number.isFinite(state.x) && Math.abs(state.x) < 1e100) here = core.evaluateCurve(state.curve, state.x);
    const tangent = curve.xs.map((x) => (inside && Math.abs(x - state.x) < 0.9 ? here.value + here.slope * (x - state.x) : null));
    // The point is drawn at the sample nearest to x; its exact value is in the read-out.
    const point = curve.xs.map(() => null);
    if (inside) {
      const i = Math.round(((state.x - xMin) / (xMax - xMin)) * (SAMPLES - 1));
      curve.xs[i] = state.x;
      curve.ys[i] = here.value;
      point[i] = here.value;
    }
    chart.setData([curve.xs, curve.ys, tangent, point]);
    if (inside) xInput.value = state.x;
    out('value').textContent = formatNumber(here.value);
    out('slope').textContent = formatNumber(here.slope);
    out('steps').textContent = String(state.steps);
    root.querySelector('output[name=x-out]').textContent = formatNumber(state.x);
    root.querySelector('output[name=eta-out]').textContent = formatNumber(state.eta, 3);
    if (!message && inside && Math.abs(here.slope) < 1e-3) message = t('l1.slope.flat');
    out('message').textContent = message;
    out('message').classList.toggle('warning', message !== '' && message !== t('l1.slope.flat'));
    out('summary').textContent = t('l1.slope.summary', {
      x: formatNumber(state.x), value: formatNumber(here.value), slope: formatNumber(here.slope), steps: state.steps });
    onChange(state);
  }

  function step() {
    const next = core.stepDownhill(state.curve, state.x, state.eta);
    state.x = next.x;
    state.steps += 1;
    const { xMin, xMax } = info();
    if (!Number.isFinite(next.x) || !Number.isFinite(next.value)) message = t('l1.slope.diverged', { x: formatNumber(next.x) });
    else if (next.x < xMin || next.x > xMax) message = t('l1.slope.left_plot', { x: formatNumber(next.x) });
    else message = '';
    render();
  }

  curveSelect.value = state.curve;
  etaInput.value = sliderFromEta(state.eta);
  curveSelect.addEventListener('change', () => { state.curve = curveSelect.value; rebuildChart(); setX(Math.min(Math.max(state.x, info().xMin), info().xMax)); });
  xInput.addEventListener('input', () => setX(Number(xInput.value)));
  etaInput.addEventListener('input', () => { state.eta = +etaFromSlider(Number(etaInput.value)).toPrecision(3); render(); });
  root.querySelector('button[name=step]').addEventListener('click', step);
  root.querySelector('button[name=reset]').addEventListener('click', () => setX(startX));

  rebuildChart();
  render();
  return () => chart?.dispose();
}
