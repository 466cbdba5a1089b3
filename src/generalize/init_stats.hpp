// Weight initialization seen through the activations: a stack of Dense layers (no biases) fed
// with random inputs, and per layer the histogram, mean and standard deviation of its activations
// and of the gradient flowing back into it. The experiment of the source's chapter on training
// techniques: 1000 inputs of 100 features ~ N(0, 1), 5 layers of 100 units, weights from
//   normal_0.01  N(0, 0.01²)            normal_1  N(0, 1)
//   xavier       N(0, 1/fan_in)          he        N(0, 2/fan_in)
// (the textbook's Xavier uses σ = 1/√n; Keras's glorot_uniform is a different, uniform rule).
// Activations: sigmoid, tanh, relu. Gradients: the upstream gradient at the last layer is
// N(0, 1) (as if from a loss), carried back by the chain rule (dh = (dz·Wᵀ), dz = dh ⊙ act′(z)).
// Plain Eigen products: no tape is needed for a network that is never trained.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace basecamp::generalize {

enum class InitRule { normal_0_01, normal_1, xavier, he };
InitRule parse_init_rule(const std::string& name);  // "normal_0.01" | "normal_1" | "xavier" | "he"
const std::vector<std::string>& init_rule_names();
double init_stddev(InitRule rule, int fan_in);

struct Histogram {
  double lo = 0, hi = 1;        // the range the bins cover; values outside go to the end bins
  std::vector<int> counts;      // bins of equal width
  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("lo", lo), f("hi", hi), f("counts", counts);
  }
};
// Counts of values in `bins` equal bins over [lo, hi] (values outside are clamped into the end
// bins, NaN is skipped). Error when bins < 1 or lo ≥ hi or either is not finite.
Histogram histogram(const std::vector<double>& values, int bins, double lo, double hi);

struct InitSpec {
  InitRule rule = InitRule::xavier;
  std::string activation = "sigmoid";  // sigmoid | tanh | relu
  int layers = 5, units = 100, samples = 1000;
  int bins = 30;
  std::uint64_t seed = 1;
};

struct LayerStats {
  Histogram activations;
  double mean = 0, stddev = 0;            // of the layer's activations
  double saturated = 0;                   // fraction with act′ < 1% of its maximum (flat region)
  double grad_stddev = 0;                 // of d loss / d (this layer's pre-activation)

  template <class F>
  void fields(F&& f) const {
    activations.fields(f);
    f("mean", mean), f("stddev", stddev), f("saturated", saturated), f("gradStddev", grad_stddev);
  }
};

// Histogram ranges: sigmoid [0, 1], tanh [−1, 1], relu [0, the largest activation of any layer]
// (at least 1e-12 wide), the same for every layer so that layers compare. Error on a bad spec
// (layers 1 … 10, units 1 … 500, samples 1 … 5000, bins 1 … 200, activation name).
std::vector<LayerStats> activation_stats(const InitSpec& spec);

}  // namespace basecamp::generalize
