#include "nn/signals.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "error.hpp"

namespace basecamp::nn {

namespace {

template <class F>
void describe(const F* outputs, std::size_t count, int units, bool relu, int bins, LayerSignals& into) {
  require(units >= 1 && count % static_cast<std::size_t>(units) == 0 && count > 0, "signals",
          "activations do not divide into units");
  require(bins >= 1, "signals", "needs at least one histogram bin");
  double lo = std::numeric_limits<double>::infinity(), hi = -lo, sum = 0, squares = 0;
  std::vector<char> alive(static_cast<std::size_t>(units), 0);
  bool finite = true;
  for (std::size_t i = 0; i < count; ++i) {
    const double v = outputs[i];
    finite = finite && std::isfinite(v);
    lo = std::min(lo, v);
    hi = std::max(hi, v);
    sum += v;
    squares += v * v;
    if (v > 0) alive[i % static_cast<std::size_t>(units)] = 1;
  }
  const double n = static_cast<double>(count);
  into.activation_min = lo;
  into.activation_max = hi;
  into.activation_mean = sum / n;
  into.activation_std = std::sqrt(std::max(0.0, squares / n - (sum / n) * (sum / n)));
  into.histogram.assign(static_cast<std::size_t>(bins), 0.0);
  // A NaN or infinite output (a diverged run) leaves the histogram empty: nothing to bin.
  if (finite) {
    const double width = (hi - lo) / bins;
    for (std::size_t i = 0; i < count; ++i) {
      const int b = width > 0 ? static_cast<int>((outputs[i] - lo) / width) : 0;
      into.histogram[static_cast<std::size_t>(std::clamp(b, 0, bins - 1))] += 1;
    }
  }
  into.dead_fraction = relu ? static_cast<double>(std::count(alive.begin(), alive.end(), 0)) / units
                            : std::numeric_limits<double>::quiet_NaN();
}

template <class T>
double norm_of(const Tensor<T>& t) {
  double s = 0;
  for (Eigen::Index i = 0; i < t.size(); ++i) s += static_cast<double>(t.data()[i]) * t.data()[i];
  return std::sqrt(s);
}

}  // namespace

void describe_activations(const float* outputs, std::size_t count, int units, bool relu, int bins,
                          LayerSignals& into) {
  describe(outputs, count, units, relu, bins, into);
}
void describe_activations(const double* outputs, std::size_t count, int units, bool relu, int bins,
                          LayerSignals& into) {
  describe(outputs, count, units, relu, bins, into);
}

template <class T>
SignalMeter<T>::SignalMeter(Tensor<T> probe, int bins) : probe_(std::move(probe)), bins_(bins) {
  require(probe_.rows() >= 1, "signals", "the probe needs at least one row");
  require(bins_ >= 1, "signals", "needs at least one histogram bin");
}

template <class T>
void SignalMeter<T>::before_batch(const Model<T>& model) {
  kernels_before_.resize(static_cast<std::size_t>(model.dense_count()));
  for (int i = 0; i < model.dense_count(); ++i) kernels_before_[static_cast<std::size_t>(i)] = model.kernel(i).value;
}

template <class T>
std::vector<LayerSignals> SignalMeter<T>::after_batch(Model<T>& model) {
  require(static_cast<int>(kernels_before_.size()) == model.dense_count(), "signals",
          "after_batch without before_batch");
  const ModelSpec& spec = model.spec();
  const std::vector<Tensor<T>> outputs = model.layer_outputs(probe_);
  std::vector<LayerSignals> signals;
  int weighted = 0;
  for (std::size_t layer = 0; layer < spec.layers.size(); ++layer) {
    const LayerSpec& l = spec.layers[layer];
    if (!l.has_weights()) continue;
    const Param<T>& k = model.kernel(weighted);
    const Tensor<T>& before = kernels_before_[static_cast<std::size_t>(weighted)];
    LayerSignals s;
    s.layer = static_cast<int>(layer);
    s.kind = l.kind;
    s.activation = l.activation;
    s.weight_norm = norm_of(k.value);
    s.grad_norm = k.grad.size() == k.value.size() ? norm_of(k.grad) : 0.0;
    const double before_norm = norm_of(before);
    s.update_ratio = before_norm > 0 ? norm_of(Tensor<T>(k.value - before)) / before_norm
                                     : std::numeric_limits<double>::quiet_NaN();
    // Units: a Dense layer's columns; a Conv2D's filters (the last of its channels-last columns).
    const int units = l.kind == LayerSpec::Kind::conv2d ? l.filters : static_cast<int>(outputs[layer].cols());
    describe_activations(outputs[layer].data(), static_cast<std::size_t>(outputs[layer].size()), units,
                         l.activation == Activation::relu, bins_, s);
    signals.push_back(std::move(s));
    ++weighted;
  }
  kernels_before_.clear();
  return signals;
}

template class SignalMeter<float>;
template class SignalMeter<double>;

}  // namespace basecamp::nn
