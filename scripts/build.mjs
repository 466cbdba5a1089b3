// Builds what is missing, incrementally: the native core (tests, CLI), the wasm core (page,
// node, tests), and with --site the static site in dist/ (vite build). --lab builds only what
// the served lab needs: the page's wasm modules (single-thread and threaded) and the site
// (`npm start` builds the same, the threaded modules after it serves: scripts/start.mjs).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import { ensureDeps } from './ensure-deps.mjs';
import { packMnist } from './pack-mnist.mjs';
import { writeOfflineWorker } from './offline.mjs';

import { distDir, nativeDir, root, wasmDir } from './paths.mjs';

export { distDir, nativeDir, root, wasmDir };
// BASECAMP_JOBS caps the parallel compile jobs (side-by-side builds on a small machine).
const jobs = String(Number(process.env.BASECAMP_JOBS) || Math.max(1, os.cpus().length));

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`basecamp: failed: ${cmd} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

export function buildNative(targets = [], options = {}) {
  if (!existsSync(path.join(nativeDir, 'CMakeCache.txt'))) {
    run('cmake', ['-S', '.', '-B', nativeDir, '-DCMAKE_BUILD_TYPE=Release'], options);
  }
  const targetArgs = targets.flatMap((t) => ['--target', t]);
  run('cmake', ['--build', nativeDir, '-j', jobs, ...targetArgs], options);
}

// The wasm targets the served lab needs (the page's single-thread and threaded modules, each in
// SIMD128 and relaxed SIMD); `npm start` builds only these, `npm test` and `npm run build`
// everything (tests, node modules too).
export const LAB_SINGLE_TARGETS = ['basecamp_web', 'basecamp_web_relaxed'];
export const LAB_THREADED_TARGETS = ['basecamp_web_mt', 'basecamp_web_mt_relaxed'];
export const LAB_WASM_TARGETS = [...LAB_SINGLE_TARGETS, ...LAB_THREADED_TARGETS];

// npm puts node_modules/.bin first on PATH, and with it npm binaryen 132's wasm-opt, which em++
// then runs instead of Debian's binaryen 108: 132 does not read the prototype relaxed-SIMD opcode
// the kernel is compiled to ("unknown SIMD operation 175"). em++ gets a PATH without it.
export function emscriptenEnv() {
  const bin = path.join(root, 'node_modules', '.bin');
  const PATH = (process.env.PATH ?? '').split(path.delimiter)
    .filter((dir) => dir && !dir.endsWith(`${path.sep}node_modules${path.sep}.bin`) && dir !== bin)
    .join(path.delimiter);
  return { ...process.env, PATH };
}

export function buildWasm(options = {}, targets = []) {
  options = { env: emscriptenEnv(), ...options };
  if (!existsSync(path.join(wasmDir, 'CMakeCache.txt'))) {
    // emcmake's default emulator ("node --experimental-wasm-threads") is rejected by node 20.
    run('emcmake', ['cmake', '-S', '.', '-B', wasmDir, '-DCMAKE_BUILD_TYPE=Release',
      '-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch'], options);
  }
  const targetArgs = targets.flatMap((t) => ['--target', t]);
  run('cmake', ['--build', wasmDir, '-j', jobs, ...targetArgs], options);
}

export async function buildSite() {
  // Real MNIST, packed for the page (web/public/mnist/, copied verbatim into dist/).
  await packMnist();
  // vite.config.js reads the wasm build and the output folder from scripts/paths.mjs.
  run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build',
    '--logLevel', 'warn']);
  installThreaded();
}

// The threaded builds (SIMD128 and relaxed SIMD) ship as static files (vite would rebundle their
// pthread workers wrongly); web/shared/core.js imports one from wasm-mt/ when the page is
// cross-origin isolated, and falls back to one thread when they are not there (yet: `npm start`
// serves before it builds them). Then the service worker's list, of every file now in dist/
// (written again from web/public/sw.js: a filled one has no empty list left to fill).
export function installThreaded() {
  const built = LAB_THREADED_TARGETS.every((name) => existsSync(path.join(wasmDir, `${name}.wasm`)));
  if (built) {
    mkdirSync(path.join(distDir, 'wasm-mt'), { recursive: true });
    for (const name of LAB_THREADED_TARGETS) {
      for (const ext of ['.mjs', '.wasm', '.worker.js'])
        copyFileSync(path.join(wasmDir, name + ext), path.join(distDir, 'wasm-mt', name + ext));
    }
  }
  copyFileSync(path.join(root, 'web', 'public', 'sw.js'), path.join(distDir, 'sw.js'));
  writeOfflineWorker(distDir);
  return built;
}

// labOnly: just what serving the lab needs (no native build, no test suites); with
// threaded: false, only its single-thread modules (`npm start` builds the threaded ones after).
export async function buildAll({ site = true, labOnly = false, threaded = true } = {}) {
  ensureDeps();
  if (labOnly) {
    buildWasm({}, threaded ? LAB_WASM_TARGETS : LAB_SINGLE_TARGETS);
  } else {
    buildNative();
    buildWasm();
  }
  if (site) await buildSite();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildAll({ site: process.argv.includes('--site') || process.argv.includes('--lab'),
    labOnly: process.argv.includes('--lab') });
  console.log(`basecamp: built in ${((Date.now() - started) / 1000).toFixed(1)} s` +
    (process.argv.includes('--site') ? ` (static site in ${path.relative(root, distDir)}/)` : ''));
}
