// The friendly JS face of the wasm core, assembled from one file per area in api/. Works on any
// instantiated module (the page's ES module build or node's CommonJS build), so the node tests
// exercise exactly what the page calls.
import { caller } from './api/errors.js';
import { curvesApi } from './api/curves.js';
import { descentApi } from './api/descent.js';

export function wrapCore(Module) {
  return {
    Module,
    // Bytes of the wasm heap in use (the node tests check that it returns to where it was).
    heapInUse: caller(Module)('heapInUse'),
    ...curvesApi(Module),
    ...descentApi(Module),
  };
}
