// MinibatchWalker: stochastic gradient descent on the regression problem — each step follows
// the gradient of the mean squared error over a mini-batch of the points, not all of them.
// Batches are consecutive slices of a seeded shuffle of the points, reshuffled every epoch
// (torch's DataLoader with shuffle=True, drop_last=False: an epoch's last batch may be smaller).
//   batch_size = 1   "true" SGD: one point per step
//   batch_size = k   mini-batch SGD
//   batch_size = n   full-batch gradient descent: the path equals descend() on the Regression
//                    surface bit for bit (a batch's points are summed in index order).
// It counts per-sample gradient evaluations (the cost) and reports the full loss J(m, b) after
// every step (for the plot; that evaluation is not counted). Any optimizer steps it, as Walker.
// Not a data loader for networks (those shuffle tensors); this one walks the 2-D (m, b) plane.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "optim/optimizer.hpp"
#include "optim/schedule.hpp"
#include "random.hpp"
#include "surfaces/regression.hpp"

namespace basecamp::descent {

using optim::Optimizer;
using optim::Schedule;

// The MSE over points `indices` of a regression problem and its gradient, summed in the given
// order:  J_B = (1/k)Σ rᵢ²,  ∇J_B = ((2/k)Σ rᵢxᵢ, (2/k)Σ rᵢ),  rᵢ = m·xᵢ + b − yᵢ,  k = |B|.
struct BatchGrad {
  double loss, gm, gb;
};
BatchGrad batch_grad(const surfaces::Regression& problem, double m, double b,
                     const std::vector<std::size_t>& indices);

class MinibatchWalker {
 public:
  // Resets the optimizer. Error if batch_size is not in [1, n] or the start is not finite.
  MinibatchWalker(const surfaces::Regression& problem, Optimizer<double>& optimizer,
                  long batch_size, std::uint64_t seed, double m0, double b0,
                  Schedule schedule = Schedule::constant());

  // One step on the next batch. Returns false, and keeps the last finite point, when the
  // gradient or the new point is not finite (diverged_at() says at which step).
  bool step();

  double m() const { return point_.value(0, 0); }
  double b() const { return point_.value(0, 1); }
  double loss() const { return loss_; }              // full J(m, b) at the current point
  double batch_loss() const { return batch_loss_; }  // J on the last batch, before its step (NaN before the first)
  long steps() const { return steps_; }
  long samples() const { return samples_; }  // per-sample gradient evaluations so far
  long epoch() const { return epoch_; }      // the epoch the next batch comes from (0-based)
  long batch_size() const { return batch_size_; }
  std::optional<long> diverged_at() const { return diverged_at_; }
  const std::vector<std::size_t>& last_batch() const { return batch_; }  // sorted indices
  const Tensor<double>& last_grad() const { return point_.grad; }
  const Optimizer<double>& optimizer() const { return optimizer_; }

 private:
  void next_batch();
  void shuffle();

  const surfaces::Regression& problem_;
  Optimizer<double>& optimizer_;
  long batch_size_;
  Rng rng_;
  Schedule schedule_;
  std::vector<std::size_t> order_;  // this epoch's shuffle
  std::size_t position_ = 0;        // next index into order_
  std::vector<std::size_t> batch_;
  Param<double> point_{"mb", {}, {}};
  std::vector<Param<double>*> params_{&point_};
  double loss_ = 0;
  double batch_loss_;
  long steps_ = 0, samples_ = 0, epoch_ = 0;
  std::optional<long> diverged_at_;
};

}  // namespace basecamp::descent
