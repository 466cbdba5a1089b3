// Lesson 7 (MNIST; its links say 6) with the Keras book's convnet: the model choice brings the
// book's settings (and back), its filters are editable within limits with a worded refusal, the
// memory estimate counts its 93,322 parameters, it trains on a small subset well above chance,
// the first conv layer's filters are drawn as 3×3 pictures, and the feature maps of every conv
// and pooling layer are shown for a drawn digit and for a clicked test image.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { drawStroke, frames, openLab } from './harness.mjs';

let lab;
let page;
before(async () => { lab = await openLab(); page = lab.page; });
after(async () => { await lab?.close(); });

const L = '.lesson-6';
const out = (name) => page.locator(`${L} [data-out="${name}"]`);
const field = (name) => page.locator(`${L} [name="${name}"]`);

test('the convnet: the book\'s settings, limits in words, training, filters and feature maps', async () => {
  await lab.goto('6?model=convnet&train=2000&epochs=1', 'en');
  assert.equal(await field('model').inputValue(), 'convnet');
  assert.equal(await field('conv').isVisible(), true);
  assert.equal(await field('conv').inputValue(), '32, 64, 64');
  assert.equal(await field('hidden').inputValue(), '64');
  assert.equal(await field('batch').inputValue(), '64');
  await page.waitForFunction(() => /93,322 parameters/.test(document.querySelector('.lesson-6 [data-out="memory"]').textContent));

  // Limits: filters are 1 to 128, 1 to 3 conv layers; refused in words, nothing built.
  await field('conv').fill('32, 0');
  await field('conv').dispatchEvent('change');
  assert.equal(await out('settings-message').textContent(),
    'Filters “32, 0” cannot be used: write 1 to 3 whole numbers from 1 to 128, separated by commas.');
  await field('conv').fill('32, 64, 64');
  await field('conv').dispatchEvent('change');
  assert.equal(await out('settings-message').textContent(), '');

  await page.waitForFunction(() => !document.querySelector('.lesson-6 button[name=start]').disabled, null, { timeout: 120_000 });
  await field('start').click();
  await page.waitForFunction(() => /Training finished/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent),
    null, { timeout: 180_000 });
  assert.match(await out('summary').textContent(), /28x28x1 → conv2d 32 3x3 relu → maxpool2d 2 → conv2d 64 3x3 relu/);
  const accuracy = Number((await out('test').textContent()).match(/Test accuracy ([\d.]+) %/)[1]);
  assert.ok(accuracy > 50, `test accuracy ${accuracy} %`);

  // The first conv layer's 32 filters, 3×3 each.
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 [data-out="weights"] canvas').length === 32);
  assert.match(await out('weights-hint').textContent(), /^The 3×3 weights of 32 of the first conv layer’s 32 filters/);
  assert.equal(await page.locator(`${L} [data-out="weights"] canvas`).first().evaluate((c) => c.width), 3);

  // A drawn digit: its prediction, and every conv and pooling layer's maps.
  await drawStroke(page, out('pad'));
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 [data-out="probs"] li').length === 10);
  await page.waitForFunction(() => !document.querySelector('.lesson-6 [data-out="maps-panel"]').hidden);
  assert.deepEqual(await page.locator(`${L} .l6-maps-layer h4`).allTextContents(), [
    'Conv2D 1: 26×26, 32 maps', 'MaxPooling2D 1: 13×13, 32 maps', 'Conv2D 2: 11×11, 64 maps',
    'MaxPooling2D 2: 5×5, 64 maps', 'Conv2D 3: 3×3, 64 maps']);
  await page.waitForFunction(() => document.querySelectorAll('.lesson-6 .l6-maps-grid canvas').length === 32 + 32 + 64 + 64 + 64);
  assert.match(await out('maps-hint').textContent(), /the digit you drew/);
  // Something is lit: the first layer's maps are not all paper.
  const inked = await page.locator(`${L} .l6-maps-grid`).first().evaluate((g) => [...g.querySelectorAll('canvas')].some((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 250) return true;
    return false;
  }));
  assert.equal(inked, true);

  // A test image clicked among the mistakes: its maps instead.
  const first = page.locator(`${L} [data-out="mistakes"] [data-index]`).first();
  const index = await first.getAttribute('data-index');
  await first.click();
  await page.waitForFunction((i) => new RegExp(`test image #${i} `).test(document.querySelector('.lesson-6 [data-out="maps-hint"]').textContent), index);
  // Any test image of a confusion-matrix cell too (here a correct 3), opened from the keyboard.
  await page.locator(`${L} .l6-confusion button[data-cell="33"]`).click();
  const cellImage = page.locator(`${L} [data-out="cell"] [data-index]`).first();
  const cellIndex = await cellImage.getAttribute('data-index');
  await cellImage.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction((i) => new RegExp(`test image #${i} \\(a 3\\)`).test(document.querySelector('.lesson-6 [data-out="maps-hint"]').textContent), cellIndex);
  await frames(page, 2);

  // Back to the dense network: its own settings, and no maps for it.
  await field('model').selectOption('mlp');
  assert.equal(await field('hidden').inputValue(), '512, 128');
  assert.equal(await field('batch').inputValue(), '128');
  assert.equal(await field('conv').isVisible(), false);
  await page.waitForFunction(() => /468,874 parameters/.test(document.querySelector('.lesson-6 [data-out="memory"]').textContent));
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});

test('a convnet link keeps its settings: the URL carries the model, its layers and batch', async () => {
  await lab.goto('6?model=convnet&conv=16,32&hidden=32&batch=32', 'en');
  assert.equal(await field('conv').inputValue(), '16, 32');
  assert.equal(await field('hidden').inputValue(), '32');
  await field('epochs').fill('2');
  await field('epochs').dispatchEvent('change');
  const url = new URLSearchParams(page.url().split('?')[1]);
  assert.deepEqual([url.get('model'), url.get('conv'), url.get('hidden'), url.get('batch'), url.get('epochs')], ['convnet', '16,32', '32', '32', '2']);
  // The dense network's default batch with the convnet is written too (the convnet's is 64).
  await field('batch').fill('128');
  await field('batch').dispatchEvent('change');
  assert.equal(new URLSearchParams(page.url().split('?')[1]).get('batch'), '128');
  await lab.goto(`6?${page.url().split('?')[1]}`, 'ko');
  assert.equal(await field('batch').inputValue(), '128');
  assert.equal(await field('model').inputValue(), 'convnet');
  assert.equal(await page.locator(`${L} select[name=model] option:checked`).textContent(), '합성곱 신경망 (5.1절)');
});
