// "Export as Keras": the generated script for each layer/activation/optimizer combination equals
// its golden file in tests/data/boundary_keras/. After a deliberate change, regenerate them with
// BASECAMP_UPDATE_GOLDEN=1 (natively) and read the diff before committing.
#include <catch2/catch.hpp>

#include <string>

#include "../golden_file.hpp"
#include "boundary/keras.hpp"

using namespace basecamp;
using namespace basecamp::boundary;

namespace {

const std::string kDir = std::string(BASECAMP_TEST_DATA_DIR) + "/boundary_keras/";

void check_golden(const std::string& name, const KerasExport& e) {
  check_golden_file(kDir + name + ".py", keras_code(e));
}

KerasExport base(int classes) {
  KerasExport e;
  e.classes = classes;
  for (int c = 0; c < classes; ++c) e.class_names.push_back(std::to_string(c));
  return e;
}

}  // namespace

TEST_CASE("boundary keras: SGD, tanh layers, two classes (the lesson's defaults)", "[boundary]") {
  check_golden("sgd_tanh_binary", base(2));
}

TEST_CASE("boundary keras: SGD with Nesterov momentum, no hidden layer, every feature", "[boundary]") {
  KerasExport e = base(2);
  e.settings.hidden = {};
  e.settings.features = normalize_features({Feature::x1, Feature::x2, Feature::x1sq, Feature::x2sq, Feature::x1x2,
                                            Feature::sinx1, Feature::sinx2});
  e.settings.optimizer_settings.momentum = 0.9;
  e.settings.optimizer_settings.nesterov = true;
  e.settings.optimizer_settings.weight_decay = 0.001;
  check_golden("sgd_nesterov_linear_model", e);
}

TEST_CASE("boundary keras: Adam, relu layers with dropout and L2, three classes, he_normal", "[boundary]") {
  KerasExport e = base(3);
  e.settings.hidden = {8, 8};
  e.settings.activation = nn::Activation::relu;
  e.settings.dropout = 0.1;
  e.settings.l2 = 0.001;
  e.settings.initializer = nn::Init::he_normal;
  e.settings.optimizer = "adam";
  e.settings.lr = 0.01;
  e.settings.batch_size = 32;
  e.epochs = 300;
  check_golden("adam_relu_multiclass", e);
}

TEST_CASE("boundary keras: RMSprop centered with momentum, sigmoid layer, L1, regression", "[boundary]") {
  KerasExport e = base(0);
  e.settings.hidden = {6};
  e.settings.activation = nn::Activation::sigmoid;
  e.settings.l1 = 0.0005;
  e.settings.initializer = nn::Init::random_normal;
  e.settings.optimizer = "rmsprop";
  e.settings.lr = 0.001;
  e.settings.optimizer_settings.momentum = 0.5;
  e.settings.optimizer_settings.centered = true;
  e.test_ratio = 0.2;
  check_golden("rmsprop_sigmoid_regression", e);
}

TEST_CASE("boundary keras: Adagrad with lr_decay, linear layers, zeros", "[boundary]") {
  KerasExport e = base(2);
  e.settings.hidden = {3};
  e.settings.activation = nn::Activation::linear;
  e.settings.initializer = nn::Init::zeros;
  e.settings.optimizer = "adagrad";
  e.settings.lr = 0.1;
  e.settings.optimizer_settings.lr_decay = 0.01;
  check_golden("adagrad_linear_binary", e);
}

TEST_CASE("boundary keras: Adadelta, one activation per layer", "[boundary]") {
  KerasExport e = base(4);
  e.settings.hidden = {8, 6, 4, 2};
  e.settings.activations = {nn::Activation::relu, nn::Activation::tanh, nn::Activation::sigmoid, nn::Activation::linear};
  e.settings.optimizer = "adadelta";
  e.settings.lr = 1.0;
  check_golden("adadelta_per_layer_activations", e);
}

TEST_CASE("boundary keras: AdamW with AMSGrad, class names from a CSV", "[boundary]") {
  KerasExport e = base(2);
  e.class_names = {"cat", "say \"dog\""};
  e.settings.optimizer = "adamw";
  e.settings.lr = 0.003;
  e.settings.optimizer_settings.amsgrad = true;
  e.settings.optimizer_settings.beta2 = 0.99;
  e.settings.seed = 7;
  check_golden("adamw_named_classes", e);
}

TEST_CASE("boundary keras: invalid settings are refused", "[boundary]") {
  KerasExport e = base(2);
  e.settings.optimizer = "adamx";
  CHECK_THROWS_AS(keras_code(e), Error);
}
