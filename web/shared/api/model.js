// Networks (the MNIST lesson and friends): build a model from a spec, give it data, train it a
// few batches at a time (a worker posts progress between calls), evaluate, predict, save, load.
//   spec: {inputs: 784, layers: [{units: 512, activation: 'relu'}, {dropout: 0.2},
//          {units: 10, activation: 'softmax'}], loss: 'categorical_crossentropy',
//          initializer: 'glorot_uniform', l1: 0, l2: 0, seed: 42}
//   image models add image: [28, 28, 1] and, before a {flatten: true}, layers {conv2d: filters,
//   kernel: 3 | [kh, kw], stride: 1|2, padding: 'valid'|'same', activation} and {maxpool2d: pool}.
//   optimizer: 'rmsprop' with settings in torch.optim's names ({lr: 1e-3, alpha: 0.9, eps: 1e-7}).
import { caller, construct, unwrap } from './errors.js';

export function modelApi(Module) {
  const call = caller(Module);
  return {
    // Before building: {parameters, weightBytes, gradBytes, optimizerBytes, activationBytes,
    // totalBytes} for training with this spec, batch size and optimizer (data not included).
    modelMemory: (spec, batchSize, optimizer = 'rmsprop', settings = {}) =>
      unwrap(Module.modelMemory(spec, batchSize, optimizer, settings ?? {})),
    // "Export as Keras": the worker's 'start' request {spec, optimizer, settings, fit, trainSize,
    // validation: 'test'|'split'|'none'} → a Keras 3 Python script (core errors for bad settings).
    mnistKeras: call('mnistKeras'),
    // A model; its methods throw the core's errors. Call .delete() when done.
    //   setTrainingData(x: Float32Array, rows, cols, y: Float32Array, yCols)
    //   setTrainingBytes(pixels: Uint8Array, rows, cols, labels: Uint8Array, classes)  (÷255, one-hot)
    //   setValidationData(...) / setValidationBytes(...) / clearData()
    //   startFit({epochs, batchSize, shuffle, validationSplit, seed})
    //   runBatches(n) → {epoch, batch, batchesPerEpoch, batchLoss, loss, metric, samplesSeen,
    //                    done, epochEnd: null | {epoch, loss, metric, valLoss, valMetric}}
    //   runBatchWithSignals(probeRows) → the same for one batch, plus signals: per layer with
    //                    weights {layer, kind, activation, weightNorm, gradNorm, updateRatio,
    //                    deadFraction, min, max, mean, std, histogram} (nn/signals.hpp)
    //   stop(), history() → [epoch logs]
    //   evaluate(x, rows, cols, y, yCols) / evaluateBytes(pixels, rows, cols, labels, classes)
    //     → {loss, accuracy (null for mse)}
    //   predict(x, rows, cols) / predictBytes(pixels, rows, cols) → Float32Array rows x outputs
    //   featureMaps(pixels: Uint8Array, cols) → [{layer, kind, height, width, channels, data}]
    //     (one image: every Conv2D and MaxPooling2D output, channels-last)
    //   weights(layer) → {rows, cols, data: Float32Array}, bias(layer) → Float32Array (copies)
    //     (a Conv2D's kernel: rows kh·kw·channels in (kh, kw, c) order, cols filters)
    //   save() → Uint8Array, load(bytes)
    //   parameterCount(), denseCount(), summary(), lr(), setLr(lr)
    //   momentum() → number | null (SGD, RMSprop made with momentum > 0), setMomentum(m)
    newModel(spec, optimizer = 'rmsprop', settings = {}) {
      return construct(Module.Model, spec, optimizer, settings ?? {});
    },
  };
}
