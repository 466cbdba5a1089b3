// Fuzzes the IDX reader with libFuzzer for a bounded time: builds tests/fuzz/idx_fuzz.cpp into
// build/fuzz/ when it is older than its sources, seeds build/fuzz/corpus/ with valid files, runs,
// and closes with one line: "N passed, 0 failed" (N = fuzz runs) or "0 passed, 1 failed".
//   node scripts/fuzz.mjs [--seconds N]      (default 60, or env BASECAMP_FUZZ_SECONDS)
//   import { runFuzz } from './fuzz.mjs'; const { runs, ok } = await runFuzz({ seconds: 10 });
// A crash leaves its input in build/fuzz/crash-*; replay it with build/fuzz/idx_fuzz <file>.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fuzzDir = path.join(root, 'build', 'fuzz');
const corpusDir = path.join(fuzzDir, 'corpus');
const binary = path.join(fuzzDir, 'idx_fuzz');
const sources = ['tests/fuzz/idx_fuzz.cpp', 'src/data/idx.cpp', 'src/data/idx.hpp',
  'src/error.hpp', 'src/tensor.hpp', 'scripts/fuzz.mjs'].map((f) => path.join(root, f));

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -Infinity);

// Compiles the fuzzer when the binary is missing or older than a source. Returns {ok, output}.
export function buildFuzzer() {
  if (mtime(binary) > Math.max(...sources.map(mtime))) return { ok: true, output: '' };
  mkdirSync(fuzzDir, { recursive: true });
  const args = ['-std=c++20', '-O1', '-g', '-Wall', '-Wextra', '-I', 'src', '-isystem', '/usr/include/eigen3',
    'tests/fuzz/idx_fuzz.cpp', 'src/data/idx.cpp', '-fsanitize=fuzzer,address,undefined',
    '-fno-sanitize-recover=undefined', '-o', binary];
  console.log(`fuzz: clang++ ${args.join(' ')}`);
  const r = spawnSync('clang++', args, { cwd: root, encoding: 'utf8' });
  const output = (r.stdout ?? '') + (r.stderr ?? '') + (r.error ? String(r.error) : '');
  return { ok: r.status === 0, output };
}

// An IDX file of unsigned bytes: 0 0 8 ndims, big-endian sizes, data.
function idxBytes(dims, data) {
  const header = Buffer.alloc(4 + 4 * dims.length);
  header[2] = 0x08;
  header[3] = dims.length;
  dims.forEach((d, i) => header.writeUInt32BE(d, 4 + 4 * i));
  return Buffer.concat([header, Buffer.from(data)]);
}

// Seeds: a valid images file (2 images), a valid labels file, and the pair in the target's
// two-part layout (2-byte big-endian length of the images part, images, labels).
export function writeSeeds(dir = corpusDir) {
  mkdirSync(dir, { recursive: true });
  const pixels = Array.from({ length: 2 * 784 }, (_, i) => (i * 37) % 256);
  const images = idxBytes([2, 28, 28], pixels);
  const labels = idxBytes([2], [5, 0]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(images.length);
  writeFileSync(path.join(dir, 'seed-images'), images);
  writeFileSync(path.join(dir, 'seed-labels'), labels);
  writeFileSync(path.join(dir, 'seed-pair'), Buffer.concat([length, images, labels]));
}

export function defaultSeconds() {
  const s = Number(process.env.BASECAMP_FUZZ_SECONDS ?? 60);
  return Number.isInteger(s) && s > 0 ? s : 60;
}

// Builds, seeds and runs the fuzzer. Resolves to {runs, ok, stats, output}: runs from libFuzzer's
// "Done N runs" line, ok when it finished without a finding.
export async function runFuzz({ seconds = defaultSeconds(), quiet = false } = {}) {
  const log = quiet ? () => {} : (line) => console.log(line);
  const built = buildFuzzer();
  if (!built.ok) {
    log(built.output.trim());
    log('fuzz: the build failed (needs clang++ and libclang-rt-14-dev for libFuzzer)');
    return { runs: 0, ok: false, stats: '', output: built.output };
  }
  writeSeeds();
  const args = [corpusDir, `-max_total_time=${seconds}`, '-print_final_stats=1',
    `-artifact_prefix=${fuzzDir}${path.sep}`, '-timeout=10', '-rss_limit_mb=2048', '-max_len=4096'];
  log(`fuzz: ${[binary, ...args].map((a) => a.replaceAll(root + path.sep, '')).join(' ')}`);
  const { status, output } = await new Promise((resolve) => {
    const child = spawn(binary, args, { cwd: root });
    let text = '';
    child.stdout.on('data', (c) => { text += c; });
    child.stderr.on('data', (c) => { text += c; });
    child.on('close', (code) => resolve({ status: code, output: text }));
  });
  const done = output.match(/^Done (\d+) runs in (\d+) second/m);
  const runs = done ? Number(done[1]) : 0;
  const ok = status === 0 && done !== null;
  const stats = output.split('\n').filter((l) => /^(Done \d+ runs|stat::)/.test(l)).join('\n');
  if (ok) {
    log(stats);
    if (done) log(`fuzz: ${Math.round(runs / Math.max(1, Number(done[2])))} runs/s`);
  } else {
    // The finding: libFuzzer's and the sanitizer's report, which names the crash file.
    log(output.split('\n').slice(-80).join('\n'));
  }
  return { runs, ok, stats, output };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let seconds = defaultSeconds();
  const i = process.argv.indexOf('--seconds');
  if (i >= 0) {
    seconds = Number(process.argv[i + 1]);
    if (!Number.isInteger(seconds) || seconds <= 0) {
      console.error(`fuzz: --seconds needs a positive whole number, got ${process.argv[i + 1]}`);
      process.exit(2);
    }
  }
  const { runs, ok } = await runFuzz({ seconds });
  console.log(ok ? `${runs} passed, 0 failed` : '0 passed, 1 failed');
  process.exit(ok ? 0 : 1);
}
