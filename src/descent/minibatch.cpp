// MinibatchWalker: seeded per-epoch shuffles, batch gradients of the MSE, one optimizer step each.
#include "descent/minibatch.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

namespace basecamp::descent {

// Written exactly as Regression::grad (same sums, same order of operations), so that the full
// batch in index order gives the same bits.
BatchGrad batch_grad(const surfaces::Regression& problem, double m, double b,
                     const std::vector<std::size_t>& indices) {
  require(!indices.empty(), "mini-batch", "a batch needs at least one point");
  const auto& xs = problem.x();
  const auto& ys = problem.y();
  double gm = 0, gb = 0, sq = 0;
  for (const std::size_t i : indices) {
    require(i < xs.size(), "mini-batch", "point " + std::to_string(i) + " does not exist");
    const double r = m * xs[i] + b - ys[i];
    gm += r * xs[i];
    gb += r;
    sq += r * r;
  }
  const double k = static_cast<double>(indices.size());
  return {sq / k, 2 * gm / k, 2 * gb / k};
}

MinibatchWalker::MinibatchWalker(const surfaces::Regression& problem, Optimizer<double>& optimizer,
                                 long batch_size, std::uint64_t seed, double m0, double b0,
                                 Schedule schedule)
    : problem_(problem),
      optimizer_(optimizer),
      batch_size_(batch_size),
      rng_(seed),
      schedule_(schedule),
      batch_loss_(std::numeric_limits<double>::quiet_NaN()) {
  const long n = static_cast<long>(problem.x().size());
  require_in_range(static_cast<double>(batch_size), limits::count(1, static_cast<double>(n)), "mini-batch",
                   "batch_size");
  loss_ = problem.value(m0, b0);
  require_code(std::isfinite(m0) && std::isfinite(b0) && std::isfinite(loss_), code::not_finite, "mini-batch",
               "start", [&] { return "start (" + format_number(m0) + ", " + format_number(b0) + ") is not a finite point"; });
  point_.value = Tensor<double>(1, 2);
  point_.value << m0, b0;
  point_.grad = Tensor<double>::Zero(1, 2);
  order_.resize(static_cast<std::size_t>(n));
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = i;
  shuffle();
  optimizer_.reset();
}

void MinibatchWalker::shuffle() {
  basecamp::shuffle(order_, rng_);
  position_ = 0;
}

void MinibatchWalker::next_batch() {
  if (position_ >= order_.size()) {
    ++epoch_;
    shuffle();
  }
  const std::size_t end = std::min(order_.size(), position_ + static_cast<std::size_t>(batch_size_));
  batch_.assign(order_.begin() + static_cast<long>(position_), order_.begin() + static_cast<long>(end));
  std::sort(batch_.begin(), batch_.end());
  position_ = end;
}

bool MinibatchWalker::step() {
  if (diverged_at_) return false;
  const long t = steps_ + 1;
  next_batch();
  const BatchGrad g = batch_grad(problem_, m(), b(), batch_);
  samples_ += static_cast<long>(batch_.size());
  if (!(std::isfinite(g.gm) && std::isfinite(g.gb))) {
    diverged_at_ = t;
    return false;
  }
  const Tensor<double> before = point_.value;
  point_.grad << g.gm, g.gb;
  schedule_.apply(optimizer_);
  optimizer_.step(params_);
  const double f = problem_.value(m(), b());
  if (!(std::isfinite(m()) && std::isfinite(b()) && std::isfinite(f))) {
    point_.value = before;
    diverged_at_ = t;
    return false;
  }
  batch_loss_ = g.loss;
  loss_ = f;
  steps_ = t;
  return true;
}

}  // namespace basecamp::descent
