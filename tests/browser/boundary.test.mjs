// The boundary lesson in a real browser: every control (data set, noise, points, test share,
// seed, regenerate, test points, discretize, the class to add, click/drag/double-click on the
// plane, CSV import and export, features, +/− layers and neurons, activations, the units field,
// learning rate, batch size, optimizer and its hyperparameters, initializer, L1/L2, dropout,
// play/pause/step/reset, a neuron enlarged and a weight typed in, the hidden-space layer, the
// Keras export, the exercise) with the numbers shown checked against the node build of the same
// core; the old links (#/6, #/7) still open MNIST and generalization; the URL state; screenshots
// at phone and desktop widths in both languages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { exerciseIn, openLab } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { formatNumber } from '../../web/shared/format.js';

let lab;
let core;
before(async () => { lab = await openLab(); core = await loadNodeCore(); });
after(async () => { await lab?.close(); });

const L = '.lesson-boundary';
const page = () => lab.page;
const out = (name) => page().locator(`${L} [data-out="${name}"]`).first().textContent();
const epoch = () => page().evaluate(() => Number(document.querySelector('.lesson-boundary').dataset.epoch));
const control = (name) => page().locator(`${L} [name="${name}"]`).first();
// The lesson writes the URL a moment after a change (throttled; body[data-url-pending] meanwhile).
async function urlState() {
  await page().waitForFunction(() => !('urlPending' in document.body.dataset));
  return new URLSearchParams(page().url().split('?')[1] ?? '');
}

// The lesson's defaults, restated: the expectation the core computes in node.
const DATA = { name: 'circle', points: 500, noise: 0, testRatio: 0.5, seed: 1 };
const SETTINGS = { features: ['x1', 'x2'], hidden: [4, 2], activations: ['tanh', 'tanh'], initializer: 'glorot_uniform',
  l1: 0, l2: 0, dropout: 0, optimizer: 'sgd', optimizerSettings: {}, lr: 0.03, batchSize: 10, seed: 1 };

// The read-outs as the page formats them, for a node lab in the same state.
function expected(nodeLab) {
  const r = nodeLab.current();
  const pct = (v) => (Number.isFinite(v) ? `${formatNumber(100 * v, 3)} %` : '–');
  return { epoch: String(r.epoch), 'train-loss': formatNumber(r.trainLoss), 'test-loss': formatNumber(r.testLoss),
    'train-acc': pct(r.trainAccuracy), 'test-acc': pct(r.testAccuracy) };
}
async function expectReadouts(nodeLab, what) {
  const want = expected(nodeLab);
  await page().waitForFunction((e) => document.querySelector('.lesson-boundary [data-out="epoch"]')?.textContent === e, want.epoch);
  for (const [name, value] of Object.entries(want)) assert.equal(await out(name), value, `${what}: ${name}`);
}
const nodeLab = (data = DATA, settings = SETTINGS) => core.newBoundaryLab(core.boundaryMakeData(data), settings);

test('old links keep opening the lesson they opened; the new lesson sits between backprop and MNIST', async () => {
  for (const lang of ['en', 'ko']) {
    await lab.goto('6?epochs=2', lang);
    assert.equal(await page().locator('.lesson-6').count(), 1, `#/6 opens MNIST (${lang})`);
    assert.match(await page().locator('.lesson-6 h1').textContent(), /^7\. /);
    await lab.goto('7?deg=5', lang);
    assert.equal(await page().locator('.lesson-7').count(), 1, `#/7 opens generalization (${lang})`);
    assert.match(await page().locator('.lesson-7 h1').textContent(), /^8\. /);
    await lab.goto('mnist', lang);
    assert.equal(await page().locator('.lesson-6').count(), 1, `#/mnist opens MNIST (${lang})`);
    await lab.goto('boundary', lang);
    assert.match(await page().locator(`${L} h1`).textContent(), /^6\. /);
  }
  const nav = await page().locator('#lesson-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(nav, ['#/1', '#/2', '#/3', '#/4', '#/5', '#/boundary', '#/6', '#/7']);
});

test('defaults, one epoch, play and pause: the numbers are the core\'s', async () => {
  await lab.goto('boundary', 'en');
  const ref = nodeLab();
  await expectReadouts(ref, 'epoch 0');
  // The idle-time warm-up (a throwaway twin trains) leaves the learner's lab as it was.
  await page().waitForSelector('.lesson-boundary[data-warm="done"]');
  await expectReadouts(ref, 'epoch 0, after the warm-up');
  assert.match(await out('summary'), /Epoch 0\. 2 classes\./);
  await control('step').click();
  ref.step(1);
  await expectReadouts(ref, 'one epoch');
  await control('play').click();
  await page().waitForFunction(() => Number(document.querySelector('.lesson-boundary').dataset.epoch) >= 30);
  await control('play').click();  // pause
  await page().waitForFunction(() => document.querySelector('.lesson-boundary').dataset.playing === 'false');
  const n = await epoch();
  ref.step(n - 1);
  await expectReadouts(ref, `after ${n} epochs`);
  assert.match(await out('summary'), /Test accuracy .* of 250 test points are wrong/);
  await control('reset').click();
  assert.equal(await epoch(), 0);
  ref.delete();
});

test('training settings apply from the next epoch, as in the core; bad values are refused in words', async () => {
  await lab.goto('boundary', 'en');
  const ref = nodeLab();
  await control('step').click();
  ref.step(1);
  await control('lr').fill('0.1'); await control('lr').press('Enter');
  await control('batch').fill('25'); await control('batch').press('Enter');
  await control('l1').fill('0.001'); await control('l1').press('Enter');
  await control('l2').fill('0.002'); await control('l2').press('Enter');
  await control('dropout').fill('0.1'); await control('dropout').press('Enter');
  ref.setLearningRate(0.1); ref.setBatchSize(25); ref.setRegularization(0.001, 0); ref.setRegularization(0.001, 0.002); ref.setDropout(0.1);
  await expectReadouts(ref, 'penalties change the loss at once');
  await control('opt').selectOption('adam');
  await control('hp-beta1').fill('0.8'); await control('hp-beta1').press('Enter');
  await control('hp-amsgrad').check();
  ref.setOptimizer('adam', { beta1: 0.8, beta2: 0.999, eps: 1e-8, weight_decay: 0, amsgrad: true });
  await control('step').click();
  ref.step(1);
  await expectReadouts(ref, 'adam step');
  const url = await urlState();
  assert.equal(url.get('opt'), 'adam');
  assert.equal(url.get('hp'), 'beta1:0.8,amsgrad:1');
  assert.equal(url.get('lr'), '0.1');

  await control('lr').fill('1e9'); await control('lr').press('Enter');
  assert.equal(await out('train-message'), 'The learning rate (lr) must be greater than 0 and at most 10 (you gave 1,000,000,000).');
  await control('hp-beta1').fill('abc'); await control('hp-beta1').press('Enter');
  assert.equal(await out('train-message'), 'beta1 must be a finite number (you gave NaN).');
  await control('step').click();  // the lab keeps working
  ref.step(1);
  await expectReadouts(ref, 'after refusals');
  ref.delete();
});

test('network controls rebuild the network; a typed weight changes the picture and the loss', async () => {
  await lab.goto('boundary', 'en');
  await page().locator(`${L} [data-feature="x1sq"]`).click();
  await page().locator(`${L} .bd-col[data-layer="1"] .bd-plus`).click();
  await page().locator(`${L} .bd-col[data-layer="2"] .bd-minus`).click();
  await control('act1').selectOption('relu');
  await control('addLayer').click();
  await control('removeLayer').click();
  await control('addLayer').click();
  await control('init').selectOption('he_normal');
  const settings = { ...SETTINGS, features: ['x1', 'x2', 'x1sq'], hidden: [5, 1, 2], activations: ['relu', 'tanh', 'tanh'], initializer: 'he_normal' };
  const ref = nodeLab(DATA, settings);
  await expectReadouts(ref, 'rebuilt network');
  assert.equal(await page().locator(`${L} .bd-neuron[data-layer="1"]`).count(), 5);
  assert.equal(await control('units').inputValue(), '5,1,2');
  const url = await urlState();
  assert.deepEqual([url.get('feat'), url.get('hidden'), url.get('acts'), url.get('init')], ['x1,x2,x1sq', '5,1,2', 'relu,tanh,tanh', 'he_normal']);

  // The units field takes more than the buttons; the core refuses 33.
  await control('units').fill('8,8,33'); await control('units').press('Enter');
  assert.equal(await out('train-message'), 'The number of units must be at least 1 and at most 32 (you gave 33).');
  assert.equal(await control('units').inputValue(), '5,1,2');

  // Press a neuron: its picture is shown large and its weights can be typed.
  await page().locator(`${L} .bd-neuron[data-layer="2"][data-n="0"]`).click();
  assert.match(await out('plot-title'), /Layer 2, neuron 1/);
  await control('w-3').fill('2.5'); await control('w-3').press('Enter');
  ref.setWeight(1, 3, 0, 2.5);
  await control('bias').fill('-0.5'); await control('bias').press('Enter');
  ref.setBias(1, 0, -0.5);
  await expectReadouts(ref, 'typed weights');
  const title = await page().locator(`${L} .bd-link[data-layer="1"][data-from="3"][data-to="0"] title`).textContent();
  assert.match(title, /: 2\.5$/);
  await control('w-3').fill('5000'); await control('w-3').press('Enter');
  assert.equal(await out('train-message'), 'The weight must be at least −1,000 and at most 1,000 (you gave 5,000).');
  await control('showOutput').click();
  assert.equal(await out('plot-title'), 'Output: the boundary on the plane');
  // The hidden space of the 2-neuron layer.
  assert.equal(await control('hiddenLayer').inputValue(), '2');
  ref.delete();
});

test('data controls: sets, sliders, seed, points by pointer, CSV in and out', async () => {
  await lab.goto('boundary', 'en');
  await control('data').selectOption('spiral3');
  await control('noise').fill('10'); await control('noise').dispatchEvent('change');
  await control('points').fill('300'); await control('points').dispatchEvent('change');
  await control('ratio').fill('30'); await control('ratio').dispatchEvent('change');
  await control('seed').fill('7'); await control('seed').press('Enter');
  await control('regenerate').click();  // seed 8
  const data = { name: 'spiral3', points: 300, noise: 0.1, testRatio: 0.3, seed: 8 };
  const ref = nodeLab(data, { ...SETTINGS, seed: 8 });
  await expectReadouts(ref, 'spiral3');
  assert.equal(await page().locator(`${L} .bd-col.bd-output .bd-neuron`).count(), 3);
  assert.match(await out('summary'), /3 classes/);
  await control('showTest').uncheck();
  await control('discretize').check();
  await control('addClass').selectOption('2');
  const url = await urlState();
  assert.deepEqual([url.get('data'), url.get('noise'), url.get('points'), url.get('ratio'), url.get('seed'), url.get('test'), url.get('disc'), url.get('cls')],
    ['spiral3', '10', '300', '30', '8', '0', '1', '2']);

  // Click adds a class-2 point, drag moves it, double-click removes it; seen in the exported CSV.
  const exportPoints = async () => {
    const [download] = await Promise.all([page().waitForEvent('download'), control('exportCsv').click()]);
    return core.boundaryParseCsv(await readFile(await download.path(), 'utf8'));
  };
  await page().locator(`${L} .bd-plane`).scrollIntoViewIfNeeded();
  const box = await page().locator(`${L} .bd-plane`).boundingBox();
  const at = (x1, x2) => [box.x + ((x1 + 6) / 12) * box.width, box.y + ((6 - x2) / 12) * box.height];
  const near = (p, x1, x2) => Array.from(p.points.x1).some((v, i) => Math.abs(v - x1) < 0.1 && Math.abs(p.points.x2[i] - x2) < 0.1);
  const [px, py] = at(5.7, -5.7);
  await page().mouse.click(px, py);
  let p = await exportPoints();
  assert.equal(p.points.x1.length, 301);
  assert.ok(near(p, 5.7, -5.7));
  assert.equal(await epoch(), 0);
  const [qx, qy] = at(4.2, -4.8);
  await page().mouse.move(px, py); await page().mouse.down(); await page().mouse.move(qx, qy, { steps: 5 }); await page().mouse.up();
  p = await exportPoints();
  assert.ok(near(p, 4.2, -4.8) && !near(p, 5.7, -5.7));
  await page().mouse.dblclick(qx, qy);
  p = await exportPoints();
  assert.equal(p.points.x1.length, 300);
  assert.ok(!near(p, 4.2, -4.8));

  // CSV: a bad file is refused with its line, the data kept; a good file is imported.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bd-csv-'));
  writeFileSync(path.join(dir, 'bad.csv'), 'x1,x2,label\n1,2,cat\n3,oops,dog\n');
  await control('csv').setInputFiles(path.join(dir, 'bad.csv'));
  await page().waitForFunction(() => /Line 3/.test(document.querySelector('.lesson-boundary [data-out="data-message"]').textContent));
  assert.equal(await out('data-message'), 'Line 3: x1 or x2 is not a number. The current data is kept.');
  assert.match(await out('summary'), /3 classes/);
  const rows = ['x1,x2,label'];
  for (let i = 0; i < 40; i++) rows.push(`${(i % 8) - 5},${(i % 5) - 2},cat`, `${(i % 8) + 1},${(i % 5) + 1},dog`);
  writeFileSync(path.join(dir, 'good.csv'), rows.join('\n'));
  await control('csv').setInputFiles(path.join(dir, 'good.csv'));
  await page().waitForFunction(() => /Imported 80 points in 2 classes/.test(document.querySelector('.lesson-boundary [data-out="data-message"]').textContent));
  assert.deepEqual(await control('addClass').locator('option').allTextContents(), ['Class cat', 'Class dog']);
  const exported = await exportPoints();
  assert.equal(exported.points.x1.length, 80);
  assert.deepEqual([...exported.classNames].sort(), ['cat', 'dog']);  // order of appearance in the file
  ref.delete();
});

test('Keras export equals the core\'s text for the page\'s settings', async () => {
  await lab.goto('boundary?data=blobs4&hidden=6&acts=relu&opt=rmsprop&lr=0.01&l2=0.001', 'en');
  await control('keras').click();
  const code = await page().locator(`${L} .bd-keras`).inputValue();
  const want = core.boundaryKeras({ settings: { ...SETTINGS, hidden: [6], activations: ['relu'], optimizer: 'rmsprop',
    optimizerSettings: { alpha: 0.99, eps: 1e-8, momentum: 0, centered: false, weight_decay: 0 }, lr: 0.01, l2: 0.001 },
  classes: 4, classNames: ['0', '1', '2', '3'], epochs: 100, testRatio: 0.5 });
  assert.equal(code, want);
  const [download] = await Promise.all([page().waitForEvent('download'), control('kerasDownload').click()]);
  assert.equal(download.suggestedFilename(), 'boundary_model.py');
});

test('the exercise checks the current state: XOR, x1 and x2, at most 4 hidden neurons, 95 %', async () => {
  await lab.goto('boundary?data=xor&hidden=3&lr=0.1', 'en');
  const ex = exerciseIn(page(), `${L} .bd-exercise`);
  assert.match(await ex.answer(), /Test accuracy is .* the goal is 95 %/);
  assert.match(await ex.openHint(), /two or three hidden neurons/);
  await control('play').click();
  // Paused in the same task that reads the accuracy: no training frame runs in between.
  await page().waitForFunction(() => {
    if (!(parseFloat(document.querySelector('.lesson-boundary [data-out="test-acc"]').textContent) >= 96)) return false;
    document.querySelector('.lesson-boundary [name="play"]').click();
    return true;
  }, null, { timeout: 60_000 });
  assert.match(await ex.answer(), /^Right!.*3 hidden neurons, test accuracy/);
  assert.equal(await ex.result(), 'right');
  await page().locator(`${L} [data-feature="x1x2"]`).click();
  assert.match(await ex.answer(), /Switch on x1 and x2 only/);
});

test('keyboard: the controls are reachable and usable without a pointer', async () => {
  await lab.goto('boundary', 'en');
  await page().locator(`${L} [data-feature="x2sq"]`).focus();
  await page().keyboard.press('Enter');
  assert.equal(await page().locator(`${L} [data-feature="x2sq"]`).getAttribute('aria-pressed'), 'true');
  assert.equal(await page().evaluate(() => document.activeElement?.dataset.feature), 'x2sq');
  await control('step').focus();
  await page().keyboard.press('Enter');
  assert.equal(await epoch(), 1);
});

test('hidden space: a 3-neuron layer is offered and drawn (projected), a 4-neuron one is not', async () => {
  await lab.goto('boundary?hidden=4,3', 'en');
  assert.deepEqual(await control('hiddenLayer').locator('option').allTextContents(), ['Hidden layer 2']);
  await control('step').click();
  const inked = await page().evaluate(() => {
    const c = document.querySelector('.lesson-boundary .bd-hidden-space');
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== d[i + 1] || d[i + 1] !== d[i + 2]) n++;  // coloured pixels
    return n;
  });
  assert.ok(inked > 500, `coloured pixels: ${inked}`);
  await lab.goto('boundary?hidden=4', 'en');
  assert.equal(await control('hiddenLayer').isDisabled(), true);
  assert.match(await out('hidden-note'), /No hidden layer has 2 or 3 neurons/);
});

test('screenshots at phone and desktop widths in both languages', async () => {
  for (const lang of ['en', 'ko']) {
    await lab.goto('boundary?data=spiral&feat=x1,x2,sinx1,sinx2&hidden=8,8,2', lang);
    await control('play').click();
    await page().waitForFunction(() => Number(document.querySelector('.lesson-boundary').dataset.epoch) >= 40);
    await control('play').click();
    const text = await page().locator('main').innerText();
    assert.ok(!text.includes('⟦'), 'no missing string keys');
    await lab.screenshot(`boundary-desktop-${lang}`, { width: 1280, height: 900 });
    await lab.screenshot(`boundary-phone-${lang}`, { width: 390, height: 844 });
  }
  await page().setViewportSize({ width: 1280, height: 900 });
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});

test('points edited by keyboard, and the learner\'s own points travel in the link', async () => {
  await lab.goto('boundary?data=xor&points=50&seed=3', 'en');
  const exportPoints = async () => {
    const [download] = await Promise.all([page().waitForEvent('download'), control('exportCsv').click()]);
    return core.boundaryParseCsv(await readFile(await download.path(), 'utf8'));
  };
  const near = (p, x1, x2) => Array.from(p.points.x1).some((v, i) => Math.abs(v - x1) < 1e-6 && Math.abs(p.points.x2[i] - x2) < 1e-6);
  const plane = page().locator(`${L} .bd-plane`);
  const press = async (key, times = 1) => { for (let i = 0; i < times; i++) await plane.press(key); };
  await plane.focus();
  await press('ArrowRight', 8);  // 12 / 48 = 0.25 per step
  await press('ArrowUp', 4);
  assert.equal(await out('plane-keys'), 'Cursor at (2, 1)');
  await press('Enter');
  assert.equal(await out('plane-keys'), 'Point of class 1 added at (2, 1).');
  let p = await exportPoints();
  assert.equal(p.points.x1.length, 51);
  assert.ok(near(p, 2, 1));
  await press('Enter');  // the point under the cursor is picked up
  assert.match(await out('plane-keys'), /^Picked up the point at \(2, 1\)/);
  await press('ArrowDown', 8);
  await press('Enter');
  assert.equal(await out('plane-keys'), 'Point put down at (2, −1).');
  p = await exportPoints();
  assert.ok(near(p, 2, -1) && !near(p, 2, 1));
  assert.equal(p.points.x1.length, 51);
  await press('Delete');
  assert.equal(await out('plane-keys'), 'Removed the point at (2, −1).');
  await press('Delete');
  assert.equal(await out('plane-keys'), 'No training point under the cursor at (2, −1).');
  await press('Enter');
  const before = await exportPoints();
  assert.equal(before.points.x1.length, 51);

  // The link carries the points: opened again, the same data (to 2 decimals), as "your own points".
  await page().waitForFunction(() => /[?&]pts=/.test(location.hash));
  const url = await urlState();
  assert.match(url.get('pts'), /(^|\*)2_-1_1(\*|$)/);
  await lab.goto(`boundary?${url.toString()}`, 'en');
  assert.equal(await control('data').inputValue(), 'custom');
  const after = await exportPoints();
  assert.equal(after.points.x1.length, 51);
  assert.deepEqual(Array.from(after.classNames), Array.from(before.classNames));
  for (let i = 0; i < 51; i++) {
    assert.ok(near(after, Math.round(before.points.x1[i] * 100) / 100, Math.round(before.points.x2[i] * 100) / 100), `point ${i}`);
  }

  // A malformed link: the generated data instead, and a message in the learner's language.
  await lab.goto('boundary?pts=1_2_0*3_x_1', 'en');
  assert.match(await out('data-message'), /^The points in this link could not be read, so generated data is shown instead: /);
  assert.equal(await control('data').inputValue(), 'circle');
  await control('step').click();
  assert.equal(await epoch(), 1);
  await lab.goto('boundary?pts=1_2_0*3_4_0', 'ko');
  assert.match(await out('data-message'), /^이 링크의 점을 읽을 수 없어 생성된 데이터를 대신 보여 줍니다: .+/);
  await lab.assertNoErrorBanner();
});
