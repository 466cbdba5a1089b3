#include "nn/presets.hpp"

namespace basecamp::nn {

ModelSpec TrainingPreset::spec() const {
  ModelSpec s;
  s.inputs = inputs;
  s.image = image;
  s.layers = features;
  for (int units : hidden) s.layers.push_back(LayerSpec::dense(units, activation));
  s.layers.push_back(LayerSpec::dense(outputs, output_activation));
  s.loss = loss;
  s.initializer = initializer;
  s.seed = seed;
  return s;
}

const TrainingPreset& keras_mnist() {
  static const TrainingPreset preset = [] {
    TrainingPreset p;
    p.name = "keras_mnist";
    p.inputs = 784;
    p.hidden = {512, 128};
    p.activation = Activation::relu;
    p.outputs = 10;
    p.output_activation = Activation::softmax;
    p.loss = Loss::categorical_crossentropy;
    p.initializer = Init::glorot_uniform;  // Keras's Dense default
    p.optimizer = "rmsprop";
    p.settings.lr = 1e-3;
    p.settings.alpha = 0.9;
    p.settings.eps = 1e-7;
    p.batch_size = 128;
    p.epochs = 5;
    p.seed = 42;
    p.reference_test_accuracy = 0.9774;
    return p;
  }();
  return preset;
}

const TrainingPreset& keras_mnist_convnet() {
  static const TrainingPreset preset = [] {
    TrainingPreset p = keras_mnist();  // same data, loss, initializer and RMSprop settings
    p.name = "keras_mnist_convnet";
    p.image = {28, 28, 1};
    p.features = {LayerSpec::conv2d(32, 3, 3, Activation::relu), LayerSpec::maxpool2d(2),
                  LayerSpec::conv2d(64, 3, 3, Activation::relu), LayerSpec::maxpool2d(2),
                  LayerSpec::conv2d(64, 3, 3, Activation::relu), LayerSpec::flatten()};
    p.hidden = {64};
    p.batch_size = 64;
    p.epochs = 5;
    p.reference_test_accuracy = 0.9908;
    return p;
  }();
  return preset;
}

}  // namespace basecamp::nn
