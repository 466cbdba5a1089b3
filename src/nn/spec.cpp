// Names, validation, description and memory estimate of a ModelSpec.
#include "nn/spec.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "error.hpp"
#include "optim/optimizer.hpp"

namespace basecamp::nn {

namespace {

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

template <class E>
E parse(const std::string& what, const std::string& name, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  throw Error("model: unknown " + what + " '" + name + "' (valid: " + join(names) + ")");
}

std::string num(double v) { return optim::format_number(v); }

}  // namespace

const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> n{"linear", "relu", "sigmoid", "tanh", "softmax"};
  return n;
}
const std::vector<std::string>& loss_names() {
  static const std::vector<std::string> n{"mse", "categorical_crossentropy", "binary_crossentropy"};
  return n;
}
const std::vector<std::string>& initializer_names() {
  static const std::vector<std::string> n{"random_normal", "glorot_uniform", "he_normal", "zeros"};
  return n;
}

Activation parse_activation(const std::string& name) {
  return parse<Activation>("activation", name, activation_names());
}
Loss parse_loss(const std::string& name) {
  if (name == "mean_squared_error") return Loss::mse;  // Keras's long name
  return parse<Loss>("loss", name, loss_names());
}
Init parse_initializer(const std::string& name) {
  return parse<Init>("initializer", name, initializer_names());
}
const std::string& name_of(Activation a) { return activation_names()[static_cast<int>(a)]; }
const std::string& name_of(Loss l) { return loss_names()[static_cast<int>(l)]; }
const std::string& name_of(Init i) { return initializer_names()[static_cast<int>(i)]; }

void validate_spec(const ModelSpec& spec) {
  const std::string who = "model";
  require(spec.inputs >= 1 && spec.inputs <= kMaxInputs, who,
          "inputs must be in [1, " + std::to_string(kMaxInputs) + "], got " +
              std::to_string(spec.inputs));
  require(!spec.layers.empty(), who, "needs at least one layer");
  require(static_cast<int>(spec.layers.size()) <= kMaxLayers, who,
          "at most " + std::to_string(kMaxLayers) + " layers, got " +
              std::to_string(spec.layers.size()));
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& l = spec.layers[i];
    const std::string where = "layer " + std::to_string(i + 1) + ": ";
    if (l.kind == LayerSpec::Kind::dense) {
      require(l.units >= 1 && l.units <= kMaxUnits, who,
              where + "units must be in [1, " + std::to_string(kMaxUnits) + "], got " +
                  std::to_string(l.units));
      require(static_cast<int>(l.activation) >= 0 && static_cast<int>(l.activation) <= 4, who,
              where + "bad activation");
    } else {
      require(l.rate >= 0 && l.rate < 1, who,
              where + "dropout rate must be in [0, 1), got " + num(l.rate));
    }
  }
  const LayerSpec& last = spec.layers.back();
  require(last.kind == LayerSpec::Kind::dense, who, "the last layer must be Dense, not Dropout");
  if (spec.loss == Loss::categorical_crossentropy)
    require(last.activation == Activation::softmax, who,
            "categorical_crossentropy needs a softmax output layer, got " + name_of(last.activation));
  if (spec.loss == Loss::binary_crossentropy)
    require(last.activation == Activation::sigmoid, who,
            "binary_crossentropy needs a sigmoid output layer, got " + name_of(last.activation));
  require(std::isfinite(spec.l1) && spec.l1 >= 0, who, "l1 must be a finite number >= 0, got " + num(spec.l1));
  require(std::isfinite(spec.l2) && spec.l2 >= 0, who, "l2 must be a finite number >= 0, got " + num(spec.l2));
  const long long count = parameter_count(spec);
  require(count <= kMaxParameters, who,
          "network too large: " + std::to_string(count) + " parameters (at most " +
              std::to_string(kMaxParameters) + ")");
}

int output_size(const ModelSpec& spec) {
  for (auto it = spec.layers.rbegin(); it != spec.layers.rend(); ++it)
    if (it->kind == LayerSpec::Kind::dense) return it->units;
  return spec.inputs;
}

long long parameter_count(const ModelSpec& spec) {
  long long count = 0, fan_in = spec.inputs;
  for (const LayerSpec& l : spec.layers) {
    if (l.kind != LayerSpec::Kind::dense) continue;
    count += fan_in * l.units + l.units;
    fan_in = l.units;
  }
  return count;
}

std::string describe(const ModelSpec& spec) {
  std::ostringstream s;
  s << spec.inputs;
  for (const LayerSpec& l : spec.layers) {
    if (l.kind == LayerSpec::Kind::dense)
      s << " → dense " << l.units << ' ' << name_of(l.activation);
    else
      s << " → dropout " << num(l.rate);
  }
  s << "; " << name_of(spec.loss);
  return s.str();
}

int optimizer_state_slots(const std::string& name, const optim::OptimizerSettings& s) {
  // Built and dropped: the factory's checks name an unknown optimizer or a bad setting (beta1 of
  // 1.5, a negative eps) before any memory is planned for it.
  optim::make_optimizer<float>(name, s);
  if (name == "sgd") return s.momentum.value_or(0.0) != 0.0 ? 1 : 0;
  if (name == "adagrad") return 1;
  if (name == "rmsprop")
    return 1 + (s.momentum.value_or(0.0) > 0 ? 1 : 0) + (s.centered.value_or(false) ? 1 : 0);
  if (name == "adadelta") return 2;
  return s.amsgrad.value_or(false) ? 3 : 2;  // adam, adamw
}

MemoryEstimate estimate_memory(const ModelSpec& spec, int batch_size, int optimizer_slots,
                               int bytes_per_number) {
  require(batch_size >= 1, "model", "batch size must be >= 1, got " + std::to_string(batch_size));
  MemoryEstimate m;
  m.parameters = parameter_count(spec);
  const double p = static_cast<double>(m.parameters), b = bytes_per_number;
  m.weight_bytes = p * b;
  m.grad_bytes = p * b;
  // State, plus up to two parameter-sized temporaries inside a step (e.g. RMSprop's g and √v).
  long long largest = 0, fan_in = spec.inputs;
  for (const LayerSpec& l : spec.layers)
    if (l.kind == LayerSpec::Kind::dense) {
      largest = std::max(largest, fan_in * l.units);
      fan_in = l.units;
    }
  m.optimizer_bytes = (p * optimizer_slots + 2.0 * static_cast<double>(largest)) * b;
  // Per sample: the input row; per Dense layer, matmul, bias and activation outputs with their
  // gradients (6 numbers per unit); per Dropout layer, value, gradient and mask (3 per unit).
  double per_row = spec.inputs;
  int width = spec.inputs;
  for (const LayerSpec& l : spec.layers) {
    if (l.kind == LayerSpec::Kind::dense) {
      width = l.units;
      per_row += 6.0 * width;
    } else {
      per_row += 3.0 * width;
    }
  }
  per_row += 2.0 * output_size(spec);  // targets and the loss's softmax
  m.activation_bytes = per_row * batch_size * b;
  m.total_bytes = m.weight_bytes + m.grad_bytes + m.optimizer_bytes + m.activation_bytes;
  return m;
}

}  // namespace basecamp::nn
