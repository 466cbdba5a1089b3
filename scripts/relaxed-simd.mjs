// `node scripts/relaxed-simd.mjs FILE.wasm`: turns the relaxed-SIMD build's fused multiply-adds
// into the final opcode browsers run. CMakeLists.txt calls it after linking each relaxed module.
//
// Clang 14 (Emscripten 3.1.6) compiles __builtin_wasm_fma_f32x4 to the relaxed-SIMD proposal's
// prototype opcode 0xfd 0xaf 0x01 (`f32x4.relaxed_fma` to binaryen 108), which V8 rejects; the
// final spec calls the same instruction f32x4.relaxed_madd, opcode 0xfd 0x85 0x02 (0x105). Both
// are 3 bytes and take no immediate, so the rewrite changes those bytes and nothing else (no
// size, offset or index moves). Why this route and not a newer compiler: wasm/RELAXED_SIMD.md.
//
// Exactness, checked every time (any failure exits 1 and leaves the file as linked):
//   1. the pattern is searched only in function bodies, found by parsing the code section
//      (section sizes, function sizes, local declarations), never in data or names;
//   2. the number of matches must equal the number of prototype FMAs binaryen 108's wasm-dis
//      (the linker's own binaryen, which decodes the prototype opcode) reports, and no other
//      relaxed instruction may be present. Every instruction is a match and the counts agree, so
//      every match is an instruction: no immediate or constant byte is touched;
//   3. the result must validate in binaryen 132 (npm `binaryen`, which reads the final opcodes)
//      and hold exactly that many f32x4.relaxed_madd.
// A file that already holds only final opcodes (a re-run) is checked by 3 and left as it is.
import { spawnSync } from 'node:child_process';
import { chmodSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';

const PROTOTYPE = [0xfd, 0xaf, 0x01]; // f32x4.relaxed_fma (prototype, 0xaf)
const FINAL = [0xfd, 0x85, 0x02]; //     f32x4.relaxed_madd (final, 0x105)

function fail(message) {
  console.error(`relaxed-simd: ${message}`);
  process.exit(1);
}

// Unsigned LEB128 at `at`: [value, next offset].
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) fail('truncated LEB128');
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}

// [start, end) of every function's instruction bytes (after its local declarations).
function functionBodies(bytes) {
  if (bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d)
    fail('not a wasm module');
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const end = start + size;
    if (end > bytes.length) fail(`section ${id} runs past the end of the file`);
    if (id === 10) {
      const bodies = [];
      let [count, p] = leb(bytes, start);
      for (let f = 0; f < count; f += 1) {
        const [bodySize, bodyStart] = leb(bytes, p);
        const bodyEnd = bodyStart + bodySize;
        if (bodyEnd > end) fail(`function ${f} runs past the code section`);
        let [groups, q] = leb(bytes, bodyStart);
        for (let g = 0; g < groups; g += 1) {
          [, q] = leb(bytes, q); // how many locals
          const type = bytes[q];
          q += 1;
          if (![0x7f, 0x7e, 0x7d, 0x7c, 0x7b, 0x70, 0x6f].includes(type)) fail(`function ${f}: local type 0x${type.toString(16)} not understood`);
        }
        bodies.push([q, bodyEnd]);
        p = bodyEnd;
      }
      if (p !== end) fail('code section size does not match its functions');
      return bodies;
    }
    at = end;
  }
  return fail('no code section');
}

function findAll(bytes, bodies, pattern) {
  const found = [];
  for (const [start, end] of bodies) {
    for (let i = start; i + pattern.length <= end; i += 1) {
      if (pattern.every((b, k) => bytes[i + k] === b)) found.push(i);
    }
  }
  return found;
}

const occurrences = (text, word) => text.split(word).length - 1;

// binaryen 108's wasm-dis: how many prototype FMAs, and any other relaxed instruction.
function prototypeCount(file) {
  const r = spawnSync('wasm-dis', [file], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) fail(`wasm-dis (binaryen 108) could not read ${file}: ${r.stderr}`);
  return { fma: occurrences(r.stdout, 'f32x4.relaxed_fma'), relaxed: occurrences(r.stdout, 'relaxed') };
}

// binaryen 132: validates with every feature on; returns how many final relaxed_madd it holds.
async function finalCount(bytes) {
  const { default: binaryen } = await import('binaryen'); // an ES module with top-level await
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(binaryen.Features.All);
    if (!module.validate()) fail('binaryen 132 does not validate the rewritten module');
    const text = module.emitText();
    return { madd: occurrences(text, 'f32x4.relaxed_madd'), relaxed: occurrences(text, 'relaxed') };
  } finally {
    module.dispose();
  }
}

const file = process.argv[2];
if (!file) fail('usage: node scripts/relaxed-simd.mjs FILE.wasm');
const bytes = new Uint8Array(readFileSync(file));
const bodies = functionBodies(bytes);
const prototypes = findAll(bytes, bodies, PROTOTYPE);

if (prototypes.length === 0) {
  const after = await finalCount(bytes);
  if (after.madd === 0) fail(`${file} holds no relaxed FMA (was the kernel compiled with -mrelaxed-simd?)`);
  if (after.relaxed !== after.madd) fail(`${file} holds relaxed instructions other than f32x4.relaxed_madd`);
  console.log(`relaxed-simd: ${file} already holds ${after.madd} final f32x4.relaxed_madd, valid`);
  process.exit(0);
}

const before = prototypeCount(file);
if (before.fma !== prototypes.length)
  fail(`${prototypes.length} byte matches in the code but wasm-dis counts ${before.fma} relaxed FMAs: not rewriting`);
if (before.relaxed !== before.fma)
  fail(`${file} holds other prototype relaxed instructions (${before.relaxed - before.fma}); only f32x4 FMA is rewritten`);

const out = Uint8Array.from(bytes);
for (const at of prototypes) out.set(FINAL, at);
const after = await finalCount(out);
if (after.madd !== prototypes.length || after.relaxed !== after.madd)
  fail(`after the rewrite binaryen 132 counts ${after.madd} f32x4.relaxed_madd, expected ${prototypes.length}`);

writeFileSync(`${file}.tmp`, out);
chmodSync(`${file}.tmp`, statSync(file).mode); // as the linker left it
renameSync(`${file}.tmp`, file);
console.log(`relaxed-simd: ${file}: ${prototypes.length} f32x4.relaxed_fma (prototype 0xfd 0xaf 0x01) → ` +
  'f32x4.relaxed_madd (0xfd 0x85 0x02); binaryen 132 validates it');
