// What a training run looks like from inside, layer by layer: the signals ConvNetJS's MNIST
// demo and CS231n's "babysitting the learning process" teach to watch. For every layer with
// weights (Dense, Conv2D), after one training batch:
//   weight_norm    ‖W‖ (Frobenius norm of the kernel; biases left out, as in the usual plots)
//   grad_norm      ‖∂L/∂W‖ of that batch
//   update_ratio   ‖ΔW‖ / ‖W‖ for that batch's step (W before the step): ~1e-3 is the usual
//                  guide; far above and the layer is thrashing, far below and it barely learns
//   activations    the layer's outputs (after its activation) on a fixed probe of training
//                  rows, dropout off: their range, mean, standard deviation and a histogram
//   dead_fraction  ReLU layers only (NaN for others): the share of units (a Conv2D's filters)
//                  whose output is 0 on every probe row: units that no longer learn, since a
//                  ReLU passes no gradient where it outputs 0.
// A fixed probe (the first rows of the training data) rather than the batch itself, so that the
// histograms of successive measurements are comparable and dropout does not blur them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "nn/model.hpp"
#include "tensor.hpp"
#include "value.hpp"

namespace basecamp::nn {

struct LayerSignals {
  int layer = 0;                // index in the spec's layers
  LayerSpec::Kind kind = LayerSpec::Kind::dense;
  Activation activation = Activation::linear;
  double weight_norm = 0, grad_norm = 0, update_ratio = 0;
  double dead_fraction = 0;     // NaN unless the activation is ReLU
  double activation_min = 0, activation_max = 0, activation_mean = 0, activation_std = 0;
  std::vector<double> histogram;  // counts in equal bins over [activation_min, activation_max]

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("layer", layer), f("kind", std::string(kind == LayerSpec::Kind::conv2d ? "conv2d" : "dense"));
    f("activation", name_of(activation)), f("weightNorm", weight_norm), f("gradNorm", grad_norm);
    f("updateRatio", unless_nan(update_ratio)), f("deadFraction", unless_nan(dead_fraction));
    f("min", activation_min), f("max", activation_max), f("mean", activation_mean), f("std", activation_std);
    f("histogram", histogram);
  }
};

inline constexpr int kSignalBins = 24;

// Measures the signals of one training batch: before_batch(model) just before it (remembers the
// kernels), after_batch(model) just after it (the batch's gradients are still in Param::grad:
// compute_gradients overwrites them and no optimizer changes them).
template <class T>
class SignalMeter {
 public:
  // probe: rows × inputs of the model (≥ 1 row). bins ≥ 1.
  explicit SignalMeter(Tensor<T> probe, int bins = kSignalBins);

  void before_batch(const Model<T>& model);
  std::vector<LayerSignals> after_batch(Model<T>& model);

 private:
  Tensor<T> probe_;
  int bins_;
  std::vector<Tensor<T>> kernels_before_;
};

// The activation statistics alone (range, mean, standard deviation, histogram; dead units when
// relu): outputs is n × (positions·units), channels-last, units per position.
void describe_activations(const float* outputs, std::size_t count, int units, bool relu, int bins,
                          LayerSignals& into);
void describe_activations(const double* outputs, std::size_t count, int units, bool relu, int bins,
                          LayerSignals& into);

}  // namespace basecamp::nn
