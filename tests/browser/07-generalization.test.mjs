// Lesson 7 (generalization) in a real browser: every control — degree, new points, the time
// slider and "best step" (section 1); the split sliders, shuffle, the test button, k, the CV
// degree and the CV run (2); penalty kind and λ (3); dropout rate (4); initialization rule and
// activation (5) — with the numbers shown checked against the node build of the same core.
// Also URL restore, timings, screenshots at phone and projector sizes in both languages.
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

// The lesson's settings (web/lessons/07-generalization/*.js), restated as the expectation.
const NOISE = 0.25;
const data = (seed) => ({ train: core.curveData(11, NOISE, seed), val: core.curveData(100, NOISE, seed + 1000) });
const polySpec = (degree) => ({ model: 'poly', degree, optimizer: 'adam', lr: 0.05, steps: 2000, recordEvery: 10, grid: 161 });
const mlp = { model: 'mlp', hidden: 32, depth: 2, activation: 'tanh', optimizer: 'adam', lr: 0.01, steps: 1000, grid: 121 };
const penaltySpec = (penalty, lambda) => ({ ...mlp, recordEvery: 50, penalty, lambda });
const dropoutSpec = (dropout) => ({ ...mlp, recordEvery: 20, dropout });
const f = (v) => formatNumber(v, 3);
const L = '.lesson-7';
const sel = (name) => `${L} [data-out="${name}"]`;
const text = (name) => lab.page.locator(sel(name)).first().textContent();

// Waits until a read-out shows the expected text (training runs over several frames).
async function expectText(name, expected, timeout = 30000) {
  try {
    await lab.page.waitForFunction(([s, e]) => document.querySelector(s)?.textContent === e, [sel(name), expected], { timeout });
  } catch {
    assert.equal(await text(name), expected, `read-out ${name}`);
  }
}
// The lesson's state in the URL, once the page has written it (it writes at most every 200 ms and
// says so in body[data-url-pending] meanwhile).
async function urlState() {
  await lab.page.waitForFunction(() => !('urlPending' in document.body.dataset));
  return new URLSearchParams((await lab.page.evaluate(() => location.hash)).split('?')[1] ?? '');
}
async function press(name, key, times = 1) {
  await lab.page.focus(`${L} input[name=${name}]`);
  for (let i = 0; i < times; i++) await lab.page.keyboard.press(key);
}

async function expectSection1(seed, degree, index = -1) {
  const d = data(seed);
  const flex = core.fitCurve(d.train, d.val, null, polySpec(degree));
  const line = core.fitCurve(d.train, d.val, null, polySpec(1));
  const i = index < 0 ? flex.steps.length - 1 : index;
  await expectText('s1-best-step', String(flex.steps[flex.best]));
  await expectText('s1-train', f(flex.trainMse[i]));
  assert.equal(await text('s1-val'), f(flex.valMse[i]));
  assert.equal(await text('s1-line-train'), f(line.trainMse[i]));
  assert.equal(await text('s1-line-val'), f(line.valMse[i]));
  assert.equal(await text('s1-best-val'), f(flex.valMse[flex.best]));
  assert.equal(await text('s1-final-train'), f(flex.trainMse.at(-1)));
  assert.equal(await text('s1-final-val'), f(flex.valMse.at(-1)));
  assert.equal(await text('t'), String(flex.steps[i]));
  return flex;
}

async function expectSection3(pen, lambda, seed = 1) {
  const d = data(seed);
  const r = core.fitCurve(d.train, d.val, null, penaltySpec(pen, lambda));
  const last = r.steps.length - 1;
  await expectText('s3-penalty', f(r.penalty));
  await expectText('s3-train', f(r.trainMse[last]));
  assert.equal(await text('s3-val'), f(r.valMse[last]));
  const values = JSON.parse(await lab.page.locator(sel('s3-numbers')).getAttribute('data-values'));
  assert.equal(values.sum, pen === 'l2' ? r.sumSq : r.sumAbs);
  const shown = await lab.page.locator(`${sel('s3-numbers')} .katex-html`).textContent();
  assert.ok(shown.includes(f(pen === 'l2' ? r.sumSq : r.sumAbs).replace('−', '-')), shown);
}

async function expectSection4(rate, seed = 1) {
  const d = data(seed);
  const plain = core.fitCurve(d.train, d.val, null, dropoutSpec(0));
  const dropped = core.fitCurve(d.train, d.val, null, dropoutSpec(rate));
  await expectText('s4-drop-val', f(dropped.valMse.at(-1)));
  await expectText('s4-drop-train', f(dropped.trainMse.at(-1)));
  assert.equal(await text('s4-plain-train'), f(plain.trainMse.at(-1)));
  assert.equal(await text('s4-plain-val'), f(plain.valMse.at(-1)));
  assert.equal(await text('drop'), formatNumber(rate, 2));
}

async function expectSection5(rule, act) {
  const layers = core.activationStats({ layers: 5, units: 100, samples: 1000, bins: 30, seed: 1, rule, activation: act });
  for (let i = 0; i < 5; i++) {
    const shown = await text(`layer-${i}`);
    assert.ok(shown.includes(f(layers[i].stddev)) && shown.includes(f(layers[i].gradStddev)), `layer ${i + 1}: ${shown}`);
  }
  assert.equal(await text('sigma'), f(core.initStddevs(100)[rule]));
}

// How many pixels of a chart's canvas have exactly this colour (the inside of a drawn line or
// point: anti-aliased edges differ).
const pixelsOf = (figure, hex) => lab.page.locator(`${L} ${figure} canvas`).evaluate((canvas, rgb) => {
  const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
  let n = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) n++;
  return n;
}, [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));

test('section 1: defaults, the time slider, best step, degree and new points', async () => {
  await lab.goto('7', 'en');
  const flex = await expectSection1(1, 10);
  // The plots are uPlot charts (nine, and five layer histograms) and show their curves and
  // points: the polynomial (blue) and the true curve (green) and the training points (dark) on
  // the fit; training (blue) and validation (red) error on the error plot.
  assert.equal(await lab.page.locator(`${L} .uplot`).count(), 14);
  for (const [figure, hex] of [['.l7-fit1', '#1f5fbf'], ['.l7-fit1', '#1a7f37'], ['.l7-fit1', '#0d1b2a'], ['.l7-err1', '#1f5fbf'], ['.l7-err1', '#d1242f']]) {
    assert.ok(await pixelsOf(figure, hex) > 30, `${figure} shows ${hex}`);
  }
  // Overfitting as the lesson claims: training error far below where validation was best.
  assert.ok(flex.valMse.at(-1) > flex.valMse[flex.best]);
  await press('t', 'Home');
  await expectSection1(1, 10, 0);
  await press('t', 'ArrowRight', 3);
  await expectSection1(1, 10, 3);
  assert.equal((await urlState()).get('t'), '3');
  await lab.page.click(`${L} button[name=best]`);
  await expectSection1(1, 10, flex.best);
  await lab.page.selectOption(`${L} select[name=deg]`, '6');
  await expectSection1(1, 6);
  const ms = await lab.page.locator(L).evaluate((el) => ({ wall: el.dataset.s1Ms, compute: el.dataset.s1ComputeMs }));
  console.log(`# section 1, degree changed: 2000 steps of the degree-6 fit: ${ms.wall} ms wall, ${ms.compute} ms compute`);
  await lab.page.click(`${L} button[name=seed]`);
  await expectSection1(2, 6);
  // Sections 3 and 4 reuse the points: they were retrained on the new ones.
  await expectSection3('l2', 0.001, 2);
  await expectSection4(0.3, 2);
  const s = await urlState();
  assert.equal(s.get('deg'), '6');
  assert.equal(s.get('seed'), '2');
  assert.equal(s.get('t'), null);
  const all = await lab.page.locator(L).evaluate((el) => ({ wall: el.dataset.s1Ms, compute: el.dataset.s1ComputeMs }));
  console.log(`# section 1, new points (5 runs share the frames: line, polynomial, sections 3 and 4): ${all.wall} ms wall, ${all.compute} ms compute`);
});

test('section 2: split sliders, shuffle, the test set looked at twice, k-fold run live', async () => {
  await lab.goto('7', 'en');
  const pool = core.curveData(40, NOISE, 7);
  const expectSplit = async (tr, va, seed) => {
    const roles = core.splitRoles(40, tr / 100, va / 100, seed);
    const train = core.selectRole(pool, roles, 0), val = core.selectRole(pool, roles, 1);
    await expectText('n-train', String(train.x.length));
    assert.equal(await text('n-val'), String(val.x.length));
    if (val.x.length === 0) return null;
    const scan = core.scanDegrees(train, val, 12);
    await expectText('s2-best', String(scan.bestDegree));
    assert.equal(await text('s2-best-val'), f(scan.valMse[scan.bestDegree - 1]));
    return { train, test: core.selectRole(pool, roles, 2), scan };
  };
  await expectSplit(60, 20, 1);
  await press('tr', 'ArrowRight');
  await expectSplit(65, 20, 1);
  await press('va', 'ArrowLeft');
  const split = await expectSplit(65, 15, 1);
  await lab.page.click(`${L} button[name=test]`);
  const mse = core.polyMse(core.fitPolyLeastSquares(split.train, split.scan.bestDegree), split.test);
  assert.ok((await text('s2-test')).includes(f(mse)));
  await lab.page.click(`${L} button[name=test]`);
  assert.match(await text('s2-test'), /2 times/);
  assert.ok(await lab.page.locator(`${sel('s2-test')}.warning`).count() === 1);
  await lab.page.click(`${L} button[name=shuffle]`);
  await expectSplit(65, 15, 2);
  assert.equal(await text('s2-test'), '');
  let s = await urlState();
  assert.deepEqual([s.get('tr'), s.get('va'), s.get('split')], ['65', '15', '2']);
  // No validation points: a message, no NaN.
  await press('va', 'Home');
  await expectText('s2-message', 'The validation set is empty, so no degree can be chosen. Raise the validation share.');
  assert.equal(await text('s2-best'), '–');
  await press('va', 'End');   // 65 % + 40 % > 100 %: the core's message, no numbers
  await expectText('s2-message', 'The training and validation fractions add up to more than 1 (1.05).');
  await press('va', 'ArrowLeft');
  await expectSplit(65, 35, 2);

  await lab.page.selectOption(`${L} select[name=k]`, '4');
  await lab.page.selectOption(`${L} select[name=cvdeg]`, '2');
  await lab.page.click(`${L} button[name=cv]`);
  const roles = core.splitRoles(40, 0.65, 0.35, 2);
  const t = core.selectRole(pool, roles, 0), v = core.selectRole(pool, roles, 1);
  const both = { x: [...t.x, ...v.x], y: [...t.y, ...v.y] };
  const folds = core.kfoldAssign(both.x.length, 4, 11);
  const scores = [0, 1, 2, 3].map((k) => core.crossValidateFold(both, folds, k, 2));
  const m = core.summarize(scores.map((x) => x.valMse));
  // The run is live: a first fold appears before the last.
  await lab.page.waitForFunction((s) => document.querySelectorAll(s).length >= 1, `${L} .l7-fold-table tbody tr`);
  await expectText('cv', `4-fold cross-validation, degree 2: mean validation MSE ${f(m.mean)}, standard deviation ${f(m.stddev)}.`);
  const shown = await lab.page.$$eval(`${L} [data-out=fold-val]`, (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(shown, scores.map((x) => f(x.valMse)));
  s = await urlState();
  assert.deepEqual([s.get('k'), s.get('cvdeg')], ['4', '2']);
});

test('sections 3 and 4: λ slider and penalty kind, dropout rate', async () => {
  await lab.goto('7', 'en');
  await expectSection3('l2', 0.001);
  await expectSection4(0.3);
  await press('lam', 'ArrowRight', 10);   // λ = 0.01
  await expectSection3('l2', 0.01);
  await lab.page.selectOption(`${L} select[name=pen]`, 'l1');
  await expectSection3('l1', 0.01);
  await press('lam', 'Home');             // λ = 0: no penalty
  await expectSection3('l1', 0);
  await press('drop', 'ArrowRight', 2);
  await expectSection4(0.4);
  const s = await urlState();
  assert.deepEqual([s.get('pen'), s.get('lam'), s.get('drop')], ['l1', '0', '0.4']);
  const ms = await lab.page.locator(L).evaluate((el) => [el.dataset.s3Ms, el.dataset.s3ComputeMs, el.dataset.s4Ms, el.dataset.s4ComputeMs]);
  console.log(`# section 3 (1000 steps, 1→32→32→1): ${ms[0]} ms wall, ${ms[1]} ms compute; section 4: ${ms[2]} ms wall, ${ms[3]} ms compute`);
});

test('section 5: every initialization rule with every activation', async () => {
  await lab.goto('7', 'en');
  await expectSection5('xavier', 'sigmoid');
  for (const act of ['sigmoid', 'tanh', 'relu']) {
    await lab.page.selectOption(`${L} select[name=act]`, act);
    for (const rule of ['normal_0.01', 'normal_1', 'xavier', 'he']) {
      await lab.page.selectOption(`${L} select[name=rule]`, rule);
      await expectSection5(rule, act);
    }
  }
  const ms = await lab.page.locator(L).getAttribute('data-s5-ms');
  console.log(`# section 5 (5 layers x 100 units x 1000 inputs, forward + backward + histograms): ${ms} ms`);
  assert.ok(Number(ms) < 1000);
});

test('a shared URL restores every control; Korean page', async () => {
  await lab.goto('7?deg=8&seed=3&tr=50&va=30&split=4&k=3&cvdeg=4&pen=l1&lam=0.001&drop=0.5&rule=he&act=relu', 'ko');
  const values = await lab.page.$$eval(`${L} select, ${L} input`, (els) => Object.fromEntries(els.map((e) => [e.name, e.value])));
  assert.equal(values.deg, '8');
  assert.equal(values.tr, '50');
  assert.equal(values.va, '30');
  assert.equal(values.k, '3');
  assert.equal(values.cvdeg, '4');
  assert.equal(values.pen, 'l1');
  assert.equal(values.drop, '0.5');
  assert.equal(values.rule, 'he');
  assert.equal(values.act, 'relu');
  await expectSection1(3, 8);
  await expectSection3('l1', 0.001, 3);
  await expectSection4(0.5, 3);
  await expectSection5('he', 'relu');
  const body = await lab.page.locator(L).textContent();
  assert.ok(!body.includes('⟦'), 'a missing string key');
  assert.ok(!body.includes('NaN'));
});

test('exercise: the degree with the lowest validation error — wrong answer, right answer, hint', async () => {
  await lab.goto('7', 'en');
  // Section 2's default split (60 % / 20 %, shuffle 1), scanned by the node core.
  const pool = core.curveData(40, NOISE, 7);
  const roles = core.splitRoles(40, 0.6, 0.2, 1);
  const scan = core.scanDegrees(core.selectRole(pool, roles, 0), core.selectRole(pool, roles, 1), 12);
  const best = scan.bestDegree;
  await expectText('s2-best', String(best));
  const ex = exerciseIn(lab.page, L);
  await ex.box.scrollIntoViewIfNeeded();
  const check = (value) => ex.answer(value);
  assert.equal(await check('many'), 'Type a number (for example 1e5 or 0.25).');
  assert.equal(await check('13'), 'Not yet. Answer with a whole number from 1 to 12.');
  const lowestTrain = scan.trainMse.indexOf(Math.min(...scan.trainMse)) + 1;
  assert.notEqual(lowestTrain, best);
  assert.equal(await check(String(lowestTrain)), `Not yet. Degree ${lowestTrain} has the lowest training MSE (${f(scan.trainMse[lowestTrain - 1])}), but its validation MSE is ${f(scan.valMse[lowestTrain - 1])}. The choice is made on the validation error.`);
  const low = best > 1 ? best - 1 : null;
  if (low !== null && low !== lowestTrain) {
    assert.equal(await check(String(low)), `Not yet. Degree ${low} has validation MSE ${f(scan.valMse[low - 1])}; a higher degree does better on the validation set. This degree cannot follow the shape of the curve.`);
  }
  assert.equal(await ex.result(), 'wrong');
  assert.equal(await check(String(best)), `Right! Degree ${best} has the lowest validation MSE, ${f(scan.valMse[best - 1])} (its training MSE is ${f(scan.trainMse[best - 1])}). Only after this choice is the test set looked at.`);
  assert.equal(await ex.result(), 'right');
  await ex.openHint();
  await lab.screenshot('07-generalization-exercise-en');
  await ex.box.screenshot({ path: path.join(screenshotDir, '07-generalization-exercise-box-en.png') });
  await ex.closeHint();
  // Without a validation set there is nothing to check against: a message, not a verdict on a stale scan.
  await press('va', 'Home');
  await expectText('s2-best', '–');
  assert.equal(await check(String(best)), 'Not yet. The validation set is empty, so there is no validation error: raise the validation share first.');
  await lab.goto('7', 'ko');
  assert.ok((await check(String(best))).startsWith('정답입니다! '));
  await ex.openHint();
  await ex.box.scrollIntoViewIfNeeded();
  await ex.box.screenshot({ path: path.join(screenshotDir, '07-generalization-exercise-box-ko.png') });
});

test('screenshots at phone and projector sizes, both languages', async () => {
  for (const lang of ['ko', 'en']) {
    await lab.goto('7', lang);
    await expectSection1(1, 10);
    await expectSection4(0.3);
    await lab.page.click(`${L} button[name=cv]`);
    await lab.page.waitForFunction((s) => document.querySelectorAll(s).length === 5, `${L} .l7-fold-table tbody tr`);
    await lab.screenshot(`07-generalization-${lang}-360`, { width: 360, height: 800 });
    await lab.screenshot(`07-generalization-${lang}-1920`, { width: 1920, height: 1080 });
  }
});

test('no console errors, no error banner, nothing fetched from elsewhere', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
  assert.deepEqual(lab.foreignRequests, []);
});
