#include "boundary/keras.hpp"

#include <sstream>

#include "error.hpp"
#include "optim/optimizer.hpp"

namespace basecamp::boundary {

namespace {

std::string num(double v) { return optim::format_number(v); }
std::string py_bool(bool b) { return b ? "True" : "False"; }
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

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

std::string initializer(nn::Init i) {
  switch (i) {
    case nn::Init::random_normal: return "keras.initializers.RandomNormal(stddev=0.01)";
    case nn::Init::glorot_uniform: return "\"glorot_uniform\"";
    case nn::Init::he_normal: return "\"he_normal\"";
    case nn::Init::zeros: return "\"zeros\"";
  }
  return "";
}

// The Keras optimizer with every hyperparameter, from the optimizer the core would build; the
// notes say where torch's rule (the core's) and Keras's differ.
void optimizer(std::ostringstream& out, const LabSettings& s) {
  optim::OptimizerSettings o = s.optimizer_settings;
  o.lr = s.lr;
  const auto built = optim::make_optimizer<double>(s.optimizer, o);
  std::vector<std::string> notes;
  std::string call;
  if (auto* p = dynamic_cast<optim::SGD<double>*>(built.get())) {
    const auto& k = p->options();
    call = "keras.optimizers.SGD(learning_rate=" + num(s.lr) + ", momentum=" + num(k.momentum) +
           ", nesterov=" + py_bool(k.nesterov) + (k.weight_decay != 0 ? ", weight_decay=" + num(k.weight_decay) : "") + ")";
    if (k.dampening != 0) notes.push_back("dampening=" + num(k.dampening) + " (torch) has no Keras counterpart.");
  } else if (auto* p = dynamic_cast<optim::Adagrad<double>*>(built.get())) {
    const auto& k = p->options();
    call = "keras.optimizers.Adagrad(learning_rate=" + num(s.lr) + ", initial_accumulator_value=" +
           num(k.initial_accumulator_value) + ", epsilon=" + num(k.eps) +
           (k.weight_decay != 0 ? ", weight_decay=" + num(k.weight_decay) : "") + ")";
    if (k.lr_decay != 0) notes.push_back("lr_decay=" + num(k.lr_decay) + " (torch) has no Keras counterpart.");
  } else if (auto* p = dynamic_cast<optim::RMSprop<double>*>(built.get())) {
    const auto& k = p->options();
    call = "keras.optimizers.RMSprop(learning_rate=" + num(s.lr) + ", rho=" + num(k.alpha) + ", momentum=" +
           num(k.momentum) + ", epsilon=" + num(k.eps) + ", centered=" + py_bool(k.centered) +
           (k.weight_decay != 0 ? ", weight_decay=" + num(k.weight_decay) : "") + ")";
    notes.push_back("torch's alpha is Keras's rho.");
  } else if (auto* p = dynamic_cast<optim::Adadelta<double>*>(built.get())) {
    const auto& k = p->options();
    call = "keras.optimizers.Adadelta(learning_rate=" + num(s.lr) + ", rho=" + num(k.rho) + ", epsilon=" + num(k.eps) +
           (k.weight_decay != 0 ? ", weight_decay=" + num(k.weight_decay) : "") + ")";
  } else if (auto* p = dynamic_cast<optim::Adam<double>*>(built.get())) {  // Adam and AdamW
    const auto& k = p->options();
    const bool w = s.optimizer == "adamw";
    call = std::string("keras.optimizers.") + (w ? "AdamW" : "Adam") + "(learning_rate=" + num(s.lr) +
           (w ? ", weight_decay=" + num(k.weight_decay) : "") + ", beta_1=" + num(k.betas[0]) + ", beta_2=" +
           num(k.betas[1]) + ", epsilon=" + num(k.eps) + ", amsgrad=" + py_bool(k.amsgrad) +
           (!w && k.weight_decay != 0 ? ", weight_decay=" + num(k.weight_decay) : "") + ")";
  }
  if (s.optimizer != "adamw" && call.find("weight_decay") != std::string::npos)
    notes.push_back("weight_decay: torch adds weight_decay*w to the gradient, Keras shrinks the weights "
                    "directly (the same only for plain SGD).");
  notes.push_back("epsilon: Keras and torch add it at slightly different places; the paths differ a little.");
  for (const auto& n : notes) out << "# " << n << "\n";
  out << "optimizer = " << call << "\n";
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

  const std::string init = initializer(s.initializer);
  std::string reg;
  if (s.l1 > 0 || s.l2 > 0) reg = ",\n                       kernel_regularizer=keras.regularizers.L1L2(l1=" + num(s.l1) + ", l2=" + num(s.l2) + ")";
  out << "model = keras.Sequential([\n    keras.Input(shape=(" << features.size() << ",)),\n";
  for (std::size_t i = 0; i < s.hidden.size(); ++i) {
    out << "    keras.layers.Dense(" << s.hidden[i] << ", activation=" << quoted(nn::name_of(acts[i]))
        << ", kernel_initializer=" << init << reg << "),\n";
    if (s.dropout > 0) out << "    keras.layers.Dropout(" << num(s.dropout) << "),\n";
  }
  const char* out_act = e.classes == 0 ? "linear" : e.classes == 2 ? "sigmoid" : "softmax";
  const int outputs = e.classes > 2 ? e.classes : 1;
  out << "    keras.layers.Dense(" << outputs << ", activation=\"" << out_act << "\", kernel_initializer=" << init << reg
      << "),\n])\n\n";

  optimizer(out, s);
  const char* loss = e.classes == 0 ? "mse" : e.classes == 2 ? "binary_crossentropy" : "sparse_categorical_crossentropy";
  if (e.classes > 2) out << "# Integer labels: the same loss as categorical_crossentropy on one-hot rows.\n";
  out << "model.compile(optimizer=optimizer, loss=\"" << loss << "\"";
  out << (e.classes == 0 ? "" : ", metrics=[\"accuracy\"]") << ")\n"
      << "model.summary()\n\n";

  out << "# The lesson shuffles the points before it splits them; Keras's validation_split takes the last part.\n"
      << "order = np.random.default_rng(" << s.seed << ").permutation(len(x))\n"
      << "history = model.fit(x[order], y[order], batch_size=" << s.batch_size << ", epochs=" << e.epochs
      << ", validation_split=" << num(e.test_ratio) << ", shuffle=True)\n";
  return out.str();
}

}  // namespace basecamp::boundary
