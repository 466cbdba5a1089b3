// Fuzzes the boundary lesson's points CSV reader with libFuzzer for a bounded time: builds
// tests/fuzz/points_csv_fuzz.cpp into build/fuzz-csv/ when it is older than its sources, seeds
// the corpus with valid and broken files, runs, and closes with one line: "N passed, 0 failed"
// (N = fuzz runs) or "0 passed, 1 failed". The IDX reader's fuzzer is scripts/fuzz.mjs.
//   node scripts/fuzz-points-csv.mjs [--seconds N]   (default 60, or env BASECAMP_FUZZ_SECONDS)
// A crash leaves its input in build/fuzz-csv/crash-*; replay: build/fuzz-csv/points_csv_fuzz <file>.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fuzzDir = path.join(root, 'build', 'fuzz-csv');
const corpusDir = path.join(fuzzDir, 'corpus');
const binary = path.join(fuzzDir, 'points_csv_fuzz');
const compiled = ['tests/fuzz/points_csv_fuzz.cpp', 'src/boundary/csv.cpp', 'src/error.cpp'];
const sources = [...compiled, 'src/boundary/csv.hpp', 'src/boundary/points.hpp', 'src/error.hpp',
  'src/optim/optimizer.hpp', 'scripts/fuzz-points-csv.mjs'].map((f) => path.join(root, f));
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -Infinity);

function build() {
  if (mtime(binary) > Math.max(...sources.map(mtime))) return { ok: true, output: '' };
  mkdirSync(fuzzDir, { recursive: true });
  const args = ['-std=c++20', '-O1', '-g', '-Wall', '-Wextra', '-I', 'src', '-isystem', '/usr/include/eigen3',
    ...compiled, '-fsanitize=fuzzer,address,undefined', '-fno-sanitize-recover=undefined', '-o', binary];
  console.log(`fuzz-csv: clang++ ${args.join(' ')}`);
  const r = spawnSync('clang++', args, { cwd: root, encoding: 'utf8' });
  return { ok: r.status === 0, output: (r.stdout ?? '') + (r.stderr ?? '') + (r.error ? String(r.error) : '') };
}

function writeSeeds() {
  mkdirSync(corpusDir, { recursive: true });
  const seeds = {
    header: 'x1,x2,label\n1,2,0\n-3.5,0.25,1\n',
    names: '\uFEFF0,0,"cat"\r\n1e-3,-4,dog\n\n2,2,bird\n',
    integers: '0,0,-1\n1,1,+1\n2,2,1\n',
    broken: '1,2\nNaN,1,1\n3,x,2\n',
    classes: Array.from({ length: 11 }, (_, i) => `${i},${-i},c${i}`).join('\n'),
  };
  for (const [name, text] of Object.entries(seeds)) writeFileSync(path.join(corpusDir, `seed-${name}`), text);
}

const seconds = (() => {
  const i = process.argv.indexOf('--seconds');
  const s = Number(i >= 0 ? process.argv[i + 1] : process.env.BASECAMP_FUZZ_SECONDS ?? 60);
  if (!Number.isInteger(s) || s <= 0) {
    console.error(`fuzz-csv: --seconds needs a positive whole number, got ${process.argv[i + 1]}`);
    process.exit(2);
  }
  return s;
})();

const built = build();
if (!built.ok) {
  console.log(built.output.trim());
  console.log('fuzz-csv: the build failed (needs clang++ and libclang-rt-14-dev for libFuzzer)');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
writeSeeds();
const args = [corpusDir, `-max_total_time=${seconds}`, '-print_final_stats=1',
  `-artifact_prefix=${fuzzDir}${path.sep}`, '-timeout=10', '-rss_limit_mb=2048', '-max_len=8192'];
console.log(`fuzz-csv: ${[binary, ...args].map((a) => a.replaceAll(root + path.sep, '')).join(' ')}`);
const { status, output } = await new Promise((resolve) => {
  const child = spawn(binary, args, { cwd: root });
  let text = '';
  child.stdout.on('data', (c) => { text += c; });
  child.stderr.on('data', (c) => { text += c; });
  child.on('close', (code) => resolve({ status: code, output: text }));
});
const done = output.match(/^Done (\d+) runs in (\d+) second/m);
const ok = status === 0 && done !== null;
if (ok) console.log(output.split('\n').filter((l) => /^(Done \d+ runs|stat::)/.test(l)).join('\n'));
else console.log(output.split('\n').slice(-80).join('\n'));
const runs = done ? Number(done[1]) : 0;
console.log(ok ? `${runs} passed, 0 failed` : '0 passed, 1 failed');
process.exit(ok ? 0 : 1);
