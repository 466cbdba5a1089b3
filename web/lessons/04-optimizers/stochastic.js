// Noise against cost: plain SGD on the regression points with three batch sizes — 1 ("true"
// SGD), k (mini-batch) and all n points (full batch) — from the same start, advanced by the
// same budget of per-sample gradient evaluations. Paths over (m, b) on the loss bowl, and the
// full loss J − J_min against samples evaluated (log axis). Every number is the core's
// (newMinibatch: seeded shuffles, per-epoch, counted samples).
import { parseNumber } from '../../shared/number-field.js';
import { errorText } from '../../shared/error-text.js';
import { createContourPlot } from '../../shared/contour-plot.js';
import { createChart, uPlot } from '../../shared/plot.js';
import { formatNumber } from '../../shared/format.js';
import { applyStrings, t } from '../../shared/i18n.js';
import { drawMarker } from './markers.js';
import { decadeSplits, tickLabels } from '../../shared/log-axis.js';

const GRID = 121;
const RUNNERS = [
  { id: 'one', color: '#D55E00', halo: '#ffffff', dash: [], marker: 'circle' },
  { id: 'mini', color: '#0072B2', halo: '#ffffff', dash: [8, 4], marker: 'square' },
  { id: 'full', color: '#000000', halo: '#ffffff', dash: [2, 3], marker: 'diamond' },
];
const SPEEDS = [1, 7, 35, 140];
const MAX_SAMPLES = 100000;

const template = `
  <h2 id="l4-sto" data-i18n="l4.sto.title"></h2>
  <p data-i18n="l4.sto.intro"></p>
  <div class="controls">
    <label><span data-i18n="l4.sto.batch"></span><select name="sto-batch"></select></label>
    <label><span data-i18n="l4.sto.lr"></span><input name="sto-lr" type="text" inputmode="decimal" size="7">
      <span class="field-error" data-out="sto-error" role="alert"></span></label>
    <label><span data-i18n="l4.sto.seed"></span><input name="sto-seed" type="number" min="0" step="1" size="6"></label>
    <label><span data-i18n="l4.sto.speed"></span><select name="sto-speed"></select></label>
  </div>
  <div class="controls buttons">
    <button type="button" name="sto-step" data-i18n="l4.sto.step"></button>
    <button type="button" name="sto-play" data-i18n="l4.play"></button>
    <button type="button" name="sto-pause" data-i18n="l4.pause"></button>
    <button type="button" name="sto-reset" class="secondary" data-i18n="l4.reset"></button>
    <output data-out="sto-samples"></output>
  </div>
  <div class="two-plots">
    <figure><div class="chart sto-plot" role="group" data-i18n-aria-label="l4.sto.plot_label"></div>
      <figcaption data-i18n="l4.sto.plot_caption"></figcaption></figure>
    <figure><div class="chart sto-chart"></div><figcaption data-i18n="l4.sto.chart_caption"></figcaption></figure>
  </div>
  <div class="standings-scroll" tabindex="0" role="region" aria-labelledby="l4-sto"><table class="standings sto-table"><thead><tr><th scope="col" data-i18n="l4.sto.runner"></th>
    <th scope="col" data-i18n="l4.sto.steps"></th><th scope="col" data-i18n="l4.sto.samples"></th>
    <th scope="col" data-i18n="l4.sto.epochs"></th><th scope="col" data-i18n="l4.sto.loss"></th>
    <th scope="col" data-i18n="l4.sto.batch_loss"></th></tr></thead><tbody></tbody></table></div>
  <p class="sr-only" aria-live="polite" data-out="sto-summary"></p>`;

// state: {sk, slr, sseed, sm, sb, sn, sspeed} (shared with the URL); onChange() after changes.
export function mountStochastic(root, core, state, onChange) {
  root.innerHTML = template;
  applyStrings(root);
  if (!SPEEDS.includes(state.sspeed)) state.sspeed = 7;
  const $ = (sel) => root.querySelector(sel);
  const spec = { surface: 'regression' };
  const info = core.surfaceInfo(spec);
  const n = 7;
  const jMin = info.minima[0].f;
  $('select[name=sto-batch]').innerHTML = [2, 3, 4, 5, 6].map((k) => `<option value="${k}">${k}</option>`).join('');
  $('select[name=sto-speed]').innerHTML = SPEEDS.map((s) => `<option value="${s}">${t('l4.sto.per_frame', { n: s })}</option>`).join('');
  $('tbody').innerHTML = RUNNERS.map((r) => `<tr data-runner="${r.id}"><th scope="row"><span class="dot" style="background:${r.color}"></span><span data-cell="name"></span></th>` +
    '<td data-cell="steps"></td><td data-cell="samples"></td><td data-cell="epochs"></td><td data-cell="loss"></td><td data-cell="batch"></td></tr>').join('');

  let runners = [];
  let frame = 0;
  let lastUrl = 0;

  const plot = createContourPlot($('.sto-plot'), {
    bounds: info.bounds, height: Math.round(Math.min(400, Math.max(260, 0.8 * ($('.sto-plot').clientWidth || 500)))), xLabel: 'm', yLabel: 'b',
    onPointer: (m, b, kind) => { if (kind !== 'up') { state.sm = +m.toPrecision(6); state.sb = +b.toPrecision(6); restart(state.sn); } },
  });
  plot.setGrid(core.surfaceGrid(spec, GRID, GRID, info.bounds.xMin, info.bounds.xMax, info.bounds.yMin, info.bounds.yMax), GRID, GRID);
  const chart = createChart($('.sto-chart'), {
    height: 300,
    legend: { show: false },
    cursor: { drag: { x: false, y: false, setScale: false }, points: { show: false } },
    // At most 32 decades on the log axis (see loss-chart.js).
    scales: { x: { time: false }, y: { distr: 3, range: (u, min, max) => {
      const hi = Number.isFinite(max) && max > 0 ? max : 1;
      const lo = Number.isFinite(min) && min > 0 ? Math.max(min, hi * 1e-32) : hi * 1e-3;
      return uPlot.rangeLog(lo, Math.max(hi, lo * 10), 10, true);
    } } },
    axes: [{ label: t('l4.sto.samples') }, { label: 'J − J_min', size: 70, values: tickLabels, filter: (u, splits) => splits, splits: (u, i, min, max) => decadeSplits(min, max) }],
    // spanGaps: the larger batches have a value only at the sample counts where they stepped.
    series: [{}, ...RUNNERS.map((r) => ({ stroke: r.color, width: 2, dash: r.dash, spanGaps: true, points: { show: false } }))],
  }, [[0], [null], [null], [null]]);
  $('.sto-chart').setAttribute('role', 'img');
  $('.sto-chart').setAttribute('aria-label', t('l4.sto.chart_label'));

  const batchOf = (id) => ({ one: 1, mini: state.sk, full: n }[id]);

  function dispose() {
    for (const r of runners) r.walker?.delete();
    runners = [];
  }

  // Starts the three walkers afresh and advances them to `budget` samples.
  function restart(budget = 0) {
    dispose();
    let error = '';
    const lr = parseNumber(state.slr);
    if (!Number.isFinite(lr)) error = t('l4.bad_number');
    runners = RUNNERS.map((r) => {
      const runner = { ...r, rows: [], walker: null };
      if (error) return runner;
      try {
        runner.walker = core.newMinibatch(spec, 'sgd', { lr }, batchOf(r.id), state.sseed, state.sm, state.sb);
        runner.rows.push(state.sm, state.sb, runner.walker.loss(), 0, NaN);
      } catch (e) {
        error = t('l4.bad_schedule', { reason: errorText(e) });
      }
      return runner;
    });
    if (error) dispose();
    $('[data-out=sto-error]').textContent = error;
    $('input[name=sto-lr]').setAttribute('aria-invalid', error ? 'true' : 'false');
    state.sn = 0;
    advanceTo(budget);
  }

  function advanceTo(budget) {
    state.sn = Math.min(MAX_SAMPLES, budget);
    for (const r of runners) {
      if (!r.walker) continue;
      while (r.walker.samples() < state.sn && r.walker.divergedAt() < 0) {
        const rows = r.walker.step(1);
        if (rows.length === 0) break;
        for (const v of rows) r.rows.push(v);
      }
    }
    render();
  }

  function render() {
    plot.setOverlay((ctx, toPx) => {
      const dpr = window.devicePixelRatio || 1;
      const [mx, my] = toPx(info.minima[0].x, info.minima[0].y);
      drawMarker(ctx, 'plus', mx, my, 4 * dpr, { fill: '#ffffff', stroke: '#1b1f24', lineWidth: dpr });
      for (const r of runners) {
        if (r.rows.length < 5) continue;
        ctx.beginPath();
        for (let k = 0; k < r.rows.length; k += 5) {
          const [px, py] = toPx(r.rows[k], r.rows[k + 1]).map((v) => Math.max(-1e5, Math.min(1e5, v)));
          if (k === 0) ctx.moveTo(px, py); else ctx.lineTo(px, py);
        }
        ctx.strokeStyle = r.halo; ctx.lineWidth = 4 * dpr; ctx.setLineDash([]); ctx.globalAlpha = 0.7; ctx.stroke();
        ctx.globalAlpha = 1; ctx.strokeStyle = r.color; ctx.lineWidth = 2 * dpr; ctx.setLineDash(r.dash.map((d) => d * dpr)); ctx.stroke();
        ctx.setLineDash([]);
        const k = r.rows.length - 5;
        const [px, py] = toPx(r.rows[k], r.rows[k + 1]).map((v) => Math.max(-1e5, Math.min(1e5, v)));
        drawMarker(ctx, r.marker, px, py, 5 * dpr, { fill: r.color, stroke: r.halo, lineWidth: 1.5 * dpr });
      }
      const [sx, sy] = toPx(state.sm, state.sb);
      drawMarker(ctx, 'circle', sx, sy, 7 * dpr, { stroke: '#ffffff', lineWidth: 3 * dpr, hollow: true });
    });
    // One x axis for the three series: every sample count at which one of them stepped.
    const xs = [...new Set(runners.flatMap((r) => r.rows.filter((_, i) => i % 5 === 3)))].sort((a, b) => a - b);
    const index = new Map(xs.map((x, i) => [x, i]));
    const data = [xs, ...runners.map((r) => {
      const ys = new Array(xs.length).fill(null);
      for (let k = 0; k < r.rows.length; k += 5) {
        const y = r.rows[k + 2] - jMin;
        ys[index.get(r.rows[k + 3])] = y > 0 ? y : null;
      }
      return ys;
    })];
    chart.setData(xs.length ? data : [[0], [null], [null], [null]]);
    for (const r of runners) {
      const row = $(`[data-runner=${r.id}]`);
      const cell = (name) => row.querySelector(`[data-cell=${name}]`);
      cell('name').textContent = t(`l4.sto.runner.${r.id}`, { k: batchOf(r.id), n });
      const w = r.walker;
      const diverged = w && w.divergedAt() >= 0;
      cell('steps').textContent = w ? (diverged ? t('l4.legend.diverged', { t: w.divergedAt() }) : String(w.steps())) : '—';
      cell('samples').textContent = w ? String(w.samples()) : '—';
      cell('epochs').textContent = w ? formatNumber(w.samples() / n, 3) : '—';
      cell('loss').textContent = w ? formatNumber(w.loss()) : '—';
      cell('batch').textContent = w && w.steps() > 0 ? formatNumber(w.batchLoss()) : '—';
    }
    $('[data-out=sto-samples]').textContent = t('l4.sto.budget', { n: state.sn });
    $('[data-out=sto-summary]').textContent = t('l4.sto.summary', {
      samples: state.sn,
      losses: runners.filter((r) => r.walker).map((r) => `${t(`l4.sto.runner.${r.id}`, { k: batchOf(r.id), n })}: ${formatNumber(r.walker.loss())}`).join('; '),
    });
    const now = performance.now();
    if (!frame || now - lastUrl > 1000) { lastUrl = now; onChange(); }
  }

  function loop() {
    advanceTo(state.sn + state.sspeed);
    frame = state.sn < MAX_SAMPLES ? requestAnimationFrame(loop) : 0;
    if (!frame) { setPlaying(false); onChange(); }
  }
  function setPlaying(on) {
    if (on && !frame) frame = requestAnimationFrame(loop);
    if (!on && frame) { cancelAnimationFrame(frame); frame = 0; onChange(); }
    $('button[name=sto-play]').disabled = on;
    $('button[name=sto-pause]').disabled = !on;
  }

  $('select[name=sto-batch]').value = String(state.sk);
  $('input[name=sto-lr]').value = state.slr;
  $('input[name=sto-seed]').value = String(state.sseed);
  $('select[name=sto-speed]').value = String(state.sspeed);
  $('select[name=sto-batch]').addEventListener('change', (e) => { state.sk = Number(e.target.value); restart(state.sn); });
  $('input[name=sto-lr]').addEventListener('input', (e) => { state.slr = e.target.value; restart(state.sn); });
  $('input[name=sto-seed]').addEventListener('input', (e) => {
    const seed = Number(e.target.value);
    if (Number.isInteger(seed) && seed >= 0) { state.sseed = seed; restart(state.sn); }
  });
  $('select[name=sto-speed]').addEventListener('change', (e) => { state.sspeed = Number(e.target.value); onChange(); });
  $('button[name=sto-step]').addEventListener('click', () => advanceTo(state.sn + n));
  $('button[name=sto-play]').addEventListener('click', () => setPlaying(true));
  $('button[name=sto-pause]').addEventListener('click', () => setPlaying(false));
  $('button[name=sto-reset]').addEventListener('click', () => { setPlaying(false); restart(0); });
  setPlaying(false);
  restart(state.sn);

  return () => {
    if (frame) cancelAnimationFrame(frame);
    dispose();
    plot.dispose();
    chart.dispose();
  };
}
