// A network's spec, fit options and the "Export as Keras" request from a Value (a JS object on
// the page). Type checks name the key ("model: layer 2 units must be an integer in [1, 16384],
// got 0"); the spec's rules are validate_spec's and validate_fit_options's.
//   spec: {inputs: 784, layers: [{units: 512, activation: 'relu'}, {dropout: 0.2}, ...],
//          loss: 'categorical_crossentropy', initializer: 'glorot_uniform', l1, l2, seed}
//   image models: image: [height, width, channels] and layers {conv2d: filters, kernel: 3 or
//          [kh, kw], stride, padding: 'valid'|'same', activation}, {maxpool2d: pool, stride},
//          {flatten: true}
//   fit: {epochs, batchSize, shuffle, validationSplit, seed}; absent keys keep Keras's defaults.
//   keras request: {spec, optimizer, settings, fit, trainSize, validation: 'test'|'split'|'none'}
//          ('split' holds out fit.validationSplit, else 0.1: the lesson's worker's).
#pragma once

#include "nn/keras.hpp"
#include "nn/spec.hpp"
#include "nn/trainer.hpp"
#include "value.hpp"

namespace basecamp::nn {

ModelSpec spec_from(const Value& v);
FitOptions fit_options_from(const Value& v);
MnistKerasExport keras_request_from(const Value& v);

}  // namespace basecamp::nn
