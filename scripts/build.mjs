// Builds what is missing, incrementally: the native core (tests, CLI), the wasm core (page,
// node, tests), and with --site the static site in dist/ (vite build).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import os from 'node:os';
import { ensureDeps } from './ensure-deps.mjs';
import { packMnist } from './pack-mnist.mjs';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const nativeDir = path.join(root, 'build', 'native');
export const wasmDir = path.join(root, 'build', 'wasm');
const jobs = String(Math.max(1, os.cpus().length));

export function run(cmd, args, options = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.status !== 0) {
    console.error(`basecamp: failed: ${cmd} ${args.join(' ')}`);
    process.exit(result.status ?? 1);
  }
}

export function buildNative(targets = []) {
  if (!existsSync(path.join(nativeDir, 'CMakeCache.txt'))) {
    run('cmake', ['-S', '.', '-B', nativeDir, '-DCMAKE_BUILD_TYPE=Release']);
  }
  const targetArgs = targets.flatMap((t) => ['--target', t]);
  run('cmake', ['--build', nativeDir, '-j', jobs, ...targetArgs]);
}

export function buildWasm() {
  if (!existsSync(path.join(wasmDir, 'CMakeCache.txt'))) {
    // emcmake's default emulator ("node --experimental-wasm-threads") is rejected by node 20.
    run('emcmake', ['cmake', '-S', '.', '-B', wasmDir, '-DCMAKE_BUILD_TYPE=Release',
      '-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch']);
  }
  run('cmake', ['--build', wasmDir, '-j', jobs]);
  // The page imports the ES module build from web/generated/ (ignored by git).
  const generated = path.join(root, 'web', 'generated');
  mkdirSync(generated, { recursive: true });
  for (const file of ['basecamp_web.mjs', 'basecamp_web.wasm']) {
    const from = path.join(wasmDir, file);
    const to = path.join(generated, file);
    if (!existsSync(to) || statSync(to).mtimeMs < statSync(from).mtimeMs) copyFileSync(from, to);
  }
}

export async function buildSite() {
  // Real MNIST, packed for the page (web/public/mnist/, copied verbatim into dist/).
  await packMnist();
  run(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build',
    '--logLevel', 'warn']);
}

export async function buildAll({ site = true } = {}) {
  ensureDeps();
  buildNative();
  buildWasm();
  if (site) await buildSite();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  await buildAll({ site: process.argv.includes('--site') });
  console.log(`basecamp: built in ${((Date.now() - started) / 1000).toFixed(1)} s` +
    (process.argv.includes('--site') ? ' (static site in dist/)' : ''));
}
