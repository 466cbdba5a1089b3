// "Export as Keras" for the MNIST lesson: the script for the sources' run (the dense preset),
// the Keras book's convnet and a lesson-edited run equals its golden file in
// tests/data/mnist_keras/. After a deliberate change, regenerate them with
// BASECAMP_UPDATE_GOLDEN=1 (natively) and read the diff before committing.
#include <catch2/catch.hpp>

#include <string>

#include "../golden_file.hpp"
#include "nn/keras.hpp"
#include "nn/presets.hpp"

using namespace basecamp;
using namespace basecamp::nn;

namespace {

const std::string kDir = std::string(BASECAMP_TEST_DATA_DIR) + "/mnist_keras/";

void check_golden(const std::string& name, const MnistKerasExport& e) {
  check_golden_file(kDir + name + ".py", mnist_keras_code(e));
}

// A preset's run as the lesson starts it: all 60,000 images, validation on the test set.
MnistKerasExport from_preset(const TrainingPreset& p) {
  MnistKerasExport e;
  e.spec = p.spec();
  e.optimizer = p.optimizer;
  e.settings = p.settings;
  e.fit.epochs = p.epochs;
  e.fit.batch_size = p.batch_size;
  return e;
}

std::string code_of(const MnistKerasExport& e) {
  try {
    mnist_keras_code(e);
  } catch (const Error& error) {
    return error.info().code + ":" + error.info().field;
  }
  return "no error";
}

}  // namespace

TEST_CASE("mnist keras: the sources' run (784 -> 512 -> 128 -> 10, RMSprop with Keras's settings)", "[nn]") {
  const MnistKerasExport e = from_preset(keras_mnist());
  check_golden("mlp_rmsprop", e);
  const std::string code = mnist_keras_code(e);
  // What the golden file must say, whatever else changes in it.
  CHECK(code.find("keras.optimizers.RMSprop(learning_rate=0.001, rho=0.9, momentum=0, epsilon=1e-07, centered=False)") !=
        std::string::npos);
  CHECK(code.find("/ 255") != std::string::npos);
  CHECK(code.find("batch_size=128, epochs=5, validation_data=(x_test, y_test)") != std::string::npos);
}

TEST_CASE("mnist keras: the Keras book's convnet", "[nn]") {
  const MnistKerasExport e = from_preset(keras_mnist_convnet());
  check_golden("convnet_rmsprop", e);
  const std::string code = mnist_keras_code(e);
  CHECK(code.find("keras.Input(shape=(28, 28, 1))") != std::string::npos);
  CHECK(code.find("reshape(-1, 28, 28, 1)") != std::string::npos);
}

TEST_CASE("mnist keras: SGD with Nesterov momentum, dropout, L2, he_normal, a split, 10,000 images", "[nn]") {
  MnistKerasExport e;
  e.spec.inputs = 784;
  e.spec.layers = {LayerSpec::dense(256, Activation::tanh), LayerSpec::dropout(0.25),
                   LayerSpec::dense(10, Activation::softmax)};
  e.spec.loss = Loss::categorical_crossentropy;
  e.spec.initializer = Init::he_normal;
  e.spec.l2 = 0.0001;
  e.spec.seed = 7;
  e.optimizer = "sgd";
  e.settings.lr = 0.05;
  e.settings.momentum = 0.9;
  e.settings.nesterov = true;
  e.fit.epochs = 3;
  e.fit.batch_size = 32;
  e.fit.validation_split = 0.1;
  e.validation = MnistKerasExport::Validation::split;
  e.train_size = 10000;
  check_golden("mlp_sgd_nesterov_split", e);
  e.validation = MnistKerasExport::Validation::none;
  CHECK(mnist_keras_code(e).find("validation") == std::string::npos);
}

TEST_CASE("mnist keras: settings the lesson could not train are refused with the core's codes", "[nn]") {
  MnistKerasExport e = from_preset(keras_mnist());
  e.optimizer = "adamx";
  CHECK(code_of(e) == "unknown_name:optimizer");
  e = from_preset(keras_mnist());
  e.settings.lr = -1;
  CHECK(code_of(e) == "out_of_range:lr");
  e = from_preset(keras_mnist());
  e.train_size = 0;
  CHECK(code_of(e) == "out_of_range:train_size");
  e = from_preset(keras_mnist());
  e.fit.batch_size = 0;
  CHECK(code_of(e).rfind("out_of_range:", 0) == 0);
  e = from_preset(keras_mnist());
  e.spec.inputs = 100;
  CHECK(code_of(e) == "shape_mismatch:inputs");
  CHECK_THROWS_AS(parse_validation("later"), Error);
  CHECK(parse_validation("split") == MnistKerasExport::Validation::split);
}
