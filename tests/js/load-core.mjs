// Loads the node (CommonJS) build of the wasm core and wraps it like the page does.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { wrapCore } from '../../web/shared/core-api.js';
import { wasmDir as buildDir } from '../../scripts/paths.mjs';
const require = createRequire(import.meta.url);

export async function loadNodeCore() {
  const createBasecampCore = require(path.join(buildDir, 'basecamp_node.cjs'));
  // Node 20's global fetch makes emscripten 3.1.6 try to fetch the .wasm by path: hand it over.
  const Module = await createBasecampCore({ wasmBinary: readFileSync(path.join(buildDir, 'basecamp_node.wasm')) });
  return wrapCore(Module);
}
