// Lesson 6 — MNIST in your browser. The sources' Keras run (784 → 512 relu → 128 relu → 10
// softmax, RMSprop, batch 128, 5 epochs) trained on the real 60,000 images in a Web Worker
// (train-worker.js), with live charts, pause / resume / stop, the test set's confusion matrix and
// confident mistakes, the first layer's weights, a drawing pad and save / load of the weights.
// The worker and what it has produced live in `session`, which outlives a remount (the shell
// remounts the lesson when the language changes): training goes on and is redrawn.
import { applyStrings, registerStrings, t } from '../../shared/i18n.js';
import { readState, writeState } from '../../shared/url-state.js';
import { formatNumber } from '../../shared/format.js';
import { ACTIVATIONS, HYPERPARAMETERS, INITIALIZERS, MEMORY_LIMIT, OPTIMIZERS, VALIDATIONS, encodeHyper, hyperValues, modelSpec, optimizerSettings, parseField, request, stateTable } from './settings.js';
import { createTrainingCharts } from './training-charts.js';
import { renderCell, renderConfusion, renderMistakes } from './confusion-view.js';
import { drawDigit, fillGallery, weightCanvas } from './digit-images.js';
import { createDrawPad } from './draw-pad.js';
import { mountSmallDataExercise } from './small-data-exercise.js';
import { template } from './template.js';
import { setActivity } from '../../shared/activity.js';
import { strings } from './strings.js';
import './lesson.css';

registerStrings(strings);
export { stateTable };

const TEXT_FIELDS = ['hidden', 'lr', 'batch', 'epochs', 'train', 'dropout', 'l2', 'seed'];
const WEIGHT_IMAGES = 64;
const MB = 1024 * 1024;
const mb = (bytes) => formatNumber(bytes / MB, 4);
const pct = (p) => `${formatNumber(100 * p, 4)} %`;
// Probabilities on the pad: three digits, and tiny ones as “< 0.01 %”.
const smallPct = (p) => (p < 1e-4 ? '< 0.01 %' : `${formatNumber(100 * p, 3)} %`);

// What survives a remount: the worker, the data it reported, the run and its results.
const session = {
  worker: null, view: null,
  data: { status: 'idle', received: 0, total: 1, message: '' },
  run: { status: 'idle', batches: [], epochs: [], last: null, firstLoss: null },
  result: null, hasModel: false, predictId: 0, fileMessage: '',
  // Where the network behind `result` came from: {fromFile, trainSize, epochs} (the exercise).
  origin: null,
};

function worker() {
  if (!session.worker) {
    const w = new Worker(new URL('./train-worker.js', import.meta.url), { type: 'module' });
    w.onmessage = ({ data }) => {
      if (data?.type === 'fatal') workerDied(w, data.message);
      else { absorb(data); session.view?.(data); }
    };
    w.onerror = (e) => { e.preventDefault(); workerDied(w, e.message); };
    w.onmessageerror = () => workerDied(w, 'messageerror');
    session.worker = w;
  }
  return session.worker;
}

// A worker that died (out of memory, an uncaught exception, a wasm trap) took the data, the
// network and the run with it: it is dropped, the learner is told why, and a new worker loads the
// data again, so that Start works without a reload. A worker that dies again before it has the
// data is not replaced at once (no endless restarts): the data shows the error, and the next
// visit to the lesson tries again.
function workerDied(w, message = '') {
  if (session.worker !== w) return;  // already replaced
  w.terminate();
  session.worker = null;
  const again = session.data.status === 'loading' && session.run.status.startsWith('crashed');
  const status = /memory|OOM/i.test(message) ? 'crashed_memory' : 'crashed';
  Object.assign(session.run, { status, message: '' });
  session.hasModel = false;
  announce(session.run);
  if (again) {
    Object.assign(session.data, { status: 'error', message: t(`l6.status.${status}`) });
  } else {
    Object.assign(session.data, { status: 'loading', received: 0, total: 1 });
    worker().postMessage({ type: 'load', baseUrl: document.baseURI });
  }
  session.view?.({ type: 'worker-died' });
}

// The batches the run has done, and will do in all, from its last report: {done, total}.
function batchesDone(run) {
  const { last } = run;
  return { done: (last.epoch - 1) * last.batchesPerEpoch + last.batch, total: (run.request?.fit.epochs ?? 1) * last.batchesPerEpoch };
}

// A run's progress as a whole percentage.
function runPercent(run) {
  if (!run.last) return 0;
  const { done, total } = batchesDone(run);
  return Math.floor((100 * done) / total);
}

// The run's state next to the lesson's name in the navigation (seen from the other lessons).
function announce(run) {
  const text = run.status === 'running' ? t('l6.nav.training', { pct: runPercent(run) })
    : run.status === 'paused' ? t('l6.nav.paused', { pct: runPercent(run) }) : '';
  setActivity(6, text);
}

// Worker replies → session state (no DOM here).
function absorb(m) {
  absorbState(m);
  announce(session.run);
}

function absorbState(m) {
  const { run, data } = session;
  switch (m.type) {
    case 'data-progress': Object.assign(data, { status: 'loading', received: m.received, total: m.total }); break;
    case 'data': Object.assign(data, { status: 'ready', trainCount: m.trainCount, testCount: m.testCount, images: m.testImages, labels: m.testLabels }); break;
    case 'started': Object.assign(run, { status: 'running', summary: m.summary, parameters: m.parameters, build: m.build }); session.hasModel = true; break;
    case 'progress':
      run.batches.push(...m.batches);
      run.last = m.last; run.elapsed = m.elapsed; run.speed = m.samplesPerSecond;
      run.firstLoss ??= m.batches[0]?.batchLoss;
      break;
    case 'epoch': run.epochs.push(m.log); break;
    case 'paused': run.status = 'paused'; break;
    case 'resumed': run.status = 'running'; break;
    case 'done':
      run.status = m.reason;
      session.result = m.result;
      session.origin = { fromFile: false, trainSize: Math.min(run.request.trainSize, data.trainCount), epochs: run.last?.epoch ?? 0 };
      if (m.reason === 'diverged') session.hasModel = false; // its weights are no longer numbers
      break;
    case 'evaluated': session.result = m.result; break;
    case 'weights-loaded': session.result = m.result; session.hasModel = true; session.origin = { fromFile: true }; break;
    case 'error':
      if (m.during === 'load') Object.assign(data, { status: 'error', message: m.message });
      else if (m.during === 'start' || m.during === 'worker') Object.assign(run, { status: 'error', message: m.message });
      break;
    default:
  }
}

export function mount(root, { core }) {
  const state = readState(stateTable);
  root.innerHTML = template;
  const $ = (sel) => root.querySelector(sel);
  const out = (name) => root.querySelector(`[data-out="${name}"]`);
  const input = (name) => root.querySelector(`[name="${name}"]`);
  const options = (name, values, label = (v) => v) => {
    input(name).innerHTML = values.map((v) => `<option value="${v}">${label(v)}</option>`).join('');
  };
  options('act', ACTIVATIONS);
  options('opt', OPTIMIZERS);
  options('init', INITIALIZERS);
  options('val', VALIDATIONS, (v) => t(`l6.val.${v}`));
  applyStrings(root);
  const charts = createTrainingCharts(out('loss-chart'), out('acc-chart'));
  const pad = createDrawPad(out('pad'), onInk);
  mountSmallDataExercise(out('exercise'), () => {
    const accuracy = session.result?.evaluation.accuracy;
    return session.origin && (session.origin.fromFile || Number.isFinite(accuracy)) ? { ...session.origin, accuracy } : null;
  });
  let lastInk = null;
  let selectedCell = null;

  // ---- settings ----
  function fillForm() {
    for (const name of TEXT_FIELDS) input(name).value = name === 'hidden' ? state.hidden.join(', ') : String(state[name]);
    for (const name of ['act', 'opt', 'init', 'val']) input(name).value = state[name];
    renderHyper();
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
      const value = text === '' ? NaN : Number(text);
      field.setAttribute('aria-invalid', String(!Number.isFinite(value)));
      if (!Number.isFinite(value)) return { error: t('l6.bad.hp', { name: t(`l6.hp.${name}`), text }) };
      values[name] = value;
    }
    return { values };
  }
  // The typed values, checked: {ok, message}. Valid values go into state and the URL.
  function readForm() {
    const next = { ...state };
    for (const name of ['act', 'opt', 'init', 'val']) next[name] = input(name).value;
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
    writeState(stateTable, state);
    if (optimizerChanged) renderHyper();
    return { ok: true };
  }
  // The memory estimate (core.modelMemory) against the page's limit: {ok, message}.
  function checkMemory() {
    let m;
    try {
      m = core.modelMemory(modelSpec(state), state.batch, state.opt, optimizerSettings(state));
    } catch (error) {
      return { ok: false, message: t('l6.memory.error', { message: error.message }) };
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

  // ---- training ----
  function start() {
    if (!onSettings() || session.data.status !== 'ready') return;
    const { run } = session;
    Object.assign(run, { status: 'starting', batches: [], epochs: [], last: null, firstLoss: null, message: '', request: request(state) });
    session.result = null;
    selectedCell = null;
    charts.reset();
    worker().postMessage({ type: 'start', ...run.request });
    renderAll();
  }
  const send = (type) => () => worker().postMessage({ type });

  function renderRun() {
    const { run } = session;
    const active = run.status === 'running' || run.status === 'paused' || run.status === 'starting';
    input('start').disabled = active || session.data.status !== 'ready';
    input('pause').disabled = !(run.status === 'running' || run.status === 'paused');
    input('pause').textContent = t(run.status === 'paused' ? 'l6.button.resume' : 'l6.button.pause');
    input('stop').disabled = !active;
    input('save').disabled = !session.hasModel || active;
    out('summary').textContent = run.summary ? t('l6.train.summary', { summary: run.summary, params: run.parameters.toLocaleString('en-US') }) : '';
    const last = run.last;
    const epochs = run.request?.fit.epochs ?? state.epochs;
    if (last) {
      const { done, total } = batchesDone(run);
      out('train-progress').value = done / total;
      out('epoch').textContent = t('l6.read.epoch_value', { epoch: last.epoch, epochs, batch: last.batch, batches: last.batchesPerEpoch });
      out('loss').textContent = Number.isNaN(last.loss) ? t('l6.read.nan') : formatNumber(last.loss, 4);
      out('acc').textContent = last.metric === null || Number.isNaN(last.metric) ? '–' : pct(last.metric);
      const n = Math.round(run.speed).toLocaleString('en-US');
      // Which wasm build trains (web/shared/core.js): relaxed SIMD or SIMD128, 1 or 2 threads.
      out('speed').textContent = run.build
        ? t('l6.read.speed_build', { n, build: t(`l6.build.${run.build.simd}_${run.build.threads > 1 ? 2 : 1}`) })
        : t('l6.read.speed_value', { n });
      out('left').textContent = active ? t('l6.read.left_value', { s: formatNumber((total - done) * run.elapsed / done, 2) }) : '–';
    } else {
      out('train-progress').value = 0;
      for (const name of ['epoch', 'loss', 'acc', 'speed', 'left']) out(name).textContent = '–';
    }
    const epoch = run.epochs.at(-1);
    out('val').textContent = epoch?.valLoss == null ? '–' : `${formatNumber(epoch.valLoss, 4)} · ${pct(epoch.valMetric)}`;
    out('chart-summary').textContent = epoch ? t('l6.chart.summary', { epoch: epoch.epoch, loss: formatNumber(epoch.loss, 4), acc: pct(epoch.metric) }) : '';
    const vars = { epoch: last?.epoch ?? 0, batch: last?.batch ?? 0, seconds: formatNumber(run.elapsed ?? 0, 3), message: run.message ?? '' };
    let message = session.data.status !== 'ready' && run.status === 'idle' ? t('l6.status.need_data') : t(`l6.status.${run.status}`, vars);
    // A loss far above where it started is shown as what it is: training running away.
    const growing = run.status !== 'diverged' && last && Number.isFinite(last.batchLoss) && run.firstLoss > 0 && last.batchLoss > 10 * run.firstLoss;
    if (growing) message += ` ${t('l6.status.growing', { first: formatNumber(run.firstLoss, 3), now: formatNumber(last.batchLoss, 3) })}`;
    out('train-message').textContent = message;
    out('train-message').classList.toggle('warning', ['diverged', 'error', 'crashed', 'crashed_memory'].includes(run.status) || growing);
  }

  // ---- results ----
  function renderResults() {
    const r = session.result;
    out('results').hidden = !r;
    if (!r) {
      out('test').textContent = t('l6.results.none');
      return;
    }
    const { report, evaluation } = r;
    out('test').textContent = t('l6.results.test', { acc: pct(evaluation.accuracy), correct: report.correct.toLocaleString('en-US'), total: report.samples.toLocaleString('en-US'), loss: formatNumber(evaluation.loss, 4) });
    const { images, labels } = session.data;
    renderConfusion(out('confusion'), report, (cell) => { selectedCell = cell; showCell(); });
    showCell();
    renderMistakes(out('mistakes'), report, r.probs, images, labels);
    const units = r.kernel.cols;
    const shown = Math.min(units, WEIGHT_IMAGES);
    out('weights-hint').textContent = t('l6.weights.hint', { shown, units });
    fillGallery(out('weights'), shown, (u) => weightCanvas(r.kernel, u, 48));
  }
  function showCell() {
    if (selectedCell === null) return;
    renderCell(out('cell'), out('cell-title'), session.result.report, selectedCell, session.data.images);
  }

  // ---- drawing pad ----
  function onInk(ink, width, height) {
    const digit = core.mnistPreprocess(ink, width, height);
    lastInk = digit;
    drawDigit(out('preview'), digit.pixels);
    predictInk();
  }
  function predictInk() {
    if (!lastInk || lastInk.empty) {
      renderProbs(null);
      out('pad-message').textContent = session.hasModel ? t('l6.pad.empty') : t('l6.pad.need_model');
      return;
    }
    if (!session.hasModel) {
      out('pad-message').textContent = t('l6.pad.need_model');
      return;
    }
    worker().postMessage({ type: 'predict', id: ++session.predictId, images: lastInk.pixels, count: 1 });
  }
  function renderProbs(probs) {
    const list = out('probs');
    if (!probs) {
      list.replaceChildren();
      return;
    }
    let best = 0;
    for (let d = 1; d < 10; d++) if (probs[d] > probs[best]) best = d;
    list.innerHTML = Array.from(probs, (p, d) => `<li class="${d === best ? 'best' : ''}"><span class="digit">${d}</span>` +
      `<span class="bar"><span style="width:${(100 * p).toFixed(2)}%"></span></span><span class="p">${smallPct(p)}</span></li>`).join('');
    out('pad-message').textContent = t('l6.pad.answer', { digit: best, p: pct(probs[best]) });
  }

  // ---- files ----
  function download(bytes) {
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: 'mnist-network.bcnn' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    session.fileMessage = t('l6.file.saved', { bytes: bytes.length.toLocaleString('en-US') });
  }
  async function loadFile() {
    const file = input('load').files?.[0];
    if (!file) return;
    const active = ['running', 'paused', 'starting'].includes(session.run.status);
    if (active || !onSettings()) {
      session.fileMessage = active ? t('l6.file.busy') : out('settings-message').textContent;
      renderFile();
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    input('load').value = '';
    worker().postMessage({ type: 'load-weights', bytes, spec: modelSpec(state), optimizer: state.opt, settings: optimizerSettings(state) }, [bytes.buffer]);
  }
  const renderFile = () => { out('file-message').textContent = session.fileMessage; };

  // ---- data ----
  function renderData() {
    const d = session.data;
    out('data-progress').value = d.status === 'ready' ? 1 : d.received / d.total;
    out('data-status').textContent = d.status === 'ready'
      ? t('l6.data.ready', { train: d.trainCount.toLocaleString('en-US'), test: d.testCount.toLocaleString('en-US') })
      : d.status === 'error' ? t('l6.data.error', { message: d.message }) : t('l6.data.loading', { done: mb(d.received), total: mb(d.total) });
    out('data-status').classList.toggle('warning', d.status === 'error');
  }

  function renderAll() {
    renderData();
    renderRun();
    renderResults();
    renderFile();
  }

  // Worker replies, after absorb() updated the session.
  session.view = (m) => {
    switch (m.type) {
      case 'data-progress': renderData(); break;
      case 'data': renderData(); renderRun(); if (session.hasModel && !session.result) worker().postMessage({ type: 'evaluate' }); break;
      case 'progress': charts.addBatches(m.batches, m.last.batchesPerEpoch); renderRun(); break;
      case 'epoch': charts.addEpoch(m.log); renderRun(); break;
      // The results (a table and galleries) in the next frame, apart from the status line.
      case 'done': case 'evaluated': renderRun(); requestAnimationFrame(() => { if (session.view) { renderResults(); predictInk(); } }); break;
      case 'weights-loaded':
        session.fileMessage = t('l6.file.loaded', { summary: m.summary });
        renderRun(); renderFile(); requestAnimationFrame(() => { if (session.view) { renderResults(); predictInk(); } });
        break;
      case 'saved': download(m.bytes); renderFile(); break;
      case 'worker-died': renderAll(); predictInk(); break;
      case 'prediction': if (m.id === session.predictId) renderProbs(m.probs); break;
      case 'error':
        if (m.during === 'load-weights') session.fileMessage = t('l6.file.refused', { message: m.message });
        else if (m.during === 'predict') out('pad-message').textContent = t('l6.status.error', { message: m.message });
        else if (m.during === 'save') session.fileMessage = t('l6.status.error', { message: m.message });
        renderAll();
        break;
      default: renderRun();
    }
  };

  fillForm();
  onSettings();
  // Replay a run that happened (or is happening) before this mount.
  if (session.run.last) {
    charts.addBatches(session.run.batches, session.run.last.batchesPerEpoch);
    for (const log of session.run.epochs) charts.addEpoch(log);
  }
  renderAll();
  if (session.data.status === 'idle' || session.data.status === 'error') {
    session.data.status = 'loading';
    worker().postMessage({ type: 'load', baseUrl: document.baseURI });
  }

  const listeners = [
    [input('start'), 'click', start],
    [input('pause'), 'click', () => send(session.run.status === 'paused' ? 'resume' : 'pause')()],
    [input('stop'), 'click', send('stop')],
    [input('reset'), 'click', () => {
      for (const [key, spec] of Object.entries(stateTable)) state[key] = spec.default;
      fillForm();
      onSettings();
    }],
    [input('clear'), 'click', () => pad.clear()],
    [input('save'), 'click', send('save')],
    [input('load'), 'change', loadFile],
    [$('.l6-settings'), 'change', onSettings],
    [out('hyper'), 'change', onSettings],
  ];
  for (const [el, type, fn] of listeners) el.addEventListener(type, fn);
  return () => {
    for (const [el, type, fn] of listeners) el.removeEventListener(type, fn);
    session.view = null;
    charts.dispose();
    pad.dispose();
  };
}
