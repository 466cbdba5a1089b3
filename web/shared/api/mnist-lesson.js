// The MNIST lesson's helpers (nn/classification, data/digit_image in the core).
import { caller } from './errors.js';

export function mnistLessonApi(Module) {
  const call = caller(Module);
  return {
    // probs: Float32Array rows x classes (a model's predictions), labels: Uint8Array rows, k ≥ 0 →
    // {classes, samples, correct, accuracy, predicted: Uint8Array, confidence: Float32Array,
    //  confusion: Float64Array classes² ([true·classes + predicted] counts), order: Int32Array
    //  (sample indices grouped by cell, most confident first), cellStart: Int32Array (classes² + 1
    //  offsets into order), mistakes: Int32Array (the k most confident wrong predictions)}
    classificationReport: (probs, rows, classes, labels, k = 0) =>
      call('classificationReport')(probs, rows, classes, labels, k),
    // ink: Uint8Array width x height (0 paper … 255 ink) → the MNIST-style 28 x 28 image:
    // {pixels: Uint8Array 784, empty, box: {x, y, width, height} (the ink's, in drawing pixels),
    //  centerX, centerY (its centre of mass in the 28 x 28 field)}
    mnistPreprocess: (ink, width, height) => call('mnistPreprocess')(ink, width, height),
  };
}
