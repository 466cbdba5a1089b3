// Lesson 5 (backpropagation) in a real browser: graph choice, forward/backward stepping (next,
// previous, whole passes, start over), editing inputs and weights, invalid input, the chain-rule
// numbers at each node, the finite-differences run (small sizes only) with its exact counts, stop,
// URL restore, language switch, screenshots. Numbers are checked against the node build of the
// core with the same graphs recorded here, independently of the page's code.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { exerciseIn, openLab, screenshotDir } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { formatNumber } from '../../web/shared/format.js';

let lab;
let core;
before(async () => { lab = await openLab(); core = await loadNodeCore(); });
after(async () => { await lab?.close(); });

const L = '.lesson-5';
const NEURON = { x: 1.5, w: -0.8, b: 0.3, y: 1 };
const MLP = { x1: 1, x2: -0.5, w11: 0.5, w12: -0.3, w21: 0.8, w22: 0.2, b1: 0.1, b2: -0.1, v1: 0.7, v2: -0.6, c: 0.05, y: 1 };

// The lesson's graphs, recorded the same way (inputs just before first use). Returns the graph
// (delete it!), the root, the op node ids in order and the leaf ids by key.
function recordNeuron(g, v) {
  const leaf = {};
  leaf.x = g.leaf([v.x], 1, 1, 'x');
  leaf.w = g.leaf([v.w], 1, 1, 'w');
  const u = g.binary('mul', leaf.w, leaf.x);
  leaf.b = g.leaf([v.b], 1, 1, 'b');
  const z = g.binary('add', u, leaf.b);
  const yhat = g.unary('sigmoid', z);
  const y = g.constant([v.y], 1, 1, 'y');
  const d = g.binary('sub', yhat, y);
  const root = g.unary('square', d);
  return { root, ops: [u, z, yhat, d, root], leaf };
}
function recordMlp(g, v) {
  const leaf = {};
  const ops = [];
  const op = (id) => { ops.push(id); return id; };
  leaf.x1 = g.leaf([v.x1], 1, 1, 'x₁');
  leaf.x2 = g.leaf([v.x2], 1, 1, 'x₂');
  const h = [1, 2].map((j) => {
    leaf[`w${j}1`] = g.leaf([v[`w${j}1`]], 1, 1, '');
    const a = op(g.binary('mul', leaf[`w${j}1`], leaf.x1));
    leaf[`w${j}2`] = g.leaf([v[`w${j}2`]], 1, 1, '');
    const b = op(g.binary('mul', leaf[`w${j}2`], leaf.x2));
    const s = op(g.binary('add', a, b));
    leaf[`b${j}`] = g.leaf([v[`b${j}`]], 1, 1, '');
    const z = op(g.binary('add', s, leaf[`b${j}`]));
    return op(g.unary('sigmoid', z));
  });
  leaf.v1 = g.leaf([v.v1], 1, 1, '');
  const p1 = op(g.binary('mul', leaf.v1, h[0]));
  leaf.v2 = g.leaf([v.v2], 1, 1, '');
  const p2 = op(g.binary('mul', leaf.v2, h[1]));
  const q = op(g.binary('add', p1, p2));
  leaf.c = g.leaf([v.c], 1, 1, '');
  const yhat = op(g.binary('add', q, leaf.c));
  const y = g.constant([v.y], 1, 1, 'y');
  const d = op(g.binary('sub', yhat, y));
  const root = op(g.unary('square', d));
  return { root, ops, leaf };
}
const record = (name, values) => {
  const g = core.newGraph();
  return { g, ...(name === 'neuron' ? recordNeuron(g, values) : recordMlp(g, values)) };
};
const one = (t) => t.data[0];
const fmt = (x) => formatNumber(x, 4);
const gfmt = (x) => formatNumber(x, 3);
const nodeValue = (id) => lab.page.locator(`${L} [data-value="${id}"]`).textContent();
const nodeGrad = (id) => lab.page.locator(`${L} [data-grad="${id}"]`).textContent();
const out = (name) => lab.page.locator(`${L} [data-out="${name}"]`).first().textContent();
const click = (name) => lab.page.click(`${L} button[name=${name}]`);
// The lesson's state in the URL, once the page has written it (it writes at most every 200 ms and
// says so in body[data-url-pending] meanwhile).
async function urlState() {
  await lab.page.waitForFunction(() => !('urlPending' in document.body.dataset));
  return new URLSearchParams((await lab.page.evaluate(() => location.hash)).split('?')[1] ?? '');
}

// The page at step s shows: values of computed nodes; in the backward phase, the gradients the
// core holds after backwardTo(root, current), and at the current node local × upstream.
async function assertStep(name, values, s) {
  const { g, root, ops, leaf } = record(name, values);
  try {
    const F = ops.length;
    assert.equal(await out('step-count'), `Step ${s} of ${2 * F}`);
    for (const [k, id] of ops.entries()) {
      assert.equal(await nodeValue(id), k < s || s > F ? fmt(one(g.value(id))) : '?', `value of node ${id} at step ${s}`);
    }
    for (const id of Object.values(leaf)) assert.equal(await nodeValue(id), fmt(one(g.value(id))));
    if (s <= F) {
      for (const id of ops) assert.equal(await nodeGrad(id), '', `no gradient yet at node ${id}`);
      return;
    }
    const current = ops[2 * F - s];
    g.backwardTo(root, current);
    assert.equal(await nodeGrad(current), `∇ ${gfmt(one(g.grad(current)))}`);
    await lab.page.waitForSelector(`${L} [data-out=step-tex]:not([data-pending])`);
    const tex = await lab.page.locator(`${L} [data-out=step-tex]`).textContent();
    for (const [k, input] of [...g.inputs(current)].entries()) {
      if (g.op(input) === 'const') continue;
      assert.equal(await nodeGrad(input), `∇ ${gfmt(one(g.grad(input)))}`, `gradient reaching node ${input}`);
      assert.ok(tex.includes(formatNumber(one(g.localGrad(current, k)), 4)), `local derivative in ${tex}`);
      assert.ok(tex.includes(formatNumber(one(g.contribution(current, k)), 4)), `contribution in ${tex}`);
    }
  } finally {
    g.delete();
  }
}

async function assertAllLeafGrads(name, values) {
  const { g, root, leaf } = record(name, values);
  g.backward(root);
  for (const [key, id] of Object.entries(leaf)) {
    assert.equal(await lab.page.locator(`${L} dd[data-grad-of="${key}"]`).textContent(), gfmt(one(g.grad(id))), `∂L/∂${key}`);
  }
  g.delete();
}

test('the neuron: step forward node by node, then backward with the chain rule at each node', async () => {
  await lab.goto('5', 'en');
  assert.equal(await lab.page.locator(`${L} svg.l5-graph g.l5-node`).count(), 9);
  // The op labels on the graph are the tape's.
  const ops = await lab.page.$$eval(`${L} g.l5-node`, (gs) => gs.map((g) => g.querySelector('.l5-op')?.textContent));
  assert.deepEqual(ops, ['leaf', 'leaf', 'mul', 'leaf', 'add', 'sigmoid', 'const', 'sub', 'square']);
  await assertStep('neuron', NEURON, 0);
  assert.ok(await lab.page.locator(`${L} button[name=prev]`).isDisabled());
  for (let s = 1; s <= 10; s++) {
    await click('next');
    await assertStep('neuron', NEURON, s);
  }
  assert.ok(await lab.page.locator(`${L} button[name=next]`).isDisabled());
  await assertAllLeafGrads('neuron', NEURON);
  // Back to the sigmoid's step: its local derivative σ(z)(1 − σ(z)) = ŷ(1 − ŷ), with numbers.
  await click('prev');
  await click('prev');
  await assertStep('neuron', NEURON, 8);
  assert.match(await out('step-title'), /Backward 3\/5: node ŷ \(sigmoid\)/);
  assert.ok((await lab.page.locator(`${L} [data-out=step-tex] .katex`).count()) >= 3);
  assert.equal((await urlState()).get('step'), '8');
  await click('prev');
  await assertStep('neuron', NEURON, 7);
  assert.match(await out('step-title'), /Backward 2\/5: node d \(sub\)/);
  assert.match(await out('step-notes'), /y is the target, recorded as a constant/);
  await click('reset');
  await assertStep('neuron', NEURON, 0);
  await click('forward-all');
  await assertStep('neuron', NEURON, 5);
  await click('backward-all');
  await assertStep('neuron', NEURON, 10);
});

test('editing an input and a weight updates values and gradients at once; bad input is refused', async () => {
  await lab.goto('5?step=10', 'en');
  const values = { ...NEURON, x: 2, w: 0.4 };
  await lab.page.fill(`${L} input[name=v-x]`, '2');
  await lab.page.fill(`${L} input[name=v-w]`, '0.4');
  await assertStep('neuron', values, 10);
  await assertAllLeafGrads('neuron', values);
  // Timing of one edit, repeated: recompute + redraw (graph, numbers) in the input handler, and
  // the formulas typeset in the next frame.
  const times = [];
  for (let i = 0; i < 8; i++) {
    await lab.page.fill(`${L} input[name=v-x]`, String(2 + ((i + 1) % 2) / 10)); // ends at x = 2
    await lab.page.waitForSelector(`${L} [data-out=step-tex]:not([data-pending])`);
    times.push([Number(await lab.page.locator(L).getAttribute('data-render-ms')), Number(await lab.page.locator(L).getAttribute('data-tex-ms'))]);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const renderMs = median(times.map((x) => x[0]));
  console.log(`# lesson 5 edit: recompute + redraw median ${renderMs} ms, formulas median ${median(times.map((x) => x[1]))} ms (of ${JSON.stringify(times)})`);
  assert.ok(renderMs < 100, `render took ${renderMs} ms`);
  // Keyboard: arrow up on a number input steps it by 0.1.
  await lab.page.focus(`${L} input[name=v-b]`);
  await lab.page.keyboard.press('ArrowUp');
  const stepped = { ...values, b: 0.4 };
  await assertAllLeafGrads('neuron', stepped);
  assert.equal((await urlState()).get('neuron'), '2,0.4,0.4,1');
  // Not a number / out of range: a message, the field marked, the last valid values kept.
  await lab.page.fill(`${L} input[name=v-y]`, '99');
  assert.match(await out('value-message'), /y.*between −10 and 10/);
  assert.equal(await lab.page.getAttribute(`${L} input[name=v-y]`, 'aria-invalid'), 'true');
  await assertAllLeafGrads('neuron', stepped);
  await lab.page.fill(`${L} input[name=v-y]`, '0');
  assert.equal(await out('value-message'), '');
  await assertAllLeafGrads('neuron', { ...stepped, y: 0 });
});

test('the 2-2-1 network: every step against the core; fan-out adds up', async () => {
  await lab.goto('5', 'en');
  await lab.page.selectOption(`${L} select[name=graph]`, 'mlp');
  assert.equal(await lab.page.locator(`${L} svg.l5-graph g.l5-node`).count(), 28);
  assert.equal(await lab.page.locator(`${L} [data-out=value-inputs] input`).count(), 12);
  await click('forward-all');
  await assertStep('mlp', MLP, 16);
  let sawFanOut = false;
  for (let s = 17; s <= 32; s++) {
    await click('next');
    await assertStep('mlp', MLP, s);
    if (/x₁ is an input of 2 nodes/.test(await out('step-notes'))) sawFanOut = true;
  }
  assert.ok(sawFanOut, 'the note on a node used twice');
  await assertAllLeafGrads('mlp', MLP);
  // A weight of the hidden layer.
  await lab.page.fill(`${L} input[name=v-w21]`, '-1.2');
  await assertAllLeafGrads('mlp', { ...MLP, w21: -1.2 });
  const s = await urlState();
  assert.equal(s.get('graph'), 'mlp');
  assert.equal(s.get('step'), '32');
  assert.equal(s.get('mlp').split(',')[4], '-1.2');
});

test('the URL restores graph, numbers and step', async () => {
  const values = { ...MLP, x2: 0.9, v2: 1.5 };
  await lab.goto(`5?graph=mlp&mlp=${Object.values(values).join(',')}&step=20`, 'en');
  assert.equal(await lab.page.inputValue(`${L} select[name=graph]`), 'mlp');
  assert.equal(await lab.page.inputValue(`${L} input[name=v-x2]`), '0.9');
  await assertStep('mlp', values, 20);
  // A malformed list falls back to the defaults.
  await lab.goto('5?neuron=1,2&step=3', 'en');
  await assertStep('neuron', NEURON, 3);
});

test('finite differences against backprop: counts exact, differences as the core computes them', async () => {
  await lab.goto('5', 'en');
  assert.match(await lab.page.locator(`${L} .l5-fd-chart`).textContent(), /No results yet/);
  const presets = core.fdPresets();
  // Only the small sizes here, to keep the test short.
  await lab.page.uncheck(`${L} input[name=size][value="3"]`);
  await lab.page.uncheck(`${L} input[name=size][value="4"]`);
  assert.equal((await urlState()).get('sizes'), '0,1,2');
  await click('fd-run');
  assert.ok(await lab.page.locator(`${L} button[name=fd-run]`).isDisabled());
  // The page stays responsive while the worker runs: stepping the graph works meanwhile.
  await click('next');
  await assertStep('neuron', NEURON, 1);
  await lab.page.waitForFunction(() => document.querySelector('.l5-fd-section').dataset.running === '0', null, { timeout: 120000 });
  assert.match(await out('fd-status'), /Measured 3 size/);
  assert.equal(await lab.page.locator(`${L} progress.l5-progress`).evaluate((p) => p.value), 3);
  const rows = lab.page.locator(`${L} table.l5-fd tbody tr`);
  assert.equal(await rows.count(), 3);
  for (let k = 0; k < 3; k++) {
    const p = presets[k];
    const cell = (col) => rows.nth(k).locator(`[data-col="${col}"]`).textContent();
    const N = core.mlpParamCount(p.layers);
    assert.equal(await cell('params'), N.toLocaleString('en-US'));
    assert.equal(await cell('fd-evals'), (2 * N).toLocaleString('en-US'));
    assert.equal(await cell('fwd-evals'), (N + 1).toLocaleString('en-US'));
    assert.equal(await cell('layers'), p.layers.join('→'));
    // Deterministic: the same seed gives the same largest difference as the node build.
    const r = core.compareFdBackprop(p.layers, { fdSample: p.fdSample, minTimingMs: 1 });
    assert.equal(await cell('rel'), formatNumber(r.maxRelDiff, 2));
    assert.ok(r.maxRelDiff < 1e-5);
    assert.doesNotMatch(await cell('fd-time'), /extrapolated/);
  }
  assert.match(await out('fd-summary'), /N = 4,916: backpropagation took .* slower than backpropagation/);
  assert.equal(await lab.page.locator(`${L} .l5-fd-chart .uplot`).count(), 1);
  // Stop: a second run stopped at once keeps what it has and frees the button.
  await click('fd-run');
  await click('fd-stop');
  assert.match(await out('fd-status'), /Stopped/);
  assert.ok(!(await lab.page.locator(`${L} button[name=fd-run]`).isDisabled()));
  assert.ok(await lab.page.locator(`${L} button[name=fd-stop]`).isDisabled());
});

test('exercise: ∂L/∂w by hand, checked against the core\'s backward pass', async () => {
  await lab.goto('5', 'en');
  const ex = exerciseIn(lab.page, L);
  const answer = (value) => ex.answer(value);
  const verdict = ex.verdict;
  // Under the graph panel, asking about w of the neuron.
  assert.equal(await lab.page.locator(`${L} .l5-graph-panel + .exercise`).count(), 1);
  assert.match(await ex.box.locator('.exercise-task').textContent(), /compute ∂L\/∂w yourself/);
  const { g, root, ops, leaf } = record('neuron', NEURON);
  g.backward(root);
  const dw = one(g.grad(leaf.w));
  const du = one(g.grad(ops[0]));          // u = w·x: what is left without ∂u/∂w = x
  g.delete();
  assert.ok(Math.abs(dw) > 0.01 && Math.abs(du - dw) > 0.05);
  // Wrong: the sign, the half, a missing factor, too high / too low; not a number.
  assert.equal(await answer(-dw), 'Not yet. The size is right but the sign is flipped: check the sign of ŷ − y.');
  assert.equal(await ex.result(), 'wrong');
  assert.equal(await answer(dw / 2), 'Not yet. Exactly half: the 2 of d(u²)/du = 2u is missing.');
  assert.equal(await answer(du), 'Not yet. One factor of the chain rule seems to be missing: the local derivative ∂u/∂w at node u (mul).');
  assert.match(await answer(dw > 0 ? dw * 3 + 1 : dw + 5), /^Not yet\. Too high: ∂L\/∂w is smaller than that\./);
  assert.match(await answer(dw > 0 ? -dw * 3 - 1 : dw - 5), /^Not yet\. Too low: ∂L\/∂w is larger than that\./);
  assert.equal(await answer('minus a bit'), 'Type a number (for example 1e5 or 0.25).');
  // Right: the value as the page rounds it (within 1 %), typed with a keyboard's minus sign (the
  // page shows U+2212, which the shared exercise field does not read as a number).
  const typed = (x) => gfmt(x).replace('−', '-');
  assert.equal(await answer(typed(dw)), `Right! The core’s backward pass agrees: ∂L/∂w = ${formatNumber(dw, 4)}.`);
  assert.equal(await ex.result(), 'right');
  // The hint toggles.
  assert.match(await ex.openHint(), /ŷ\(1 − ŷ\) · x/);
  await lab.screenshot('05-backprop-exercise-en');
  await ex.box.screenshot({ path: path.join(screenshotDir, '05-backprop-exercise-panel-en.png') });
  await ex.closeHint();
  // Another graph asks about v₁ of the 2-2-1 network; the old verdict goes.
  await lab.page.selectOption(`${L} select[name=graph]`, 'mlp');
  assert.equal(await verdict.textContent(), '');
  assert.match(await ex.box.locator('.exercise-task').textContent(), /In the 2-2-1 network.*∂L\/∂v₁/);
  assert.match(await ex.box.locator('.exercise-hint').textContent(), /2\(ŷ − y\) · h₁/);
  const m = record('mlp', MLP);
  m.g.backward(m.root);
  const dv1 = one(m.g.grad(m.leaf.v1));
  m.g.delete();
  assert.match(await answer(dv1 * 1.5), /^Not yet\./);
  assert.equal(await answer(dv1.toPrecision(4)), `Right! The core’s backward pass agrees: ∂L/∂v₁ = ${formatNumber(dv1, 4)}.`);
  // Editing a number asks again (a new verdict is needed), in Korean too.
  await lab.page.fill(`${L} input[name=v-v1]`, '0.4');
  assert.equal(await verdict.textContent(), '');
  const m2 = record('mlp', { ...MLP, v1: 0.4 });
  m2.g.backward(m2.root);
  const dv1b = one(m2.g.grad(m2.leaf.v1));
  m2.g.delete();
  assert.match(await answer(dv1b.toPrecision(4)), /^Right!/);
  await lab.goto('5', 'ko');
  assert.match(await answer(-dw), /^아직 아닙니다\. 크기는 맞지만 부호가 반대입니다/);
  assert.match(await answer(typed(dw)), /^정답입니다! /);
  await ex.openHint();
  await ex.box.screenshot({ path: path.join(screenshotDir, '05-backprop-exercise-panel-ko.png') });
});

test('screenshots: phone and projector, English and Korean', async () => {
  await lab.goto('5?sizes=0,1&step=7', 'en');
  await click('fd-run');
  await lab.page.waitForFunction(() => document.querySelector('.l5-fd-section').dataset.running === '0', null, { timeout: 60000 });
  await lab.screenshot('05-backprop-en-projector', { width: 1920, height: 1080 });
  await lab.screenshot('05-backprop-en-phone', { width: 360, height: 800 });
  // The language switch remounts the lesson; the step (URL) and the results (kept) survive.
  await lab.page.click('#lang-switch');
  await lab.page.waitForFunction(() => document.documentElement.lang === 'ko');
  await lab.page.waitForFunction(() => document.body.dataset.ready === '5');
  assert.match(await out('step-count'), /단계 7 \/ 10/);
  assert.equal(await lab.page.locator(`${L} table.l5-fd tbody tr`).count(), 2);
  await lab.screenshot('05-backprop-ko-phone', { width: 360, height: 800 });
  await lab.screenshot('05-backprop-ko-projector', { width: 1920, height: 1080 });
  await lab.goto('5?graph=mlp&step=20', 'ko');
  await lab.screenshot('05-backprop-ko-mlp-projector', { width: 1920, height: 1080 });
  await lab.screenshot('05-backprop-ko-mlp-phone', { width: 360, height: 800 });
  const text = await lab.page.locator(L).textContent();
  assert.doesNotMatch(text, /⟦/, 'every string has a translation');
});

test('no console errors and no error banner', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
  assert.deepEqual(lab.foreignRequests, []);
});
