// Names, validation, description and memory estimate of a ModelSpec.
#include "nn/spec.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <sstream>

#include "error.hpp"
#include "optim/optimizer.hpp"

namespace basecamp::nn {

namespace {

template <class E>
E parse(const std::string& what, const std::string& name, const std::vector<std::string>& names) {
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<E>(i);
  throw_unknown_name("model", what, name, names);
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
  require_in_range(spec.inputs, limits::count(1, kMaxInputs), who, "inputs");
  require_in_range(static_cast<double>(spec.layers.size()), limits::count(1, kMaxLayers), who, "layers");
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& l = spec.layers[i];
    const std::string where = "layer " + std::to_string(i + 1);
    if (l.kind == LayerSpec::Kind::dense) {
      require_in_range(l.units, limits::count(1, kMaxUnits), who + ": " + where, "units");
      require(static_cast<int>(l.activation) >= 0 && static_cast<int>(l.activation) <= 4, who,
              where + ": bad activation");
    } else {
      require_in_range(l.rate, limits::unit_open, who + ": " + where, "dropout");
    }
  }
  const LayerSpec& last = spec.layers.back();
  require_code(last.kind == LayerSpec::Kind::dense, code::last_layer_dense, who, "layers",
               [] { return "the last layer must be Dense, not Dropout"; });
  const auto needs = [&](Activation output) {
    if (last.activation == output) return;
    throw_error(code::loss_needs_output, who, "loss",
                name_of(spec.loss) + " needs a " + name_of(output) + " output layer, got " +
                    name_of(last.activation),
                std::numeric_limits<double>::quiet_NaN(), name_of(output));
  };
  if (spec.loss == Loss::categorical_crossentropy) needs(Activation::softmax);
  if (spec.loss == Loss::binary_crossentropy) needs(Activation::sigmoid);
  require_in_range(spec.l1, limits::non_negative, who, "l1");
  require_in_range(spec.l2, limits::non_negative, who, "l2");
  const long long count = parameter_count(spec);
  if (count > kMaxParameters) {
    ErrorInfo info;
    info.code = code::too_large;
    info.field = "parameters";
    info.value = static_cast<double>(count);
    info.max = static_cast<double>(kMaxParameters);
    throw Error(who + ": network too large: " + std::to_string(count) + " parameters (at most " +
                    std::to_string(kMaxParameters) + ")",
                std::move(info));
  }
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
  require_in_range(batch_size, limits::count(1), "model", "batch_size");
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
