// "Export as Keras" for the MNIST lesson: the Python (Keras 3) script that loads MNIST with
// keras.datasets.mnist, scales it as the core does (pixels / 255, one-hot labels), keeps the
// same first training images, builds the lesson's network (Dense/Dropout, or Conv2D/
// MaxPooling2D/Flatten on 28×28×1 images), compiles it with the optimizer and every one of its
// hyperparameters, fits it with the lesson's batch size, epochs and validation choice, and
// evaluates it on the test images. Written in the core so that the page and
// `basecamp mnist --keras` give the same text (golden files run natively and in wasm).
#pragma once

#include <string>

#include "nn/spec.hpp"
#include "nn/trainer.hpp"
#include "optim/factory.hpp"

namespace basecamp::nn {

struct MnistKerasExport {
  // Where the lesson's validation curve comes from.
  enum class Validation { test, split, none };

  ModelSpec spec;
  std::string optimizer = "rmsprop";
  optim::OptimizerSettings settings;  // lr included; unset ones are the optimizer's defaults
  FitOptions fit;                     // epochs, batch_size, shuffle, seed; with Validation::split,
                                      // validation_split (the lesson's worker holds out 0.1)
  int train_size = 60000;             // the first train_size of the 60,000 training images
  Validation validation = Validation::test;
};

// "test", "split", "none" → Validation; unknown_name otherwise.
MnistKerasExport::Validation parse_validation(const std::string& name);

// Error (the core's coded checks: validate_spec, validate_fit_options, the optimizer factory,
// train_size in [1, 60000]) when the settings are not a network the lesson could train.
std::string mnist_keras_code(const MnistKerasExport& e);

}  // namespace basecamp::nn
