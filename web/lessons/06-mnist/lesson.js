// Lesson 6 — MNIST in your browser. The sources' Keras run (784 → 512 relu → 128 relu → 10
// softmax, RMSprop, batch 128, 5 epochs) trained on the real 60,000 images in a Web Worker
// (train-worker.js), with live charts, pause / resume / stop, the test set's confusion matrix and
// confident mistakes, the first layer's weights, a drawing pad and save / load of the weights.
// The worker and what it has produced live in `session` (session.js), which outlives a remount;
// the settings form is settings-form.js; this controller wires them to the page.
import { applyStrings, registerStrings, t } from '../../shared/i18n.js';
import { readState, writeState } from '../../shared/url-state.js';
import { formatNumber } from '../../shared/format.js';
import { parseNumber } from '../../shared/number-field.js';
import { setText } from '../../shared/set-text.js';
import { alwaysInUrl, modelSpec, optimizerSettings, readLessonState, request, stateTable } from './settings.js';
import { createSettingsForm } from './settings-form.js';
import { createTrainingCharts } from './training-charts.js';
import { renderCell, renderConfusion, renderMistakes } from './confusion-view.js';
import { digitCanvas, drawDigit, fillGallery, mapCanvas, weightCanvas } from './digit-images.js';
import { createDrawPad } from './draw-pad.js';
import { mountSmallDataExercise } from './small-data-exercise.js';
import { template } from './template.js';
import { batchesDone, cancelComparison, session, shownRuns, startComparison, startRun, worker } from './session.js';
import { createRunsView } from './runs-view.js';
import { createSignalsView } from './signals-view.js';
import { COMPARE_DEFAULT, COMPARE_EPOCHS, COMPARE_IMAGES, compareChoices, compareRequests } from './compare.js';
import { createLiveMomentum } from './live-momentum.js';
import { mountKerasExport } from './keras-export.js';
import { clearRuns } from './runs-store.js';
import { errorText } from '../../shared/error-text.js';
import { kerasConvnet, kerasMnist } from '../../shared/catalogue.js';
import { strings } from './strings.js';
import './lesson.css';

registerStrings(strings);
export { stateTable };

const WEIGHT_IMAGES = 64;
const MB = 1024 * 1024;
const mb = (bytes) => formatNumber(bytes / MB, 4);
const pct = (p) => `${formatNumber(100 * p, 4)} %`;
// Probabilities on the pad: three digits, and tiny ones as “< 0.01 %”.
const smallPct = (p) => (p < 1e-4 ? '< 0.01 %' : `${formatNumber(100 * p, 3)} %`);

export function mount(root, { core }) {
  const state = readLessonState(readState);
  root.innerHTML = template;
  const $ = (sel) => root.querySelector(sel);
  const out = (name) => root.querySelector(`[data-out="${name}"]`);
  const input = (name) => root.querySelector(`[name="${name}"]`);
  const form = createSettingsForm(root, core, state);
  applyStrings(root);
  const charts = createTrainingCharts(out('loss-chart'), out('acc-chart'));
  const pad = createDrawPad(out('pad'), onInk);
  const runsView = createRunsView({ table: out('runs'), lossEl: out('runs-loss'), accEl: out('runs-acc'), summary: out('runs-summary') });
  const renderRuns = () => {
    runsView.render(session.runs, shownRuns());
    input('clear-runs').disabled = session.runs.length === 0;
    renderCompare();
  };
  const signalsView = createSignalsView({ ratioEl: out('signals-ratio'), gradEl: out('signals-grad'), table: out('signals-table'), summary: out('signals-summary') });
  mountSmallDataExercise(out('exercise'), () => {
    const accuracy = session.result?.evaluation.accuracy;
    return session.origin && (session.origin.fromFile || Number.isFinite(accuracy)) ? { ...session.origin, accuracy } : null;
  });
  const xOf = ({ epoch, batch, batchesPerEpoch }) => epoch - 1 + batch / batchesPerEpoch;
  const liveMomentum = createLiveMomentum(root, {
    charts, xOf, post: (message) => worker().postMessage(message),
    say: (text) => { out('live-message').textContent = text; out('live-message').classList.add('warning'); },
  });
  const unmountKeras = mountKerasExport(out('keras-panel'), {
    code: () => core.mnistKeras(request(state)),
    settingsError: () => (form.check() ? '' : out('settings-message').textContent),
  });
  let lastInk = null;
  let selectedCell = null;
  // The image whose feature maps are shown: the drawn digit, or a test image clicked.
  let inspected = { kind: 'drawn' };

  // ---- training ----
  function start() {
    if (!form.check() || session.data.status !== 'ready') return;
    session.compared = null;
    startRun(request(state));
    renewRun();
    renderAll();
  }
  // What a new run clears on the page (a comparison's next run too: on 'started').
  function renewRun() {
    input('live-lr').value = String(session.run.request.settings.lr);
    liveMomentum.reset(session.run);
    selectedCell = null;
    charts.reset();
    signalsView.reset();
  }

  // ---- compare optimizers (compare.js) ----
  session.compareChoice ??= new Set(COMPARE_DEFAULT);
  out('compare-choices').innerHTML = compareChoices().map((c) => `<label class="check"><input type="checkbox" name="compare-${c.id}" data-choice="${c.id}"
    ${session.compareChoice.has(c.id) ? 'checked' : ''}> <span>${t(`l6.compare.choice.${c.id}`, { lr: formatNumber(c.settings.lr, 4) })}</span></label>`).join('');
  function compare() {
    if (!form.check() || session.data.status !== 'ready') return;
    const entries = compareRequests(state, [...session.compareChoice]);
    if (entries.length < 2) {
      out('compare-message').textContent = t('l6.compare.pick_two');
      out('compare-message').classList.add('warning');
      return;
    }
    startComparison(entries);
    renewRun();
    renderAll();
    renderRuns();
  }
  function renderCompare() {
    const active = ['running', 'paused', 'starting'].includes(session.run.status);
    input('compare').disabled = active || session.data.status !== 'ready';
    setText(out('compare-hint'), t('l6.compare.hint', { images: Math.min(COMPARE_IMAGES, state.train).toLocaleString('en-US'), epochs: COMPARE_EPOCHS }));
    const c = session.compare, done = session.compared;
    const name = (id) => t(`l6.compare.name.${id}`);
    out('compare-message').classList.remove('warning');
    setText(out('compare-message'), c
      ? t('l6.compare.running', { k: c.index + 1, n: c.entries.length, name: name(c.entries[c.index].id) })
      : done ? t(done.stopped ? 'l6.compare.stopped' : 'l6.compare.done', { n: done.ids.length, ids: done.ids.map((id) => `#${id}`).join(', ') })
        : '');
  }
  const send = (type) => () => worker().postMessage({ type });
  // Changes during a run: the learning rate (and momentum) from the next batch; one batch while paused.
  const markLr = (change) => charts.mark(xOf(change.from), t('l6.live.mark', { lr: formatNumber(change.lr, 4) }));
  function applyLr() {
    const text = input('live-lr').value;
    const lr = parseNumber(text);
    if (!Number.isFinite(lr)) {
      out('live-message').textContent = t('l6.live.bad', { text: text.trim() });
      out('live-message').classList.add('warning');
      return;
    }
    worker().postMessage({ type: 'set-lr', lr });
  }
  function renderLive() {
    const { run } = session;
    const active = run.status === 'running' || run.status === 'paused';
    input('apply-lr').disabled = !active;
    input('step').disabled = run.status !== 'paused';
    const message = run.liveError ? t('l6.status.error', { message: errorText(run.liveError) })
      : run.stepped && run.status === 'paused' ? t('l6.live.stepped', { epoch: run.stepped.epoch, batch: run.stepped.batch, loss: formatNumber(run.stepped.batchLoss, 4) })
        : '';
    setText(out('live-message'), message);
    out('live-message').classList.toggle('warning', Boolean(run.liveError));
    out('lr-changes').innerHTML = (run.lrChanges ?? []).map((c) => `<li>${t('l6.live.change', {
      lr: formatNumber(c.lr, 4), epoch: c.from.epoch, batch: c.from.batch, x: formatNumber(xOf(c.from), 3) })}</li>`).join('');
    liveMomentum.render(run);
  }

  function renderRun() {
    const { run } = session;
    const active = run.status === 'running' || run.status === 'paused' || run.status === 'starting';
    input('start').disabled = active || session.data.status !== 'ready';
    input('pause').disabled = !(run.status === 'running' || run.status === 'paused');
    input('pause').textContent = t(run.status === 'paused' ? 'l6.button.resume' : 'l6.button.pause');
    input('stop').disabled = !active;
    input('save').disabled = !session.hasModel || active;
    setText(out('summary'), run.summary ? t('l6.train.summary', { summary: run.summary, params: run.parameters.toLocaleString('en-US') }) : '');
    const last = run.last;
    const epochs = run.request?.fit.epochs ?? state.epochs;
    if (last) {
      const { done, total } = batchesDone(run);
      out('train-progress').value = done / total;
      setText(out('epoch'), t('l6.read.epoch_value', { epoch: last.epoch, epochs, batch: last.batch, batches: last.batchesPerEpoch }));
      setText(out('loss'), Number.isNaN(last.loss) ? t('l6.read.nan') : formatNumber(last.loss, 4));
      setText(out('acc'), last.metric === null || Number.isNaN(last.metric) ? '–' : pct(last.metric));
      const n = Math.round(run.speed).toLocaleString('en-US');
      // Which wasm build trains (web/shared/core.js): relaxed SIMD or SIMD128, 1 or 2 threads.
      setText(out('speed'), run.build
        ? t('l6.read.speed_build', { n, build: t(`l6.build.${run.build.simd}_${run.build.threads > 1 ? 2 : 1}`) })
        : t('l6.read.speed_value', { n }));
      setText(out('left'), active ? t('l6.read.left_value', { s: formatNumber((total - done) * run.elapsed / done, 2) }) : '–');
    } else {
      out('train-progress').value = 0;
      for (const name of ['epoch', 'loss', 'acc', 'speed', 'left']) setText(out(name), '–');
    }
    const epoch = run.epochs.at(-1);
    setText(out('val'), epoch?.valLoss == null ? '–' : `${formatNumber(epoch.valLoss, 4)} · ${pct(epoch.valMetric)}`);
    setText(out('chart-summary'), epoch ? t('l6.chart.summary', { epoch: epoch.epoch, loss: formatNumber(epoch.loss, 4), acc: pct(epoch.metric) }) : '');
    const vars = { epoch: last?.epoch ?? 0, batch: last?.batch ?? 0, seconds: formatNumber(run.elapsed ?? 0, 3), message: run.error ? errorText(run.error) : '' };
    let message = session.data.status !== 'ready' && run.status === 'idle' ? t('l6.status.need_data') : t(`l6.status.${run.status}`, vars);
    // A loss far above where it started is shown as what it is: training running away.
    const growing = run.status !== 'diverged' && last && Number.isFinite(last.batchLoss) && run.firstLoss > 0 && last.batchLoss > 10 * run.firstLoss;
    if (growing) message += ` ${t('l6.status.growing', { first: formatNumber(run.firstLoss, 3), now: formatNumber(last.batchLoss, 3) })}`;
    setText(out('train-message'), message);
    out('train-message').classList.toggle('warning', ['diverged', 'error', 'crashed', 'crashed_memory'].includes(run.status) || growing);
    renderLive();
    renderCompare();
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
    // The reference run of the source of the model evaluated (the chapter-2 network or the convnet).
    const convnet = Boolean((session.run.request?.spec ?? modelSpec(state)).image);
    const reference = pct((convnet ? kerasConvnet() : kerasMnist()).referenceTestAccuracy);
    out('test').textContent = t('l6.results.test', { acc: pct(evaluation.accuracy), correct: report.correct.toLocaleString('en-US'), total: report.samples.toLocaleString('en-US'), loss: formatNumber(evaluation.loss, 4), reference });
    const { images, labels } = session.data;
    renderConfusion(out('confusion'), report, (cell) => { selectedCell = cell; showCell(); });
    showCell();
    renderMistakes(out('mistakes'), report, r.probs, images, labels);
    const units = r.kernel.cols;
    const shown = Math.min(units, WEIGHT_IMAGES);
    out('weights-hint').textContent = t(r.kernel.rows === 784 ? 'l6.weights.hint' : 'l6.weights.hint_conv', { shown, units });
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
    inspected = { kind: 'drawn' };
    requestMaps();
  }
  // ---- inside the convnet: every conv and pool layer's output for one image ----
  function inspectedPixels() {
    if (inspected.kind === 'test') return session.data.images.slice(inspected.index * 784, (inspected.index + 1) * 784);
    return lastInk && !lastInk.empty ? lastInk.pixels.slice() : null;
  }
  function requestMaps() {
    const image = session.hasModel ? inspectedPixels() : null;
    if (!image) { out('maps-panel').hidden = true; return; }
    worker().postMessage({ type: 'feature-maps', id: ++session.mapsId, image }, [image.buffer]);
  }
  function renderMaps(maps) {
    out('maps-panel').hidden = maps.length === 0;
    if (!maps.length) return;
    const image = inspectedPixels();
    out('maps-hint').textContent = inspected.kind === 'test'
      ? t('l6.maps.hint_test', { index: inspected.index, truth: session.data.labels[inspected.index] }) : t('l6.maps.hint_drawn');
    const blocks = [];
    if (image) {
      const input = document.createElement('figure');
      input.className = 'l6-maps-input';
      input.append(digitCanvas(image, 0, 56), Object.assign(document.createElement('figcaption'), { textContent: t('l6.maps.input') }));
      blocks.push(input);
    }
    const counts = { conv2d: 0, maxpool2d: 0 };
    for (const map of maps) {
      const block = document.createElement('div');
      block.className = 'l6-maps-layer';
      const title = document.createElement('h4');
      title.textContent = t('l6.maps.layer', { name: t(`l6.maps.kind.${map.kind}`), k: ++counts[map.kind], h: map.height, w: map.width, c: map.channels });
      const gallery = document.createElement('div');
      gallery.className = 'l6-gallery l6-maps-grid';
      const size = Math.max(28, Math.min(56, map.width * 2));
      fillGallery(gallery, map.channels, (ch) => mapCanvas(map, ch, size));
      block.append(title, gallery);
      blocks.push(block);
    }
    out('maps').replaceChildren(...blocks);
  }
  function inspectTest(e) {
    const el = e.target.closest('[data-index]');
    if (!el || (e.type === 'keydown' && e.key !== 'Enter' && e.key !== ' ')) return;
    e.preventDefault();
    inspected = { kind: 'test', index: Number(el.dataset.index) };
    requestMaps();
    out('maps-panel').scrollIntoView?.({ block: 'nearest' });
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
    if (active || !form.check()) {
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
      case 'lr-set': markLr(session.run.lrChanges.at(-1)); renderRun(); break;
      case 'started': if (session.run.batches.length === 0) renewRun(); renderRun(); break;
      case 'signals': signalsView.add(session.run.request?.spec, m); break;
      case 'momentum-set': liveMomentum.changed(session.run); renderRun(); break;
      // The results (a table and galleries) in the next frame, apart from the status line.
      case 'done': case 'evaluated': renderRun(); requestAnimationFrame(() => { if (session.view) { renderResults(); renderRuns(); predictInk(); } }); break;
      case 'weights-loaded':
        session.fileMessage = t('l6.file.loaded', { summary: m.summary });
        renderRun(); renderFile(); requestAnimationFrame(() => { if (session.view) { renderResults(); predictInk(); } });
        break;
      case 'saved': download(m.bytes); renderFile(); break;
      case 'worker-died': renderAll(); predictInk(); break;
      case 'prediction': if (m.id === session.predictId) renderProbs(m.probs); break;
      case 'feature-maps': if (m.id === session.mapsId) renderMaps(m.maps); break;
      case 'error':
        if (m.during === 'load-weights') session.fileMessage = errorText(m.error);
        else if (m.during === 'predict') out('pad-message').textContent = t('l6.status.error', { message: errorText(m.error) });
        else if (m.during === 'save') session.fileMessage = t('l6.status.error', { message: errorText(m.error) });
        renderAll();
        break;
      default: renderRun();
    }
  };

  form.fill();
  form.check();
  input('signals').checked = state.signals;
  // Replay a run that happened (or is happening) before this mount.
  if (session.run.last) {
    charts.addBatches(session.run.batches, session.run.last.batchesPerEpoch);
    for (const log of session.run.epochs) charts.addEpoch(log);
    for (const change of session.run.lrChanges ?? []) markLr(change);
    if (session.run.request) input('live-lr').value = String(session.run.lrChanges?.at(-1)?.lr ?? session.run.request.settings.lr);
    liveMomentum.replay(session.run);
  }
  signalsView.reset();
  session.run.signals?.forEach((entry, i, all) => signalsView.add(session.run.request?.spec, entry, { redrawTable: i === all.length - 1 }));
  renderAll();
  renderRuns();
  if (session.data.status === 'idle' || session.data.status === 'error') {
    session.data.status = 'loading';
    worker().postMessage({ type: 'load', baseUrl: document.baseURI });
  }

  const listeners = [
    [input('start'), 'click', start],
    [input('pause'), 'click', () => send(session.run.status === 'paused' ? 'resume' : 'pause')()],
    [input('stop'), 'click', () => { cancelComparison(); send('stop')(); renderRun(); }],
    [input('compare'), 'click', compare],
    // From the next run on (the worker is told at start).
    [input('signals'), 'change', () => { state.signals = input('signals').checked; writeState(stateTable, state, alwaysInUrl(state)); }],
    [out('compare-choices'), 'change', (e) => {
      const id = e.target.dataset.choice;
      if (!id) return;
      if (e.target.checked) session.compareChoice.add(id); else session.compareChoice.delete(id);
    }],
    [input('reset'), 'click', () => {
      for (const [key, spec] of Object.entries(stateTable)) state[key] = spec.default;
      form.fill();
      form.check();
      input('signals').checked = state.signals;
    }],
    [input('clear'), 'click', () => pad.clear()],
    [out('mistakes'), 'click', inspectTest],
    [out('mistakes'), 'keydown', inspectTest],
    [out('cell'), 'click', inspectTest],
    [out('cell'), 'keydown', inspectTest],
    [input('apply-lr'), 'click', applyLr],
    [input('live-lr'), 'keydown', (e) => { if (e.key === 'Enter' && !input('apply-lr').disabled) applyLr(); }],
    [input('step'), 'click', send('step')],
    [input('clear-runs'), 'click', () => { clearRuns(session.runs); shownRuns().clear(); renderRuns(); }],
    [out('runs'), 'change', (e) => {
      const id = Number(e.target.dataset.run);
      if (!id) return;
      if (e.target.checked) shownRuns().add(id); else shownRuns().delete(id);
      renderRuns();
    }],
    [input('save'), 'click', send('save')],
    [input('load'), 'change', loadFile],
    [$('.l6-settings'), 'change', form.check],
    [out('hyper'), 'change', form.check],
    [$('.l6-settings'), 'change', renderCompare],
  ];
  for (const [el, type, fn] of listeners) el.addEventListener(type, fn);
  return () => {
    for (const [el, type, fn] of listeners) el.removeEventListener(type, fn);
    session.view = null;
    liveMomentum.dispose();
    unmountKeras();
    charts.dispose();
    runsView.dispose();
    signalsView.dispose();
    pad.dispose();
  };
}
