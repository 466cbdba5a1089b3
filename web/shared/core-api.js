// The friendly JS face of the wasm core, assembled from one file per area in api/. Works on any
// instantiated module (the page's ES module build or node's CommonJS build), so the node tests
// exercise exactly what the page calls.
import { caller } from './api/errors.js';
import { setCatalogue } from './catalogue.js';
import { curvesApi } from './api/curves.js';
import { descentApi } from './api/descent.js';
import { climbApi } from './api/climb.js';
import { guessApi } from './api/guess.js';
import { modelApi } from './api/model.js';
import { minibatchApi } from './api/minibatch.js';
import { regressionApi } from './api/regression.js';
import { backpropApi } from './api/backprop.js';
import { generalizeApi } from './api/generalize.js';
import { mnistLessonApi } from './api/mnist-lesson.js';
import { boundaryApi } from './api/boundary.js';

export function wrapCore(Module) {
  const catalogue = Module.catalogue();
  setCatalogue(catalogue);
  return {
    // Optimizers, schedules, names, presets and error codes (see shared/catalogue.js).
    catalogue: () => catalogue,
    Module,
    // Bytes of the wasm heap in use (the node tests check that it returns to where it was).
    heapInUse: caller(Module)('heapInUse'),
    ...curvesApi(Module),
    ...descentApi(Module),
    ...climbApi(Module),
    ...guessApi(Module),
    ...modelApi(Module),
    ...minibatchApi(Module),
    ...regressionApi(Module),
    ...backpropApi(Module),
    ...generalizeApi(Module),
    ...mnistLessonApi(Module),
    ...boundaryApi(Module),
  };
}
