// Following a link to the lesson already open, with other settings, applies them (a teacher
// pasting the next link, a link inside the page); back and forward bring earlier setups back,
// including what the learner changed by hand in one of them. Lesson 2's network builder shows it:
// 784-15-10 has 11,935 parameters, 784-100-10 has 79,510, 784-10 has 7,850.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { openLab } from './harness.mjs';

let lab;
before(async () => { lab = await openLab(); });
after(async () => { await lab?.close(); });

const params = () => lab.page.locator('.lesson-2 [data-out=params]').first().textContent();
const layersField = () => lab.page.inputValue('.lesson-2 input[name=layers]');
// Waits until the lesson shows `text` as its parameter count (a remount is asynchronous).
async function shows(text) {
  try {
    await lab.page.waitForFunction((t) => document.body.dataset.ready === '2' &&
      document.querySelector('.lesson-2 [data-out=params]')?.textContent === t, text, { timeout: 15_000 });
  } catch {
    assert.fail(`the lesson shows ${await params()} parameters (${await layersField()}), not ${text}`);
  }
}
// A link inside the page, clicked as a learner would.
async function clickLink(hash) {
  await lab.page.evaluate((h) => {
    const a = Object.assign(document.createElement('a'), { href: h, textContent: 'next setup', id: 'test-link' });
    document.querySelector('footer').append(a);
  }, hash);
  await lab.page.click('#test-link');
  await lab.page.evaluate(() => document.getElementById('test-link')?.remove());
}

test('a link to the open lesson with other settings applies them; back and forward restore', async () => {
  const { page } = lab;
  await lab.goto('2?layers=784,15,10', 'en');
  await shows('11,935');
  // Pasted into the address bar (same document: only the hash changes).
  await page.evaluate(() => { location.hash = '#/2?layers=784,100,10'; });
  await shows('79,510');
  assert.equal(await layersField(), '784,100,10');
  await clickLink('#/2?layers=784,10');
  await shows('7,850');
  // The learner changes the setup by hand: the lesson rewrites its history entry.
  await page.fill('.lesson-2 input[name=layers]', '784,20,10');
  await shows('15,910');
  await page.waitForFunction(() => location.hash.includes('784%2C20%2C10') || location.hash.includes('784,20,10'));
  await clickLink('#/2?layers=784,15,10&n=5');
  await shows('11,935');
  assert.equal(await page.inputValue('.lesson-2 input[name=n]'), '5');

  await page.goBack();
  await shows('15,910');  // the hand-made setup, as the learner left it
  assert.equal(await layersField(), '784,20,10');
  await page.goBack();
  await shows('79,510');
  await page.goBack();
  await shows('11,935');
  await page.goForward();
  await shows('79,510');
  await page.goForward();
  await shows('15,910');
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});

test('another lesson and back: each keeps the setup of its link', async () => {
  const { page } = lab;
  await lab.goto('2?layers=784,100,10', 'en');
  await shows('79,510');
  await clickLink('#/3');
  await page.waitForFunction(() => document.body.dataset.ready === '3');
  await page.goBack();
  await shows('79,510');
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});

test('a link followed while the lesson still has a change to write into the URL: the link wins', async () => {
  const { page } = lab;
  // Lesson 3 writes its state into the URL at most every 200 ms, and writes a pending change when
  // it is unmounted; the remount for the link must still read the link's state.
  await lab.goto('3?m=0.3&b=0.88&preset=none', 'en');
  await page.focus('.lesson-3 input[name=b]');
  await page.keyboard.press('ArrowRight');  // a change, written later
  await page.evaluate(() => { location.hash = '#/3?m=0.5&b=0.25&preset=none'; });
  await page.waitForFunction(() => document.body.dataset.ready === '3' &&
    document.querySelector('.lesson-3 input[name=m]')?.value === '0.5', null, { timeout: 15_000 }).catch(() => {});
  assert.equal(await page.inputValue('.lesson-3 input[name=m]'), '0.5');
  assert.equal(await page.inputValue('.lesson-3 input[name=b]'), '0.25');
  const params = new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1]);
  assert.equal(params.get('m'), '0.5');
  assert.equal(params.get('b'), '0.25');
  await lab.assertNoErrorBanner();
  assert.deepEqual(lab.problems, []);
});
