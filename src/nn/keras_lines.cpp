#include "nn/keras_lines.hpp"

#include <vector>

#include "error.hpp"

namespace basecamp::nn::keras {

std::string number(double v) { return optim::format_number(v); }
std::string boolean(bool b) { return b ? "True" : "False"; }
std::string quoted(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string initializer(Init i) {
  switch (i) {
    case Init::random_normal: return "keras.initializers.RandomNormal(stddev=0.01)";
    case Init::glorot_uniform: return "\"glorot_uniform\"";
    case Init::he_normal: return "\"he_normal\"";
    case Init::zeros: return "\"zeros\"";
  }
  return "";
}

namespace {

// ", kernel_initializer=…[, kernel_regularizer=…]": the continuation lines line up under the
// layer's first argument (four spaces of indent + "keras.layers.Dense(").
std::string kernel_args(Init init, double l1, double l2) {
  std::string out = ", kernel_initializer=" + initializer(init);
  if (l1 > 0 || l2 > 0)
    out += ",\n                       kernel_regularizer=keras.regularizers.L1L2(l1=" + number(l1) + ", l2=" +
           number(l2) + ")";
  return out;
}

}  // namespace

std::string dense(int units, Activation a, Init init, double l1, double l2) {
  return "    keras.layers.Dense(" + std::to_string(units) + ", activation=" + quoted(name_of(a)) +
         kernel_args(init, l1, l2) + ")";
}

std::string dropout(double rate) { return "    keras.layers.Dropout(" + number(rate) + ")"; }

std::string layer(const LayerSpec& l, Init init, double l1, double l2) {
  switch (l.kind) {
    case LayerSpec::Kind::dense: return dense(l.units, l.activation, init, l1, l2);
    case LayerSpec::Kind::dropout: return dropout(l.rate);
    case LayerSpec::Kind::conv2d:
      return "    keras.layers.Conv2D(" + std::to_string(l.filters) + ", (" + std::to_string(l.kernel_h) + ", " +
             std::to_string(l.kernel_w) + "), strides=" + std::to_string(l.stride) + ", padding=" +
             quoted(name_of(l.padding)) + ", activation=" + quoted(name_of(l.activation)) +
             kernel_args(init, l1, l2) + ")";
    case LayerSpec::Kind::maxpool2d:
      return "    keras.layers.MaxPooling2D(pool_size=(" + std::to_string(l.pool) + ", " + std::to_string(l.pool) +
             ")" + (l.stride > 0 ? ", strides=" + std::to_string(l.stride) : "") + ")";
    case LayerSpec::Kind::flatten: return "    keras.layers.Flatten()";
  }
  return "";
}

void write_optimizer(std::ostream& out, const std::string& name, const optim::OptimizerSettings& settings) {
  const auto built = optim::make_optimizer<double>(name, settings);
  const std::string lr = number(built->lr);
  std::vector<std::string> notes;
  std::string call;
  if (auto* p = dynamic_cast<optim::SGD<double>*>(built.get())) {
    const auto& k = p->options();
    call = "keras.optimizers.SGD(learning_rate=" + lr + ", momentum=" + number(k.momentum) +
           ", nesterov=" + boolean(k.nesterov) + (k.weight_decay != 0 ? ", weight_decay=" + number(k.weight_decay) : "") + ")";
    if (k.dampening != 0) notes.push_back("dampening=" + number(k.dampening) + " (torch) has no Keras counterpart.");
    if (k.momentum != 0)
      notes.push_back("momentum: Keras's velocity holds lr*g, torch's buffer holds g (lr applied last); "
                      "the same path while lr stays constant.");
  } else if (auto* p = dynamic_cast<optim::Adagrad<double>*>(built.get())) {
    const auto& k = p->options();
    call = "keras.optimizers.Adagrad(learning_rate=" + lr + ", initial_accumulator_value=" +
           number(k.initial_accumulator_value) + ", epsilon=" + number(k.eps) +
           (k.weight_decay != 0 ? ", weight_decay=" + number(k.weight_decay) : "") + ")";
    if (k.lr_decay != 0) notes.push_back("lr_decay=" + number(k.lr_decay) + " (torch) has no Keras counterpart.");
  } else if (auto* p = dynamic_cast<optim::RMSprop<double>*>(built.get())) {
    const auto& k = p->options();
    call = "keras.optimizers.RMSprop(learning_rate=" + lr + ", rho=" + number(k.alpha) + ", momentum=" +
           number(k.momentum) + ", epsilon=" + number(k.eps) + ", centered=" + boolean(k.centered) +
           (k.weight_decay != 0 ? ", weight_decay=" + number(k.weight_decay) : "") + ")";
    notes.push_back("torch's alpha is Keras's rho.");
  } else if (auto* p = dynamic_cast<optim::Adadelta<double>*>(built.get())) {
    const auto& k = p->options();
    call = "keras.optimizers.Adadelta(learning_rate=" + lr + ", rho=" + number(k.rho) + ", epsilon=" + number(k.eps) +
           (k.weight_decay != 0 ? ", weight_decay=" + number(k.weight_decay) : "") + ")";
  } else if (auto* p = dynamic_cast<optim::Adam<double>*>(built.get())) {  // Adam and AdamW
    const auto& k = p->options();
    const bool w = name == "adamw";
    call = std::string("keras.optimizers.") + (w ? "AdamW" : "Adam") + "(learning_rate=" + lr +
           (w ? ", weight_decay=" + number(k.weight_decay) : "") + ", beta_1=" + number(k.betas[0]) + ", beta_2=" +
           number(k.betas[1]) + ", epsilon=" + number(k.eps) + ", amsgrad=" + boolean(k.amsgrad) +
           (!w && k.weight_decay != 0 ? ", weight_decay=" + number(k.weight_decay) : "") + ")";
  }
  require(!call.empty(), "keras", "no Keras counterpart for optimizer " + built->name());
  if (name != "adamw" && call.find("weight_decay") != std::string::npos)
    notes.push_back("weight_decay: torch adds weight_decay*w to the gradient, Keras shrinks the weights "
                    "directly (the same only for plain SGD).");
  if (!dynamic_cast<optim::SGD<double>*>(built.get()))  // SGD has no epsilon
    notes.push_back("epsilon: Keras and torch add it at slightly different places; the paths differ a little.");
  for (const auto& n : notes) out << "# " << n << "\n";
  out << "optimizer = " << call << "\n";
}

}  // namespace basecamp::nn::keras
