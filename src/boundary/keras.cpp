#include "boundary/keras.hpp"

#include <sstream>

#include "error.hpp"
#include "nn/keras_lines.hpp"

namespace basecamp::boundary {

using nn::keras::number;
using nn::keras::quoted;

namespace {

// numpy expressions of the features, in the lesson's fixed order.
std::string feature_expr(Feature f) {
  switch (f) {
    case Feature::x1: return "x1";
    case Feature::x2: return "x2";
    case Feature::x1sq: return "x1 ** 2";
    case Feature::x2sq: return "x2 ** 2";
    case Feature::x1x2: return "x1 * x2";
    case Feature::sinx1: return "np.sin(x1)";
    case Feature::sinx2: return "np.sin(x2)";
  }
  return "";
}

}  // namespace

std::string keras_code(const KerasExport& e) {
  validate_lab_settings(e.settings);
  const LabSettings& s = e.settings;
  const std::vector<Feature> features = normalize_features(s.features);
  const std::vector<nn::Activation> acts = hidden_activations(s);
  std::ostringstream out;
  out << "# The network built in Basecamp's boundary lesson, for Keras 3 (pip install keras tensorflow).\n"
      << "# Its data: the points exported from the lesson as " << e.csv_file << " (x1,x2,label).\n"
      << "import csv\n\nimport keras\nimport numpy as np\n\n";

  out << "# Input features, as switched on in the lesson.\n"
      << "def features(x1, x2):\n    return np.stack([";
  for (std::size_t i = 0; i < features.size(); ++i) out << (i ? ", " : "") << feature_expr(features[i]);
  out << "], axis=1)\n\n";

  if (e.classes == 0) {
    out << "def label(text):\n    return float(text)\n\n";
  } else {
    out << "CLASSES = [";
    for (std::size_t i = 0; i < e.class_names.size(); ++i) out << (i ? ", " : "") << quoted(e.class_names[i]);
    out << "]\n\ndef label(text):\n    return CLASSES.index(text)\n\n";
  }
  out << "with open(" << quoted(e.csv_file) << ", newline=\"\") as f:\n"
      << "    rows = [r for r in csv.reader(f) if r][1:]  # the first line is the header\n"
      << "x = features(np.array([float(r[0]) for r in rows]), np.array([float(r[1]) for r in rows]))\n"
      << "y = np.array([label(r[2]) for r in rows])\n\n";

  out << "model = keras.Sequential([\n    keras.Input(shape=(" << features.size() << ",)),\n";
  for (std::size_t i = 0; i < s.hidden.size(); ++i) {
    out << nn::keras::dense(s.hidden[i], acts[i], s.initializer, s.l1, s.l2) << ",\n";
    if (s.dropout > 0) out << nn::keras::dropout(s.dropout) << ",\n";
  }
  const nn::Activation out_act = e.classes == 0   ? nn::Activation::linear
                                 : e.classes == 2 ? nn::Activation::sigmoid
                                                  : nn::Activation::softmax;
  const int outputs = e.classes > 2 ? e.classes : 1;
  out << nn::keras::dense(outputs, out_act, s.initializer, s.l1, s.l2) << ",\n])\n\n";

  optim::OptimizerSettings o = s.optimizer_settings;
  o.lr = s.lr;
  nn::keras::write_optimizer(out, s.optimizer, o);
  const char* loss = e.classes == 0 ? "mse" : e.classes == 2 ? "binary_crossentropy" : "sparse_categorical_crossentropy";
  if (e.classes > 2) out << "# Integer labels: the same loss as categorical_crossentropy on one-hot rows.\n";
  out << "model.compile(optimizer=optimizer, loss=\"" << loss << "\"";
  out << (e.classes == 0 ? "" : ", metrics=[\"accuracy\"]") << ")\n"
      << "model.summary()\n\n";

  out << "# The lesson shuffles the points before it splits them; Keras's validation_split takes the last part.\n"
      << "order = np.random.default_rng(" << s.seed << ").permutation(len(x))\n"
      << "history = model.fit(x[order], y[order], batch_size=" << s.batch_size << ", epochs=" << e.epochs
      << ", validation_split=" << number(e.test_ratio) << ", shuffle=True)\n";
  return out.str();
}

}  // namespace basecamp::boundary
