// `npm run long-tasks [-- --epochs N] [-- --model convnet] [-- --no-signals] [-- --no-build]`: the page's responsiveness while lesson 6 trains. Opens the
// built lab in headless Chromium (as the browser tests do), starts the default MNIST run (the
// Keras run; 1 epoch unless --epochs), and reports every main-thread long task (> 50 ms,
// PerformanceObserver 'longtask') and every long animation frame with the scripts in it, from
// the click on Start to the results drawn. The lab's target: no task over 50 ms while training.
import os from 'node:os';
import { buildAll } from './build.mjs';
import { openLab } from '../tests/browser/harness.mjs';

const argv = process.argv.slice(2);
const at = argv.indexOf('--epochs');
const epochs = at >= 0 ? Number(argv[at + 1]) : 1;
// --model convnet: the Keras book's convnet (its settings: batch 64) instead of the dense run.
const modelAt = argv.indexOf('--model');
const model = modelAt >= 0 ? argv[modelAt + 1] : 'mlp';
if (!['mlp', 'convnet'].includes(model)) throw new Error(`--model must be mlp or convnet, got ${model}`);
// --no-signals: the run without the per-layer signals (what measuring them costs).
const signals = !argv.includes('--no-signals');

// --no-build measures the site already in dist/.
if (!argv.includes('--no-build')) await buildAll();
const lab = await openLab();
const { page } = lab;
try {
  await lab.goto(`6?epochs=${epochs}${model === 'convnet' ? '&model=convnet' : ''}${signals ? '' : '&signals=0'}`);
  await page.waitForFunction(() => /ready/.test(document.querySelector('.lesson-6 [data-out="data-status"]')?.textContent ?? ''),
    null, { timeout: 120_000 });
  await page.evaluate(() => {
    window.__tasks = [];
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__frames.push({ at: e.startTime, ms: e.duration,
          scripts: e.scripts.map((s) => `${s.invoker} ${Math.round(s.duration)} ms`) });
      }
    }).observe({ type: 'long-animation-frame' });
    window.__start = performance.now();
  });
  const clicked = Date.now();
  await page.click('.lesson-6 button[name=start]');
  await page.waitForFunction(() => /finished/.test(document.querySelector('.lesson-6 [data-out="train-message"]').textContent),
    null, { timeout: 1_800_000 });
  const seconds = (Date.now() - clicked) / 1000;
  await page.waitForTimeout(1000);  // the results are drawn over the next frames
  const r = await page.evaluate(() => ({
    tasks: window.__tasks, frames: window.__frames, start: window.__start, isolated: crossOriginIsolated,
    cores: navigator.hardwareConcurrency, speed: document.querySelector('.lesson-6 [data-out="speed"]').textContent,
    test: document.querySelector('.lesson-6 [data-out="test"]').textContent,
  }));
  const since = (t) => `${((t - r.start) / 1000).toFixed(1)} s`;
  console.log(`lesson 6, ${model}, ${epochs} epoch(s), signals ${signals ? 'on' : 'off'}: ${r.speed}; ${r.test}`);
  // Start to "finished", validation after each epoch and the final test included.
  console.log(`run time: ${seconds.toFixed(1)} s from the click on Start; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  console.log(`cross-origin isolated: ${r.isolated} (threads), cores: ${r.cores}`);
  const longest = Math.max(0, ...r.tasks.map((t) => t.ms));
  console.log(`main-thread long tasks: ${r.tasks.length}, longest ${Math.round(longest)} ms`);
  for (const t of r.tasks) console.log(`  task at ${since(t.at)}: ${Math.round(t.ms)} ms`);
  for (const f of r.frames.filter((x) => x.ms > 50)) console.log(`  frame at ${since(f.at)}: ${Math.round(f.ms)} ms; ${f.scripts.join(', ') || 'no script'}`);
} finally {
  await lab.close();
}
