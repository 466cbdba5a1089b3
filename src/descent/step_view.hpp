// StepView: what a Walker's last step looked like from the optimizer's side, for the optimizer
// race to draw — the displacement, the per-coordinate effective step size, and for SGD with
// momentum the velocity and the look-ahead point. Read-only: it changes nothing in the walk.
//
//   step          Δθ = θ_t − θ_{t−1}
//   effective_lr  |Δθᵢ| / |gᵢ| per coordinate: the step size the optimizer really used along
//                 each axis (lr for plain SGD; lr/(√sumᵢ + eps) for Adagrad; for Adam and the
//                 momentum methods it also folds in the running averages). NaN where gᵢ = 0 or
//                 before the first step.
//   velocity      SGD with momentum μ > 0 only: −lr·b, torch's momentum_buffer b in parameter
//                 units (torch keeps b in gradient units and steps θ ← θ − lr·b; see sgd.hpp).
//   lookahead     SGD with momentum μ > 0 only: θ − lr·μ·b, where the momentum term alone moves
//                 the point (the heavy-ball step is this plus −lr·g). The textbook form of
//                 Nesterov momentum (Sutskever et al. 2013; CS231n's picture) takes its gradient
//                 at this look-ahead point θ + μ·v (v = −lr·b) instead of at θ. torch's
//                 nesterov=True is the same method after the change of variables θ' = θ + μ·v,
//                 so torch's parameter θ' is itself the textbook look-ahead; applied to θ' (as the
//                 lessons draw it) the formula marks one more momentum term ahead.
// lr is the learning rate the last step used (a schedule may change it for the next one).
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <limits>
#include <optional>

#include "optim/sgd.hpp"
#include "descent/walker.hpp"

namespace basecamp::descent {

using optim::Optimizer;
using optim::Schedule;

struct StepView {
  Eigen::Vector2d step{0, 0};
  Eigen::Vector2d effective_lr{std::numeric_limits<double>::quiet_NaN(),
                               std::numeric_limits<double>::quiet_NaN()};
  std::optional<Eigen::Vector2d> velocity;
  std::optional<Eigen::Vector2d> lookahead;
};

inline StepView step_view(const Walker& walker) {
  StepView view;
  const Tensor<double>& d = walker.last_step();
  const Tensor<double>& g = walker.last_grad();
  view.step = {d(0, 0), d(0, 1)};
  if (walker.steps() > 0) {
    for (int i = 0; i < 2; ++i) {
      view.effective_lr[i] = g(0, i) != 0 ? std::abs(d(0, i)) / std::abs(g(0, i))
                                          : std::numeric_limits<double>::quiet_NaN();
    }
  }
  const auto* sgd = dynamic_cast<const optim::SGD<double>*>(&walker.optimizer());
  if (sgd != nullptr && sgd->options().momentum != 0) {
    const auto state = sgd->state(0);
    if (!state.empty() && state[0].second != nullptr && state[0].second->size() == 2) {
      const Tensor<double>& b = *state[0].second;
      const double lr = sgd->lr, mu = sgd->options().momentum;
      view.velocity = Eigen::Vector2d(-lr * b(0, 0), -lr * b(0, 1));
      view.lookahead = Eigen::Vector2d(walker.x() - lr * mu * b(0, 0), walker.y() - lr * mu * b(0, 1));
    }
  }
  return view;
}

}  // namespace basecamp::descent
