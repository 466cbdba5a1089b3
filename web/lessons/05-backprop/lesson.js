// Lesson 5 — backpropagation. A small computational graph recorded on the core's tape: step
// the forward pass node by node, then the backward pass, where each node multiplies the gradient
// from above by its local derivative (the chain rule, with the core's numbers). Then finite
// differences against backpropagation on networks of 50 to 270k parameters, timed in wasm.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { applyStrings, registerStrings, t } from '../../shared/i18n.js';
import { createUrlWriter, readState } from '../../shared/url-state.js';
import { formatNumber } from '../../shared/format.js';
import { GRAPHS, defaultValues, recordGraph } from './graphs.js';
import { createGraphView } from './graph-view.js';
import { chainRuleTex, chainTex, forwardTex } from './step-tex.js';
import { createFdPanel } from './fd-panel.js';
import { template } from './template.js';
import { mountBackpropExercise } from './exercise.js';
import { strings } from './strings.js';
import './lesson.css';

registerStrings(strings);

const VALUE_LIMIT = 10;

// URL state, one declarative table: the graph, its numbers, the step, the sizes to time.
export const stateTable = {
  graph: { type: 'string', default: 'neuron', choices: ['neuron', 'mlp'] },
  neuron: { type: 'list', default: defaultValues('neuron') },
  mlp: { type: 'list', default: defaultValues('mlp') },
  step: { type: 'int', default: 0, min: 0, max: 1000 },
  sizes: { type: 'list', default: [0, 1, 2, 3, 4] },
};

const MODEL_TEX = {
  neuron: String.raw`\hat y = \sigma(w\,x + b),\qquad L = (\hat y - y)^2`,
  mlp: String.raw`h_j = \sigma(w_{j1}x_1 + w_{j2}x_2 + b_j),\quad \hat y = v_1h_1 + v_2h_2 + c,\quad L = (\hat y - y)^2`,
};
const FD_TEX = {
  central: String.raw`\frac{\partial L}{\partial \theta_i} \approx \frac{L(\boldsymbol\theta + \varepsilon\,\mathbf e_i) - L(\boldsymbol\theta - \varepsilon\,\mathbf e_i)}{2\varepsilon}`,
  forward: String.raw`\frac{\partial L}{\partial \theta_i} \approx \frac{L(\boldsymbol\theta + \varepsilon\,\mathbf e_i) - L(\boldsymbol\theta)}{\varepsilon}`,
};
const KATEX = { throwOnError: false, displayMode: true, strict: false };
const tex = (element, source) => katex.render(source, element, KATEX);
// The step's formulas as HTML, cached by source: stepping back and forth re-renders nothing.
const texCache = new Map();
function texHtml(source) {
  let html = texCache.get(source);
  if (html === undefined) {
    if (texCache.size > 400) texCache.clear();
    html = katex.renderToString(source, KATEX);
    texCache.set(source, html);
  }
  return html;
}

function validValues(state) {
  for (const name of Object.keys(GRAPHS)) {
    const ok = state[name].length === GRAPHS[name].values.length && state[name].every((x) => Math.abs(x) <= VALUE_LIMIT);
    if (!ok) state[name] = defaultValues(name);
  }
  state.sizes = state.sizes.filter((k) => Number.isInteger(k) && k >= 0 && k < 5);
}

export function mount(root, { core }) {
  const state = readState(stateTable);
  validValues(state);
  root.innerHTML = template;
  applyStrings(root);
  const $ = (sel) => root.querySelector(sel);
  const out = (name) => root.querySelector(`[data-out="${name}"]`);
  const graph = core.newGraph();
  const view = createGraphView(out('graph'));
  const presets = core.fdPresets();
  const fdDefaults = core.fdDefaults();
  const fd = createFdPanel($('.l5-fd-section'), { presets, chosen: state.sizes, onChosen: (c) => { state.sizes = c; saveUrl(); } });
  let built = null;
  let exercise = null;
  let valueMessage = '';

  tex(out('fd-central'), FD_TEX.central);
  tex(out('fd-forward'), FD_TEX.forward);
  out('fd-setup').textContent = t('l5.fd.setup', { batch: fdDefaults.batch, eps: formatNumber(fdDefaults.step, 1), floor: formatNumber(fdDefaults.relFloor, 1) });
  out('fd-rel-note').textContent = t('l5.fd.note_rel', { floor: formatNumber(fdDefaults.relFloor, 1) });

  // Records the chosen graph with the current numbers and reads its structure back from the tape.
  function build() {
    const rec = recordGraph(graph, state.graph, state[state.graph]);
    const nodes = [];
    for (let id = 0; id < graph.size(); id++) {
      nodes.push({ ...rec.nodes[id], op: graph.op(id), inputs: [...graph.inputs(id)], value: graph.value(id).data[0] });
    }
    const consumers = nodes.map(() => []);
    for (const n of nodes) for (const i of n.inputs) consumers[i].push(n.id);
    built = { root: rec.root, nodes, consumers, opIds: nodes.filter((n) => n.kind === 'op').map((n) => n.id) };
  }

  function renderInputs() {
    const spec = GRAPHS[state.graph];
    out('value-inputs').innerHTML = spec.values.map((item, k) =>
      `<label class="l5-field"><span><b>${item.text}</b> <small>${t(`l5.kind.${item.kind}`)}</small></span>` +
      `<input type="number" name="v-${item.key}" step="0.1" min="${-VALUE_LIMIT}" max="${VALUE_LIMIT}" value="${state[state.graph][k]}"></label>`).join('');
    for (const [k, input] of [...out('value-inputs').querySelectorAll('input')].entries()) {
      input.addEventListener('input', () => {
        const x = Number(input.value);
        const ok = input.value.trim() !== '' && Number.isFinite(x) && Math.abs(x) <= VALUE_LIMIT;
        input.setAttribute('aria-invalid', String(!ok));
        valueMessage = ok ? '' : t('l5.values.invalid', { name: spec.values[k].text, text: input.value, limit: VALUE_LIMIT });
        if (ok) {
          state[state.graph] = state[state.graph].map((v, i) => (i === k ? x : v));
          build();
        }
        render();
      });
    }
  }

  const fmt = (x) => formatNumber(x, 4);
  const gfmt = (x) => formatNumber(x, 3);

  function render() {
    const started = performance.now();
    const { nodes, opIds, consumers } = built;
    const F = opIds.length;
    state.step = Math.min(Math.max(state.step, 0), 2 * F);
    const s = state.step;
    const phase = s <= F ? 'forward' : 'backward';
    const current = s === 0 ? null : s <= F ? opIds[s - 1] : opIds[2 * F - s];
    // Gradients as the backward pass leaves them after the current node (the core stops there).
    graph.zeroGrad();
    if (phase === 'backward') graph.backwardTo(built.root, current);
    const grads = nodes.map((n) => graph.grad(n.id).data[0]);
    const processed = new Set(phase === 'backward' ? opIds.slice(2 * F - s) : []);
    const reached = new Set([...processed]);
    for (const id of processed) for (const i of nodes[id].inputs) if (nodes[i].kind !== 'data') reached.add(i);
    const computed = (n) => n.kind !== 'op' || phase === 'backward' || opIds.indexOf(n.id) < s;

    view.draw({
      aria: t('l5.graph.aria', { count: nodes.length }),
      current, phase,
      nodes: nodes.map((n) => ({
        id: n.id, text: n.text, op: n.op, inputs: n.inputs, kind: n.kind,
        value: computed(n) ? fmt(n.value) : null,
        grad: n.kind === 'data' ? undefined : reached.has(n.id) ? `∇ ${gfmt(grads[n.id])}` : '',
        state: n.kind !== 'op' ? 'given' : computed(n) ? 'done' : 'pending',
        title: computed(n) ? `${n.text} = ${fmt(n.value)}${reached.has(n.id) ? `, ∂L/∂${n.text} = ${gfmt(grads[n.id])}` : ''}` : `${n.text} = ?`,
      })),
    });
    renderStep({ s, F, phase, current, grads, consumers });
    renderGrads(reached, grads);

    const nextButton = $('button[name=next]');
    nextButton.textContent = s < F ? t('l5.step.next_forward') : s < 2 * F ? t('l5.step.next_backward') : t('l5.step.finished');
    nextButton.disabled = s >= 2 * F;
    $('button[name=prev]').disabled = s === 0;
    $('button[name=reset]').disabled = s === 0;
    $('button[name=forward-all]').disabled = s === F;
    $('button[name=backward-all]').disabled = s === 2 * F;
    out('step-count').textContent = t('l5.step.count', { s, total: 2 * F });
    $('select[name=graph]').value = state.graph;
    out('value-message').textContent = valueMessage;
    exercise?.sync();
    saveUrl();
    root.dataset.renderMs = (performance.now() - started).toFixed(2);
  }

  function renderStep({ s, F, phase, current, grads, consumers }) {
    const { nodes } = built;
    const notes = [];
    let title;
    let text;
    const lines = [];
    const loss = nodes[built.root];
    if (current === null) {
      title = t('l5.step.start_title');
      text = t('l5.step.start_text');
    } else if (phase === 'forward') {
      const n = nodes[current];
      const ins = n.inputs.map((i) => nodes[i]);
      title = t('l5.step.forward_title', { name: n.text, op: n.op, k: s, total: F });
      text = t('l5.step.forward_text', { name: n.text, inputs: ins.map((i) => i.text).join(', ') });
      lines.push(forwardTex(n.op, n, ins));
      if (s === F) notes.push(t('l5.step.forward_done', { loss: fmt(loss.value) }));
    } else {
      const n = nodes[current];
      const ins = n.inputs.map((i) => nodes[i]);
      title = t('l5.step.backward_title', { name: n.text, op: n.op, k: s - F, total: F });
      text = current === built.root
        ? t('l5.step.backward_root')
        : t(consumers[current].length === 1 ? 'l5.step.backward_text_one' : 'l5.step.backward_text',
          { name: n.text, g: gfmt(grads[current]), count: consumers[current].length, user: nodes[consumers[current][0]].text });
      const words = { upstream: t('l5.tex.upstream'), local: t('l5.tex.local') };
      ins.forEach((input, k) => {
        if (input.kind === 'data') {
          notes.push(t('l5.step.data_input', { name: input.text }));
          return;
        }
        const local = graph.localGrad(current, k).data[0];
        const contribution = graph.contribution(current, k).data[0];
        const fanOut = consumers[input.id].length > 1;
        lines.push(chainRuleTex(n, input));
        lines.push(...chainTex({ n, input, k, op: n.op, inputs: ins, upstream: grads[current], local, contribution, fanOut, words }));
        if (fanOut) {
          notes.push(t('l5.step.fanout', { name: input.text, count: consumers[input.id].length, g: gfmt(grads[input.id]) }));
        }
      });
      if (s === 2 * F) notes.push(t('l5.step.backward_done'));
    }
    out('step-title').textContent = title;
    out('step-text').textContent = text;
    scheduleTex(lines);
    out('step-notes').replaceChildren(...notes.map((note) => Object.assign(document.createElement('li'), { textContent: note })));
    out('graph-summary').textContent = current === null ? title : `${title}. ${text}`;
  }

  // The formulas follow in the next frame (typesetting takes a few ms), so the graph and the
  // numbers answer an edit at once; edits within one frame typeset once. Tests wait for
  // data-pending to go.
  let texFrame = 0;
  let texLines = [];
  function scheduleTex(lines) {
    texLines = lines;
    out('step-tex').dataset.pending = '1';
    texFrame ||= requestAnimationFrame(() => {
      texFrame = 0;
      const started = performance.now();
      const box = out('step-tex');
      box.innerHTML = texLines.map((line) => `<div>${texHtml(line)}</div>`).join('');
      delete box.dataset.pending;
      root.dataset.texMs = (performance.now() - started).toFixed(2);
    });
  }

  // The gradient of every leaf: shown once the backward pass has reached it.
  function renderGrads(reached, grads) {
    const leaves = built.nodes.filter((n) => n.kind === 'weight' || n.kind === 'input');
    out('grads').innerHTML = leaves.map((n) => `<div><dt>∂L/∂${n.text}</dt><dd data-grad-of="${n.key}">${reached.has(n.id) ? gfmt(grads[n.id]) : '…'}</dd></div>`).join('');
    const done = leaves.filter((n) => reached.has(n.id)).length;
    out('grads-note').textContent = done === leaves.length
      ? t('l5.grads.all', { count: leaves.length })
      : t('l5.grads.some', { done, count: leaves.length });
  }

  const url = createUrlWriter(stateTable, state, '5');
  const saveUrl = url.save;

  function setStep(s) {
    state.step = s;
    render();
  }
  $('button[name=reset]').addEventListener('click', () => setStep(0));
  $('button[name=prev]').addEventListener('click', () => setStep(state.step - 1));
  $('button[name=next]').addEventListener('click', () => setStep(state.step + 1));
  $('button[name=forward-all]').addEventListener('click', () => setStep(built.opIds.length));
  $('button[name=backward-all]').addEventListener('click', () => setStep(2 * built.opIds.length));
  $('select[name=graph]').addEventListener('change', (e) => {
    state.graph = e.target.value;
    state.step = 0;
    valueMessage = '';
    build();
    renderInputs();
    tex(out('model-tex'), MODEL_TEX[state.graph]);
    render();
  });

  build();
  renderInputs();
  // The exercise sits under the graph whose numbers it asks about.
  exercise = mountBackpropExercise(root, $('.l5-graph-panel'), { graph, state, getBuilt: () => built });
  tex(out('model-tex'), MODEL_TEX[state.graph]);
  render();

  return () => {
    cancelAnimationFrame(texFrame);
    url.dispose();
    exercise.destroy();
    fd.dispose();
    view.dispose();
    graph.delete();
  };
}
