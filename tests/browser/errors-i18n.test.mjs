// The core's errors on the page, in Korean and in English: every hyperparameter of every
// optimizer (lesson 6's fields and lesson 4's racers), the model built from lesson 6's settings,
// the descent settings (lesson 4's schedules and mini-batches) and the boundary lesson's network
// settings are given a value the core refuses; the message shown is the page's own sentence in
// the page's language, never the core's.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';
import { loadNodeCore } from '../js/load-core.mjs';

let lab;
let page;
let catalogue;
before(async () => { lab = await openLab(); page = lab.page; catalogue = (await loadNodeCore()).catalogue(); });
after(async () => { await lab?.close(); });

// The core's English: "must be in [0, 1)", "must be a finite number > 0", "got 1.5", "unknown x '…'".
const CORE_ENGLISH = /must be (in [[(]|a finite number [<>])|got -?\d|unknown \w+ '|requires|is not a hyperparameter/;
const KOREAN = /[가-힣]/;

function checkShown(text, lang, what) {
  assert.ok(text.trim() !== '', `${what}: no message`);
  assert.doesNotMatch(text, CORE_ENGLISH, `${what}: ${text}`);
  assert.doesNotMatch(text, /⟦|\{\w+\}/, `${what}: ${text}`);
  if (lang === 'ko') assert.match(text, KOREAN, `${what}: ${text}`);
  else assert.doesNotMatch(text, KOREAN, `${what}: ${text}`);
}

// A value each hyperparameter refuses: below its lower limit (every one has one).
const refused = (h) => String(h.minOpen ? h.min : h.min - 1);

for (const lang of ['ko', 'en']) {
  test(`lesson 6: a refused hyperparameter of each optimizer is worded in ${lang}`, async () => {
    // The example, from a shared link.
    await lab.goto('6?opt=adam&hp=beta1:1.5', lang);
    const message = page.locator('.lesson-6 [data-out="settings-message"]');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent !== '', '.lesson-6 [data-out="settings-message"]');
    const text = await message.textContent();
    checkShown(text, lang, 'beta1 1.5');
    assert.match(text, lang === 'ko' ? /beta1: 허용 범위는 0 이상 1 미만입니다 \(입력한 값: 1\.5\)/ : /beta1 must be at least 0 and less than 1 \(you gave 1\.5\)/);
    const set = async (name, value) => {
      const el = page.locator(`.lesson-6 [name="${name}"]`);
      if (await el.evaluate((e) => e.tagName) === 'SELECT') await el.selectOption(value);
      else await el.fill(value);
      await el.dispatchEvent('change');
    };
    for (const o of catalogue.optimizers) {
      await set('opt', o.name);
      const shown = await page.locator('.lesson-6 [data-out="hyper"] input').evaluateAll((els) => els.map((e) => e.name.slice(3)));
      assert.ok(shown.length > 0, o.name);
      for (const name of ['lr', ...shown]) {
        const h = o.hyperparameters.find((x) => x.name === name);
        const field = name === 'lr' ? 'lr' : `hp-${name}`;
        const good = await page.locator(`.lesson-6 [name="${field}"]`).inputValue();
        await set(field, refused(h));
        checkShown(await message.textContent(), lang, `${o.name} ${name} ${refused(h)}`);
        await set(field, good);
        assert.equal(await message.textContent(), '', `${o.name} ${name} restored`);
      }
    }
    await lab.assertNoErrorBanner();
  });

  test(`lesson 4: refused hyperparameters, Nesterov's rule, schedules and mini-batches are worded in ${lang}`, async () => {
    await lab.goto('4?on=sgd,momentum,nesterov,adagrad,rmsprop,adadelta,adam,adamw', lang);
    const q = (sel) => page.locator(`.lesson-4 ${sel}`);
    const racers = await q('[data-racer]').evaluateAll((els) => els.map((e) => e.dataset.racer));
    for (const key of racers) {
      const inputs = await q(`[data-racer=${key}] .fields input`).evaluateAll((els) => els.map((e) => e.name));
      for (const input of inputs) {
        const name = input.split('.')[1];
        const core = { momentum: 'sgd', nesterov: 'sgd' }[key] ?? key;
        const h = catalogue.optimizers.find((o) => o.name === core).hyperparameters.find((x) => x.name === name);
        const good = await q(`input[name="${input}"]`).inputValue();
        await q(`input[name="${input}"]`).fill(refused(h));
        checkShown(await q(`[data-error="${input}"]`).textContent(), lang, `${input} ${refused(h)}`);
        await q(`input[name="${input}"]`).fill(good);
        assert.equal(await q(`[data-error="${input}"]`).textContent(), '', `${input} restored`);
      }
    }
    await q('input[name="nesterov.momentum"]').fill('0');
    checkShown(await q('[data-error="nesterov.momentum"]').textContent(), lang, 'nesterov without momentum');
    await q('input[name="nesterov.momentum"]').fill('0.9');
    for (const [kind, name, value] of [['step', 'gamma', '0'], ['step', 'step_size', '0'], ['exponential', 'gamma', '-1'], ['inverse_time', 'decay', '-1']]) {
      await q('select[name=schedule]').selectOption(kind);
      const good = await q(`input[name=${name}]`).inputValue();
      await q(`input[name=${name}]`).fill(value);
      checkShown(await q('[data-out=schedule-error]').textContent(), lang, `${kind} ${name} ${value}`);
      await q(`input[name=${name}]`).fill(good);
      assert.equal(await q('[data-out=schedule-error]').textContent(), '');
    }
    await q('select[name=schedule]').selectOption('constant');
    await q('input[name=sto-lr]').fill('-1');
    checkShown(await q('[data-out=sto-error]').textContent(), lang, 'mini-batch lr -1');
    await lab.assertNoErrorBanner();
  });

  test(`the boundary lesson: refused settings are worded in ${lang}`, async () => {
    await lab.goto('boundary', lang);
    const q = (sel) => page.locator(`.lesson-boundary ${sel}`).first();
    const message = q('[data-out="train-message"]');
    const want = {
      lr: lang === 'ko' ? '학습률(lr): 허용 범위는 0 초과 10 이하입니다 (입력한 값: 1,000,000,000).'
        : 'The learning rate (lr) must be greater than 0 and at most 10 (you gave 1,000,000,000).',
      units: lang === 'ko' ? '유닛 수: 허용 범위는 1 이상 32 이하입니다 (입력한 값: 33).'
        : 'The number of units must be at least 1 and at most 32 (you gave 33).',
    };
    for (const [name, value] of [['lr', '1e9'], ['units', '4,33']]) {
      const good = await q(`[name="${name}"]`).inputValue();
      await q(`[name="${name}"]`).fill(value);
      await q(`[name="${name}"]`).press('Enter');
      const text = await message.textContent();
      checkShown(text, lang, `boundary ${name} ${value}`);
      assert.equal(text, want[name]);
      await q(`[name="${name}"]`).fill(good);
      await q(`[name="${name}"]`).press('Enter');
    }
    await lab.assertNoErrorBanner();
  });
}
