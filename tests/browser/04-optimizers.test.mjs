// Lesson 4 (the optimizer race) in a real browser: every control, the paths the page computed
// (its "numbers" table) against `basecamp descend --json` at full precision, divergence, the
// URL round trip, the stochastic section against the node core, screenshots, and the frame time.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { exerciseIn, openLab, screenshotDir, frames } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { nativeDir } from '../../scripts/paths.mjs';
import { formatNumber } from '../../web/shared/format.js';
import { byKey, parseSettings } from '../../web/lessons/04-optimizers/optimizers.js';
import { PRESETS, SCENES } from '../../web/lessons/04-optimizers/scenes.js';
import { strings } from '../../web/lessons/04-optimizers/strings.js';

let lab;
let core;
let page;
before(async () => { lab = await openLab(); page = lab.page; core = await loadNodeCore(); });
after(async () => { await lab?.close(); });

const L = '.lesson-4';
const q = (sel) => page.locator(`${L} ${sel}`);
// The page's own location (page.url() can lag behind history.replaceState).
const urlParams = async () => new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1] ?? '');
const stepsShown = async () => Number((await q('[data-out=steps]').textContent()).match(/\d+/)[0]);
const waitStopped = () => page.waitForFunction(() => document.querySelector('.lesson-4')?.dataset.playing === '0', null, { timeout: 60000 });

// `basecamp descend --json` for one racer: {path: [[x, y, f], ...], diverged_at?}.
function cli(surface, key, texts, start, steps, schedule = null) {
  const opt = byKey[key];
  const args = ['descend', '--surface', surface, '--optimizer', opt.core, '--start', start.join(','), '--steps', String(steps), '--json'];
  if (opt.fixed.nesterov) args.push('--nesterov');
  for (const f of opt.fields) args.push(`--${f.name.replace(/_/g, '-')}=${texts[f.name] ?? f.torchDefault}`);
  if (schedule) {
    args.push('--schedule', schedule.kind);
    if (schedule.step_size !== undefined) args.push('--step-size', String(schedule.step_size));
    if (schedule.gamma !== undefined) args.push('--gamma', String(schedule.gamma));
    if (schedule.decay !== undefined) args.push('--decay', String(schedule.decay));
  }
  return JSON.parse(execFileSync(`${nativeDir}/basecamp`, args, { encoding: 'utf8' }));
}

// The rows the page shows for one racer in its numbers table, as numbers.
async function pageRows(key) {
  if (!(await page.locator(`${L} details.numbers-box`).evaluate((d) => d.open))) await q('details.numbers-box summary').click();
  await q('select[name=numbers-racer]').selectOption(key);
  return page.$$eval(`${L} table.numbers tbody tr`, (trs) => trs.map((tr) => [...tr.cells].map((c) => Number(c.textContent))));
}

// Every row of the page's path equals the CLI's, bit for bit.
async function assertMatchesCli(surface, key, texts, start, steps, schedule = null) {
  const expected = cli(surface, key, texts, start, steps, schedule);
  const rows = await pageRows(key);
  assert.equal(rows.length, expected.path.length, `${key}: row count`);
  rows.forEach((row, t) => {
    assert.equal(row[0], t);
    for (let k = 0; k < 3; k++) assert.equal(row[k + 1], expected.path[t][k], `${key} row ${t} col ${k}`);
  });
  return expected;
}

const textsOf = (surface, key, overrides = {}) => Object.fromEntries(byKey[key].fields.map((f) =>
  [f.name, overrides[f.name] ?? String(PRESETS[surface].settings[key]?.[f.name] ?? f.torchDefault)]));

test('default race: step 12 times; every racer\'s numbers equal basecamp descend', async () => {
  await lab.goto('4', 'en');
  assert.equal(await q('select[name=surface]').inputValue(), 'bowl');
  for (const key of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam']) {
    assert.equal(await q(`input[name=on-${key}]`).isChecked(), true, key);
  }
  assert.equal(await q('input[name=on-adamw]').isChecked(), false);
  for (let i = 0; i < 12; i++) await q('button[name=step]').click();
  assert.equal(await stepsShown(), 12);
  for (const key of ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam']) {
    await assertMatchesCli('bowl', key, textsOf('bowl', key), [-7, 2], 12);
  }
  // Standings: SGD's effective step is its lr on both axes; the loss is the core's.
  const sgdRow = q('[data-legend=sgd]');
  assert.equal(await sgdRow.locator('[data-cell=eff]').textContent(), `x: ${formatNumber(0.95)}, y: ${formatNumber(0.95)}`);
  const path = cli('bowl', 'sgd', textsOf('bowl', 'sgd'), [-7, 2], 12).path;
  assert.equal(await sgdRow.locator('[data-cell=f]').textContent(), formatNumber(path[12][2]));
  assert.equal(await sgdRow.locator('[data-cell=status]').textContent(), 'step 12');
  // AdaGrad's effective steps differ per axis (the core's |Δθ|/|g|).
  const d = core.newDescent({ surface: 'bowl' }, 'adagrad', { lr: 1.5 }, -7, 2);
  try {
    d.step(12);
    const eff = d.stepView().effectiveLr;
    assert.equal(await q('[data-legend=adagrad] [data-cell=eff]').textContent(), `x: ${formatNumber(eff[0])}, y: ${formatNumber(eff[1])}`);
  } finally { d.delete(); }
  assert.equal((await urlParams()).get('t'), '12');
});

test('play, pause, speed and reset', async () => {
  await lab.goto('4', 'en');
  await q('select[name=speed]').selectOption('10');
  assert.equal((await urlParams()).get('speed'), '10');
  await q('button[name=play]').click();
  assert.equal(await q('button[name=play]').isDisabled(), true);
  await page.waitForFunction(() => /step [1-9]\d{2,}/.test(document.querySelector('.lesson-4 [data-out=steps]').textContent));
  await q('button[name=pause]').click();
  await waitStopped();
  const t = await stepsShown();
  assert.ok(t >= 100 && t % 10 === 0, `speed 10 advances 10 steps per frame, t = ${t}`);
  await frames(page, 10);
  assert.equal(await stepsShown(), t, 'paused: no more steps');
  assert.equal((await urlParams()).get('t'), String(t));
  await assertMatchesCli('bowl', 'momentum', textsOf('bowl', 'momentum'), [-7, 2], t);
  await q('button[name=reset]').click();
  assert.equal(await stepsShown(), 0);
  assert.equal((await pageRows('adam')).length, 1);
  assert.equal((await urlParams()).get('t'), null);
});

test('clicking the plot picks the start; arrow keys move it', async () => {
  await lab.goto('4?t=20', 'en');
  const over = q('.race-plot .u-over');
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  await page.mouse.click(box.x + box.width * 0.25, box.y + box.height * 0.2);
  const x0 = Number((await urlParams()).get('x0'));
  const y0 = Number((await urlParams()).get('y0'));
  assert.ok(Math.abs(x0 - (-10 + 20 * 0.25)) < 0.2 && Math.abs(y0 - (4 - 8 * 0.2)) < 0.2, `start (${x0}, ${y0})`);
  assert.equal(await stepsShown(), 20, 'the race replays to the same step count');
  await assertMatchesCli('bowl', 'nesterov', textsOf('bowl', 'nesterov'), [x0, y0], 20);
  await q('.race-plot').focus();
  await page.keyboard.press('ArrowRight');
  assert.equal(Number((await urlParams()).get('x0')), +(x0 + 0.5).toPrecision(6));
});

test('each surface: the page\'s paths equal the CLI\'s', async () => {
  await lab.goto('4?t=25', 'en');
  for (const surface of ['rosenbrock', 'saddle', 'himmelblau', 'regression', 'bowl']) {
    await q('select[name=surface]').selectOption(surface);
    assert.equal((await urlParams()).get('surface'), surface === 'bowl' ? null : surface);
    assert.equal(await stepsShown(), 25);
    for (const key of ['sgd', 'rmsprop', 'adam']) {
      await assertMatchesCli(surface, key, textsOf(surface, key), PRESETS[surface].start, 25);
    }
    const note = await q('[data-out=chart-note]').textContent();
    assert.match(note, surface === 'saddle' ? /symmetric-log/ : /log scale/);
  }
});

test('toggles and hyperparameters: edit, a bad value sits one racer out, the others run', async () => {
  await lab.goto('4?t=10', 'en');
  await q('input[name=on-adam]').uncheck();
  assert.equal(await q('[data-legend=adam]').count(), 0);
  assert.doesNotMatch((await urlParams()).get('on'), /adam/);
  await q('input[name=on-adamw]').check();
  assert.equal(await q('[data-legend=adamw]').count(), 1);
  await assertMatchesCli('bowl', 'adamw', textsOf('bowl', 'adamw'), [-7, 2], 10);
  for (const key of Object.keys(byKey)) {
    if (key === 'adam' || key === 'adamw') continue;
    await q(`input[name=on-${key}]`).uncheck();
    assert.equal(await q(`[data-legend=${key}]`).count(), 0, key);
    await q(`input[name=on-${key}]`).check();
    assert.equal(await q(`[data-legend=${key}]`).count(), 1, key);
  }
  // A valid edit recomputes at once.
  await q('input[name="momentum.momentum"]').fill('0.5');
  assert.equal((await urlParams()).get('momentum.momentum'), '0.5');
  await assertMatchesCli('bowl', 'momentum', textsOf('bowl', 'momentum', { momentum: '0.5' }), [-7, 2], 10);
  // A bad value: the core's error, worded by the page, next to the field; SGD sits out, the others keep going.
  await q('input[name="sgd.lr"]').fill('-1');
  assert.equal(await q('[data-error="sgd.lr"]').textContent(), 'The learning rate (lr) must be greater than 0 (you gave −1). This optimizer sits out.');
  assert.equal(await q('input[name="sgd.lr"]').getAttribute('aria-invalid'), 'true');
  assert.equal(await q('[data-legend=sgd] [data-cell=status]').textContent(), 'sits out: bad value');
  await q('button[name=step]').click();
  assert.equal(await q('[data-legend=adagrad] [data-cell=status]').textContent(), 'step 11');
  await q('input[name="sgd.lr"]').fill('abc');
  assert.match(await q('[data-error="sgd.lr"]').textContent(), /Not a number/);
  await q('input[name="nesterov.momentum"]').fill('0');
  assert.match(await q('[data-error="nesterov.momentum"]').textContent(), /Nesterov needs momentum greater than 0 and dampening 0\. This optimizer sits out\./);
  await q('input[name=on-adam]').check();
  await q('input[name="adam.beta2"]').fill('1');
  assert.match(await q('[data-error="adam.beta2"]').textContent(), /^beta2 must be at least 0 and less than 1 \(you gave 1\)\./);
  await q('input[name="sgd.lr"]').fill('0.5');
  assert.equal(await q('[data-error="sgd.lr"]').textContent(), '');
  await assertMatchesCli('bowl', 'sgd', { lr: '0.5' }, [-7, 2], 11);
  await lab.screenshot('l4-bad-values-desktop-en', { width: 1280, height: 900 });
});

test('a diverging optimizer is shown diverging, the others keep running', async () => {
  await lab.goto('4?sgd.lr=5&t=400', 'en');
  const expected = cli('bowl', 'sgd', { lr: '5' }, [-7, 2], 400);
  assert.ok(expected.diverged_at > 0 && expected.diverged_at < 400);
  assert.equal(await q('[data-legend=sgd] [data-cell=status]').textContent(), `diverged at step ${expected.diverged_at}`);
  assert.match(await q('[data-out=message]').textContent(), new RegExp(`SGD diverged at step ${expected.diverged_at}`));
  assert.equal(await q('[data-legend=adam] [data-cell=status]').textContent(), 'step 400');
  await assertMatchesCli('bowl', 'sgd', { lr: '5' }, [-7, 2], 400);
  const cells = await page.$$eval(`${L} .standings td`, (tds) => tds.map((td) => td.textContent));
  assert.ok(cells.every((c) => !/NaN/.test(c)), 'no NaN on screen');
  await lab.screenshot('l4-diverged-en', { width: 1280, height: 900 });
});

test('every scene button plays its scene to the end', async () => {
  await lab.goto('4', 'en');
  for (const sc of SCENES) {
    await q(`button[data-scene=${sc.id}]`).click();
    assert.equal(await q('[data-out=scene]').textContent(), strings.en[`l4.scene.${sc.id}.text`]);
    await waitStopped();
    assert.equal(await stepsShown(), sc.steps, sc.id);
    assert.equal(await q('select[name=surface]').inputValue(), sc.surface);
    for (const key of Object.keys(byKey)) assert.equal(await q(`input[name=on-${key}]`).isChecked(), sc.on.includes(key), `${sc.id} ${key}`);
    const key = sc.on[1];
    await assertMatchesCli(sc.surface, key, textsOf(sc.surface, key, Object.fromEntries(Object.entries(sc.settings[key]).map(([k, v]) => [k, String(v)]))), sc.start, sc.steps);
    await lab.screenshot(`l4-scene-${sc.id}-en`, { width: 1280, height: 900 });
  }
});

test('schedules: each kind changes lr as the core says and matches the CLI; bad values get a message', async () => {
  await lab.goto('4?t=30', 'en');
  const cases = [
    ['step', { step_size: '5', gamma: '0.5' }, { kind: 'step', step_size: 5, gamma: 0.5 }],
    ['exponential', { gamma: '0.9' }, { kind: 'exponential', gamma: 0.9 }],
    ['inverse_time', { decay: '0.2' }, { kind: 'inverse_time', decay: 0.2 }],
  ];
  for (const [kind, inputs, schedule] of cases) {
    await q('select[name=schedule]').selectOption(kind);
    for (const [name, value] of Object.entries(inputs)) await q(`input[name=${name}]`).fill(value);
    assert.equal((await urlParams()).get('sched'), kind);
    for (const key of ['sgd', 'adam']) await assertMatchesCli('bowl', key, textsOf('bowl', key), [-7, 2], 30, schedule);
    const d = core.newDescent({ surface: 'bowl' }, 'adam', { lr: 0.3 }, -7, 2, schedule);
    try {
      d.step(30);
      assert.equal(await q('[data-legend=adam] [data-cell=lr]').textContent(), formatNumber(d.lr()));
    } finally { d.delete(); }
  }
  await q('input[name=decay]').fill('-1');
  assert.match(await q('[data-out=schedule-error]').textContent(), /^The decay rate \(decay\) must be at least 0 \(you gave −1\)\. Nothing runs until it is changed\.$/);
  await q('input[name=decay]').fill('x');
  assert.match(await q('[data-out=schedule-error]').textContent(), /Not a number/);
  await q('select[name=schedule]').selectOption('constant');
  assert.equal(await q('[data-out=schedule-error]').textContent(), '');
  await assertMatchesCli('bowl', 'adam', textsOf('bowl', 'adam'), [-7, 2], 30);
});

test('the URL restores surface, start, racers, hyperparameters, schedule, speed and step count', async () => {
  // Keys not in the URL keep the table's defaults (the bowl's settings): nesterov.lr is given.
  const hash = '4?surface=rosenbrock&x0=-1.2&y0=1&on=sgd,nesterov,adam&sgd.lr=0.002&nesterov.lr=0.001&nesterov.momentum=0.8&adam.lr=0.02' +
    '&sched=exponential&gamma=0.99&speed=5&t=150';
  await lab.goto(hash, 'ko');
  assert.equal(await q('select[name=surface]').inputValue(), 'rosenbrock');
  assert.equal(await q('select[name=speed]').inputValue(), '5');
  assert.equal(await q('select[name=schedule]').inputValue(), 'exponential');
  assert.equal(await q('input[name=gamma]').inputValue(), '0.99');
  assert.equal(await q('input[name="nesterov.momentum"]').inputValue(), '0.8');
  assert.equal(await q('input[name=on-momentum]').isChecked(), false);
  assert.equal(await stepsShown(), 150);
  const schedule = { kind: 'exponential', gamma: 0.99 };
  await assertMatchesCli('rosenbrock', 'sgd', { lr: '0.002' }, [-1.2, 1], 150, schedule);
  await assertMatchesCli('rosenbrock', 'nesterov', { lr: '0.001', momentum: '0.8' }, [-1.2, 1], 150, schedule);
  await assertMatchesCli('rosenbrock', 'adam', textsOf('bowl', 'adam', { lr: '0.02' }), [-1.2, 1], 150, schedule);
  assert.equal(await q('[data-legend=sgd] [data-cell=status]').textContent(), '150걸음');
});

test('stochastic section: batch, lr, seed, speed, epoch step, play, pause, reset against the core', async () => {
  await lab.goto('4', 'en');
  const expectRunner = async (id, batch, lr, seed, budget, start = [1.5, -1.5]) => {
    const w = core.newMinibatch({}, 'sgd', { lr }, batch, seed, ...start);
    try {
      while (w.samples() < budget && w.divergedAt() < 0) w.step(1);
      const row = q(`[data-runner=${id}]`);
      assert.equal(await row.locator('[data-cell=samples]').textContent(), String(w.samples()), `${id} samples`);
      assert.equal(await row.locator('[data-cell=steps]').textContent(), String(w.steps()), `${id} steps`);
      assert.equal(await row.locator('[data-cell=loss]').textContent(), formatNumber(w.loss()), `${id} loss`);
      if (w.steps() > 0) assert.equal(await row.locator('[data-cell=batch]').textContent(), formatNumber(w.batchLoss()));
    } finally { w.delete(); }
  };
  await q('button[name=sto-step]').click();
  await q('button[name=sto-step]').click();
  await expectRunner('one', 1, 0.02, 1, 14);
  await expectRunner('mini', 3, 0.02, 1, 14);
  await expectRunner('full', 7, 0.02, 1, 14);
  await q('select[name=sto-batch]').selectOption('2');
  await q('input[name=sto-lr]').fill('0.03');
  await q('input[name=sto-seed]').fill('17');
  assert.equal((await urlParams()).get('sk'), '2');
  assert.equal((await urlParams()).get('sseed'), '17');
  await expectRunner('mini', 2, 0.03, 17, 14);
  await expectRunner('one', 1, 0.03, 17, 14);
  await q('select[name=sto-speed]').selectOption('35');
  await q('button[name=sto-play]').click();
  await page.waitForFunction(() => /^[2-9]\d{2,} |^\d{4,} /.test(document.querySelector('.lesson-4 [data-out=sto-samples]').textContent));
  await q('button[name=sto-pause]').click();
  await frames(page, 2);
  const budget = Number((await q('[data-out=sto-samples]').textContent()).match(/\d+/)[0]);
  await frames(page, 10);
  assert.equal(Number((await q('[data-out=sto-samples]').textContent()).match(/\d+/)[0]), budget, 'paused');
  await expectRunner('one', 1, 0.03, 17, budget);
  await expectRunner('full', 7, 0.03, 17, budget);
  await q('input[name=sto-lr]').fill('zz');
  assert.match(await q('[data-out=sto-error]').textContent(), /Not a number/);
  await q('input[name=sto-lr]').fill('0.02');
  await q('button[name=sto-reset]').click();
  assert.equal(await q('[data-runner=one] [data-cell=samples]').textContent(), '0');
  // Clicking its plot picks the (m, b) start.
  await q('.sto-plot .u-over').scrollIntoViewIfNeeded();
  const box = await q('.sto-plot .u-over').boundingBox();
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  const start = [Number((await urlParams()).get('sm')), Number((await urlParams()).get('sb'))];
  await q('button[name=sto-step]').click();
  await expectRunner('mini', 2, 0.02, 17, 7, start);
});

test('frame time with 7 optimizers running (reported, generous bound)', async () => {
  await lab.goto('4', 'en');
  await page.setViewportSize({ width: 1280, height: 900 });
  const report = [];
  for (const speed of ['1', '20']) {
    await q('button[name=reset]').click();
    await q('select[name=speed]').selectOption(speed);
    await q('button[name=play]').click();
    await frames(page, 150);  // the page averages its last 120 frames
    const ms = Number(await page.locator(L).getAttribute('data-frame-ms'));
    const t = await stepsShown();
    await q('button[name=pause]').click();
    report.push(`speed ${speed}: ${ms.toFixed(2)} ms per frame (mean of the last 120 frames, at step ${t})`);
    assert.ok(ms > 0 && ms < 100, `frame time ${ms} ms`);
  }
  console.log(`# lesson 4 redraw per animation frame, 7 optimizers: ${report.join('; ')}`);
});

test('exercise: who crosses the saddle first — wrong answer, right answer (from the node core), hint', async () => {
  await lab.goto('4', 'en');
  // The rule the exercise states: the first step at which f falls below the saddle's value.
  const sc = SCENES.find((s) => s.id === 'saddle');
  const level = core.surfaceInfo({ surface: 'saddle' }).saddles[0].f;
  const crossing = Object.fromEntries(sc.on.map((key) => {
    const opt = byKey[key];
    const { settings } = parseSettings(opt, Object.fromEntries(opt.fields.map((f) => [f.name, String(sc.settings[key]?.[f.name] ?? f.torchDefault)])));
    const { path: p } = core.descend({ surface: 'saddle' }, opt.core, settings, ...sc.start, sc.steps);
    let step = -1;
    for (let k = 0; 3 * k + 2 < p.length; k++) if (p[3 * k + 2] < level) { step = k; break; }
    return [key, step];
  }));
  const crossed = Object.entries(crossing).filter(([, s]) => s >= 0);
  const first = Math.min(...crossed.map(([, s]) => s));
  const winners = crossed.filter(([, s]) => s === first).map(([k]) => k);
  assert.equal(winners.length, 1, `one winner: ${JSON.stringify(crossing)}`);
  const ex = exerciseIn(page, L);
  await ex.box.scrollIntoViewIfNeeded();
  const wrong = sc.on.find((k) => !winners.includes(k) && crossing[k] >= 0);
  const said = await ex.answer(wrong);
  assert.equal(await ex.result(), 'wrong');
  assert.ok(said.startsWith('Not yet. '), said);
  assert.ok(said.includes(`${byKey[wrong].label} gets f < 0 at step ${crossing[wrong]}`), said);
  const right = await ex.answer(winners[0]);
  assert.equal(await ex.result(), 'right');
  assert.ok(right.startsWith('Right! '), right);
  assert.ok(right.includes(`${byKey[winners[0]].label} is the first to get f < 0, at step ${first}`), right);
  await ex.openHint();
  await lab.screenshot('04-optimizers-exercise-en');
  await ex.box.screenshot({ path: path.join(screenshotDir, '04-optimizers-exercise-box-en.png') });
  await ex.closeHint();
  // Korean: the same exercise in the other language.
  await lab.goto('4', 'ko');
  assert.ok((await ex.answer(winners[0])).startsWith('정답입니다! '));
  await ex.openHint();
  await ex.box.scrollIntoViewIfNeeded();
  await ex.box.screenshot({ path: path.join(screenshotDir, '04-optimizers-exercise-box-ko.png') });
});

test('screenshots: phone and projector, Korean and English', async () => {
  for (const lang of ['ko', 'en']) {
    await lab.goto('4?t=30', lang);
    await lab.screenshot(`l4-phone-${lang}`, { width: 360, height: 800 });
    await lab.screenshot(`l4-projector-${lang}`, { width: 1920, height: 1080 });
  }
  // No untranslated key anywhere on the page.
  assert.doesNotMatch(await page.locator(L).textContent(), /⟦/);
});

test('no console errors and no error banner', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
  assert.deepEqual(lab.foreignRequests, []);
});
