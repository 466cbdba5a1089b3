// Mini-batch SGD on the regression points (lesson 4): true SGD (batch 1), mini-batch (batch k)
// and full batch (batch n) over (m, b), counting per-sample gradient evaluations.
// spec: {} for the default 7 points or {x: [...], y: [...]}; settings and schedule as descent.js.
import { construct } from './errors.js';

export function minibatchApi(Module) {
  return {
    // A walker: step(n) → Float64Array of new rows [m, b, loss, samples, batchLoss, ...]; m(),
    // b(), loss() (full MSE), batchLoss(), steps(), samples(), epoch(), batchSize(),
    // divergedAt() (-1 if not), lastBatch() (sorted point indices). Call .delete().
    newMinibatch(spec, optimizer, settings, batchSize, seed, m0, b0, schedule = null) {
      return construct(Module.MinibatchDescent, spec ?? {}, optimizer, settings ?? {}, batchSize, seed, m0, b0, schedule);
    },
  };
}
