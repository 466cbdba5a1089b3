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

const std::vector<std::string>& padding_names() {
  static const std::vector<std::string> n{"valid", "same"};
  return n;
}
Padding parse_padding(const std::string& name) {
  return parse<Padding>("padding", name, padding_names());
}
const std::string& name_of(Padding p) { return padding_names()[static_cast<int>(p)]; }

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

ad::Conv2DGeometry conv_geometry(const LayerSpec& l, const ImageShape& in, const std::string& who) {
  return ad::conv2d_geometry(in, l.kernel_h, l.kernel_w, l.filters, l.stride, l.padding, who);
}
ad::Pool2DGeometry pool_geometry(const LayerSpec& l, const ImageShape& in, const std::string& who) {
  return ad::maxpool2d_geometry(in, l.pool, l.stride, who);
}

std::vector<LayerShape> layer_shapes(const ModelSpec& spec) {
  const std::string who = "model";
  std::vector<LayerShape> shapes;
  LayerShape now{spec.image_input(), spec.image, spec.image_input() ? spec.image.size() : spec.inputs};
  shapes.push_back(now);
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& l = spec.layers[i];
    const std::string where = who + ": layer " + std::to_string(i + 1);
    const bool image_layer = l.kind == LayerSpec::Kind::conv2d || l.kind == LayerSpec::Kind::maxpool2d;
    if (image_layer && !now.is_image)
      throw_error(code::needs_image_input, who, "layers",
                  "layer " + std::to_string(i + 1) + " (" + (l.kind == LayerSpec::Kind::conv2d ? "conv2d" : "maxpool2d") +
                      ") needs an image input (height x width x channels), got a flat row of " +
                      std::to_string(now.size),
                  static_cast<double>(i + 1));
    switch (l.kind) {
      case LayerSpec::Kind::dense:
        if (now.is_image)
          throw_error(code::dense_needs_flatten, who, "layers",
                      "layer " + std::to_string(i + 1) + " (dense) follows an image of " +
                          std::to_string(now.image.height) + "x" + std::to_string(now.image.width) + "x" +
                          std::to_string(now.image.channels) + ": put a flatten layer before it",
                      static_cast<double>(i + 1));
        require_in_range(l.units, limits::count(1, kMaxUnits), where, "units");
        now = {false, {}, l.units};
        break;
      case LayerSpec::Kind::dropout:
        require_in_range(l.rate, limits::unit_open, where, "dropout");
        break;
      case LayerSpec::Kind::conv2d: {
        const ad::Conv2DGeometry g = conv_geometry(l, now.image, where);
        now = {true, g.out(), g.out().size()};
        break;
      }
      case LayerSpec::Kind::maxpool2d: {
        const ad::Pool2DGeometry g = pool_geometry(l, now.image, where);
        now = {true, g.out(), g.out().size()};
        break;
      }
      case LayerSpec::Kind::flatten:
        now = {false, {}, now.size};
        break;
    }
    if (l.kind == LayerSpec::Kind::dense || l.kind == LayerSpec::Kind::conv2d)
      require(static_cast<int>(l.activation) >= 0 && static_cast<int>(l.activation) <= 4, where,
              "bad activation");
    if (now.size > kMaxLayerOutputs) {
      ErrorInfo info;
      info.code = code::too_large;
      info.field = "layer_outputs";
      info.value = static_cast<double>(now.size);
      info.max = static_cast<double>(kMaxLayerOutputs);
      throw Error(where + ": " + std::to_string(now.size) + " outputs per sample (at most " +
                      std::to_string(kMaxLayerOutputs) + ")",
                  std::move(info));
    }
    shapes.push_back(now);
  }
  return shapes;
}

void validate_spec(const ModelSpec& spec) {
  const std::string who = "model";
  require_in_range(spec.inputs, limits::count(1, kMaxInputs), who, "inputs");
  if (spec.image_input() || spec.image.width != 0 || spec.image.channels != 0) {
    ad::detail::check_image(spec.image, who);
    require_code(spec.image.size() == spec.inputs, code::shape_mismatch, who, "inputs", [&] {
      return "an image of " + std::to_string(spec.image.height) + "x" + std::to_string(spec.image.width) + "x" +
             std::to_string(spec.image.channels) + " has " + std::to_string(spec.image.size()) +
             " numbers, inputs is " + std::to_string(spec.inputs);
    }, spec.inputs);
  }
  require_in_range(static_cast<double>(spec.layers.size()), limits::count(1, kMaxLayers), who, "layers");
  layer_shapes(spec);
  const LayerSpec& last = spec.layers.back();
  require_code(last.kind == LayerSpec::Kind::dense, code::last_layer_dense, who, "layers",
               [&] {
                 static const char* const kinds[] = {"Dense", "Dropout", "Conv2D", "MaxPooling2D", "Flatten"};
                 return std::string("the last layer must be Dense, not ") + kinds[static_cast<int>(last.kind)];
               });
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

namespace {

// fn(layer, its input shape) for each layer, walking shapes without the checks of layer_shapes
// (parameter_count and the estimates run on specs that may not be valid yet: they must not throw
// for a spec that only breaks a rule; geometry they cannot work out counts as nothing).
template <class Fn>
void walk(const ModelSpec& spec, const Fn& fn) {
  LayerShape now{spec.image_input(), spec.image, spec.image_input() ? spec.image.size() : spec.inputs};
  for (const LayerSpec& l : spec.layers) {
    fn(l, now);
    switch (l.kind) {
      case LayerSpec::Kind::dense: now = {false, {}, l.units}; break;
      case LayerSpec::Kind::dropout: break;
      case LayerSpec::Kind::flatten: now = {false, {}, now.size}; break;
      case LayerSpec::Kind::conv2d:
      case LayerSpec::Kind::maxpool2d:
        try {
          const ImageShape out = l.kind == LayerSpec::Kind::conv2d ? conv_geometry(l, now.image).out()
                                                                   : pool_geometry(l, now.image).out();
          now = {true, out, out.size()};
        } catch (const Error&) {
          now = {true, {}, 0};
        }
        break;
    }
  }
}

// kernel rows (fan_in) × columns of a Dense or Conv2D layer on input `in`; 0s otherwise.
std::pair<long long, long long> kernel_shape(const LayerSpec& l, const LayerShape& in) {
  if (l.kind == LayerSpec::Kind::dense) return {in.size, l.units};
  if (l.kind == LayerSpec::Kind::conv2d)
    return {static_cast<long long>(l.kernel_h) * l.kernel_w * in.image.channels, l.filters};
  return {0, 0};
}

}  // namespace

long long parameter_count(const ModelSpec& spec) {
  long long count = 0;
  walk(spec, [&](const LayerSpec& l, const LayerShape& in) {
    const auto [rows, cols] = kernel_shape(l, in);
    count += rows * cols + cols;
  });
  return count;
}

std::string describe(const ModelSpec& spec) {
  std::ostringstream s;
  if (spec.image_input())
    s << spec.image.height << 'x' << spec.image.width << 'x' << spec.image.channels;
  else
    s << spec.inputs;
  for (const LayerSpec& l : spec.layers) {
    switch (l.kind) {
      case LayerSpec::Kind::dense: s << " → dense " << l.units << ' ' << name_of(l.activation); break;
      case LayerSpec::Kind::dropout: s << " → dropout " << num(l.rate); break;
      case LayerSpec::Kind::flatten: s << " → flatten"; break;
      case LayerSpec::Kind::conv2d:
        s << " → conv2d " << l.filters << ' ' << l.kernel_h << 'x' << l.kernel_w;
        if (l.stride != 1) s << " stride " << l.stride;
        if (l.padding != Padding::valid) s << ' ' << name_of(l.padding);
        s << ' ' << name_of(l.activation);
        break;
      case LayerSpec::Kind::maxpool2d:
        s << " → maxpool2d " << l.pool;
        if (l.stride != 0 && l.stride != l.pool) s << " stride " << l.stride;
        break;
    }
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

double forward_numbers_per_sample(const ModelSpec& spec) {
  double numbers = spec.inputs;
  walk(spec, [&](const LayerSpec& l, const LayerShape& in) {
    if (l.kind == LayerSpec::Kind::dense) numbers += 3.0 * l.units;  // product, bias, activation
    if (l.kind == LayerSpec::Kind::conv2d) {
      try {
        const ad::Conv2DGeometry g = conv_geometry(l, in.image);
        const double fields = static_cast<double>(g.out_h) * g.out_w;
        numbers += fields * g.patch() + 2.0 * fields * g.filters;  // patches, conv, activation
      } catch (const Error&) {
      }
    }
    if (l.kind == LayerSpec::Kind::maxpool2d) {
      try {
        numbers += static_cast<double>(pool_geometry(l, in.image).out().size());
      } catch (const Error&) {
      }
    }
  });
  return numbers;
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
  long long largest = 0;
  walk(spec, [&](const LayerSpec& l, const LayerShape& in) {
    const auto [rows, cols] = kernel_shape(l, in);
    largest = std::max(largest, rows * cols);
  });
  m.optimizer_bytes = (p * optimizer_slots + 2.0 * static_cast<double>(largest)) * b;
  // Per sample: the input row; per Dense layer, matmul, bias and activation outputs with their
  // gradients (6 numbers per unit); per Dropout layer, value, gradient and mask (3 per unit);
  // per Conv2D layer, the im2col patches and the conv and activation outputs, each with its
  // gradient; per MaxPooling2D layer, its output and gradient. Flatten records nothing.
  double per_row = spec.inputs;
  walk(spec, [&](const LayerSpec& l, const LayerShape& in) {
    switch (l.kind) {
      case LayerSpec::Kind::dense: per_row += 6.0 * l.units; break;
      case LayerSpec::Kind::dropout: per_row += 3.0 * static_cast<double>(in.size); break;
      case LayerSpec::Kind::flatten: break;
      case LayerSpec::Kind::conv2d:
        try {
          const ad::Conv2DGeometry g = conv_geometry(l, in.image);
          const double fields = static_cast<double>(g.out_h) * g.out_w;
          per_row += 2.0 * fields * g.patch() + 4.0 * fields * g.filters;
        } catch (const Error&) {
        }
        break;
      case LayerSpec::Kind::maxpool2d:
        try {
          per_row += 2.0 * static_cast<double>(pool_geometry(l, in.image).out().size());
        } catch (const Error&) {
        }
        break;
    }
  });
  per_row += 2.0 * output_size(spec);  // targets and the loss's softmax
  m.activation_bytes = per_row * batch_size * b;
  m.total_bytes = m.weight_bytes + m.grad_bytes + m.optimizer_bytes + m.activation_bytes;
  return m;
}

}  // namespace basecamp::nn
