// The boundary lesson: seeded 2-D data sets, the points CSV reader/writer, the Keras export, the
// optimizer form, and a BoundaryLab that trains a small network and draws every neuron.
//   points:   {x1, x2, label} (arrays or Float64Arrays of equal length)
//   data:     {train: points, test: points, classes (0 = regression), classNames}
//   settings: {features: ['x1', …], hidden: [4, 2], activation | activations: [...],
//              initializer, l1, l2, dropout, optimizer, optimizerSettings: {momentum, …}, lr,
//              batchSize, seed}
import { caller, construct } from './errors.js';

export function boundaryApi(Module) {
  const call = caller(Module);
  return {
    boundaryDatasetNames: call('boundaryDatasetNames'),
    // (name) → classes of a named set (0: regression)
    boundaryDatasetClasses: call('boundaryDatasetClasses'),
    boundaryFeatureNames: call('boundaryFeatureNames'),
    // () → [{name, hyperparameters: [{name, value (default), flag}]}], the factory's defaults
    // ({name, points, noise, testRatio, seed}) → data
    boundaryMakeData: call('boundaryMakeData'),
    // (points, testRatio, seed, classNames) → data
    boundarySplit: call('boundarySplit'),
    // (text) → {points, classes, classNames}; throws {code: 'parse_error', field: 'line'|'file',
    //   value: line, text: problem}
    boundaryParseCsv: call('boundaryParseCsv'),
    // (points, classNames) → CSV text
    boundaryWriteCsv: call('boundaryWriteCsv'),
    // ({settings, classes, classNames, epochs, testRatio}) → Python text
    boundaryKeras: call('boundaryKeras'),
    // (data, settings) → a lab: .step(n), .epoch(), .current() → {epoch, trainLoss, testLoss,
    //   trainAccuracy, testAccuracy}, .history(), .units(), .setLearningRate(lr),
    //   .setBatchSize(b), .setOptimizer(name, settings), .setRegularization(l1, l2),
    //   .setDropout(rate), .setData(data), .weight(layer, from, to), .bias(layer, to),
    //   .setWeight(layer, from, to, v), .setBias(layer, to, v), .parameters(),
    //   .predict(x1, x2) → {rows, cols, data}, .heatmaps(size, lo, hi) → {size, lo, hi, units,
    //   layers: [Float32Array neuron-major]}, .hiddenSpace(layer, test); .delete() when done.
    newBoundaryLab: (data, settings) => construct(Module.BoundaryLab, data, settings),
  };
}
