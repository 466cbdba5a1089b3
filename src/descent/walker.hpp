// Walker: one point walking a 2-D surface, one optimizer step at a time — the same optimizer
// classes that train networks, stepping a 1x2 Param<double> (x, y). The page animates a Walker;
// descend() runs one to the end. Both therefore print the same numbers.
#pragma once

#include <cmath>
#include <optional>
#include <vector>

#include "error.hpp"
#include "optim/optimizer.hpp"
#include "optim/schedule.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::descent {

using optim::Optimizer;
using optim::Schedule;

class Walker {
 public:
  // Resets the optimizer (its state and step count). Error if the start is not a finite point.
  Walker(const surfaces::Surface& surface, Optimizer<double>& optimizer, double x0, double y0,
         Schedule schedule = Schedule::constant())
      : surface_(surface), optimizer_(optimizer), schedule_(schedule) {
    f_ = surface.value(x0, y0);
    require_code(std::isfinite(x0) && std::isfinite(y0) && std::isfinite(f_), code::not_finite, "descend",
                 "start", [&] {
                   return "start (" + format_number(x0) + ", " + format_number(y0) +
                          ") is not a finite point of " + surface.name;
                 });
    point_.value = Tensor<double>(1, 2);
    point_.value << x0, y0;
    point_.grad = Tensor<double>::Zero(1, 2);
    last_step_ = Tensor<double>::Zero(1, 2);
    optimizer_.reset();
  }

  // One step. Returns false, and leaves the point at its last finite position, when the gradient
  // or the new point is not finite (diverged_at() then says at which step); true otherwise.
  bool step() {
    if (diverged_at_) return false;
    const long t = steps_ + 1;
    const Eigen::Vector2d g = surface_.grad(x(), y());
    if (!g.allFinite()) return diverge(t);
    const Tensor<double> before = point_.value;
    point_.grad << g.x(), g.y();
    schedule_.apply(optimizer_);
    optimizer_.step(params_);
    const double f = surface_.value(x(), y());
    if (!(std::isfinite(x()) && std::isfinite(y()) && std::isfinite(f))) {
      point_.value = before;
      return diverge(t);
    }
    f_ = f;
    steps_ = t;
    last_step_ = point_.value - before;
    return true;
  }

  double x() const { return point_.value(0, 0); }
  double y() const { return point_.value(0, 1); }
  double f() const { return f_; }
  long steps() const { return steps_; }
  std::optional<long> diverged_at() const { return diverged_at_; }
  // The gradient used by the last step (zeros before the first).
  const Tensor<double>& last_grad() const { return point_.grad; }
  // The last step's displacement θ_t − θ_{t−1} (zeros before the first).
  const Tensor<double>& last_step() const { return last_step_; }
  const Optimizer<double>& optimizer() const { return optimizer_; }

 private:
  bool diverge(long t) {
    diverged_at_ = t;
    return false;
  }

  const surfaces::Surface& surface_;
  Optimizer<double>& optimizer_;
  Schedule schedule_;
  Param<double> point_{"xy", {}, {}};
  Tensor<double> last_step_;
  std::vector<Param<double>*> params_{&point_};
  double f_ = 0;
  long steps_ = 0;
  std::optional<long> diverged_at_;
};

}  // namespace basecamp::descent
