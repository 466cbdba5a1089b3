// The boundary lesson: a small network learning to separate points on a plane, every neuron
// drawn over the plane (TensorFlow Playground's picture, computed by our core), with the
// learner's own data (clicks, CSV), several classes, regression, an activation per layer,
// weights to read and type, the hidden space, loss curves, a Keras export and an exercise.
// Every number comes from the wasm core (src/boundary's Lab); this controller owns the DOM, the
// URL state and the training loop (one or a few epochs per animation frame, so no main-thread
// task grows long: the network is small).
import { applyStrings, registerStrings, t } from '../../shared/i18n.js';
import { createUrlWriter, readState } from '../../shared/url-state.js';
import { formatNumber } from '../../shared/format.js';
import { setText } from '../../shared/set-text.js';
import { mountExercise } from '../../shared/exercise.js';
import { warmUp } from './warm-up.js';
import { template } from './template.js';
import { strings } from './strings.js';
import { errorText } from '../../shared/error-text.js';
import { paintNeuron, paintOutput } from './colors.js';
import { createPlane } from './plane-view.js';
import { createNetwork, ACTIVATIONS } from './network-view.js';
import { createCurves } from './curves.js';
import { drawHiddenSpace } from './hidden-view.js';
import { describe } from './summary.js';
import { encodeHyper, hyperValues, optimizerCatalogue, renderHyperInputs } from './optimizer-form.js';
import { LINK_MAX_POINTS, pointsFromLink, pointsLink } from './points-link.js';
import './lesson.css';

registerStrings(strings);

export const PATH = 'boundary';
// Heatmap pixels per side: one batched pass per frame gives the output and every neuron, on a
// 50 x 50 grid while training plays (the pictures are smoothed when scaled) and 100 x 100 when
// it stands still.
const GRID = 100, PLAY_GRID = 50;
const MAX_LAYERS = 6, MAX_UNITS = 8; // the +/− buttons; the "neurons per layer" field allows the core's 10 x 32
const FRAME_BUDGET_MS = 5;          // training time per animation frame

export function stateTable(core) {
  return {
    data: { type: 'string', default: 'circle', choices: core.boundaryDatasetNames() },
    noise: { type: 'int', default: 0, min: 0, max: 50 },
    points: { type: 'int', default: 500, min: 10, max: 2000 },
    ratio: { type: 'int', default: 50, min: 10, max: 90 },
    seed: { type: 'int', default: 1, min: 0, max: 1e6 },
    feat: { type: 'string', default: 'x1,x2' },
    hidden: { type: 'string', default: '4,2' },
    acts: { type: 'string', default: '' },  // one per layer; '' = tanh everywhere
    lr: { type: 'number', default: 0.03, min: 0, max: 10 },
    batch: { type: 'int', default: 10, min: 1, max: 10000 },
    opt: { type: 'string', default: 'sgd', choices: optimizerCatalogue().names },
    hp: { type: 'string', default: '' },
    init: { type: 'string', default: 'glorot_uniform', choices: ['glorot_uniform', 'he_normal', 'random_normal', 'zeros'] },
    l1: { type: 'number', default: 0, min: 0, max: 10 },
    l2: { type: 'number', default: 0, min: 0, max: 10 },
    drop: { type: 'number', default: 0, min: 0, max: 0.9 },
    test: { type: 'bool', default: true },
    disc: { type: 'bool', default: false },
    cls: { type: 'int', default: 1, min: 0, max: 9 },
    // The learner's own points (points-link.js); empty for generated data.
    pts: { type: 'string', default: '' },
    tpts: { type: 'string', default: '' },
    names: { type: 'string', default: '' },
  };
}

// The URL's strings as the lab's lists, tidied (bad items fall back to the defaults).
function tidy(state, features) {
  const feat = state.feat.split(',');
  const on = features.filter((f) => feat.includes(f));  // the core's fixed order
  state.feat = (on.length ? on : ['x1', 'x2']).join(',');
  const hidden = state.hidden === '' ? [] : state.hidden.split(',').map(Number);
  state.hidden = hidden.every((u) => Number.isInteger(u) && u >= 1 && u <= 32) && hidden.length <= 10 ? hidden.join(',') : '4,2';
  const n = state.hidden === '' ? 0 : state.hidden.split(',').length;
  const acts = state.acts === '' ? [] : state.acts.split(',');
  state.acts = Array.from({ length: n }, (_, k) => (ACTIVATIONS.includes(acts[k]) ? acts[k] : 'tanh')).join(',');
}

export function mount(root, { core }) {
  const catalogue = optimizerCatalogue();
  const table = stateTable(core);
  const state = readState(table);
  const allFeatures = core.boundaryFeatureNames();
  tidy(state, allFeatures);
  root.innerHTML = template();
  applyStrings(root);
  const $ = (name) => root.querySelector(`[name=${name}]`);
  const out = (name) => root.querySelector(`[data-out="${name}"]`);

  const url = createUrlWriter(table, state, PATH);
  const changed = () => url.save();

  const hiddenList = () => (state.hidden === '' ? [] : state.hidden.split(',').map(Number));
  const actList = () => (state.acts === '' ? [] : state.acts.split(','));
  const hyper = () => hyperValues(catalogue, state.opt, state.hp);
  const settings = () => ({
    features: state.feat.split(','), hidden: hiddenList(), activations: actList(), initializer: state.init,
    l1: state.l1, l2: state.l2, dropout: state.drop, optimizer: state.opt, optimizerSettings: hyper(),
    lr: state.lr, batchSize: state.batch, seed: state.seed,
  });

  let data = null;      // {train, test, classes, classNames}
  let custom = false;   // the points were clicked or imported
  let lab = null;
  let maps = null;
  let selected = null;  // {layer, n} shown large, null: the output
  let playing = false, raf = 0, frames = 0;
  const extent = { lo: -6, hi: 6 };

  const dataMessage = (text, warning = false) => { out('data-message').textContent = text; out('data-message').classList.toggle('warning', warning); };
  const trainMessage = (text, warning = false) => { out('train-message').textContent = text; out('train-message').classList.toggle('warning', warning); };

  // --- data ---------------------------------------------------------------------------------
  const dataSelect = $('data');
  dataSelect.innerHTML = core.boundaryDatasetNames().map((n) => `<option value="${n}">${t(`bd.data.${n}`)}</option>`).join('') +
    `<option value="custom" hidden>${t('bd.data.custom')}</option>`;

  function makeData() {
    data = core.boundaryMakeData({ name: state.data, points: state.points, noise: state.noise / 100, testRatio: state.ratio / 100, seed: state.seed });
    custom = false;
    state.pts = state.tpts = state.names = '';
    fitExtent();
  }
  // The learner's own points go into the link (up to LINK_MAX_POINTS); returns a note when they
  // are too many for it.
  function linkPoints() {
    const link = pointsLink(data);
    Object.assign(state, link ?? { pts: '', tpts: '', names: '' });
    changed();
    const n = data.train.x1.length + data.test.x1.length;
    return link ? '' : t('bd.data.too_many_for_link', { n, max: LINK_MAX_POINTS });
  }
  // The data of the link's points, or (a malformed link) the generated set and a message.
  function dataFromLink() {
    try {
      data = pointsFromLink(core, state);
      custom = true;
      fitExtent();
    } catch (e) {
      const reason = e?.code === 'bad_link' ? t('bd.data.link_format') : errorText(e);
      makeData();
      changed();
      dataMessage(t('bd.data.bad_link', { reason }), true);
    }
  }
  function fitExtent() {
    let m = 6;
    for (const p of [data.train, data.test]) for (const a of [p.x1, p.x2]) for (const v of a) m = Math.max(m, Math.abs(v) * 1.05);
    extent.lo = -Math.ceil(m);
    extent.hi = Math.ceil(m);
  }
  function syncDataControls() {
    dataSelect.value = custom ? 'custom' : state.data;
    $('noise').value = state.noise; out('noise').textContent = `${state.noise} %`;
    $('points').value = state.points; out('points').textContent = String(state.points);
    $('ratio').value = state.ratio; out('ratio').textContent = `${state.ratio} %`;
    $('seed').value = state.seed;
    $('showTest').checked = state.test;
    $('discretize').checked = state.disc;
    const cls = $('addClass');
    cls.disabled = data.classes === 0;
    cls.innerHTML = data.classNames.map((name, k) => `<option value="${k}">${t('bd.data.class_n', { name })}</option>`).join('');
    if (state.cls >= data.classes) state.cls = Math.min(1, Math.max(0, data.classes - 1));
    cls.value = String(state.cls);
  }

  // --- the lab ------------------------------------------------------------------------------
  function rebuildLab() {
    const next = (() => {
      try {
        return core.newBoundaryLab(data, settings());
      } catch (e) {
        trainMessage(errorText(e), true);
        return null;
      }
    })();
    if (!next) return false;
    lab?.delete();
    lab = next;
    selected = null;
    trainMessage('');
    buildNetwork();
    render(true);
    // npm run boundary-speed waits for the warm-up before it clicks Play.
    warmUp(() => core.newBoundaryLab(data, settings())).then(() => { root.dataset.warm = 'done'; });
    return true;
  }

  // Apply a data change to the running lab (same classes) or rebuild it.
  function dataChanged() {
    syncDataControls();
    if (lab && data.classes === labClasses) {
      try {
        lab.setData(data);
        render(true);
        return;
      } catch (e) {
        dataMessage(errorText(e), true);
      }
    }
    labClasses = data.classes;
    rebuildLab();
  }
  let labClasses = null;

  // --- the network drawing ------------------------------------------------------------------
  const net = createNetwork(root.querySelector('.bd-net'), {
    onToggleFeature(name) {
      const on = state.feat.split(',');
      const next = on.includes(name) ? on.filter((f) => f !== name) : [...on, name];
      if (next.length === 0) return;  // at least one input
      state.feat = allFeatures.filter((f) => next.includes(f)).join(',');
      changed();
      rebuildLab();
      root.querySelector(`[data-feature="${name}"]`)?.focus();
    },
    onAddNeuron(k) { editLayer(k, +1); },
    onRemoveNeuron(k) { editLayer(k, -1); },
    onActivation(k, act) {
      const acts = actList();
      acts[k] = act;
      state.acts = acts.join(',');
      changed();
      rebuildLab();
      root.querySelector(`[name=act${k + 1}]`)?.focus();
    },
    onSelect(layer, n) {
      selected = selected && selected.layer === layer && selected.n === n ? null : { layer, n };
      render(false);
      showWeights();
    },
  });

  function editLayer(k, delta) {
    const hidden = hiddenList();
    const units = hidden[k] + delta;
    if (units < 1 || units > MAX_UNITS) return;
    hidden[k] = units;
    state.hidden = hidden.join(',');
    changed();
    rebuildLab();
    root.querySelector(`.bd-col[data-layer="${k + 1}"] .bd-${delta > 0 ? 'plus' : 'minus'}`)?.focus();
  }

  function buildNetwork() {
    const hidden = hiddenList();
    net.build({ allFeatures, features: state.feat.split(','), hidden, activations: actList(), outputs: lab.units().at(-1), size: GRID });
    $('units').value = state.hidden;
    $('addLayer').disabled = hidden.length >= MAX_LAYERS;
    $('removeLayer').disabled = hidden.length === 0;
    out('params').textContent = t('bd.net.params', { n: lab.parameters().length });
    const layers = hidden.map((u, k) => [k, u]).filter(([, u]) => u === 2 || u === 3);
    $('hiddenLayer').innerHTML = layers.map(([k]) => `<option value="${k}">${t('bd.net.layer', { layer: k + 1 })}</option>`).join('');
    $('hiddenLayer').disabled = layers.length === 0;
    out('hidden-note').textContent = layers.length ? '' : t('bd.hidden.none');
    showWeights();
  }

  // The selected neuron's incoming weights and bias, as fields the learner can type into.
  function showWeights() {
    const box = root.querySelector('.bd-weights');
    const list = root.querySelector('.bd-weight-list');
    if (!selected || selected.layer === 0 || !lab) {
      box.hidden = true;
      list.replaceChildren();
      return;
    }
    box.hidden = false;
    const { layer, n } = selected;
    out('weights-title').textContent = t('bd.net.selected', { name: net.neuronName(layer, n) });
    const fanIn = lab.units()[layer - 1];
    const field = (label, value, set, name) => {
      const l = document.createElement('label');
      const input = Object.assign(document.createElement('input'), { type: 'text', inputMode: 'decimal', className: 'bd-num', name, value: String(+value.toPrecision(6)) });
      input.addEventListener('change', () => {
        const v = Number(input.value.trim() === '' ? NaN : input.value.replace('−', '-'));
        try {
          set(v);
          trainMessage('');
          render(false);
        } catch (e) {
          trainMessage(errorText(e), true);
        }
      });
      l.append(Object.assign(document.createElement('span'), { textContent: label }), input);
      return l;
    };
    const fields = [];
    for (let i = 0; i < fanIn; i++) {
      fields.push(field(t('bd.net.weight_from', { from: net.neuronName(layer - 1, i) }), lab.weight(layer - 1, i, n), (v) => lab.setWeight(layer - 1, i, n, v), `w-${i}`));
    }
    fields.push(field(t('bd.net.bias'), lab.bias(layer - 1, n), (v) => lab.setBias(layer - 1, n, v), 'bias'));
    list.replaceChildren(...fields);
  }
  function refreshWeightFields() {
    if (!selected || selected.layer === 0) return;
    const { layer, n } = selected;
    for (const input of root.querySelectorAll('.bd-weight-list input')) {
      if (input === document.activeElement) continue;
      const v = input.name === 'bias' ? lab.bias(layer - 1, n) : lab.weight(layer - 1, Number(input.name.slice(2)), n);
      input.value = String(+v.toPrecision(6));
    }
  }

  // --- pictures -----------------------------------------------------------------------------
  const plane = createPlane(root.querySelector('.bd-plane'), {
    onAdd(x1, x2) {
      if (data.classes === 0) { dataMessage(t('bd.data.regression_click'), true); return; }
      editPoints((p) => { p.x1.push(x1); p.x2.push(x2); p.label.push(state.cls); });
    },
    onMove(i, x1, x2) { editPoints((p) => { p.x1[i] = x1; p.x2[i] = x2; }); },
    onRemove(i) {
      if (data.train.x1.length <= 1) return;
      editPoints((p) => { p.x1.splice(i, 1); p.x2.splice(i, 1); p.label.splice(i, 1); });
    },
    announce(what, { x1, x2 }) {
      out('plane-keys').textContent = t(`bd.keys.${what}`, { x1: formatNumber(x1, 3), x2: formatNumber(x2, 3), cls: data.classNames[state.cls] ?? '' });
    },
  });
  function editPoints(edit) {
    const p = { x1: Array.from(data.train.x1), x2: Array.from(data.train.x2), label: Array.from(data.train.label) };
    edit(p);
    data = { ...data, train: p };
    custom = true;
    dataMessage(linkPoints());
    dataChanged();
  }

  const curves = createCurves(root.querySelector('.bd-curves'));
  const planeImages = { [GRID]: new ImageData(GRID, GRID), [PLAY_GRID]: new ImageData(PLAY_GRID, PLAY_GRID) };
  const layerKinds = () => ['linear', ...actList(), data.classes === 0 ? 'linear' : 'sigmoid'];

  function render(full) {
    if (!lab) return;
    // While playing, the costlier extras run every few frames, each in a different frame (phases
    // 0, 5 and 10 of 15), so that no frame does all of them at once.
    const due = (period, phase) => full || !playing || frames % period === phase;
    const n = playing ? PLAY_GRID : GRID;
    const planeImage = planeImages[n];
    maps = lab.heatmaps(n, extent.lo, extent.hi);
    const params = lab.parameters();
    net.paint(maps, params, layerKinds(), state.disc, due(30, 0));
    net.markSelected(selected?.layer ?? -1, selected?.n ?? -1);
    if (selected) paintNeuron(planeImage, maps.layers[selected.layer], selected.n, n, layerKinds()[selected.layer], state.disc);
    else paintOutput(planeImage, maps.layers.at(-1), n, data.classes, state.disc);
    plane.draw(planeImage, data, { ...extent, showTest: state.test });
    const title = selected ? t('bd.plot.neuron_title', { name: net.neuronName(selected.layer, selected.n) }) : t('bd.plot.title');
    setText(out('plot-title'), title);
    if ($('showOutput').hidden !== !selected) $('showOutput').hidden = !selected;
    const r = lab.current();
    const pct = (v) => (Number.isFinite(v) ? `${formatNumber(100 * v, 3)} %` : '–');
    const show = (name, text) => setText(out(name), text);
    show('epoch', String(r.epoch));
    show('train-loss', formatNumber(r.trainLoss));
    show('test-loss', formatNumber(r.testLoss));
    show('train-acc', pct(r.trainAccuracy));
    show('test-acc', pct(r.testAccuracy));
    drawHidden();
    if (due(15, 5)) curves.update(lab.history());
    if (due(60, 10)) {
      refreshWeightFields();
      let predicted = null;
      if (data.classes > 0 && data.test.x1.length) {
        const p = lab.predict(data.test.x1, data.test.x2);
        predicted = Array.from({ length: p.rows }, (_, i) => (p.cols === 1 ? (p.data[i] > 0.5 ? 1 : 0)
          : p.data.subarray(i * p.cols, (i + 1) * p.cols).indexOf(Math.max(...p.data.subarray(i * p.cols, (i + 1) * p.cols)))));
      }
      out('summary').textContent = describe({ maps, data, record: r, predicted, ...extent });
    }
    frames++;
    root.dataset.epoch = String(r.epoch);  // tests wait for it
    root.dataset.frames = String(frames);  // npm run boundary-speed counts them
  }

  function drawHidden() {
    const select = $('hiddenLayer');
    const canvas = root.querySelector('.bd-hidden-space');
    if (select.disabled || select.value === '') { drawHiddenSpace(canvas, null); return; }
    const k = Number(select.value);
    drawHiddenSpace(canvas, lab.hiddenSpace(k, false), data.train.label, data.classes, actList()[k]);
  }

  // --- training -----------------------------------------------------------------------------
  function frame() {
    raf = 0;
    if (!playing || !lab) return;
    const t0 = performance.now();
    try {
      // One epoch per frame, more while the frame's training budget lasts (at most 3).
      let steps = 0;
      do { lab.step(1); steps++; } while (steps < 3 && performance.now() - t0 < FRAME_BUDGET_MS);
    } catch (e) {
      setPlaying(false);
      trainMessage(errorText(e), true);
      return;
    }
    render(false);
    raf = requestAnimationFrame(frame);
  }
  function setPlaying(on) {
    playing = on;
    $('play').textContent = t(on ? 'bd.train.pause' : 'bd.train.play');
    $('play').setAttribute('aria-pressed', String(on));
    root.dataset.playing = String(on);
    if (on && !raf) raf = requestAnimationFrame(frame);
    if (!on) render(false);
  }
  $('play').addEventListener('click', () => setPlaying(!playing));
  $('step').addEventListener('click', () => {
    try {
      lab.step(1);
      render(false);
    } catch (e) { trainMessage(errorText(e), true); }
  });
  $('reset').addEventListener('click', () => { setPlaying(false); rebuildLab(); });

  // Settings that a running lab takes between epochs.
  function numberField(name, key, apply, parse = Number) {
    const input = $(name);
    input.value = String(state[key]);
    input.addEventListener('change', () => {
      const raw = input.value.trim().replace('−', '-');
      const v = raw === '' ? NaN : parse(raw);
      try {
        apply(v);
        state[key] = v;
        trainMessage('');
        changed();
        render(false);
      } catch (e) {
        trainMessage(errorText(e), true);
      }
    });
  }
  numberField('lr', 'lr', (v) => lab.setLearningRate(v));
  numberField('batch', 'batch', (v) => lab.setBatchSize(v));
  numberField('l1', 'l1', (v) => lab.setRegularization(v, state.l2));
  numberField('l2', 'l2', (v) => lab.setRegularization(state.l1, v));
  numberField('dropout', 'drop', (v) => lab.setDropout(v));

  const optSelect = $('opt');
  optSelect.innerHTML = catalogue.names.map((n) => `<option value="${n}">${n}</option>`).join('');
  optSelect.value = state.opt;
  const hyperBox = root.querySelector('.bd-hyper');
  function showHyper() {
    renderHyperInputs(hyperBox, catalogue, state.opt, hyper(), (values, name) => {
      try {
        lab.setOptimizer(state.opt, values);
        state.hp = encodeHyper(catalogue, state.opt, values);
        trainMessage('');
        changed();
        return true;
      } catch (e) {
        // The optimizers' own checks name no field: the edited hyperparameter is the one.
        trainMessage(errorText({ code: e.code, ...e, field: e.field || name }), true);
        return false;
      }
    });
  }
  optSelect.addEventListener('change', () => {
    const values = hyperValues(catalogue, optSelect.value, '');
    try {
      lab.setOptimizer(optSelect.value, values);
      state.opt = optSelect.value;
      state.hp = '';
      trainMessage('');
      changed();
      showHyper();
    } catch (e) {
      trainMessage(errorText(e), true);
      optSelect.value = state.opt;
    }
  });
  const initSelect = $('init');
  initSelect.innerHTML = table.init.choices.map((n) => `<option value="${n}">${n}</option>`).join('');
  initSelect.value = state.init;
  initSelect.addEventListener('change', () => { state.init = initSelect.value; changed(); rebuildLab(); });

  // --- network controls ---------------------------------------------------------------------
  $('addLayer').addEventListener('click', () => {
    const hidden = hiddenList();
    if (hidden.length >= MAX_LAYERS) return;
    state.hidden = [...hidden, 2].join(',');
    state.acts = [...actList(), 'tanh'].join(',');
    changed();
    rebuildLab();
    $('addLayer').focus();
  });
  $('removeLayer').addEventListener('click', () => {
    const hidden = hiddenList();
    if (!hidden.length) return;
    state.hidden = hidden.slice(0, -1).join(',');
    state.acts = actList().slice(0, -1).join(',');
    changed();
    rebuildLab();
    $('removeLayer').focus();
  });
  $('units').addEventListener('change', () => {
    const raw = $('units').value.trim();
    const hidden = raw === '' ? [] : raw.split(',').map((s) => Number(s.trim()));
    const before = [state.hidden, state.acts];
    state.hidden = hidden.join(',');
    state.acts = hidden.map((_, k) => actList()[k] ?? 'tanh').join(',');
    if (!hidden.every(Number.isFinite) || !rebuildLab()) {
      [state.hidden, state.acts] = before;
      $('units').value = state.hidden;
      return;
    }
    changed();
  });
  $('hiddenLayer').addEventListener('change', drawHidden);
  $('showOutput').addEventListener('click', () => { selected = null; render(false); showWeights(); });

  // --- data controls ------------------------------------------------------------------------
  const regenerate = () => {
    try {
      makeData();
    } catch (e) {
      dataMessage(errorText(e), true);
      return;
    }
    dataMessage('');
    changed();
    labClasses = null;
    dataChanged();
  };
  dataSelect.addEventListener('change', () => { if (dataSelect.value === 'custom') return; state.data = dataSelect.value; regenerate(); });
  for (const [name, key] of [['noise', 'noise'], ['points', 'points'], ['ratio', 'ratio']]) {
    $(name).addEventListener('input', () => { out(name).textContent = name === 'points' ? $(name).value : `${$(name).value} %`; });
    $(name).addEventListener('change', () => { state[key] = Number($(name).value); regenerate(); });
  }
  $('seed').addEventListener('change', () => {
    const v = Number($('seed').value);
    if (!Number.isInteger(v) || v < 0 || v > 1e6) { $('seed').value = state.seed; return; }
    state.seed = v;
    regenerate();
  });
  $('regenerate').addEventListener('click', () => { state.seed = (state.seed + 1) % 1000001; regenerate(); });
  $('showTest').addEventListener('change', () => { state.test = $('showTest').checked; changed(); render(false); });
  $('discretize').addEventListener('change', () => { state.disc = $('discretize').checked; changed(); render(false); });
  $('addClass').addEventListener('change', () => { state.cls = Number($('addClass').value); changed(); });

  $('csv').addEventListener('change', async () => {
    const file = $('csv').files?.[0];
    if (!file) return;
    const text = await file.text();
    try {
      const parsed = core.boundaryParseCsv(text);
      data = core.boundarySplit(parsed.points, state.ratio / 100, state.seed, parsed.classNames);
      custom = true;
      fitExtent();
      const note = linkPoints();
      dataMessage([t('bd.data.imported', { n: parsed.points.x1.length, k: parsed.classes, file: file.name }), note].join(' ').trim());
      labClasses = null;
      dataChanged();
    } catch (e) {
      dataMessage(`${errorText(e)} ${t('bd.csv.kept')}`, true);
    }
    $('csv').value = '';
  });
  const download = (text, name, type) => {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const allPoints = () => ({
    x1: [...data.train.x1, ...data.test.x1], x2: [...data.train.x2, ...data.test.x2], label: [...data.train.label, ...data.test.label],
  });
  $('exportCsv').addEventListener('click', () => download(core.boundaryWriteCsv(allPoints(), data.classNames), 'points.csv', 'text/csv'));

  // --- Keras ----------------------------------------------------------------------------------
  const kerasCode = () => core.boundaryKeras({ settings: settings(), classes: data.classes, classNames: data.classNames,
    epochs: Math.max(lab?.epoch() ?? 0, 100), testRatio: state.ratio / 100 });
  $('keras').addEventListener('click', () => {
    const area = root.querySelector('.bd-keras');
    try {
      area.value = kerasCode();
      area.hidden = false;
    } catch (e) { trainMessage(errorText(e), true); }
  });
  $('kerasDownload').addEventListener('click', () => {
    try { download(kerasCode(), 'boundary_model.py', 'text/x-python'); } catch (e) { trainMessage(errorText(e), true); }
  });

  // --- exercise -------------------------------------------------------------------------------
  const exercise = mountExercise(root.querySelector('.bd-exercise'), {
    title: t('bd.ex.title'), task: t('bd.ex.task'), hint: t('bd.ex.hint'), answer: { kind: 'none' },
    check() {
      const hiddenTotal = hiddenList().reduce((a, b) => a + b, 0);
      const acc = lab.current().testAccuracy;
      if (custom || state.data !== 'xor') return { ok: false, message: t('bd.ex.not_xor') };
      if (state.feat !== 'x1,x2') return { ok: false, message: t('bd.ex.features') };
      if (hiddenTotal > 4) return { ok: false, message: t('bd.ex.too_big', { n: hiddenTotal }) };
      if (!(acc >= 0.95)) return { ok: false, message: t('bd.ex.low', { acc: formatNumber(100 * acc, 3) }) };
      return { ok: true, message: t('bd.ex.ok', { n: hiddenTotal, acc: formatNumber(100 * acc, 3) }) };
    },
  });

  // --- start ----------------------------------------------------------------------------------
  for (const [name, key] of [['lr', 'lr'], ['batch', 'batch'], ['l1', 'l1'], ['l2', 'l2'], ['dropout', 'drop']]) $(name).value = String(state[key]);
  if (state.pts !== '' || state.tpts !== '') dataFromLink();
  else makeData();
  syncDataControls();
  labClasses = data.classes;
  showHyper();
  if (!rebuildLab()) {  // a URL the core refuses: the defaults
    Object.assign(state, readState(table, '#/'));
    tidy(state, allFeatures);
    rebuildLab();
  }
  setPlaying(false);

  return () => {
    url.dispose();
    cancelAnimationFrame(raf);
    playing = false;
    exercise.destroy();
    net.dispose();
    plane.dispose();
    curves.dispose();
    lab?.delete();
    lab = null;
  };
}

