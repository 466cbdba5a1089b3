// Finite differences against backpropagation: see fd_vs_backprop.hpp.
#include "backprop/fd_vs_backprop.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "random.hpp"

namespace basecamp::backprop {

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  const std::size_t n = xs.size();
  return n % 2 == 1 ? xs[n / 2] : 0.5 * (xs[n / 2 - 1] + xs[n / 2]);
}

void check_layers(const std::vector<int>& layers) {
  require(layers.size() >= 2, "fd_vs_backprop",
          "an MLP needs at least 2 layer sizes (inputs and outputs), got " +
              std::to_string(layers.size()));
  for (int n : layers)
    require(n >= 1 && n <= 100000, "fd_vs_backprop",
            "layer sizes must be in [1, 100000], got " + std::to_string(n));
}

// Milliseconds per call of `pass`: blocks of back-to-back calls, each block at least 1 ms long
// (browsers' clocks tick in steps of 5 to 100 µs), the median over blocks, repeated until
// min_ms has passed and at least 5 blocks ran. `calls` counts every timed call.
template <class Pass>
double time_per_call(Pass&& pass, double min_ms, int& calls) {
  long inner = 1;
  for (;;) {  // calibrate the block length
    const auto t0 = Clock::now();
    for (long i = 0; i < inner; ++i) pass();
    if (ms_since(t0) >= 1.0 || inner >= (1L << 20)) break;
    inner *= 2;
  }
  std::vector<double> per_call;
  const auto start = Clock::now();
  while (per_call.size() < 5 || (ms_since(start) < min_ms && per_call.size() < 1000)) {
    const auto t0 = Clock::now();
    for (long i = 0; i < inner; ++i) pass();
    per_call.push_back(ms_since(t0) / static_cast<double>(inner));
    calls += static_cast<int>(inner);
  }
  return median(per_call);
}

}  // namespace

long mlp_param_count(const std::vector<int>& layers) {
  check_layers(layers);
  long n = 0;
  for (std::size_t l = 0; l + 1 < layers.size(); ++l)
    n += static_cast<long>(layers[l]) * layers[l + 1] + layers[l + 1];
  return n;
}

MlpProblem::MlpProblem(std::vector<int> layers, int batch, std::uint64_t seed)
    : layers_(std::move(layers)) {
  count_ = mlp_param_count(layers_);
  require(count_ <= 5'000'000, "fd_vs_backprop",
          "at most 5,000,000 parameters, got " + std::to_string(count_));
  require(batch >= 1 && batch <= 4096, "fd_vs_backprop",
          "batch must be in [1, 4096], got " + std::to_string(batch));
  Rng rng(seed);
  for (std::size_t l = 0; l + 1 < layers_.size(); ++l) {
    Tensor<double> w(layers_[l], layers_[l + 1]);
    const double scale = 1.0 / std::sqrt(static_cast<double>(layers_[l]));
    for (Eigen::Index k = 0; k < w.size(); ++k) w.data()[k] = scale * rng.normal();
    Tensor<double> b(1, layers_[l + 1]);
    for (Eigen::Index k = 0; k < b.size(); ++k) b.data()[k] = rng.uniform(-0.1, 0.1);
    weights_.push_back(std::move(w));
    biases_.push_back(std::move(b));
  }
  x_.resize(batch, layers_.front());
  for (Eigen::Index k = 0; k < x_.size(); ++k) x_.data()[k] = rng.normal();
  y_.resize(batch, layers_.back());
  for (Eigen::Index k = 0; k < y_.size(); ++k) y_.data()[k] = rng.uniform(-1.0, 1.0);
}

// A copy in a buffer the tape recycles (a fresh 2 MB allocation per pass would cost more page
// faults natively than the copy itself).
Tensor<double> MlpProblem::copy_on_tape(const Tensor<double>& t) {
  Tensor<double> out = tape_.take(t.rows(), t.cols());
  out = t;
  return out;
}

ad::Var<double> MlpProblem::forward() {
  tape_.clear();
  leaves_.clear();
  auto h = tape_.constant(x_, "x");
  const std::size_t depth = weights_.size();
  for (std::size_t l = 0; l < depth; ++l) {
    const auto w = tape_.leaf(copy_on_tape(weights_[l]), "W" + std::to_string(l + 1));
    const auto b = tape_.leaf(copy_on_tape(biases_[l]), "b" + std::to_string(l + 1));
    leaves_.push_back(w);
    leaves_.push_back(b);
    const auto z = ad::add_bias(ad::matmul(h, w), b);
    h = l + 1 < depth ? ad::tanh(z) : z;
  }
  return ad::mse(h, tape_.constant(y_, "y"));
}

double MlpProblem::loss() { return forward().value()(0, 0); }

std::vector<double> MlpProblem::backprop_grad() {
  backward(forward());
  std::vector<double> grad;
  grad.reserve(static_cast<std::size_t>(count_));
  for (const auto& leaf : leaves_) grad.insert(grad.end(), leaf.grad().data(), leaf.grad().data() + leaf.grad().size());
  return grad;
}

double& MlpProblem::param(long index) {
  require(index >= 0 && index < count_, "fd_vs_backprop",
          "parameter " + std::to_string(index) + " out of range (" + std::to_string(count_) + ")");
  for (std::size_t l = 0; l < weights_.size(); ++l) {
    if (index < weights_[l].size()) return weights_[l].data()[index];
    index -= weights_[l].size();
    if (index < biases_[l].size()) return biases_[l].data()[index];
    index -= biases_[l].size();
  }
  throw Error("fd_vs_backprop: unreachable parameter index");
}

double MlpProblem::central_difference(long index, double step) {
  double& p = param(index);
  const double saved = p;
  p = saved + step;
  const double up = loss();
  p = saved - step;
  const double down = loss();
  p = saved;
  return (up - down) / (2 * step);
}

FdReport compare_fd_backprop(const std::vector<int>& layers, const FdSettings& s) {
  require(s.step > 0 && s.step < 1, "fd_vs_backprop", "step must be in (0, 1)");
  require(s.fd_sample >= 0, "fd_vs_backprop", "fd_sample must be >= 0");
  MlpProblem problem(layers, s.batch, s.seed);
  FdReport r;
  r.layers = layers;
  r.params = problem.params();
  r.batch = s.batch;
  r.fd_evaluations = 2 * r.params;
  r.forward_fd_evaluations = r.params + 1;

  // Backpropagation, timed pass by pass (the first, untimed, warms the tape's buffers). A
  // recording can run backward again and again (interior gradients are reset each time), so
  // both passes are timed in blocks of back-to-back calls.
  const std::vector<double> grad = problem.backprop_grad();
  int forward_calls = 0, backward_calls = 0;
  r.forward_ms = time_per_call([&] { r.loss = problem.loss(); }, s.min_timing_ms / 2, forward_calls);
  const auto loss = problem.forward();
  r.backward_ms = time_per_call([&] { problem.backward(loss); }, s.min_timing_ms / 2, backward_calls);
  r.timed_passes = forward_calls + backward_calls;
  r.backprop_ms = r.forward_ms + r.backward_ms;
  r.backward_over_forward = r.backward_ms / r.forward_ms;

  // Which parameters get a central difference: all, or a seeded sample (partial Fisher–Yates).
  std::vector<long> which;
  if (s.fd_sample == 0 || s.fd_sample >= r.params) {
    which.resize(static_cast<std::size_t>(r.params));
    for (long i = 0; i < r.params; ++i) which[static_cast<std::size_t>(i)] = i;
  } else {
    std::vector<long> all(static_cast<std::size_t>(r.params));
    for (long i = 0; i < r.params; ++i) all[static_cast<std::size_t>(i)] = i;
    Rng rng(s.seed ^ 0x5EEDF00DULL);
    for (long k = 0; k < s.fd_sample; ++k) {
      const auto j = k + static_cast<long>(rng.below(static_cast<std::uint64_t>(r.params - k)));
      std::swap(all[static_cast<std::size_t>(k)], all[static_cast<std::size_t>(j)]);
    }
    which.assign(all.begin(), all.begin() + s.fd_sample);
    std::sort(which.begin(), which.end());
  }

  std::vector<double> fd(which.size());
  const auto fd_start = Clock::now();
  for (std::size_t k = 0; k < which.size(); ++k) fd[k] = problem.central_difference(which[k], s.step);
  r.fd_run_ms = ms_since(fd_start);
  r.fd_params_run = static_cast<long>(which.size());
  r.fd_evaluations_run = 2 * r.fd_params_run;
  r.extrapolated = r.fd_params_run < r.params;
  r.fd_ms = r.fd_run_ms * static_cast<double>(r.params) / static_cast<double>(r.fd_params_run);
  r.fd_over_backprop = r.fd_ms / r.backprop_ms;

  for (std::size_t k = 0; k < which.size(); ++k) {
    const double a = grad[static_cast<std::size_t>(which[k])];
    const double b = fd[k];
    const double diff = std::abs(a - b);
    r.max_abs_diff = std::max(r.max_abs_diff, diff);
    r.max_rel_diff = std::max(r.max_rel_diff, diff / std::max({std::abs(a), std::abs(b), FdReport::rel_floor}));
  }
  return r;
}

std::vector<FdPreset> fd_presets() {
  return {
      {"tiny", {4, 6, 3}, 0},
      {"small", {10, 30, 5}, 0},
      {"medium", {32, 100, 16}, 0},
      {"large", {128, 256, 64}, 1000},
      {"mnist", {784, 300, 100, 10}, 200},
  };
}

}  // namespace basecamp::backprop
