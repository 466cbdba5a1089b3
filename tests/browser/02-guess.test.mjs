// Lesson 2 in a real browser: the k^N arithmetic, the network builder (with bad input), the
// pictures, the coverage chart and the race — every number checked against the node build of
// the same core, every control touched, the URL state restored.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { exerciseIn, openLab, screenshotDir } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { formatNumber } from '../../web/shared/format.js';
import { formatInteger, formatPower, formatShare, groupDigits } from '../../web/lessons/02-guess/big-format.js';

let lab;
let core;
before(async () => { lab = await openLab(); core = await loadNodeCore(); });
after(async () => { await lab?.close(); });

const out = (name) => lab.page.locator(`.lesson-2 [data-out=${name}]`).first().textContent();
const param = (name) => new URL(lab.page.url().replace('#/', '')).searchParams.get(name);

test('k^N: exact while small, 10^11935 for the source\'s network size', async () => {
  await lab.goto('2', 'en');
  assert.equal(await out('guesses'), groupDigits(core.guessReport(10, 3, 1e9).exact));
  assert.equal(await out('guesses'), '1,000');
  await lab.page.fill('.lesson-2 input[name=n]', '11935');
  const r = core.guessReport(10, 11935, 1e9);
  assert.equal(await out('guesses'), formatPower(r.log10));
  assert.equal(await out('guesses'), '10¹¹⁹³⁵');
  assert.equal(await out('digits'), formatInteger(r.digits));
  assert.equal(await out('digits'), '11,936');
  assert.match(await out('atoms'), new RegExp(formatPower(r.log10VsAtoms)));
  assert.match(await out('time'), new RegExp(formatPower(r.log10Seconds)));
  assert.match(await out('ages'), new RegExp(formatPower(r.log10UniverseAges).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(param('n'), '11935');
  // k and the slider for N, and the rate.
  await lab.page.fill('.lesson-2 input[name=k]', '2');
  await lab.page.locator('.lesson-2 input[name=n-range]').fill('60');
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=n]'), '60');
  assert.equal(await out('guesses'), groupDigits(core.guessReport(2, 60, 1).exact));
  assert.equal(await out('guesses'), '1,152,921,504,606,846,976');
  await lab.page.focus('.lesson-2 input[name=gps]');
  await lab.page.keyboard.press('ArrowLeft');
  assert.equal(param('gps'), String(+(10 ** 8.5).toPrecision(3)));
  const small = core.guessReport(2, 60, +(10 ** 8.5).toPrecision(3));
  assert.match(await out('time'), new RegExp(formatPower(small.log10Seconds).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  // Bad k: a message, the last good numbers stay.
  await lab.page.fill('.lesson-2 input[name=k]', '0');
  assert.match(await out('count-error'), /k must be a whole number/);
  assert.equal(param('k'), '2');
  await lab.page.fill('.lesson-2 input[name=k]', '10');
  assert.equal(await lab.page.locator('.lesson-2 [data-out=count-error]').isHidden(), true);
});

test('the network builder: 784-15-10 has 11,935 parameters; + and − layers; bad input', async () => {
  await lab.goto('2', 'en');
  const n = core.countParameters([784, 15, 10]);
  assert.equal(await out('weights'), formatInteger(n.weights));
  assert.equal(await out('weights'), '11,910');
  assert.equal(await out('biases'), '25');
  assert.equal(await out('params'), '11,935');
  assert.equal(await out('net-guesses'), '10¹¹⁹³⁵');
  const items = await lab.page.locator('.lesson-2 .connections li').allTextContents();
  assert.deepEqual(items, ['784 × 15 = 11,760 weights + 15 biases', '15 × 10 = 150 weights + 10 biases']);
  await lab.page.click('.lesson-2 button[name=add-layer]');
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=layers]'), '784,15,15,10');
  assert.equal(await out('params'), formatInteger(core.countParameters([784, 15, 15, 10]).parameters));
  await lab.page.click('.lesson-2 button[name=remove-layer]');
  await lab.page.click('.lesson-2 button[name=remove-layer]');
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=layers]'), '784,10');
  assert.equal(await lab.page.isDisabled('.lesson-2 button[name=remove-layer]'), true);
  for (const [text, pattern] of [['', /Type the layer sizes/], ['784', /at least two layers/], ['784,0,10', /at least one neuron/],
    ['784,-5', /at least one neuron/], ['784,abc,10', /is not a number/], ['784,2.5', /whole number/],
    ['784,2000000000', /wider than a billion/], ['1000000000,1000000000', /10¹⁵/]]) {
    await lab.page.fill('.lesson-2 input[name=layers]', text);
    assert.match(await out('net-error'), pattern, `input "${text}"`);
    assert.equal(await lab.page.isDisabled('.lesson-2 button[name=add-layer]'), true);
  }
  await lab.page.fill('.lesson-2 input[name=layers]', '784,512,128,10');
  assert.equal(await lab.page.locator('.lesson-2 [data-out=net-error]').isHidden(), true);
  const big = core.countParameters([784, 512, 128, 10]);
  assert.equal(await out('params'), formatInteger(big.parameters));
  assert.equal(await out('net-guesses'), formatPower(core.guessReport(10, big.parameters, 1e9).log10));
  assert.equal(param('layers'), '784,512,128,10');
  // k from the first panel drives the network's count.
  await lab.page.fill('.lesson-2 input[name=k]', '3');
  assert.equal(await out('net-guesses'), formatPower(core.guessReport(3, big.parameters, 1e9).log10));
});

test('pictures: 10² and 10³ points from the core; the cube turns by slider, keys and drag', async () => {
  await lab.goto('2', 'en');
  assert.equal(await out('square-caption'), `2-D: 10² = ${formatInteger(Number(core.guessReport(10, 2, 1).exact))} points`);
  assert.equal(await out('cube-caption'), '3-D: 10³ = 1,000 points');
  const before = await lab.page.locator('.lesson-2 canvas.cube').screenshot();
  await lab.page.locator('.lesson-2 input[name=rot]').fill('120');
  assert.equal(param('rot'), '120');
  const after1 = await lab.page.locator('.lesson-2 canvas.cube').screenshot();
  assert.notDeepEqual(before, after1);
  await lab.page.focus('.lesson-2 canvas.cube');
  await lab.page.keyboard.press('ArrowRight');
  assert.equal(param('rot'), '130');
  const box = await lab.page.locator('.lesson-2 canvas.cube').boundingBox();
  await lab.page.mouse.move(box.x + 100, box.y + 100);
  await lab.page.mouse.down();
  await lab.page.mouse.move(box.x + 150, box.y + 100, { steps: 5 });
  await lab.page.mouse.up();
  assert.equal(param('rot'), '170');
  await lab.page.fill('.lesson-2 input[name=k]', '50');
  assert.match(await out('cube-caption'), /50³ = 125,000 points \(the picture draws at most 20 per axis\)/);
});

test('coverage: the share a budget covers, from the core', async () => {
  await lab.goto('2?n=5', 'en');
  const share = core.guessCoverage(1000, 10, 60);
  assert.equal(await out('cover-readout'), `At N = 5, a budget of 1,000 covers ${formatShare(share[4])} of the grid.`);
  await lab.page.focus('.lesson-2 input[name=budget]');
  await lab.page.keyboard.press('ArrowRight');
  const budget = Math.round(10 ** 3.25);
  assert.equal(param('budget'), String(budget));
  const share2 = core.guessCoverage(budget, 10, 60);
  assert.equal(await out('cover-readout'), `At N = 5, a budget of ${formatInteger(budget)} covers ${formatShare(share2[4])} of the grid.`);
});

test('the race: random search stalls at N = 100, descent does not; controls rerun it', async () => {
  await lab.goto('2', 'en');
  const rows = async () => lab.page.locator('.lesson-2 .race-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
  const expectRows = (budget, seed, cost, zero = '0 (exactly)') => [2, 10, 100].map((n) => {
    const r = core.guessRace(n, budget, seed, cost);
    const show = (v) => (v === 0 ? zero : formatNumber(v, 3));
    return [String(n), show(r.randomBest[budget - 1]), show(r.descentBest[budget - 1]), formatInteger(r.descentSteps)];
  });
  assert.deepEqual(await rows(), expectRows(1000, 1, 'backprop'));
  const r100 = core.guessRace(100, 1000, 1, 'backprop');
  assert.ok(r100.randomBest[999] > 1e10 * r100.descentBest[999]);
  await lab.page.selectOption('.lesson-2 select[name=cost]', 'finite_differences');
  assert.deepEqual(await rows(), expectRows(1000, 1, 'finite_differences'));
  await lab.page.click('.lesson-2 button[name=reseed]');
  assert.equal(param('seed'), '2');
  assert.deepEqual(await rows(), expectRows(1000, 2, 'finite_differences'));
  await lab.page.fill('.lesson-2 input[name=seed]', '77');
  assert.deepEqual(await rows(), expectRows(1000, 77, 'finite_differences'));
  const runMs = await lab.page.locator('.lesson-2 .race-panel').getAttribute('data-run-ms');
  console.log(`[timing] race (3 runs, budget 1000): ${runMs} ms`);
  // Restore everything from the URL.
  const url = lab.page.url().split('#/')[1];
  await lab.goto(url, 'ko');
  assert.equal(await lab.page.inputValue('.lesson-2 select[name=cost]'), 'finite_differences');
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=seed]'), '77');
  assert.deepEqual(await rows(), expectRows(1000, 77, 'finite_differences', '0 (정확히)'));
});

test('the whole state restores from a shared URL', async () => {
  await lab.goto('2?k=3&n=40&gps=1e6&layers=784%2C100%2C10&budget=3162&seed=9&cost=backprop&rot=200', 'en');
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=k]'), '3');
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=n]'), '40');
  assert.equal(await out('guesses'), groupDigits(core.guessReport(3, 40, 1e6).exact));
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=layers]'), '784,100,10');
  assert.equal(await out('params'), formatInteger(core.countParameters([784, 100, 10]).parameters));
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=rot]'), '200');
  assert.equal(await lab.page.inputValue('.lesson-2 input[name=seed]'), '9');
  assert.equal(await lab.page.locator('.lesson-2 output[name=budget-out]').textContent(), '3,162');
});

test('exercise: 10 values per parameter for 784-100-10, checked against the core', async () => {
  await lab.goto('2', 'en');
  const ex = exerciseIn(lab.page, '.lesson-2');
  const answer = (text) => ex.answer(text);
  // It follows the network builder.
  assert.equal(await lab.page.locator('.lesson-2 .panel.network + .exercise').count(), 1);
  const count = core.countParameters([784, 100, 10]);
  const right = core.guessReport(10, count.parameters, 1e9).exponent;
  assert.equal(right, count.parameters);
  // Wrong answers: the weights only, one layer left out, too high, too low; not a number.
  assert.equal(await answer(String(count.weights)), 'Not yet. You counted the weights only: every neuron after the input layer also has a bias.');
  assert.equal(await ex.result(), 'wrong');
  const [first, second] = count.layers;
  assert.equal(await answer(String(count.parameters - second.weights - second.biases)),
    'Not yet. The weights and biases of the 100 → 10 connection are missing.');
  assert.equal(await answer(String(count.parameters - first.biases)), 'Not yet. The biases of the layer of 100 neurons are missing.');
  assert.equal(await answer(String(right + 1)), 'Not yet. Too high: a 784-100-10 network has fewer parameters than that.');
  assert.match(await answer('100'), /^Not yet\. Too low/);
  assert.equal(await answer('ten'), 'Type a number (for example 1e5 or 0.25).');
  assert.equal(await ex.result(), 'invalid');
  // The right answer, also with a thousands separator and by Enter.
  assert.equal(await answer(String(right)),
    `Right! ${formatInteger(count.weights)} weights plus ${count.biases} biases make ${formatInteger(count.parameters)} parameters, and each one multiplies the guesses by 10: ${formatPower(right)} of them.`);
  await ex.answer('1');
  await ex.box.locator('input[name=answer]').fill(formatInteger(right));
  await ex.box.locator('input[name=answer]').press('Enter');
  assert.match(await ex.verdict.textContent(), /^Right!/);
  assert.equal(await ex.result(), 'right');
  // The hint opens and closes.
  assert.match(await ex.openHint(), /count the weights/);
  await lab.screenshot('02-guess-exercise-en');
  await ex.box.screenshot({ path: path.join(screenshotDir, '02-guess-exercise-panel-en.png') });
  await ex.closeHint();
  // Korean, and the exercise goes with the lesson.
  await lab.goto('2', 'ko');
  assert.equal(await answer(String(count.weights)), '아직 아닙니다. 가중치만 세었습니다. 입력층 다음의 뉴런마다 편향이 하나씩 더 있습니다.');
  assert.match(await answer(String(right)), /^정답입니다! /);
  await ex.openHint();
  await ex.box.screenshot({ path: path.join(screenshotDir, '02-guess-exercise-panel-ko.png') });
  await lab.goto('1', 'en');
  assert.equal(await lab.page.locator('.exercise-verdict').count(), 0);
});

test('screenshots: phone and projector, both languages', async () => {
  for (const lang of ['en', 'ko']) {
    await lab.goto('2?n=11935', lang);
    await lab.screenshot(`02-guess-phone-${lang}`, { width: 360, height: 800 });
    await lab.screenshot(`02-guess-projector-${lang}`, { width: 1920, height: 1080 });
  }
});

test('no console errors and no error banner', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
