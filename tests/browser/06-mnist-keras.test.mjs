// Lesson 6 (MNIST), inside training: "Export as Keras" writes the network and the settings on
// the page (the optimizer with its values, the training subset, the validation choice) as a
// Keras 3 script the learner can copy or download, and bad settings are worded by the page; the
// live momentum field of an SGD-with-momentum run changes the momentum from the next batch and
// marks the charts, and a bad momentum is worded by the page while the run goes on. Both in
// Korean too (screenshots in test-output/screenshots/l6-keras-*.png, l6-momentum-*.png).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openLab, screenshotDir } from './harness.mjs';

let lab;
before(async () => { lab = await openLab(); });
after(async () => { await lab?.close(); });

const L = '.lesson-6';
const out = (name) => lab.page.locator(`${L} [data-out="${name}"]`);
const button = (name) => lab.page.locator(`${L} button[name=${name}]`);
const shot = (locator, name) => locator.screenshot({ path: path.join(screenshotDir, `${name}.png`) });

test('Export as Keras: the chosen optimizer and its values, the subset and the split; copy, download; bad settings worded by the page', async () => {
  const { page } = lab;
  await lab.goto('6?opt=sgd&hp=momentum:0.9&lr=0.05&train=5000&val=split&epochs=3', 'en');
  assert.equal(await out('keras-code').isHidden(), true);
  await button('keras-show').click();
  await out('keras-code').waitFor({ state: 'visible' });
  const code = await out('keras-code').inputValue();
  assert.match(code, /^# The network trained in Basecamp's MNIST lesson, for Keras 3/);
  assert.ok(code.includes('optimizer = keras.optimizers.SGD(learning_rate=0.05, momentum=0.9, nesterov=False)'), code);
  assert.ok(code.includes('x_train = x_train[:5000].reshape(-1, 784).astype("float32") / 255'), code);
  assert.ok(code.includes('batch_size=128, epochs=3, validation_split=0.1, shuffle=True'), code);
  assert.equal(await out('keras-message').textContent(), '');
  await shot(page.locator(`${L} .l6-keras`), 'l6-keras-en');

  // Copy: the clipboard, or the selected text when the browser refuses the clipboard.
  await button('keras-copy').click();
  await page.waitForFunction(() => document.querySelector('.lesson-6 [data-out="keras-message"]').textContent !== '');
  assert.match(await out('keras-message').textContent(), /^(The code is on the clipboard\.|This browser cannot copy here)/);
  // Download: a .py file with the same text.
  const [download] = await Promise.all([page.waitForEvent('download'), button('keras-download').click()]);
  assert.equal(download.suggestedFilename(), 'mnist_model.py');
  assert.equal(readFileSync(await download.path(), 'utf8'), code);
  assert.equal(await out('keras-message').textContent(), 'Downloaded as mnist_model.py.');

  // The convnet: its layers and the image shape.
  await lab.goto('6?model=convnet', 'en');
  await button('keras-show').click();
  const conv = await out('keras-code').inputValue();
  assert.ok(conv.includes('keras.layers.Conv2D(32, (3, 3), strides=1, padding="valid", activation="relu"'), conv);
  assert.ok(conv.includes('keras.Input(shape=(28, 28, 1))'), conv);
  assert.ok(conv.includes('keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, momentum=0, epsilon=1e-07, centered=False)'), conv);

  // A learning rate the optimizer refuses: the page's words, no script.
  await lab.goto('6?lr=-1', 'en');
  await button('keras-show').click();
  await page.waitForFunction(() => document.querySelector('.lesson-6 [data-out="keras-message"]').textContent !== '');
  assert.equal(await out('keras-code').isHidden(), true);
  const message = await out('keras-message').textContent();
  assert.match(message, /learning rate \(lr\) must be greater than 0/);
  assert.doesNotMatch(message, /finite number/);  // not the core's English sentence

  await lab.goto('6?opt=adam&lr=0.002', 'ko');
  await button('keras-show').click();
  await out('keras-code').waitFor({ state: 'visible' });
  assert.equal(await page.locator(`${L} #l6-keras-h`).textContent(), 'Keras 코드로 내보내기');
  assert.ok((await out('keras-code').inputValue()).includes('keras.optimizers.Adam(learning_rate=0.002, beta_1=0.9, beta_2=0.999, epsilon=1e-08, amsgrad=False)'));
  await shot(page.locator(`${L} .l6-keras`), 'l6-keras-ko');
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});

test('momentum during an SGD-with-momentum run: the live field, from the next batch, marked on the charts; a bad value worded, the run goes on', async () => {
  const { page } = lab;
  await lab.goto('6?opt=sgd&hp=momentum:0.9&lr=0.01&epochs=1&batch=128', 'en');  // 469 batches
  await page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
  assert.equal(await out('live-momentum-field').isHidden(), true);  // no run yet
  // Every label drawn on the charts' canvases, to see the mark.
  await page.evaluate(() => {
    window.drawnText = [];
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
      window.drawnText.push(String(text));
      return fillText.call(this, text, ...rest);
    };
  });
  await button('start').click();
  await out('live-momentum-field').waitFor({ state: 'visible' });
  assert.equal(await page.locator(`${L} input[name=live-momentum]`).inputValue(), '0.9');
  await page.waitForFunction(() => document.querySelector('.lesson-6 [data-out="epoch"]').textContent !== '–');
  await button('pause').click();
  await page.waitForFunction(() => /^Paused/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent));
  const batch = Number((await out('epoch').textContent()).match(/· (\d+)\//)[1]);

  // Not a number, then a momentum the optimizer refuses: the page's words; nothing changed.
  await page.fill(`${L} input[name=live-momentum]`, 'lots');
  await button('apply-momentum').click();
  assert.equal(await out('live-message').textContent(), '“lots” is not a number.');
  await page.fill(`${L} input[name=live-momentum]`, '-0.5');
  await button('apply-momentum').click();
  await page.waitForFunction(() => /^Error: /.test(document.querySelector('.lesson-6 [data-out="live-message"]').textContent));
  assert.equal(await out('live-message').textContent(), 'Error: momentum must be at least 0 (you gave −0.5).');
  assert.equal(await page.locator(`${L} [data-out="momentum-changes"] li`).count(), 0);

  await page.fill(`${L} input[name=live-momentum]`, '0.5');
  await page.press(`${L} input[name=live-momentum]`, 'Enter');
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 [data-out="momentum-changes"] li').length === 1);
  assert.match(await page.locator(`${L} [data-out="momentum-changes"] li`).textContent(),
    new RegExp(`^Momentum set to 0\\.5 after batch ${batch} of epoch 1 \\(`));
  assert.equal(await out('live-message').textContent(), '');
  await page.waitForFunction(() => window.drawnText.includes('momentum 0.5'));
  // The run goes on from there.
  await button('pause').click();
  await page.waitForFunction((b) => Number(document.querySelector('.lesson-6 [data-out="epoch"]').textContent.match(/· (\d+)\//)[1]) > b + 5, batch);
  await shot(page.locator(`${L} .l6-live`), 'l6-momentum-en');
  await shot(out('loss-chart'), 'l6-momentum-chart-en');

  // In Korean: the shell remounts the lesson; the run, its field and its mark carry on (the
  // mark drawn again from the replayed run).
  await page.evaluate(() => { window.drawnText = []; });
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'ko');
  await out('live-momentum-field').waitFor({ state: 'visible' });
  assert.equal(await page.locator(`${L} [data-out="live-momentum-field"] span`).textContent(), '지금 모멘텀');
  assert.equal(await page.locator(`${L} input[name=live-momentum]`).inputValue(), '0.5');
  assert.match(await page.locator(`${L} [data-out="momentum-changes"] li`).textContent(), /^모멘텀을 0\.5\(으\)로 바꿈/);
  await page.waitForFunction(() => window.drawnText.includes('모멘텀 0.5'));
  await shot(page.locator(`${L} .l6-live`), 'l6-momentum-ko');
  await page.waitForFunction(() => /^학습이 끝났습니다/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent), null, { timeout: 120_000 });
  assert.equal(await button('apply-momentum').isDisabled(), true);  // no run to change
  // The kept run names the change (runs-store.js), as it does the learning rate's.
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 .l6-runs tbody tr').length > 0);
  const kept = (await page.locator(`${L} .l6-runs tbody tr`).last().locator('td').nth(2).textContent()).trim();
  assert.match(kept, new RegExp(`momentum changes 0\\.5 @${+(batch / 469).toFixed(2)}`));
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
