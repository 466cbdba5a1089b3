// `npm run boundary-speed [-- --seconds N]`: the boundary lesson's speed in headless Chromium on
// the spiral with 6 input features and 2 hidden layers of 8 (tanh): training epochs ("steps")
// per second and heatmap frames per second while it plays (every neuron's picture and the
// output redrawn each frame), and the main-thread long tasks (> 50 ms, PerformanceObserver
// 'longtask') over the run, and how busy the main thread was per frame (CDP's TaskDuration and
// ScriptDuration): the frames are capped by the display, so that is what shows the headroom.
// Targets: ≥ 60 steps/s, ≥ 30 frames/s, no task over 50 ms.
// --no-build measures the site already in dist/.
import { buildAll } from './build.mjs';
import { openLab } from '../tests/browser/harness.mjs';

const argv = process.argv.slice(2);
const at = argv.indexOf('--seconds');
const seconds = at >= 0 ? Number(argv[at + 1]) : 10;

if (!argv.includes('--no-build')) await buildAll();
const lab = await openLab();
const { page } = lab;
try {
  await lab.goto('boundary?data=spiral&feat=x1,x2,x1sq,x2sq,sinx1,sinx2&hidden=8,8&acts=tanh,tanh');
  // As a learner would: Play once the page has settled (its idle-time warm-up done).
  await page.waitForSelector('.lesson-boundary[data-warm="done"]');
  // Long tasks, and the long animation frames with the scripts in them (what a long task was).
  await page.evaluate(() => {
    window.__tasks = [];
    window.__frames = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__tasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask' });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__frames.push({ at: e.startTime, ms: e.duration,
          scripts: e.scripts.map((x) => `${x.invoker} ${x.sourceFunctionName || ''}@${(x.sourceURL || '').split('/').pop()}:${x.sourceCharPosition} ${Math.round(x.duration)} ms`) });
      }
    }).observe({ type: 'long-animation-frame' });
  });
  const cdp = await lab.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { task: get('TaskDuration'), script: get('ScriptDuration') };
  };
  const sample = async () => ({ ...(await page.evaluate(() => {
    const root = document.querySelector('.lesson-boundary');
    return { t: performance.now(), epoch: Number(root.dataset.epoch), frames: Number(root.dataset.frames) };
  })), busy: await busy() });
  const played = await page.evaluate(() => performance.now());
  await page.click('.lesson-boundary button[name=play]');
  await page.waitForTimeout(1000);  // warm-up
  const a = await sample();
  await page.waitForTimeout(seconds * 1000);
  const b = await sample();
  await page.click('.lesson-boundary button[name=play]');
  const r = await page.evaluate(() => ({ tasks: window.__tasks, frames: window.__frames, isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency,
    acc: document.querySelector('.lesson-boundary [data-out="test-acc"]').textContent }));
  const dt = (b.t - a.t) / 1000;
  const steps = (b.epoch - a.epoch) / dt, fps = (b.frames - a.frames) / dt;
  const longest = Math.max(0, ...r.tasks.map((x) => x.ms));
  console.log(`boundary lesson, spiral, 6 features, 8-8 tanh, batch 10, ${Math.round(dt)} s: ` +
    `${steps.toFixed(1)} steps/s (epochs), ${fps.toFixed(1)} heatmap frames/s (50 x 50 while playing, every neuron), test accuracy ${r.acc}`);
  const frames = b.frames - a.frames;
  const perFrame = (key) => ((b.busy[key] - a.busy[key]) * 1000 / frames).toFixed(1);
  console.log(`main thread busy ${perFrame('task')} ms per frame, of which script ${perFrame('script')} ms ` +
    `(cross-origin isolated: ${r.isolated})`);
  console.log(`main-thread long tasks: ${r.tasks.length}, longest ${Math.round(longest)} ms (cores ${r.cores})`);
  const since = (x) => `${((x - played) / 1000).toFixed(2)} s after the click on play`;
  for (const x of r.tasks) console.log(`  task ${since(x.at)}: ${Math.round(x.ms)} ms`);
  for (const f of r.frames.filter((x) => x.ms > 50)) console.log(`  frame ${since(f.at)}: ${Math.round(f.ms)} ms; ${f.scripts.join(', ') || 'no script'}`);
  const ok = steps >= 60 && fps >= 30 && longest <= 50;
  console.log(ok ? 'targets met' : 'TARGET MISSED (≥ 60 steps/s, ≥ 30 frames/s, no task > 50 ms)');
  process.exitCode = ok ? 0 : 1;
} finally {
  await lab.close();
}
