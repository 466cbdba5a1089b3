// Finite differences against backpropagation on an MLP (lesson 5). The tape's step-by-step view
// (graph.localGrad, graph.contribution, graph.backwardTo) is on the Graph from curves.js.
import { caller } from './errors.js';

export function backpropApi(Module) {
  const call = caller(Module);
  return {
    // [{name, layers, params, fdSample}]: the lesson's sizes, N ≈ 50 … 270k (fdSample 0 = all).
    fdPresets: call('fdPresets'),
    // {batch, seed, step (ε of the central differences), relFloor}: what compareFdBackprop uses.
    fdDefaults: call('fdDefaults'),
    mlpParamCount: call('mlpParamCount'),
    // {params, batch, loss, forwardMs, backwardMs, timedPasses, backpropMs, backwardOverForward, fdOverBackprop, fdEvaluations (2N),
    // forwardFdEvaluations (N + 1), fdParamsRun, fdEvaluationsRun, fdRunMs, fdMs, extrapolated,
    // maxRelDiff, maxAbsDiff, relFloor}. settings: {batch, seed, fdSample, step, minTimingMs}.
    compareFdBackprop: (layers, settings = {}) => call('compareFdBackprop')(layers, settings),
  };
}
