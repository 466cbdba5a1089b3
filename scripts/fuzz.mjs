// Fuzzes the core's file readers with libFuzzer for a bounded time each: the IDX reader
// (tests/fuzz/idx_fuzz.cpp), the weights-file reader (tests/fuzz/weights_fuzz.cpp), the
// boundary lesson's points CSV reader (tests/fuzz/points_csv_fuzz.cpp) and settings as JSON
// text with the network and optimizer readers (tests/fuzz/settings_fuzz.cpp). Builds each
// target into build/fuzz/ when it is older than its sources, seeds build/fuzz/corpus-<name>/ with
// valid files, runs, and closes with one line: "N passed, 0 failed" (N = fuzz runs of all
// targets) or "0 passed, 1 failed".
//   node scripts/fuzz.mjs [--seconds N] [--target idx|weights|csv|settings]   (N per target: default 60, or
//                                                                  env BASECAMP_FUZZ_SECONDS)
//   import { runFuzz } from './fuzz.mjs'; const { runs, ok } = await runFuzz({ seconds: 10 });
// A crash leaves its input in build/fuzz/crash-*; replay it with build/fuzz/<name>_fuzz <file>.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fuzzDir = path.join(root, 'build', 'fuzz');

// Each target: the files compiled into it, and the headers it depends on besides.
const TARGETS = {
  idx: {
    compile: ['tests/fuzz/idx_fuzz.cpp', 'src/data/idx.cpp'],
    headers: ['src/data/idx.hpp', 'src/error.hpp', 'src/tensor.hpp'],
    seeds: idxSeeds,
  },
  weights: {
    compile: ['tests/fuzz/weights_fuzz.cpp', 'src/nn/weights_file.cpp', 'src/nn/model.cpp', 'src/nn/spec.cpp',
      'src/nn/dataset.cpp', 'src/error.cpp', 'src/autodiff/instantiate.cpp', 'src/linalg/gemm.cpp',
      'src/linalg/gemm_kernel.cpp', 'src/linalg/parallel.cpp', 'src/optim/catalogue.cpp', 'src/optim/schedule.cpp'],
    headers: ['src/nn/weights_file.hpp', 'src/nn/model.hpp', 'src/nn/spec.hpp', 'src/error.hpp', 'src/tensor.hpp',
      'src/autodiff/image_geometry.hpp', 'src/autodiff/ops/conv.hpp', 'src/autodiff/ops/pool.hpp'],
    seeds: weightsSeeds,
  },
  csv: {
    compile: ['tests/fuzz/points_csv_fuzz.cpp', 'src/boundary/csv.cpp', 'src/error.cpp'],
    headers: ['src/boundary/csv.hpp', 'src/boundary/points.hpp', 'src/error.hpp', 'src/optim/optimizer.hpp'],
    seeds: csvSeeds,
    maxLen: 8192,  // room for a few hundred rows
  },
  settings: {
    compile: ['tests/fuzz/settings_fuzz.cpp', 'src/json.cpp', 'src/value.cpp', 'src/nn/read.cpp', 'src/nn/keras.cpp', 'src/nn/keras_lines.cpp',
      'src/nn/trainer.cpp', 'src/nn/model.cpp', 'src/nn/spec.cpp', 'src/nn/dataset.cpp', 'src/error.cpp',
      'src/autodiff/instantiate.cpp', 'src/linalg/gemm.cpp', 'src/linalg/gemm_kernel.cpp', 'src/linalg/parallel.cpp',
      'src/optim/catalogue.cpp', 'src/optim/schedule.cpp'],
    headers: ['src/json.hpp', 'src/value.hpp', 'src/nn/read.hpp', 'src/optim/read.hpp', 'src/nn/spec.hpp', 'src/error.hpp'],
    seeds: settingsSeeds,
  },
};
const binaryOf = (name) => path.join(fuzzDir, `${name}_fuzz`);
const corpusOf = (name) => path.join(fuzzDir, `corpus-${name}`);

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : -Infinity);

// Compiles a target when its binary is missing or older than a source. Returns {ok, output}.
export function buildFuzzer(name) {
  const { compile, headers } = TARGETS[name];
  const binary = binaryOf(name);
  const sources = [...compile, ...headers, 'scripts/fuzz.mjs'].map((f) => path.join(root, f));
  if (mtime(binary) > Math.max(...sources.map(mtime))) return { ok: true, output: '' };
  mkdirSync(fuzzDir, { recursive: true });
  const args = ['-std=c++20', '-O1', '-g', '-Wall', '-Wextra', '-I', 'src', '-isystem', '/usr/include/eigen3',
    ...compile, '-pthread', '-fsanitize=fuzzer,address,undefined', '-fno-sanitize-recover=undefined', '-o', binary];
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
function idxSeeds(dir) {
  const pixels = Array.from({ length: 2 * 784 }, (_, i) => (i * 37) % 256);
  const images = idxBytes([2, 28, 28], pixels);
  const labels = idxBytes([2], [5, 0]);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(images.length);
  writeFileSync(path.join(dir, 'seed-images'), images);
  writeFileSync(path.join(dir, 'seed-labels'), labels);
  writeFileSync(path.join(dir, 'seed-pair'), Buffer.concat([length, images, labels]));
}

// A weights file (format in src/nn/weights_file.hpp), written from the format's table:
// layers [{dropout} | {flatten} | {units, activation}] on a flat input, activation and loss as
// indexes, weights from `weight`; version 1 (6-byte layers, no flatten) or 2 (an empty image
// field, 16-byte layers).
function weightsFile(inputs, layers, loss, weight = (i) => Math.sin(i) / 4, version = 2) {
  const bytes = [];
  const u8 = (v) => bytes.push(v & 0xff);
  const u32 = (v) => { for (let k = 0; k < 4; k += 1) u8(v >>> (8 * k)); };
  const f32 = (v) => { const b = Buffer.alloc(4); b.writeFloatLE(v); bytes.push(...b); };
  [...'BCNN'].forEach((c) => u8(c.charCodeAt(0)));
  u32(version);
  u32(inputs);
  if (version === 2) { u32(0); u32(0); u32(0); }
  u32(layers.length);
  const dense = layers.filter((l) => !l.dropout && !l.flatten);
  for (const l of layers) {
    const kind = l.dropout ? 1 : l.flatten ? 4 : 0;
    u8(kind); u8(kind === 0 ? l.activation : 0);
    if (version === 2) { u8(0); u8(0); }
    u32(kind === 0 ? l.units : 0);
    if (version === 2) { u32(0); u32(0); }
  }
  u8(loss);
  u32(2 * dense.length);
  let fanIn = inputs;
  let n = 0;
  for (const l of dense) {
    for (const [rows, cols] of [[fanIn, l.units], [1, l.units]]) {
      u32(rows); u32(cols);
      for (let k = 0; k < rows * cols; k += 1) f32(weight(n++));
    }
    fanIn = l.units;
  }
  let h = 2166136261;
  for (const b of bytes) h = Math.imul(h ^ b, 16777619) >>> 0;
  u32(h);
  return Buffer.from(bytes);
}

// Seeds: the target's fixed network (3 → dense 4 relu → dense 2 softmax; categorical
// cross-entropy) and networks its header rule builds (dropout, flatten, sigmoid with binary
// cross-entropy, linear with mse), in version 2 and the older version 1. Indexes: activations
// linear 0, relu 1, sigmoid 2, tanh 3, softmax 4; losses mse 0, categorical 1, binary 2.
function weightsSeeds(dir) {
  const fixed = [{ units: 4, activation: 1 }, { units: 2, activation: 4 }];
  writeFileSync(path.join(dir, 'seed-fixed'), weightsFile(3, fixed, 1));
  writeFileSync(path.join(dir, 'seed-fixed-v1'), weightsFile(3, fixed, 1, undefined, 1));
  writeFileSync(path.join(dir, 'seed-dropout'),
    weightsFile(2, [{ units: 3, activation: 3 }, { dropout: true }, { flatten: true }, { units: 1, activation: 2 }], 2));
  writeFileSync(path.join(dir, 'seed-dropout-v1'),
    weightsFile(2, [{ units: 3, activation: 3 }, { dropout: true }, { units: 1, activation: 2 }], 2, undefined, 1));
  writeFileSync(path.join(dir, 'seed-mse'), weightsFile(5, [{ units: 2, activation: 0 }], 0, (i) => -i));
}

// Seeds: a file with a header, one with quoted names and CRLF lines, signed integer labels,
// broken rows, and eleven classes (one too many).
function settingsSeeds(dir) {
  const seeds = {
    spec: '{"inputs": 784, "layers": [{"units": 512, "activation": "relu"}, {"dropout": 0.2}, {"units": 10, "activation": "softmax"}], "loss": "categorical_crossentropy", "seed": 42}',
    convnet: '{"inputs": 36, "image": [6, 6, 1], "layers": [{"conv2d": 2, "kernel": [3, 3], "padding": "same"}, {"maxpool2d": 2}, {"flatten": true}, {"units": 3}]}',
    fit: '{"epochs": 2, "batchSize": 128, "shuffle": false, "validationSplit": 0.1, "seed": 1}',
    optimizer: '{"lr": 0.001, "momentum": 0.9, "nesterov": true, "kind": "step", "step_size": 10, "gamma": 0.5}',
    keras: '{"spec": {"inputs": 4, "layers": [{"units": 3}]}, "optimizer": "adam", "settings": {"lr": -1e400}}',
    broken: '[1, {"a": "\\u00e9\\n"}, -0.0e+1, true, null',
  };
  for (const [name, text] of Object.entries(seeds)) writeFileSync(path.join(dir, name), text);
}

function csvSeeds(dir) {
  const seeds = {
    header: 'x1,x2,label\n1,2,0\n-3.5,0.25,1\n',
    names: '\uFEFF0,0,"cat"\r\n1e-3,-4,dog\n\n2,2,bird\n',
    integers: '0,0,-1\n1,1,+1\n2,2,1\n',
    broken: '1,2\nNaN,1,1\n3,x,2\n',
    classes: Array.from({ length: 11 }, (_, i) => `${i},${-i},c${i}`).join('\n'),
  };
  for (const [name, text] of Object.entries(seeds)) writeFileSync(path.join(dir, `seed-${name}`), text);
}

export function writeSeeds(name) {
  const dir = corpusOf(name);
  mkdirSync(dir, { recursive: true });
  TARGETS[name].seeds(dir);
}

export function defaultSeconds() {
  const s = Number(process.env.BASECAMP_FUZZ_SECONDS ?? 60);
  return Number.isInteger(s) && s > 0 ? s : 60;
}

// Builds, seeds and runs one target. Resolves to {runs, ok, stats, output}: runs from
// libFuzzer's "Done N runs" line, ok when it finished without a finding.
export async function runTarget(name, { seconds = defaultSeconds(), quiet = false } = {}) {
  const log = quiet ? () => {} : (line) => console.log(line);
  const built = buildFuzzer(name);
  if (!built.ok) {
    log(built.output.trim());
    log('fuzz: the build failed (needs clang++ and libclang-rt-14-dev for libFuzzer)');
    return { runs: 0, ok: false, stats: '', output: built.output };
  }
  writeSeeds(name);
  const binary = binaryOf(name);
  const args = [corpusOf(name), `-max_total_time=${seconds}`, '-print_final_stats=1',
    `-artifact_prefix=${fuzzDir}${path.sep}`, '-timeout=10', '-rss_limit_mb=2048', `-max_len=${TARGETS[name].maxLen ?? 4096}`];
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
    if (done) log(`fuzz: ${name}: ${runs} runs, ${Math.round(runs / Math.max(1, Number(done[2])))} runs/s`);
  } else {
    // The finding: libFuzzer's and the sanitizer's report, which names the crash file.
    log(output.split('\n').slice(-80).join('\n'));
  }
  return { runs, ok, stats, output };
}

// Every target (or those named), one after the other: {runs (all targets), ok (all ok)}.
export async function runFuzz({ seconds = defaultSeconds(), quiet = false, targets = Object.keys(TARGETS) } = {}) {
  let runs = 0;
  let ok = true;
  for (const name of targets) {
    const result = await runTarget(name, { seconds, quiet });
    runs += result.runs;
    ok &&= result.ok;
  }
  return { runs, ok };
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
  const t = process.argv.indexOf('--target');
  const targets = t >= 0 ? [process.argv[t + 1]] : Object.keys(TARGETS);
  if (!targets.every((name) => name in TARGETS)) {
    console.error(`fuzz: --target is one of ${Object.keys(TARGETS).join(', ')}, got ${process.argv[t + 1]}`);
    process.exit(2);
  }
  const { runs, ok } = await runFuzz({ seconds, targets });
  console.log(ok ? `${runs} passed, 0 failed` : '0 passed, 1 failed');
  process.exit(ok ? 0 : 1);
}
