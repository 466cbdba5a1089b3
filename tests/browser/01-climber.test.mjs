// Lesson 1's night landscape in a real browser: place the climber, step, play, the step-size
// failures, base camp, the flashlight and daylight, the exercise and the one-weight panel — every
// number checked against the node build of the same core.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';
import { formatNumber } from '../../web/shared/format.js';
import { formatInteger } from '../../web/lessons/02-guess/big-format.js';

const SPEC = { surface: 'valleys' };
let lab;
let core;
before(async () => { lab = await openLab(); core = await loadNodeCore(); });
after(async () => { await lab?.close(); });

const sel = (s) => `.lesson-1 .climber ${s}`;
const readout = (name) => lab.page.locator(`.lesson-1 [data-out=${name}]`).first().textContent();
const param = (name) => new URL(lab.page.url().replace('#/', '')).searchParams.get(name);
const position = () => [Number(param('cx') ?? -0.5), Number(param('cy') ?? 4.5)];
async function waitStatus(statuses, timeout = 20000) {
  await lab.page.waitForFunction((s) => s.includes(document.querySelector('.lesson-1 .climber').dataset.status),
    statuses, { timeout });
  return lab.page.locator('.lesson-1 .climber').getAttribute('data-status');
}

test('the read-outs at the start are the core\'s, and a step is core.descend\'s first step', async () => {
  await lab.goto('1?cx=0.5&cy=-2&ceta=0.2', 'en');
  const spot = core.climbSpot(SPEC, 0.5, -2);
  assert.equal(await readout('height'), formatNumber(spot.f));
  assert.equal(await readout('cslope'), formatNumber(spot.slope));
  assert.equal(await readout('csteps'), '0');
  await lab.page.click(sel('button[name=cstep]'));
  const { path } = core.descend(SPEC, 'sgd', { lr: 0.2 }, 0.5, -2, 2);
  assert.equal(await readout('csteps'), '1');
  assert.equal(await readout('position'), `(${formatNumber(path[3])}, ${formatNumber(path[4])})`);
  assert.equal(await readout('height'), formatNumber(path[5]));
  await lab.page.click(sel('button[name=cstep]'));
  assert.equal(await readout('height'), formatNumber(path[8]));
  // The cross-section chart is drawn.
  assert.equal(await lab.page.locator(sel('.climb-section canvas')).count(), 1);
});

test('clicking the map places the climber; arrow keys move it', async () => {
  await lab.goto('1', 'en');
  const over = lab.page.locator(sel('.climb-map .u-over'));
  await over.scrollIntoViewIfNeeded();
  const box = await over.boundingBox();
  await lab.page.mouse.click(box.x + box.width * 0.75, box.y + box.height * 0.25);
  await lab.page.waitForFunction(() => location.hash.includes('cx='));  // the URL holds the spot
  const [x, y] = position();
  // The map spans [−6, 6] on both axes: 75 % across is x ≈ 3, 25 % down is y ≈ 3.
  assert.ok(Math.abs(x - 3) < 0.2 && Math.abs(y - 3) < 0.2, `placed at ${x}, ${y}`);
  assert.equal(await readout('height'), formatNumber(core.climbSpot(SPEC, x, y).f));
  assert.equal(await readout('csteps'), '0');
  await lab.page.focus(sel('.climb-map'));
  await lab.page.keyboard.press('ArrowRight');
  await lab.page.keyboard.press('Shift+ArrowDown');
  const [x2, y2] = position();
  assert.ok(Math.abs(x2 - (x + 0.1)) < 2e-3 && Math.abs(y2 - (y - 0.5)) < 2e-3, `moved to ${x2}, ${y2}`);
  assert.equal(await readout('height'), formatNumber(core.climbSpot(SPEC, x2, y2).f));
});

test('a good step size reaches base camp and says so, with the core\'s step count', async () => {
  await lab.goto('1?cx=5&cy=-5&ceta=0.5', 'en');
  await lab.page.click(sel('button[name=play]'));
  assert.equal(await lab.page.getAttribute(sel('button[name=play]'), 'aria-pressed'), 'true');
  assert.equal(await waitStatus(['base_camp']), 'base_camp');
  const expected = core.reachBaseCamp(SPEC, 5, -5, 0.5, 1000).stepsToBaseCamp;
  assert.equal(await readout('csteps'), String(expected));
  const message = await readout('cmessage');
  assert.match(message, /Base camp/);
  assert.ok(message.includes(String(expected)));
  assert.equal(await lab.page.getAttribute(sel('button[name=play]'), 'aria-pressed'), 'false');
  await lab.screenshot('01-climber-basecamp-en');
});

test('a small dip is explained as being stuck', async () => {
  await lab.goto('1?cx=-1&cy=4&ceta=0.5', 'en');
  await lab.page.click(sel('button[name=play]'));
  assert.equal(await waitStatus(['stuck']), 'stuck');
  const message = await readout('cmessage');
  assert.match(message, /Stuck in a small dip/);
  const camp = core.surfaceInfo(SPEC).minima[0];
  assert.ok(message.includes(formatNumber(camp.f)));
});

test('a huge step size is shown as divergence: message and the path leaving the map', async () => {
  await lab.goto('1?cx=5&cy=-5&ceta=100', 'en');
  for (let i = 0; i < 3; i++) await lab.page.click(sel('button[name=cstep]'));
  const status = await lab.page.locator('.lesson-1 .climber').getAttribute('data-status');
  assert.ok(status === 'left' || status === 'diverged', status);
  assert.match(await readout('cmessage'), /jumped off the map|Diverged/);
  const body = await lab.page.locator('main').textContent();
  assert.ok(!body.includes('NaN'), 'no NaN on screen');
  await lab.screenshot('01-climber-diverged-en');
});

test('a tiny step size: many steps and a note that it is slow', async () => {
  await lab.goto('1?cx=5&cy=-5&ceta=0.001', 'en');
  await lab.page.evaluate(() => { for (let i = 0; i < 160; i++) document.querySelector('.lesson-1 button[name=cstep]').click(); });
  assert.equal(await readout('csteps'), '160');
  assert.match(await readout('cmessage'), /Still walking after 160 steps/);
  const { path } = core.descend(SPEC, 'sgd', { lr: 0.001 }, 5, -5, 160);
  assert.equal(await readout('height'), formatNumber(path[path.length - 1]));
});

test('flashlight, daylight, step size and reset are in the URL and restored', async () => {
  await lab.goto('1?cx=1&cy=1', 'en');
  // Night: a corner far from the climber is dark; daylight shows the map.
  const cornerBrightness = () => lab.page.evaluate(() => {
    const canvas = document.querySelector('.lesson-1 .climb-map canvas');
    const ctx = canvas.getContext('2d');
    const u = document.querySelector('.lesson-1 .climb-map .u-over').getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    const sx = canvas.width / c.width;
    const [r, g, b] = ctx.getImageData(Math.round((u.left - c.left + 12) * sx), Math.round((u.top - c.top + 12) * sx), 1, 1).data;
    return r + g + b;
  });
  assert.ok(await cornerBrightness() < 90, 'the corner is dark at night');
  await lab.page.check(sel('input[name=day]'));
  assert.ok(await cornerBrightness() > 150, 'the corner is visible in daylight');
  assert.equal(param('day'), '1');
  await lab.page.focus(sel('input[name=light]'));
  await lab.page.keyboard.press('ArrowRight');
  assert.equal(param('light'), '1.6');
  await lab.page.focus(sel('input[name=ceta]'));
  await lab.page.keyboard.press('ArrowRight');
  const eta = Number(param('ceta'));
  assert.ok(eta > 0.1 && eta < 0.11, `η = ${eta}`);
  assert.equal(await lab.page.locator(sel('output[name=ceta-out]')).textContent(), formatNumber(eta, 3));
  await lab.page.click(sel('button[name=cstep]'));
  await lab.page.click(sel('button[name=creset]'));
  assert.deepEqual(position(), [1, 1]);
  assert.equal(await readout('csteps'), '0');
  // Restore from the URL.
  const url = lab.page.url().split('#/')[1];
  await lab.goto(url, 'ko');
  assert.equal(await lab.page.isChecked(sel('input[name=day]')), true);
  assert.equal(await lab.page.inputValue(sel('input[name=light]')), '1.6');
  assert.equal(await lab.page.locator(sel('output[name=ceta-out]')).textContent(), formatNumber(eta, 3));
  assert.equal(await readout('height'), formatNumber(core.climbSpot(SPEC, 1, 1).f));
});

test('redraw time of the night map when the flashlight moves and the climber steps', async (t) => {
  await lab.goto('1?cx=0&cy=0&ceta=0.05', 'en');
  // Each change is followed by `await null`: uPlot draws in a microtask queued by the change, so
  // the time measured includes the map, the contour lines, the night overlay and the section.
  const timing = await lab.page.evaluate(async () => {
    const light = document.querySelector('.lesson-1 input[name=light]');
    const step = document.querySelector('.lesson-1 button[name=cstep]');
    const lightMs = [], stepMs = [];
    for (let i = 0; i < 40; i++) {
      light.value = String(0.5 + (i % 20) * 0.25);
      let t0 = performance.now();
      light.dispatchEvent(new Event('input'));
      await null;
      lightMs.push(performance.now() - t0);
      t0 = performance.now();
      step.click();
      await null;
      stepMs.push(performance.now() - t0);
    }
    const median = (a) => [...a].sort((p, q) => p - q)[Math.floor(a.length / 2)];
    return { light: median(lightMs), step: median(stepMs), max: Math.max(...lightMs.slice(1), ...stepMs.slice(1)) };
  });
  t.diagnostic(`night map (121x121 grid, 18 contour levels): flashlight input → redrawn ${timing.light.toFixed(2)} ms; ` +
    `step → redrawn ${timing.step.toFixed(2)} ms (medians of 40), max ${timing.max.toFixed(2)} ms`);
  console.log(`[timing] ${JSON.stringify(timing)}`);
  assert.ok(timing.light < 100 && timing.step < 100, JSON.stringify(timing));
});

test('the exercise is checked by the core', async () => {
  await lab.goto('1?ceta=0.5', 'en');
  await lab.page.click(sel('button[name=ex-place]'));
  assert.deepEqual(position(), [5, -5]);
  await lab.page.click(sel('button[name=ex-check]'));
  const r = core.reachBaseCamp(SPEC, 5, -5, 0.5, 50);
  assert.ok(r.stepsToBaseCamp > 0);
  assert.equal(await readout('ex-result'), `Solved! With η = ${formatNumber(0.5, 3)} the climber reaches base camp in ${r.stepsToBaseCamp} steps.`);
  await lab.goto('1?ceta=0.01', 'en');
  await lab.page.click(sel('button[name=ex-check]'));
  assert.match(await readout('ex-result'), /not there yet/);
  await lab.goto('1?ceta=100', 'en');
  await lab.page.click(sel('button[name=ex-check]'));
  assert.match(await readout('ex-result'), /too large/);
});

test('one weight at a time: forward passes counted by the core; bad input explained', async () => {
  await lab.goto('1', 'en');
  const cost = () => lab.page.locator('.lesson-1 [data-out=probe-cost]').textContent();
  assert.equal(await cost(), '11,935 parameters → 23,870 forward passes for a single step.');
  await lab.page.fill('.lesson-1 input[name=net]', '784,512,128,10');
  const p = core.countParameters([784, 512, 128, 10]).parameters;
  assert.equal(await cost(), `${formatInteger(p)} parameters → ${formatInteger(core.probeForwardPasses(p))} forward passes for a single step.`);
  assert.match(param('net'), /784,512,128,10/);
  await lab.page.fill('.lesson-1 input[name=net]', '784,abc,10');
  assert.match(await cost(), /“abc”, is not a number/);
  await lab.page.fill('.lesson-1 input[name=net]', '');
  assert.match(await cost(), /Type the layer sizes/);
  await lab.page.fill('.lesson-1 input[name=net]', '784,0');
  assert.match(await cost(), /at least one neuron/);
});

test('screenshots: phone and projector, both languages', async () => {
  for (const lang of ['en', 'ko']) {
    await lab.goto('1?cx=-1&cy=4&ceta=0.3', lang);
    for (let i = 0; i < 5; i++) await lab.page.click(sel('button[name=cstep]'));
    await lab.screenshot(`01-climber-phone-${lang}`, { width: 360, height: 800 });
    await lab.screenshot(`01-climber-projector-${lang}`, { width: 1920, height: 1080 });
  }
});

test('no console errors and no error banner', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
