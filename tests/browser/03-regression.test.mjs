// Lesson 3 (linear regression) in a real browser: every control — table edit/add/remove/reset,
// point drag, double-click add/remove, line handles, sliders, presets, map click, step/play/
// pause/reset, the learning-rate slider — with the numbers shown checked against the node build
// of the same core. Also URL restore, divergence, timing of the contour redraw, screenshots.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab, frames } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { formatNumber } from '../../web/shared/format.js';

let lab;
let core;
before(async () => { lab = await openLab(); core = await loadNodeCore(); });
after(async () => { await lab?.close(); });

const X = [2.4, 2.8, 3.2, 3.6, 4.0, 4.2, 5.0];
const Y = [1.7, 1.85, 1.79, 1.95, 2.1, 2.0, 2.7];
const spec = (x = X, y = Y) => ({ surface: 'regression', x, y });
const L = '.lesson-3';
const readout = (name) => lab.page.locator(`${L} [data-out="${name}"]`).first().textContent();
// The lesson's state in the URL, once the page has written it (it writes at most every 200 ms and
// says so in body[data-url-pending] meanwhile).
async function urlState() {
  await lab.page.waitForFunction(() => !('urlPending' in document.body.dataset));
  return new URLSearchParams((await lab.page.evaluate(() => location.hash)).split('?')[1] ?? '');
}
async function tablePoints() {
  return lab.page.$$eval(`${L} table.l3-points tbody tr`, (rows) => rows.map((tr) =>
    [Number(tr.querySelector('input[name=x]').value), Number(tr.querySelector('input[name=y]').value)]));
}
// Screen position of a data point on a uPlot chart with a known view box.
async function toScreen(selector, box, x, y) {
  const over = lab.page.locator(`${L} ${selector} .u-over`);
  await over.scrollIntoViewIfNeeded();
  const r = await over.boundingBox();
  return [r.x + ((x - box.xMin) / (box.xMax - box.xMin)) * r.width, r.y + (1 - (y - box.yMin) / (box.yMax - box.yMin)) * r.height];
}
const SCATTER = { xMin: 0, xMax: 6, yMin: 0, yMax: 4 };
const SURFACE = { xMin: -2, xMax: 4, yMin: -6, yMax: 8 };

async function assertLineReadouts(m, b, x = X, y = Y) {
  const at = core.surfaceAt(spec(x, y), m, b);
  assert.equal(await readout('mse'), formatNumber(at.f), `MSE at (${m}, ${b})`);
  assert.equal(await readout('gm'), formatNumber(at.gx), `∂J/∂m at (${m}, ${b})`);
  assert.equal(await readout('gb'), formatNumber(at.gy), `∂J/∂b at (${m}, ${b})`);
  const report = core.lineReport(x, y, m, b);
  assert.equal(await readout('distance'), formatNumber(report.distance, 3));
  assert.equal(await readout('gap'), formatNumber(report.mseGap, 3));
}

test('the original points: least squares 0.336, 0.805, MSE 0.0181, and the default line', async () => {
  await lab.goto('3', 'en');
  const fit = core.leastSquares(X, Y);
  assert.equal(await readout('fit-m'), formatNumber(fit.m, 3));
  assert.equal(await readout('fit-b'), formatNumber(fit.b, 3));
  assert.equal(await readout('fit-mse'), formatNumber(fit.mse, 3));
  assert.deepEqual([await readout('fit-m'), await readout('fit-b'), await readout('fit-mse')], ['0.336', '0.805', '0.0181']);
  assert.deepEqual(await tablePoints(), X.map((x, i) => [x, Y[i]]));
  await assertLineReadouts(0.8, -0.9);
  // The residual column is the core's ŷ − y.
  const residuals = await lab.page.$$eval(`${L} [data-out=residual]`, (cells) => cells.map((c) => c.textContent));
  assert.deepEqual(residuals, core.lineReport(X, Y, 0.8, -0.9).residual.map((r) => formatNumber(r, 3)));
  // The source's guess of the floor is shown with its computed MSE.
  assert.match(await readout('floor-note'), new RegExp(formatNumber(core.surfaceAt(spec(), 0.5, 1).f, 3)));
  // KaTeX formulas rendered, and the "more dimensions" gradient carries the core's numbers.
  assert.ok(await lab.page.locator(`${L} .l3-formulas .katex`).count() >= 4);
  await frames(lab.page, 2);  // the matrices are typeset in the next animation frame
  const dims = await lab.page.locator(`${L} [data-out="dims"]`).evaluate((el) => [...el.querySelectorAll(".katex-html")].map((k) => k.textContent).join(" "));
  const at = core.surfaceAt(spec(), 0.8, -0.9);
  assert.ok(dims.includes(formatNumber(at.gx, 3)) && dims.includes(formatNumber(at.gy, 3)), dims);
});

test('sliders m and b (keyboard) and the presets show the core\'s MSE and gradient', async () => {
  await lab.goto('3?m=0.5&b=1&preset=none', 'en');
  await assertLineReadouts(0.5, 1);
  await lab.page.focus(`${L} input[name=m]`);
  await lab.page.keyboard.press('ArrowRight');
  await lab.page.focus(`${L} input[name=b]`);
  await lab.page.keyboard.press('ArrowLeft');
  await lab.page.keyboard.press('ArrowLeft');
  const s = await urlState();
  assert.equal(Number(s.get('m')), 0.51);
  assert.equal(Number(s.get('b')), 0.98);
  await assertLineReadouts(0.51, 0.98);
  for (const [n, m, b] of [['2', -0.11, 2.5], ['3', 0.28, 1.0], ['1', 0.8, -0.9]]) {
    await lab.page.selectOption(`${L} select[name=preset]`, n);
    await assertLineReadouts(m, b);
    assert.match(await readout('preset-note'), new RegExp(formatNumber(core.surfaceAt(spec(), m, b).f, 3)));
  }
  // The middle candidate is the one the source names: its computed MSE differs from the 0.08 quoted.
  await lab.page.selectOption(`${L} select[name=preset]`, '2');
  assert.match(await readout('preset-note'), /0\.08.*0\.16/);
  assert.equal((await urlState()).get('preset'), '2');
  await lab.page.check(`${L} input[name=show-fit]`);
  assert.equal((await urlState()).get('fit'), '1');
});

test('clicking the loss surface sets (m, b); arrow keys move it', async () => {
  await lab.goto('3', 'en');
  const [px, py] = await toScreen('.l3-contour', SURFACE, 1.5, 3);
  await lab.page.mouse.click(px, py);
  let s = await urlState();
  const m = Number(s.get('m'));
  const b = Number(s.get('b'));
  assert.ok(Math.abs(m - 1.5) < 0.05 && Math.abs(b - 3) < 0.1, `clicked (${m}, ${b})`);
  assert.equal(s.get('preset'), 'none');
  await assertLineReadouts(m, b);
  await lab.page.focus(`${L} .l3-contour`);
  await lab.page.keyboard.press('ArrowLeft');
  s = await urlState();
  assert.ok(Math.abs(Number(s.get('m')) - (m - 0.05)) < 1e-9);
  await assertLineReadouts(Number(s.get('m')), b);
});

test('a gradient-descent step equals core.descend; play, pause, reset', async () => {
  await lab.goto('3?m=-1&b=5&lr=0.05&preset=none', 'en');
  await lab.page.click(`${L} button[name=step]`);
  const one = core.descend(spec(), 'sgd', { lr: 0.05 }, -1, 5, 1).path;
  const at0 = core.surfaceAt(spec(), -1, 5);
  // The update rule, checked against the core's own step.
  assert.ok(Math.abs(one[3] - (-1 - 0.05 * at0.gx)) < 1e-12 && Math.abs(one[4] - (5 - 0.05 * at0.gy)) < 1e-12);
  assert.equal(await readout('steps'), '1');
  assert.equal(await lab.page.locator(`${L} output[name=m-out]`).textContent(), formatNumber(one[3]));
  assert.equal(await lab.page.locator(`${L} output[name=b-out]`).textContent(), formatNumber(one[4]));
  await assertLineReadouts(one[3], one[4]);
  let s = await urlState();
  assert.equal(s.get('start'), '-1,5');
  assert.equal(s.get('steps'), '1');

  await lab.page.click(`${L} button[name=play]`);
  await lab.page.waitForFunction((sel) => Number(document.querySelector(sel)?.textContent) > 5, `${L} [data-out="steps"]`);
  assert.ok(await lab.page.locator(`${L} button[name=play]`).isDisabled());
  await lab.page.click(`${L} button[name=pause]`);
  const steps = Number(await readout('steps'));
  assert.ok(steps > 5, `steps after playing: ${steps}`);
  const path = core.descend(spec(), 'sgd', { lr: 0.05 }, -1, 5, steps).path;
  const [m, b] = [path[3 * steps], path[3 * steps + 1]];
  assert.equal(await lab.page.locator(`${L} output[name=m-out]`).textContent(), formatNumber(m));
  await assertLineReadouts(m, b);
  await frames(lab.page, 10);
  assert.equal(Number(await readout('steps')), steps, 'paused: no more steps');

  // The learning-rate slider replays the same number of steps from the same start.
  await lab.page.focus(`${L} input[name=lr]`);
  await lab.page.keyboard.press('ArrowLeft');
  s = await urlState();
  const lr = Number(s.get('lr'));
  assert.ok(lr < 0.05 && lr > 0.049, `lr ${lr}`);
  assert.equal(await lab.page.locator(`${L} output[name=lr-out]`).textContent(), formatNumber(lr, 3));
  const replay = core.descend(spec(), 'sgd', { lr }, -1, 5, steps).path;
  await assertLineReadouts(replay[3 * steps], replay[3 * steps + 1]);

  await lab.page.click(`${L} button[name=reset]`);
  assert.equal(await readout('steps'), '0');
  await assertLineReadouts(-1, 5);
  s = await urlState();
  assert.equal(s.get('steps'), null);
  assert.equal(Number(s.get('m')), -1);
  await lab.screenshot('03-regression-descent-en', { width: 1280, height: 900 });
});

test('too large a learning rate diverges, with the step the core reports', async () => {
  await lab.goto('3?m=-1&b=5&lr=0.5&preset=none', 'en');
  await lab.page.click(`${L} button[name=play]`);
  await lab.page.waitForFunction((sel) => /Diverged at step/.test(document.querySelector(sel)?.textContent ?? ''),
    `${L} [data-out="message"]`, { timeout: 15000 });
  const { divergedAt } = core.descend(spec(), 'sgd', { lr: 0.5 }, -1, 5, 5000);
  assert.ok(divergedAt > 0);
  assert.match(await readout('message'), new RegExp(`Diverged at step ${divergedAt} `));
  for (const name of ['mse', 'gm', 'gb', 'distance', 'gap']) assert.doesNotMatch(await readout(name), /NaN|∞/, name);
  assert.ok(await lab.page.locator(`${L} button[name=play]`).isDisabled());
  assert.ok(await lab.page.locator(`${L} button[name=step]`).isDisabled());
  // Back to start leaves the divergence behind.
  await lab.page.click(`${L} button[name=reset]`);
  assert.equal(await readout('steps'), '0');
  assert.ok(await lab.page.locator(`${L} button[name=step]`).isEnabled());
  await assertLineReadouts(-1, 5);
  await lab.page.click(`${L} button[name=play]`);
  await lab.page.waitForFunction((sel) => /Diverged at step/.test(document.querySelector(sel)?.textContent ?? ''),
    `${L} [data-out="message"]`, { timeout: 15000 });
  await lab.screenshot('03-regression-diverged-en', { width: 1280, height: 900 });
});

test('the table: edit, bad input keeps the last valid data, add, remove, reset', async () => {
  await lab.goto('3', 'en');
  const page = lab.page;
  const cell = (row, axis) => page.locator(`${L} tbody tr[data-row="${row}"] input[name=${axis}]`);
  const assertFit = async (x, y) => {
    const fit = core.leastSquares(x, y);
    assert.equal(await readout('fit-m'), formatNumber(fit.m, 3));
    assert.equal(await readout('fit-b'), formatNumber(fit.b, 3));
    assert.equal(await readout('fit-mse'), formatNumber(fit.mse, 3));
  };
  await cell(0, 'y').fill('2.2');
  const y1 = [2.2, ...Y.slice(1)];
  await assertFit(X, y1);
  await assertLineReadouts(0.8, -0.9, X, y1);
  await cell(1, 'x').fill('abc');
  assert.match(await readout('table-error'), /Row 2: x value “abc” is not a number.*last valid data/);
  await assertFit(X, y1);
  await cell(1, 'x').fill('');
  assert.match(await readout('table-error'), /Row 2: x is empty/);
  await cell(1, 'x').fill('2.8');
  assert.equal(await readout('table-error'), '');
  // Add a row: empty until filled in, then part of the data.
  await page.click(`${L} button[name=add-row]`);
  assert.match(await readout('table-error'), /Row 8: x is empty/);
  await cell(7, 'x').fill('6');
  await cell(7, 'y').fill('3');
  await assertFit([...X, 6], [...y1, 3]);
  // Remove rows until one is left: the lab keeps the last valid (two-point) data.
  for (let i = 0; i < 6; i++) await page.click(`${L} tbody tr[data-row="0"] button[name=remove-row]`);
  assert.deepEqual(await tablePoints(), [[5, 2.7], [6, 3]]);
  await assertFit([5, 6], [2.7, 3]);
  await page.click(`${L} tbody tr[data-row="0"] button[name=remove-row]`);
  assert.match(await readout('table-error'), /Only 1 point/);
  await assertFit([5, 6], [2.7, 3]);
  await page.click(`${L} button[name=add-row]`);
  await cell(1, 'x').fill('6');
  await cell(1, 'y').fill('1');
  assert.match(await readout('table-error'), /Every point has x = 6/);
  await assertFit([5, 6], [2.7, 3]);
  assert.doesNotMatch(await readout('mse'), /NaN/);
  await lab.screenshot('03-regression-table-error-en', { width: 1280, height: 900 });
  await page.click(`${L} button[name=reset-data]`);
  assert.deepEqual(await tablePoints(), X.map((x, i) => [x, Y[i]]));
  assert.equal(await readout('table-error'), '');
  await assertFit(X, Y);
});

test('dragging a point, double-click add/remove, dragging the line\'s handles', async (t) => {
  await lab.goto('3', 'en');
  const page = lab.page;
  // Drag point 7 (5.0, 2.7) to about (5.5, 3.5): the table, the fit and the surface follow.
  const [x0, y0] = await toScreen('.l3-scatter', SCATTER, 5.0, 2.7);
  const [x1, y1] = await toScreen('.l3-scatter', SCATTER, 5.5, 3.5);
  const dataset = () => page.evaluate(() => ({ ...document.querySelector('.lesson-3').dataset }));
  const timings = { grid120: [], grid60: [], overlay: [], render: [] };
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) {
    await page.mouse.move(x0 + ((x1 - x0) * k) / 12, y0 + ((y1 - y0) * k) / 12);
    await frames(page, 2);
    const d = await dataset();
    for (const key of ['grid120', 'grid60']) if (d[`${key}Ms`]) timings[key].push(`${d[`${key}Ms`]} (${d[`${key}Parts`]})`);
    timings.render.push(d.renderMs);
  }
  await page.mouse.up();
  const pts = await tablePoints();
  assert.equal(pts.length, 7);
  assert.ok(Math.abs(pts[6][0] - 5.5) < 0.03 && Math.abs(pts[6][1] - 3.5) < 0.03, `dragged to ${pts[6]}`);
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const fit = core.leastSquares(xs, ys);
  assert.equal(await readout('fit-m'), formatNumber(fit.m, 3));
  assert.equal(await readout('fit-b'), formatNumber(fit.b, 3));
  await assertLineReadouts(0.8, -0.9, xs, ys);
  const s = await urlState();
  assert.deepEqual(s.get('pts').split(',').map(Number), pts.flat());
  // Timing of the contour grid (core.surfaceGrid + shading + contour lines + uPlot redraw).
  // Reported, not asserted tightly (CI machines vary): ms as "total (recompute+redraw)".
  const ms = await dataset();
  t.diagnostic(`while dragging — grid 120x120: ${[...new Set(timings.grid120)].join(', ') || 'not used'}`);
  t.diagnostic(`while dragging — grid 60x60: ${[...new Set(timings.grid60)].join(', ') || 'not used'}`);
  t.diagnostic(`after release — grid 120x120: ${ms.grid120Ms} (${ms.grid120Parts}); render() without the grid: ${timings.render.join(', ')}`);

  // Double-click empty space adds a point there; double-click it again removes it.
  const [ax, ay] = await toScreen('.l3-scatter', SCATTER, 1, 3);
  await page.mouse.dblclick(ax, ay);
  let after = await tablePoints();
  assert.equal(after.length, 8);
  assert.ok(Math.abs(after[7][0] - 1) < 0.03 && Math.abs(after[7][1] - 3) < 0.03, `added ${after[7]}`);
  const fit8 = core.leastSquares(after.map((p) => p[0]), after.map((p) => p[1]));
  assert.equal(await readout('fit-m'), formatNumber(fit8.m, 3));
  await page.mouse.dblclick(ax, ay);
  after = await tablePoints();
  assert.equal(after.length, 7);

  // The right handle sits on the line at x = 4.8: drag it down to y = 2; the left one stays.
  await page.click(`${L} button[name=reset-data]`);
  const [hx, hy] = await toScreen('.l3-scatter', SCATTER, 4.8, 0.8 * 4.8 - 0.9);
  const [, ty] = await toScreen('.l3-scatter', SCATTER, 4.8, 2);
  await page.mouse.move(hx, hy);
  await page.mouse.down();
  await page.mouse.move(hx, ty, { steps: 6 });
  await page.mouse.up();
  const line = await urlState();
  const m = Number(line.get('m'));
  const b = Number(line.get('b'));
  assert.ok(Math.abs(m - (2 - (0.8 * 1.2 - 0.9)) / 3.6) < 0.02, `m after the handle drag: ${m}`);
  assert.ok(Math.abs(m * 1.2 + b - (0.8 * 1.2 - 0.9)) < 1e-3, 'the left handle stayed');
  await assertLineReadouts(m, b);
  const o = await dataset();
  t.diagnostic(`moving the line — loss-surface overlay redraw: ${o.overlayMs} (${o.overlayParts}); render(): ${o.renderMs}`);
});

test('timing: the 120x120 contour grid, recomputed for new data (reported)', async (t) => {
  await lab.goto('3', 'en');
  const page = lab.page;
  const totals = [];
  const parts = [];
  for (let k = 0; k < 15; k++) {
    await page.locator(`${L} tbody tr[data-row="0"] input[name=y]`).fill(String(1.7 + 0.01 * (k + 1)));
    await frames(page, 2);
    const d = await page.evaluate(() => ({ ...document.querySelector('.lesson-3').dataset }));
    totals.push(Number(d.grid120Ms));
    parts.push(d.grid120Parts);
  }
  const sorted = [...totals].sort((a, b) => a - b);
  t.diagnostic(`grid 120x120 recompute+redraw over 15 data edits: min ${sorted[0]} ms, median ${sorted[7]} ms, max ${sorted[14]} ms; parts (recompute+draw): ${parts.join(', ')}`);
  // Reported only: a wall-clock bound here turned runs red on a busy machine (npm run bench measures).
  assert.ok(totals.every((ms) => ms >= 0), 'every edit redrew the grid');
});

test('the URL restores points, line, η, preset and a descent in progress', async () => {
  const x = [1, 2, 3, 4];
  const y = [1.5, 1.9, 3.2, 3.9];
  const pts = x.flatMap((v, i) => [v, y[i]]).join(',');
  await lab.goto(`3?pts=${pts}&lr=0.02&start=0,0&steps=12&preset=none&fit=1`, 'ko');
  assert.deepEqual(await tablePoints(), x.map((v, i) => [v, y[i]]));
  assert.equal(await readout('steps'), '12');
  const path = core.descend(spec(x, y), 'sgd', { lr: 0.02 }, 0, 0, 12).path;
  await assertLineReadouts(path[36], path[37], x, y);
  assert.equal(await lab.page.locator(`${L} output[name=lr-out]`).textContent(), '0.02');
  assert.ok(await lab.page.locator(`${L} input[name=show-fit]`).isChecked());
  const fit = core.leastSquares(x, y);
  assert.equal(await readout('fit-m'), formatNumber(fit.m, 3));
  // Korean text on the page, and no missing keys.
  assert.match(await lab.page.locator(`${L} h1`).textContent(), /선형 회귀/);
  assert.doesNotMatch(await lab.page.locator(L).textContent(), /⟦/);
  // A link whose points cannot define a line says so and falls back to the original data.
  await lab.goto('3?pts=2,1,2,3', 'en');
  assert.match(await readout('data-message'), /do not define a line/);
  assert.equal(await readout('fit-m'), '0.336');
});

test('exercise: MSE below 0.02 by hand, checked with the core', async () => {
  await lab.goto('3?m=0.3&b=0.88&preset=none', 'en');
  const f = core.surfaceAt(spec(), 0.3, 0.88).f;
  assert.ok(f >= 0.02);
  assert.match(await readout('exercise'), new RegExp(`MSE is ${formatNumber(f)} now`));
  await lab.page.focus(`${L} input[name=b]`);
  await lab.page.keyboard.press('ArrowRight');
  await lab.page.keyboard.press('ArrowRight');
  const g = core.surfaceAt(spec(), 0.3, 0.9).f;
  assert.ok(g < 0.02);
  assert.match(await readout('exercise'), new RegExp(`Done!.*MSE ${formatNumber(g)}`));
});

test('screenshots: phone and projector, Korean and English', async () => {
  for (const lang of ['ko', 'en']) {
    await lab.goto('3?m=-1&b=5&lr=0.05&start=-1,5&steps=60&preset=none', lang);
    for (const [name, width, height] of [['phone', 360, 800], ['projector', 1920, 1080]]) {
      await lab.screenshot(`03-regression-${name}-${lang}`, { width, height });
      const overflow = await lab.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: horizontal overflow of ${overflow}px`);
    }
  }
});

test('no console errors and no error banner', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
