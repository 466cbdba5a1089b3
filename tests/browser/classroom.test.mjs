// The lab as a classroom tool, across every built lesson: each opens in Korean and English with
// no missing string and (in English) no Korean left on the page; axe-core finds no serious or
// critical accessibility violation; presenter mode and "copy link" work.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openLab, root } from './harness.mjs';

let lab;
let built = [];
before(async () => {
  lab = await openLab();
  await lab.goto('', 'en');
  built = await lab.page.locator('#lesson-nav a:not(.not-built)').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href').replace('#/', '')));
});
after(async () => { await lab?.close(); });

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;

test('every built lesson opens in both languages with no missing or untranslated string', async () => {
  assert.ok(built.length >= 5, `built lessons: ${built}`);
  for (const id of built) {
    for (const lang of ['ko', 'en']) {
      await lab.goto(id, lang);
      const text = await lab.page.locator('main').innerText();
      assert.ok(!text.includes('⟦'), `lesson ${id} (${lang}) shows a missing key: ${text.match(/⟦[^⟧]*⟧/)?.[0]}`);
      if (lang === 'en') {
        const korean = text.split('\n').filter((line) => HANGUL.test(line));
        assert.deepEqual(korean, [], `lesson ${id} (en) has Korean text`);
      } else {
        assert.ok(HANGUL.test(text), `lesson ${id} (ko) has Korean text`);
      }
    }
  }
});

test('axe-core finds no serious or critical violation on the home page and any lesson', async () => {
  const axeSource = readFileSync(path.join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const report = [];
  for (const id of ['', ...built]) {
    for (const lang of ['ko', 'en']) {
      await lab.goto(id, lang);
      // Evaluated through the DevTools protocol: the page's CSP forbids inline scripts.
      await lab.page.evaluate(`${axeSource}\n;0`);
      const violations = await lab.page.evaluate(async () => {
        const result = await window.axe.run(document, { resultTypes: ['violations'] });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
      });
      for (const v of violations) report.push(`#/${id} (${lang}) ${v.impact} ${v.id}: ${v.targets.join(' | ')}`);
    }
  }
  assert.deepEqual(report, []);
});

test('presenter mode enlarges the type, hides explanations, keeps controls, and is remembered', async () => {
  await lab.goto('1', 'en');
  const size = () => lab.page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  const visibleParagraphs = () => lab.page.locator('main p:visible').count();
  // Paragraphs that show the core's numbers (data-out) are readouts, not explanations.
  const visibleReadouts = () => lab.page.locator('main p[data-out]:visible').count();
  const before = { size: await size(), paragraphs: await visibleParagraphs(), readouts: await visibleReadouts(),
    controls: await lab.page.locator('main input:visible, main button:visible, main select:visible').count() };
  await lab.page.click('#presenter');
  assert.equal(await lab.page.getAttribute('#presenter', 'aria-pressed'), 'true');
  assert.ok(await size() > before.size * 1.2, 'larger type');
  assert.ok(await visibleParagraphs() < before.paragraphs, 'fewer paragraphs');
  assert.ok(before.readouts > 0);
  assert.equal(await visibleReadouts(), before.readouts, 'readouts kept');
  assert.equal(await lab.page.locator('main input:visible, main button:visible, main select:visible').count(), before.controls);
  assert.match(await lab.page.locator('#shell-status').textContent(), /Presenter mode/);
  await lab.screenshot('classroom-presenter-l1-en', { width: 1920, height: 1080 });
  await lab.page.reload();
  await lab.page.waitForFunction(() => document.body.dataset.ready === '1');
  assert.equal(await lab.page.evaluate(() => document.body.classList.contains('presenter')), true);
  await lab.page.click('#presenter');
  assert.equal(await size(), before.size);
});

test('copy link copies the lesson\'s state with the language, and the link restores it', async () => {
  await lab.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: lab.origin });
  await lab.goto('3', 'ko');
  const stateHash = await lab.page.evaluate(() => location.hash);
  await lab.page.click('#copy-link');
  await lab.page.waitForFunction(() => document.getElementById('shell-status').textContent !== '');
  const copied = await lab.page.evaluate(() => navigator.clipboard.readText());
  const url = new URL(copied);
  assert.equal(url.origin, lab.origin);
  assert.ok(url.hash.startsWith(stateHash.split('?')[0]), `${url.hash} is lesson 3`);
  assert.equal(new URLSearchParams(url.hash.split('?')[1]).get('lang'), 'ko');
  for (const [k, v] of new URLSearchParams(stateHash.split('?')[1] ?? '')) {
    assert.equal(new URLSearchParams(url.hash.split('?')[1]).get(k), v, `state ${k} kept`);
  }
  // Opened in a fresh page whose stored language is English, the link shows Korean.
  const other = await lab.context.newPage();
  await other.goto(`${lab.origin}/`);
  await other.evaluate(() => localStorage.setItem('basecamp.lang', 'en'));
  await other.goto(copied);
  await other.reload();
  await other.waitForFunction(() => document.body.dataset.ready === '3');
  assert.equal(await other.getAttribute('html', 'lang'), 'ko');
  await other.close();
});

test('no console errors on the way', async () => {
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
