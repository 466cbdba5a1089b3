// Every lesson opened with random and hostile URL states: unknown keys, huge and negative
// numbers, NaN, Infinity, unicode, 10,000-character values, lists of 10,000 items, keys that
// name Object.prototype's members, malformed escapes. Each must mount with no page error, no
// error banner and a working lesson (mounted, with its controls, and still answering a control
// change). The keys come from each lesson's own state table (web/shared/url-state.js), read from
// the lesson module the page loaded. Random states are drawn from a fixed seed (printed).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';
import { lessons } from '../../web/lessons/index.js';

let lab;
before(async () => { lab = await openLab(); });
after(async () => { await lab?.close(); });

const SEED = Number(process.env.BASECAMP_HOSTILE_SEED ?? 20261203);
const RANDOM_STATES = 4;  // per lesson

// mulberry32: a small seeded generator, so a failing state can be replayed.
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LONG = 'x'.repeat(10_000);
const LONG_NUMBER = '9'.repeat(10_000);
const LIST = Array.from({ length: 10_000 }, (_, i) => String(i % 7 + 1)).join(',');
const HOSTILE_VALUES = ['1e308', '-1e308', '1e999', '-1', '-0', '0', 'NaN', 'Infinity', '-Infinity', '', ' ',
  '0x10', '1e-320', '3.5', '2147483648', '-2147483649', '9007199254740993', 'true', 'null', 'undefined',
  '한국어', '𝔘𝔫𝔦𝔠𝔬𝔡𝔢\u202e', '\u0000', '<img src=x onerror=alert(1)>', '%zz', '1,2,,3', ',,,', 'NaN,NaN',
  '784,-5,10', '784,1e9,10', LONG, LONG_NUMBER, LIST];
const UNKNOWN_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'zzz', '', '한', 'lang'];

// The lesson's state table, from the module the page loaded for it: {key: {type, default, ...}}.
async function stateTableOf(id) {
  await lab.goto(String(id), 'en');
  return lab.page.evaluate(async () => {
    const scripts = performance.getEntriesByType('resource').map((e) => e.name).filter((u) => /\/assets\/[^/]+\.js$/.test(u));
    for (const url of scripts) {
      const module = await import(url);
      if (typeof module.mount !== 'function' || !module.stateTable) continue;
      // A table built from the core's lists (the boundary lesson's datasets) is a function of
      // the core; only its keys matter here, so any list will do.
      const anyList = new Proxy({}, { get: () => () => [] });
      const table = typeof module.stateTable === 'function' ? module.stateTable(anyList) : module.stateTable;
      return JSON.parse(JSON.stringify(table));
    }
    return null;
  });
}

// The hostile states of one lesson, each a query string (without '?'), with a name.
function hostileStates(table, random) {
  const keys = Object.keys(table);
  const every = (value) => keys.map((k) => [k, value]);
  const states = [
    ['huge numbers', every('1e308')], ['negative numbers', every('-1e308')], ['NaN', every('NaN')],
    ['Infinity', every('Infinity')], ['subnormal numbers', every('1e-320')], ['unicode', every('𝔘ñí©ødé 한국어 \u202e')],
    ['10,000-character values', every(LONG_NUMBER)], ['10,000-item lists', every(LIST)],
    ['unknown keys', UNKNOWN_KEYS.map((k) => [k, LONG])],
    ['every key twice', [...every('1'), ...every('-1')]],
  ];
  for (let n = 0; n < RANDOM_STATES; n += 1) {
    const pairs = keys.filter(() => random() < 0.7).map((k) => [k, HOSTILE_VALUES[Math.floor(random() * HOSTILE_VALUES.length)]]);
    if (random() < 0.5) pairs.push([UNKNOWN_KEYS[Math.floor(random() * UNKNOWN_KEYS.length)], HOSTILE_VALUES[Math.floor(random() * HOSTILE_VALUES.length)]]);
    states.push([`random #${n + 1}`, pairs]);
  }
  return states.map(([name, pairs]) => [name, new URLSearchParams(pairs).toString()]);
}

// Follows a link to `hash` in the open page and returns once the shell has taken it (its
// hashchange handler runs first and clears the ready mark). A counter keeps every hash new.
let navigations = 0;
async function follow(hash) {
  navigations += 1;
  const target = `${hash}${hash.includes('?') ? '&' : '?'}nav=${navigations}`;
  await lab.page.evaluate((h) => new Promise((resolve) => {
    window.addEventListener('hashchange', resolve, { once: true });
    location.hash = h;
  }), target);
}

// Opens #/<id>?<query> in the open page (a link followed in the tab) and checks the lesson works.
async function openAndCheck(id, query, what) {
  const { page } = lab;
  lab.problems.length = 0;
  await follow(`#/${id}?${query}`);
  try {
    await page.waitForFunction((i) => document.body.dataset.ready === String(i), id, { timeout: 60_000 });
  } catch {
    assert.fail(`${what}: lesson ${id} did not mount (${lab.problems.join('; ')}) with ${query.slice(0, 400)}`);
  }
  // Two frames: what the lesson draws after mounting has run.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const lesson = page.locator(`.lesson-${id}`);
  assert.ok(await lesson.locator('input, select, button').count() > 0, `${what}: lesson ${id} has no controls`);
  // Still answering: a change on its first text or number field (its own value again).
  const field = lesson.locator('input[type=text], input[type=number], input:not([type]), select').first();
  if (await field.count()) {
    await field.dispatchEvent('input');
    await field.dispatchEvent('change');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  const banner = page.locator('#error-banner');
  assert.equal(await banner.isHidden(), true, `${what}: error banner: ${await banner.textContent()} with ${query.slice(0, 400)}`);
  assert.deepEqual(lab.problems, [], `${what}: lesson ${id} with ${query.slice(0, 400)}`);
}

test(`every lesson survives hostile URL states (seed ${SEED})`, async () => {
  const random = rng(SEED);
  for (const { id, load } of lessons) {
    if (!load) continue;
    const table = await stateTableOf(id);
    assert.ok(table && Object.keys(table).length > 0, `lesson ${id}: no state table found`);
    for (const [name, query] of hostileStates(table, random)) {
      await openAndCheck(id, query, `${name} (${query.length} characters)`);
    }
  }
});

test('hostile paths and malformed queries land on a page, never an error', async () => {
  const { page } = lab;
  await lab.goto('1', 'en');  // a fresh page: no banner left from the test before
  for (const hash of ['#/99', '#/-1', '#/1e3', '#/0', '#/1/../2', '#/%E0%A4%A', '#/<b>x</b>', '#/constructor',
    '#/__proto__', `#/${LONG}`, '#/1?%zz=%E0%A4%A&&&==&a=%', '#/2?layers=%', '#//3', '#/4?=', '#/5?&', '#?', '#']) {
    lab.problems.length = 0;
    await follow(hash);
    await page.waitForFunction(() => document.body.dataset.ready !== undefined);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.equal(await page.locator('#error-banner').isHidden(), true, `${hash.slice(0, 60)}: error banner`);
    assert.deepEqual(lab.problems, [], hash.slice(0, 60));
    assert.ok(await page.locator('#lesson > *').count() > 0, `${hash.slice(0, 60)}: an empty page`);
  }
});
