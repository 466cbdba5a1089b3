// Loads the node (CommonJS) build of the wasm core and wraps it like the page does.
// BASECAMP_CORE=relaxed (npm test's second run of these tests) loads the relaxed-SIMD build
// instead (fused multiply-add in the matrix products; node 20 needs
// --experimental-wasm-relaxed-simd for it).
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wrapCore } from '../../web/shared/core-api.js';
import { wasmDir as buildDir } from '../../scripts/paths.mjs';
const require = createRequire(import.meta.url);

// 'simd128' or 'relaxed': the flavour loadNodeCore() loads by default.
export const defaultFlavour = process.env.BASECAMP_CORE === 'relaxed' ? 'relaxed' : 'simd128';

// The raw Embind module of one flavour.
export async function loadNodeModule(flavour = defaultFlavour) {
  const name = flavour === 'relaxed' ? 'basecamp_node_relaxed' : 'basecamp_node';
  const createBasecampCore = require(path.join(buildDir, `${name}.cjs`));
  // Node 20's global fetch makes emscripten 3.1.6 try to fetch the .wasm by path: hand it over.
  return createBasecampCore({ wasmBinary: readFileSync(path.join(buildDir, `${name}.wasm`)) });
}

export async function loadNodeCore(flavour = defaultFlavour) {
  return wrapCore(await loadNodeModule(flavour));
}
