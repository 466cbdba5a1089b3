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
  ImageShape image;               // an image input (0s: flat)
  std::vector<LayerSpec> features;  // layers before the hidden Dense ones (Conv2D … Flatten)
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

  // inputs → feature layers → hidden Dense layers → outputs, with the preset's loss,
  // initializer and seed.
  ModelSpec spec() const;
};

// The sources' Keras MNIST run: 784 → Dense 512 relu → Dense 128 relu → Dense 10 softmax,
// categorical cross-entropy, glorot_uniform, RMSprop with Keras's settings (learning_rate 0.001,
// rho 0.9 = torch's alpha, epsilon 1e-7), batch 128, 5 epochs: 97.74 % test accuracy there.
const TrainingPreset& keras_mnist();

// The Keras book's MNIST convnet (Chollet, Deep Learning with Python, section 5.1):
// 28x28x1 → Conv2D 32 3x3 relu → MaxPooling2D 2 → Conv2D 64 3x3 relu → MaxPooling2D 2 →
// Conv2D 64 3x3 relu → Flatten → Dense 64 relu → Dense 10 softmax (93,322 parameters),
// categorical cross-entropy, glorot_uniform, RMSprop with Keras's settings, batch 64, 5 epochs:
// 99.08 % test accuracy there.
const TrainingPreset& keras_mnist_convnet();

}  // namespace basecamp::nn
