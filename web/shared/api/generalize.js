// Lesson 7 (generalization): noisy samples of one curve, gradient-descent fits with training and
// held-out error curves (polynomial or small MLP, L2/L1, dropout), splits, degree scans, k-fold
// cross-validation, histograms and the weight-initialization experiment.
//   points: {x, y} (arrays or Float64Arrays of equal length)
//   spec:   {model: 'poly'|'mlp', degree, hidden, depth, activation, dropout,
//            penalty: 'none'|'l2'|'l1', lambda, optimizer: 'adam', lr, steps, recordEvery, grid, seed}
import { caller, construct } from './errors.js';

export function generalizeApi(Module) {
  const call = caller(Module);
  return {
    // (n, noise, seed) → {x, y}: x stratified over [−1, 1], y = sin(1.5x) + N(0, noise²)
    curveData: call('curveData'),
    // (n) → {x, y}: the noiseless curve on n points of [−1, 1]
    trueCurve: call('trueCurve'),
    // (train, val, test, spec) → {steps, trainMse, valMse, testMse|null, best, divergedAt, gridX,
    //   curves (records × grid), weights, sumSq, sumAbs, penalty (½λΣw² or λΣ|w|), parameters}
    fitCurve: (train, val = null, test = null, spec = {}) => call('fitCurve')(train, val, test, spec),
    // The same fit run in chunks: .advance(n) → {step, done}; .result(); .delete() when done.
    newCurveFit(train, val = null, test = null, spec = {}) {
      return construct(Module.CurveFit, train, val, test, spec);
    },
    // (n, trainFrac, valFrac, seed) → Int32Array of roles (0 train, 1 validation, 2 test)
    splitRoles: call('splitRoles'),
    // (points, roles, role) → the points with that role
    selectRole: call('selectRole'),
    // (points, degree) → Float64Array of Legendre coefficients c_0 … c_d (least squares)
    fitPolyLeastSquares: call('fitPolyLeastSquares'),
    // (coefficients, x) → Float64Array;  polyMse(coefficients, points) → number
    polyValues: call('polyValues'),
    polyMse: call('polyMse'),
    // (train, val, maxDegree) → {degree, trainMse, valMse, bestDegree}
    scanDegrees: call('scanDegrees'),
    // (n, k, seed) → Int32Array: each sample's fold
    kfoldAssign: call('kfoldAssign'),
    // (points, folds, fold, degree) → {fold, nTrain, nVal, trainMse, valMse, coefficients}
    crossValidateFold: call('crossValidateFold'),
    // (values) → {mean, stddev (n − 1)}
    summarize: call('summarize'),
    // (values, bins, lo, hi) → {lo, hi, counts: Int32Array}
    histogram: call('histogram'),
    // ({rule: 'normal_0.01'|'normal_1'|'xavier'|'he', activation: 'sigmoid'|'tanh'|'relu', layers,
    //   units, samples, bins, seed}) → per layer {lo, hi, counts, mean, stddev, saturated, gradStddev}
    activationStats: call('activationStats'),
    // (fanIn) → {normal_0.01, normal_1, xavier, he}: each rule's σ
    initStddevs: call('initStddevs'),
  };
}
