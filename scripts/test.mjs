// `npm test`: install what is missing, build, then run every suite: the C++ suite natively
// (ctest) and as wasm under node (ctest), the node tests of the bindings, and the browser tests
// in headless Chromium. Exits non-zero on any failure, and on a suite that ran no test.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { buildAll, nativeDir, root, wasmDir } from './build.mjs';

// Runs a command, echoing its output, and returns {status, output}.
function runCaptured(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: { ...process.env, ...env } });
    let output = '';
    const echo = (stream) => (chunk) => { output += chunk; stream.write(chunk); };
    child.stdout.on('data', echo(process.stdout));
    child.stderr.on('data', echo(process.stderr));
    child.on('close', (status) => resolve({ status, output }));
  });
}

// Reads "N tests passed/failed" counts from ctest or node --test output.
function ctestCounts(output) {
  const m = output.match(/(\d+)% tests passed, (\d+) tests failed out of (\d+)/);
  return m ? { total: Number(m[3]), failed: Number(m[2]) } : { total: 0, failed: 0 };
}
function nodeTestCounts(output) {
  const pass = output.match(/^# pass (\d+)/m);
  const fail = output.match(/^# fail (\d+)/m);
  const p = pass ? Number(pass[1]) : 0;
  const f = fail ? Number(fail[1]) : 0;
  return { total: p + f, failed: f };
}
// The plain closing line "N passed, N failed".
function plainCounts(output) {
  const m = output.match(/^(\d+) passed, (\d+) failed$/m);
  return m ? { total: Number(m[1]) + Number(m[2]), failed: Number(m[2]) } : { total: 0, failed: 0 };
}
// The wasm suites are ctest entries that each run many Catch2 test cases (the whole suite; linalg
// on two threads): count Catch's test cases, summed over the entries.
const sumOf = (matches) => matches.reduce((n, m) => n + Number(m[1]), 0);
function catchCounts(output) {
  const ctest = ctestCounts(output);
  const passed = [...output.matchAll(/Passed all (\d+) test cases? with \d+ assertions?/g)];
  const failed = [...output.matchAll(/Failed (\d+) test cases?, failed \d+ assertions?/g)];
  if (ctest.failed === 0 && failed.length === 0 && passed.length === ctest.total && ctest.total > 0)
    return { total: sumOf(passed), failed: 0 };
  const failedCases = Math.max(ctest.failed, sumOf(failed));
  return { total: Math.max(ctest.total, sumOf(passed) + failedCases), failed: failedCases };
}
function catchAssertions(output) {
  return [...output.matchAll(/(?:All tests passed|Passed all) \((\d+) assertions? in (\d+) test cases?\)|Passed (\d+) test cases? with (\d+) assertions?/g)]
    .map((m) => m[0]).join('; ');
}

function testFiles(folder) {
  const dir = path.join(root, 'tests', folder);
  return readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).map((f) => path.join(dir, f));
}

const suites = [
  { name: 'C++ native (ctest)', cmd: 'ctest', args: ['--test-dir', nativeDir, '-j', '2', '--output-on-failure'], counts: ctestCounts },
  { name: 'C++ wasm under node (ctest)', cmd: 'ctest', args: ['--test-dir', wasmDir, '--output-on-failure', '-V'], counts: catchCounts, detail: catchAssertions },
  // Twice: against the SIMD128 build, then against the relaxed-SIMD one (fused multiply-add;
  // node 20 validates it only with the flag).
  { name: 'node tests of the bindings', cmd: process.execPath, args: ['--experimental-wasm-relaxed-simd', '--test', '--test-reporter=tap', ...testFiles('js')], counts: nodeTestCounts },
  { name: 'node tests of the bindings, relaxed-SIMD build', cmd: process.execPath, args: ['--experimental-wasm-relaxed-simd', '--test', '--test-reporter=tap', ...testFiles('js')], env: { BASECAMP_CORE: 'relaxed' }, counts: nodeTestCounts },
  { name: 'fuzzing of the IDX, weights-file, points-CSV and settings (JSON) readers (libFuzzer)', cmd: process.execPath, args: [path.join(root, 'scripts', 'fuzz.mjs')], counts: plainCounts, runsNotTests: true },
  { name: 'browser tests (headless Chromium)', cmd: process.execPath, args: ['--test', '--test-reporter=tap', '--test-concurrency=1', ...testFiles('browser')], counts: nodeTestCounts },
];

const started = Date.now();
await buildAll({ site: true });
console.log(`basecamp: build finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const only = process.argv.slice(2);
const results = [];
for (const suite of suites) {
  if (only.length && !only.some((word) => suite.name.includes(word))) continue;
  console.log(`\n=== ${suite.name} ===`);
  const t0 = Date.now();
  const { status, output } = await runCaptured(suite.cmd, suite.args, suite.env);
  const { total, failed } = suite.counts(output);
  const ok = status === 0 && total > 0 && failed === 0;
  results.push({ name: suite.name, total, failed, ok, runsNotTests: suite.runsNotTests, seconds: (Date.now() - t0) / 1000,
    detail: suite.detail ? suite.detail(output) : '' });
}

console.log('\n=== summary ===');
for (const r of results) {
  const verdict = r.ok ? 'ok  ' : 'FAIL';
  const why = r.total === 0 ? ' (no tests ran)' : '';
  const counted = r.runsNotTests ? `${r.total} fuzz runs, ${r.failed} crashes` : `${r.total - r.failed} passed, ${r.failed} failed`;
  console.log(`${verdict} ${r.name}: ${counted}${why}` +
    ` in ${r.seconds.toFixed(1)} s${r.detail ? ` [${r.detail}]` : ''}`);
}
const tests = results.filter((r) => !r.runsNotTests);
const passed = tests.reduce((n, r) => n + r.total - r.failed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.ok) && results.length > 0 ? 0 : 1);
