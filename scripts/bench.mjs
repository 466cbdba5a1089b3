// `npm run bench`: training speed of the lab's default network (784-512-128-10, relu/relu/softmax
// cross-entropy, batch 128, RMSprop with Keras's settings) on RANDOM data (speed only), in every
// runtime: native (-O3 -march=native; 1 and 2 threads: how far this machine lets 2 threads go),
// native-sse2 (-O3, x86-64 baseline), the wasm build under node, the page's builds in headless
// Chromium (chromium: SIMD128, chromium-relaxed: relaxed SIMD with fused multiply-add; each
// single-thread and threaded), and TensorFlow.js (wasm and cpu backends, model.fit) in the same
// Chromium. Convolutional networks (model 'convnet'): the Keras book's convnet through nn::Model
// (bench/convnet_step.hpp) natively (x86-64 baseline, 1 and 2 threads), under node and in
// Chromium (each build, 1 and 2 threads), in TensorFlow.js, and ConvNetJS 0.3.0 training that
// network and its own MNIST demo network. Each measurement is
// repeated and the median kept. Prints a table per model; with --json one JSON object
// {machine, runs: [{runtime, threads, samples_per_second, model}]}.
//   npm run bench [-- --json] [-- --repeats 5] [-- --batches 50]
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildNative, buildWasm, nativeDir, root, wasmDir } from './build.mjs';
import { buildRoot } from './paths.mjs';
import { startServer } from './serve.mjs';

const argv = process.argv.slice(2);
const json = argv.includes('--json');
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const repeats = option('repeats', 5);
const batches = option('batches', 50);
const log = json ? () => {} : (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// --- builds (quietly, when --json) -----------------------------------------------------------
const quiet = json ? { stdio: ['ignore', 'ignore', 'inherit'] } : {};
buildNative(['bench_train_ad', 'bench_train_ad_sse2', 'bench_train_convnet'], quiet);
// The benchmark's modules: the page's and node's builds plus benchTrainStep / benchConvnetStep
// (wasm/bench/bind_bench.cpp), which the page's modules do not carry.
const BENCH_WEB = ['basecamp_bench_web', 'basecamp_bench_web_relaxed', 'basecamp_bench_web_mt',
  'basecamp_bench_web_mt_relaxed'];
buildWasm(quiet, ['basecamp_bench_node', ...BENCH_WEB]);

const loadAtStart = os.loadavg()[0];
const runs = [];
const record = (runtime, threads, samples, model = 'mlp') => {
  runs.push({ runtime, threads, samples_per_second: Math.round(samples), model });
  log(`  ${model} ${runtime} (${threads} thread${threads > 1 ? 's' : ''}): ${Math.round(samples)} samples/s`);
};

// --- native ------------------------------------------------------------------------------------
for (const [runtime, exe, threads] of [['native', 'bench_train_ad', 1], ['native', 'bench_train_ad', 2],
  ['native-sse2', 'bench_train_ad_sse2', 1]]) {
  const r = spawnSync(path.join(nativeDir, exe), [String(batches), String(threads), String(repeats)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${exe} failed: ${r.stderr}`);
  const xs = [...r.stdout.matchAll(/samples_per_second ([\d.]+)/g)].map((m) => Number(m[1]));
  record(runtime, threads, median(xs));
}
// The convnet through nn::Model, built as the core is (x86-64 baseline: native-sse2).
for (const threads of [1, 2]) {
  const r = spawnSync(path.join(nativeDir, 'bench_train_convnet'), [String(Math.max(5, Math.round(batches / 5))), String(threads), '3'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`bench_train_convnet failed: ${r.stderr}`);
  record('native-sse2', threads, median([...r.stdout.matchAll(/samples_per_second ([\d.]+)/g)].map((m) => Number(m[1]))), 'convnet');
}

// --- wasm under node ---------------------------------------------------------------------------
{
  const require = createRequire(import.meta.url);
  const create = require(path.join(wasmDir, 'basecamp_bench_node.cjs'));
  const core = await create({ wasmBinary: readFileSync(path.join(wasmDir, 'basecamp_bench_node.wasm')) });
  const xs = [];
  for (let r = 0; r < repeats; r += 1) xs.push(core.benchTrainStep(batches, 1));
  record('wasm-node', 1, median(xs));
  const cs = [];
  for (let r = 0; r < 3; r += 1) cs.push(core.benchConvnetStep(Math.max(5, Math.round(batches / 5)), 1));
  record('wasm-node', 1, median(cs), 'convnet');
}

// --- headless Chromium: the page's builds, then TensorFlow.js ----------------------------------
const site = path.join(buildRoot, 'bench-site');
rmSync(site, { recursive: true, force: true });
mkdirSync(site, { recursive: true });
cpSync(path.join(root, 'web', 'bench'), site, { recursive: true });
for (const name of BENCH_WEB) {
  for (const ext of name.includes('_mt') ? ['.mjs', '.wasm', '.worker.js'] : ['.mjs', '.wasm'])
    copyFileSync(path.join(wasmDir, name + ext), path.join(site, name + ext));
}
copyFileSync(path.join(root, 'web', 'shared', 'relaxed-simd.js'), path.join(site, 'relaxed-simd.js'));
const tfjs = path.join(root, 'node_modules', '@tensorflow');
copyFileSync(path.join(tfjs, 'tfjs', 'dist', 'tf.min.js'), path.join(site, 'tf.min.js'));
copyFileSync(path.join(root, 'node_modules', 'convnetjs', 'build', 'convnet-min.js'), path.join(site, 'convnet-min.js'));
for (const f of ['tf-backend-wasm.min.js', 'tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm']) copyFileSync(path.join(tfjs, 'tfjs-backend-wasm', 'dist', f), path.join(site, f));

const server = await startServer({ root: site, port: 0, unsafeEval: true });  // for tf.min.js
const origin = `http://127.0.0.1:${server.address().port}`;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'basecamp-bench-'));
const context = await chromium.launchPersistentContext(path.join(scratch, 'profile'), {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  env: { ...process.env, HOME: scratch, XDG_CONFIG_HOME: scratch, XDG_CACHE_HOME: scratch, TMPDIR: scratch },
});
let chromiumVersion = '';
try {
  chromiumVersion = context.browser()?.version() ?? '';
  const page = context.pages()[0] ?? await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(`${origin}/index.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'bench');
  const relaxed = await page.evaluate(() => window.relaxedSimd);
  if (!relaxed) log('  chromium-relaxed: this Chromium does not validate relaxed SIMD (left out)');
  for (const [runtime, simd] of [['chromium', 'simd128'], ['chromium-relaxed', 'relaxed']]) {
    if (simd === 'relaxed' && !relaxed) continue;
    for (const threads of [1, 2]) {
      const r = await page.evaluate((o) => window.runBench(o), { threads, batches, repeats, simd });
      if (r.threads !== threads) throw new Error(`${runtime}: asked for ${threads} threads, the build ran ${r.threads}`);
      record(runtime, threads, median(r.runs));
      const c = await page.evaluate((o) => window.runBench(o), { threads, batches: Math.max(5, Math.round(batches / 5)), repeats: 3, simd, model: 'convnet' });
      record(runtime, threads, median(c.runs), 'convnet');
    }
  }
  await page.goto(`${origin}/tfjs.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'tfjs');
  // A TensorFlow.js backend that does not finish in 3 minutes is reported as such, not waited on.
  // tfjs 4.22's wasm backend has no Conv2DBackpropFilter kernel: it cannot train a convnet, which
  // is then reported and left out; its cpu backend can (slowly: 2 batches of 64 per fit).
  for (const [model, backend, n] of [['mlp', 'wasm', 10], ['mlp', 'cpu', 3], ['convnet', 'wasm', 5], ['convnet', 'cpu', 2]]) {
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 180_000));
    let r;
    try {
      r = await Promise.race([timeout,
        page.evaluate((o) => window.runTfjs(o), { backend, model, batches: n, repeats: Math.min(repeats, model === 'convnet' ? 2 : 3) })]);
    } catch (error) {
      log(`  ${model} tfjs-${backend}: cannot train it (${String(error.message).split('\n')[0]}); left out`);
      continue;
    }
    if (r) record(`tfjs-${backend}`, r.threads, median(r.runs), model);
    else log(`  ${model} tfjs-${backend}: did not finish within 180 s (left out)`);
    if (!r) break;  // the page is still busy with it
  }
  await page.goto(`${origin}/convnetjs.html`);
  await page.waitForFunction(() => document.body.dataset.ready === 'convnetjs');
  for (const network of ['demo', 'book']) {
    const r = await page.evaluate((o) => window.runConvnetjs(o), { network, samples: network === 'demo' ? 400 : 64, repeats: 3 });
    record(`convnetjs-${network}`, r.threads, median(r.runs), 'convnet');
  }
  if (problems.length) throw new Error(`bench page errors: ${problems.join('; ')}`);
} finally {
  await context.close();
  server.close();
  rmSync(scratch, { recursive: true, force: true });
}

// --- report ------------------------------------------------------------------------------------
const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown cpu';
const machine = `${cpu}, ${os.cpus().length} cores, ${os.type()} ${os.release()} (${os.arch()}), ` +
  `node ${process.version}, Chromium ${chromiumVersion}, load average ${os.loadavg()[0].toFixed(1)}`;
if (json) {
  console.log(JSON.stringify({
    machine,
    runs: runs.map(({ runtime, threads, samples_per_second, model }) => ({ runtime, threads, samples_per_second, model })),
  }, null, 2));
} else {
  const TITLES = {
    mlp: '784-512-128-10 dense network, batch 128, RMSprop',
    convnet: "the Keras book's convnet (93,322 parameters), batch 64; ConvNetJS's demo network (its MNIST page's) beside it",
  };
  console.log(`Training speed on random data; median of ${repeats} (ConvNetJS: of 3)`);
  console.log(`Machine: ${machine}`);
  for (const model of Object.keys(TITLES)) {
    const group = runs.filter((r) => r.model === model);
    if (!group.length) continue;
    const base = group.find((r) => r.runtime === 'native')?.samples_per_second;
    const head = ['runtime', 'threads', 'samples/s', base ? 'vs native' : ''];
    const rows = group.map((r) => [r.runtime, String(r.threads), String(r.samples_per_second),
      base ? (r.samples_per_second / base).toFixed(2) : '']);
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cells) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
    console.log(`\n${model}: ${TITLES[model]}`);
    console.log(line(head));
    console.log(`|${widths.map((w, i) => (i === 0 ? '-' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`);
    for (const row of rows) console.log(line(row));
  }
  // The ratios issues #14 and #16 set as targets, each from this one run.
  const speed = (runtime, threads, model = 'mlp') =>
    runs.find((r) => r.runtime === runtime && r.threads === threads && r.model === model)?.samples_per_second;
  const ratio = (label, a, b) => { if (a && b) console.log(`  ${label}: ${(a / b).toFixed(2)}`); };
  console.log('Ratios:');
  ratio('chromium-relaxed 1 thread / native-sse2', speed('chromium-relaxed', 1), speed('native-sse2', 1));
  ratio('chromium-relaxed 1 thread / chromium 1 thread (FMA)', speed('chromium-relaxed', 1), speed('chromium', 1));
  ratio('chromium-relaxed 2 threads / 1 thread', speed('chromium-relaxed', 2), speed('chromium-relaxed', 1));
  ratio('chromium 2 threads / 1 thread', speed('chromium', 2), speed('chromium', 1));
  ratio('native 2 threads / 1 thread', speed('native', 2), speed('native', 1));
  ratio('chromium-relaxed 2 threads / tfjs-wasm', speed('chromium-relaxed', 2), speed('tfjs-wasm', 1));
  ratio('convnet: chromium-relaxed 2 threads / convnetjs (same network)', speed('chromium-relaxed', 2, 'convnet'), speed('convnetjs-book', 1, 'convnet'));
  ratio('convnet: chromium-relaxed 2 threads / tfjs-wasm', speed('chromium-relaxed', 2, 'convnet'), speed('tfjs-wasm', 1, 'convnet'));
  ratio('convnet: chromium-relaxed 2 threads / tfjs-cpu', speed('chromium-relaxed', 2, 'convnet'), speed('tfjs-cpu', 1, 'convnet'));
  ratio('convnet: convnetjs / tfjs-cpu (same network)', speed('convnetjs-book', 1, 'convnet'), speed('tfjs-cpu', 1, 'convnet'));
  console.log(`Load average at the start ${loadAtStart.toFixed(1)}, at the end ${os.loadavg()[0].toFixed(1)}`);
}
