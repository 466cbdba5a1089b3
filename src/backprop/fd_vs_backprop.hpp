// Finite differences against backpropagation on one multilayer perceptron (lesson 5): the same
// gradient two ways, timed. Central differences need 2 loss evaluations per parameter (2N);
// backpropagation needs one forward and one backward pass, whatever N is. Double precision.
// The network: tanh hidden layers, a linear output, mean squared error on a seeded batch.
// Not a trainer (see nn/ for that): nothing here changes the weights for good.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "autodiff.hpp"

namespace basecamp::backprop {

// Number of weights and biases of an MLP with these layer sizes {inputs, hidden..., outputs}.
long mlp_param_count(const std::vector<int>& layers);

// One seeded problem: weights W_l (n_l x n_{l+1}) ~ N(0, 1/n_l), biases ~ U(−0.1, 0.1), inputs
// ~ N(0, 1), targets ~ U(−1, 1). Parameters are numbered layer by layer, W_l (row-major) then b_l.
class MlpProblem {
 public:
  MlpProblem(std::vector<int> layers, int batch, std::uint64_t seed);

  long params() const { return count_; }
  const std::vector<int>& layers() const { return layers_; }

  // One forward pass on the tape: the loss. (The tape is cleared first and reused.)
  double loss();
  // The loss's gradient by backpropagation, flattened in parameter order (forward + backward).
  std::vector<double> backprop_grad();
  // ∂L/∂θ_i ≈ (L(θ + h·e_i) − L(θ − h·e_i)) / 2h: two loss evaluations; θ is restored after.
  double central_difference(long index, double step);
  double& param(long index);

  // The forward pass recorded on the tape with the parameters as leaves; returns the loss node.
  // backward() then runs the backward pass of that recording (for timing the two apart).
  ad::Var<double> forward();
  void backward(ad::Var<double> loss) { tape_.backward(loss); }

 private:
  Tensor<double> copy_on_tape(const Tensor<double>& t);

  std::vector<int> layers_;
  long count_ = 0;
  std::vector<Tensor<double>> weights_, biases_;
  Tensor<double> x_, y_;
  ad::Tape<double> tape_;
  std::vector<ad::Var<double>> leaves_;  // of the last forward(): W_0, b_0, W_1, b_1, ...
};

struct FdSettings {
  int batch = 16;
  std::uint64_t seed = 1;
  // Central differences on at most this many parameters (a seeded random sample); 0 = all. When
  // fewer than N are run, fd_ms is extrapolated: measured time × N / sampled.
  long fd_sample = 0;
  double step = 1e-5;
  // Forward and backward passes are each timed in blocks of back-to-back calls until about half
  // this long has passed (at least 5 blocks); the reported times are medians over the blocks.
  // (Wall-clock times: another busy program on the machine slows every measurement.)
  double min_timing_ms = 60;
};

struct FdReport {
  std::vector<int> layers;
  long params = 0;
  int batch = 0;
  double loss = 0;
  double forward_ms = 0;    // one forward pass (= one loss evaluation)
  double backward_ms = 0;   // one backward pass
  int timed_passes = 0;     // forward and backward passes run to time them
  double backprop_ms = 0;   // forward + backward: the whole gradient by backpropagation
  double backward_over_forward = 0;
  long fd_evaluations = 0;          // central differences: 2N loss evaluations
  long forward_fd_evaluations = 0;  // forward differences: N + 1
  long fd_params_run = 0;           // parameters whose central difference was computed
  long fd_evaluations_run = 0;      // 2 × fd_params_run
  double fd_run_ms = 0;             // time those took
  double fd_ms = 0;                 // for all N: measured, or extrapolated if fd_params_run < N
  bool extrapolated = false;
  double fd_over_backprop = 0;      // fd_ms / backprop_ms
  // max over the parameters run of |g_bp − g_fd| / max(|g_bp|, |g_fd|, rel_floor)
  double max_rel_diff = 0;
  double max_abs_diff = 0;
  static constexpr double rel_floor = 1e-8;

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("layers", layers), f("params", params), f("batch", batch), f("loss", loss), f("forwardMs", forward_ms);
    f("backwardMs", backward_ms), f("timedPasses", timed_passes), f("backwardOverForward", backward_over_forward);
    f("fdOverBackprop", fd_over_backprop), f("backpropMs", backprop_ms), f("fdEvaluations", fd_evaluations);
    f("forwardFdEvaluations", forward_fd_evaluations), f("fdParamsRun", fd_params_run);
    f("fdEvaluationsRun", fd_evaluations_run), f("fdRunMs", fd_run_ms), f("fdMs", fd_ms);
    f("extrapolated", extrapolated), f("maxRelDiff", max_rel_diff), f("maxAbsDiff", max_abs_diff);
    f("relFloor", rel_floor);
  }
};

// Builds the problem, times forward and backward passes, runs central differences (on all or a
// sample of the parameters, timed), and compares the two gradients.
FdReport compare_fd_backprop(const std::vector<int>& layers, const FdSettings& settings = {});

// The lesson's ladder of sizes, N ≈ 50, 500, 5k, 50k, 270k, with the FD sample each uses.
struct FdPreset {
  std::string name;
  std::vector<int> layers;
  long fd_sample;  // 0 = every parameter

  template <class F>
  void fields(F&& f) const {
    f("name", name), f("layers", layers), f("params", mlp_param_count(layers)), f("fdSample", fd_sample);
  }
};
std::vector<FdPreset> fd_presets();

}  // namespace basecamp::backprop
