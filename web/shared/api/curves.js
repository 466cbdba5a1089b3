// 1-D curves and the autodiff tape (lesson 1's warm-up, lesson 5's graph).
import { caller, throwing } from './errors.js';

export function curvesApi(Module) {
  const call = caller(Module);
  return {
    curves: call('curveCatalog'),
    evaluateCurve: call('evaluateCurve'),
    stepDownhill: call('stepDownhill'),

    // A new autodiff tape; the caller must call .delete() on it.
    newGraph: () => throwing(new Module.Graph()),
    // Runs fn(graph) on a fresh autodiff tape and frees the tape afterwards, even on error.
    withGraph(fn) {
      const graph = throwing(new Module.Graph());
      try {
        return fn(graph);
      } finally {
        graph.delete();
      }
    },
  };
}
