#include "nn/keras.hpp"

#include <sstream>

#include "error.hpp"
#include "nn/keras_lines.hpp"

namespace basecamp::nn {

namespace {

constexpr int kMnistPixels = 784, kMnistClasses = 10, kMnistTrainImages = 60000;

// "-1, 784" or "-1, 28, 28, 1": the rows as the model's input takes them.
std::string input_shape(const ModelSpec& spec) {
  if (!spec.image_input()) return std::to_string(spec.inputs);
  return std::to_string(spec.image.height) + ", " + std::to_string(spec.image.width) + ", " +
         std::to_string(spec.image.channels);
}

}  // namespace

MnistKerasExport::Validation parse_validation(const std::string& name) {
  if (name == "test") return MnistKerasExport::Validation::test;
  if (name == "split") return MnistKerasExport::Validation::split;
  if (name == "none") return MnistKerasExport::Validation::none;
  throw_unknown_name("keras", "validation", name, std::vector<std::string>{"test", "split", "none"});
}

std::string mnist_keras_code(const MnistKerasExport& e) {
  const ModelSpec& spec = e.spec;
  validate_spec(spec);
  validate_fit_options(e.fit);
  require_code(spec.inputs == kMnistPixels, code::shape_mismatch, "keras", "inputs", [&] {
    return "an MNIST model takes " + std::to_string(kMnistPixels) + " pixels, got " + std::to_string(spec.inputs);
  }, spec.inputs);
  require_code(output_size(spec) == kMnistClasses, code::shape_mismatch, "keras", "outputs", [&] {
    return "an MNIST model has " + std::to_string(kMnistClasses) + " outputs, got " + std::to_string(output_size(spec));
  }, output_size(spec));
  require_in_range(e.train_size, Range{1, kMnistTrainImages, false, false}, "keras", "train_size");

  std::ostringstream out;
  out << "# The network trained in Basecamp's MNIST lesson, for Keras 3 (pip install keras tensorflow).\n"
      << "# " << describe(spec) << "\n"
      << "import keras\n\n"
      << "# Keras's own random streams: the same run every time, not the lesson's numbers.\n"
      << "keras.utils.set_random_seed(" << spec.seed << ")\n\n";

  const std::string n = std::to_string(e.train_size);
  const std::string shape = input_shape(spec);
  out << "# MNIST as the lesson feeds it: pixels / 255 (0 to 1), one-hot labels, "
      << (e.train_size == kMnistTrainImages ? "all 60,000 training images" : "the first " + n + " of the 60,000 training images")
      << ".\n"
      << "(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()\n"
      << "x_train = x_train[:" << n << "].reshape(-1, " << shape << ").astype(\"float32\") / 255\n"
      << "y_train = keras.utils.to_categorical(y_train[:" << n << "], " << kMnistClasses << ")\n"
      << "x_test = x_test.reshape(-1, " << shape << ").astype(\"float32\") / 255\n"
      << "y_test = keras.utils.to_categorical(y_test, " << kMnistClasses << ")\n\n";

  if (spec.initializer == Init::he_normal)
    out << "# he_normal: Keras truncates the normal at 2 sigma and rescales; the lesson does not (torch's kaiming_normal_).\n";
  const std::string input = spec.image_input() ? "(" + shape + ")" : "(" + shape + ",)";
  out << "model = keras.Sequential([\n    keras.Input(shape=" << input << "),\n";
  for (const LayerSpec& l : spec.layers) out << keras::layer(l, spec.initializer, spec.l1, spec.l2) << ",\n";
  out << "])\n\n";

  keras::write_optimizer(out, e.optimizer, e.settings);
  out << "model.compile(optimizer=optimizer, loss=" << keras::quoted(name_of(spec.loss))
      << (spec.loss == Loss::mse ? "" : ", metrics=[\"accuracy\"]") << ")\n"
      << "model.summary()\n\n";

  std::string validation;
  switch (e.validation) {
    case MnistKerasExport::Validation::test:
      out << "# Validation after every epoch on the 10,000 test images, as the lesson's curve.\n";
      validation = ", validation_data=(x_test, y_test)";
      break;
    case MnistKerasExport::Validation::split:
      out << "# Validation on the last " << keras::number(e.fit.validation_split)
          << " of the training images, held out before any shuffle (as the lesson does).\n";
      validation = ", validation_split=" + keras::number(e.fit.validation_split);
      break;
    case MnistKerasExport::Validation::none: break;
  }
  out << "history = model.fit(x_train, y_train, batch_size=" << e.fit.batch_size << ", epochs=" << e.fit.epochs
      << validation << ", shuffle=" << keras::boolean(e.fit.shuffle) << ")\n\n";
  if (spec.loss == Loss::mse)
    out << "test_loss = model.evaluate(x_test, y_test)\nprint(f\"test loss {test_loss:.4f}\")\n";
  else
    out << "test_loss, test_accuracy = model.evaluate(x_test, y_test)\n"
        << "print(f\"test accuracy {test_accuracy:.4f}, test loss {test_loss:.4f}\")\n";
  return out.str();
}

}  // namespace basecamp::nn
