// Training runs the lab reproduces, written once: the CLI's `mnist` defaults and lesson 6's
// starting settings both read them (the wasm layer exports them to the page).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "nn/spec.hpp"
#include "optim/factory.hpp"

namespace basecamp::nn {

struct TrainingPreset {
  std::string name;
  int inputs = 0;
  std::vector<int> hidden;        // units of each hidden Dense layer
  Activation activation = Activation::relu;  // of the hidden layers
  int outputs = 0;
  Activation output_activation = Activation::softmax;
  Loss loss = Loss::categorical_crossentropy;
  Init initializer = Init::glorot_uniform;
  std::string optimizer;
  optim::OptimizerSettings settings;  // the hyperparameters that differ from the optimizer's defaults
  int batch_size = 0;
  int epochs = 0;
  std::uint64_t seed = 42;
  double reference_test_accuracy = 0;  // what the sources' run reached

  // inputs → hidden Dense layers → outputs, with the preset's loss, initializer and seed.
  ModelSpec spec() const;
};

// The sources' Keras MNIST run: 784 → Dense 512 relu → Dense 128 relu → Dense 10 softmax,
// categorical cross-entropy, glorot_uniform, RMSprop with Keras's settings (learning_rate 0.001,
// rho 0.9 = torch's alpha, epsilon 1e-7), batch 128, 5 epochs: 97.74 % test accuracy there.
const TrainingPreset& keras_mnist();

}  // namespace basecamp::nn
