// The friendly JS face of the wasm core. Works on any instantiated module (the page's ES module
// build or node's CommonJS build), so the node tests exercise exactly what the page calls.
// Bound functions return an Error object on failure (see wasm/guard.hpp); here it is thrown.
function unwrap(result) {
  if (result instanceof Error) throw result;
  return result;
}

// Wraps an Embind object so that each method call throws the core's errors; `.delete()` and
// every other property pass through.
function throwing(object) {
  return new Proxy(object, {
    get(target, name) {
      const member = target[name];
      if (typeof member !== 'function' || name === 'delete') return member?.bind?.(target) ?? member;
      return (...args) => unwrap(member.apply(target, args));
    },
  });
}

export function wrapCore(Module) {
  const call = (name) => (...args) => unwrap(Module[name](...args));
  return {
    Module,
    heapInUse: call('heapInUse'),

    curves: call('curveCatalog'),
    evaluateCurve: call('evaluateCurve'),
    stepDownhill: call('stepDownhill'),

    // 2-D surfaces: a spec is {surface: 'bowl'} or {surface: 'regression', x: [...], y: [...]}.
    surfaceNames: call('surfaceNames'),
    surfaceInfo: call('surfaceInfo'),
    surfaceAt: call('surfaceAt'),
    // f on an nx x ny grid over [x0, x1] x [y0, y1] (Float64Array, row j = y index).
    surfaceGrid: call('surfaceGrid'),
    leastSquares: call('leastSquares'),
    optimizerNames: call('optimizerNames'),
    // The whole path {path: Float64Array [x, y, f, ...], divergedAt} as `basecamp descend` prints it.
    descend: (spec, optimizer, settings, x0, y0, steps, schedule = null) =>
      unwrap(Module.descend(spec, optimizer, settings ?? {}, x0, y0, steps, schedule)),
    // A walker for animation (step(n), x(), y(), f(), state(), ...); the caller must .delete() it.
    newDescent(spec, optimizer, settings, x0, y0, schedule = null) {
      const descent = new Module.Descent(spec, optimizer, settings ?? {}, x0, y0, schedule);
      const error = descent.error();
      if (error) {
        descent.delete();
        throw new Error(error);
      }
      return throwing(descent);
    },

    // A new autodiff tape; the caller must call .delete() on it.
    newGraph: () => throwing(new Module.Graph()),
    // Runs fn(graph) on a fresh autodiff tape and frees the tape afterwards, even on error.
    withGraph(fn) {
      const graph = this.newGraph();
      try {
        return fn(graph);
      } finally {
        graph.delete();
      }
    },
  };
}
