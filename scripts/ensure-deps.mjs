// Installs what the lab needs on a fresh Debian 12 machine, and nothing when it is all there:
// Debian packages (as root; otherwise a message listing them) and node_modules (npm ci).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// Each Debian package, with a file that shows it is installed.
const debianPackages = [
  ['cmake', '/usr/bin/cmake'],
  ['g++', '/usr/bin/g++'],
  ['emscripten', '/usr/bin/em++'],
  // binaryen 108's wasm-dis (an emscripten dependency): scripts/relaxed-simd.mjs counts with it.
  ['binaryen', '/usr/bin/wasm-dis'],
  ['libeigen3-dev', '/usr/include/eigen3/Eigen/Core'],
  ['catch2', '/usr/include/catch2/catch.hpp'],
  ['chromium', '/usr/bin/chromium'],
  // Korean glyphs for the browser tests' screenshots (learners' machines have their own fonts).
  ['fonts-nanum', '/usr/share/fonts/truetype/nanum/NanumGothic.ttf'],
  ['clang', '/usr/bin/clang++'],
  ['libclang-rt-14-dev', '/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a'],
];

function ensureDebianPackages() {
  const missing = debianPackages.filter(([, file]) => !existsSync(file)).map(([name]) => name);
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`basecamp: missing Debian packages: ${missing.join(' ')}\n` +
      `install them with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  console.log(`basecamp: installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'inherit', env });
}

function ensureNodeModules() {
  const lock = path.join(root, 'package-lock.json');
  const installed = path.join(root, 'node_modules', '.package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lock).mtimeMs) return;
  console.log('basecamp: installing node modules (npm ci)');
  const result = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

export function ensureDeps() {
  ensureDebianPackages();
  ensureNodeModules();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();
