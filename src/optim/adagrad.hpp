// Adagrad: per-coordinate step sizes that shrink with the sum of all past squared gradients —
// torch.optim.Adagrad's algorithm, parameter names and defaults.
//
// Algorithm (torch.optim.Adagrad, maximize=False):
//   input: θ₀, lr γ, lr_decay η, weight_decay λ, initial_accumulator_value τ, eps ε
//   init:  sum₀ ← τ (every element)
//   for t = 1, 2, ...:
//     g_t ← ∇f(θ_{t−1})
//     γ̃  ← γ / (1 + (t − 1)·η)
//     if λ ≠ 0:  g_t ← g_t + λ·θ_{t−1}
//     sum_t ← sum_{t−1} + g_t²
//     θ_t ← θ_{t−1} − γ̃ · g_t / (√sum_t + ε)
//   state: sum.
//
// Hyperparameters:
//   lr                         γ > 0, base step size. Default 1e-2.
//   lr_decay                   η ≥ 0, inverse-time decay of γ with the step count. Default 0.
//   weight_decay               λ ≥ 0, L2 penalty added to the gradient. Default 0.
//   initial_accumulator_value  τ ≥ 0, starting value of sum. Default 0.
//   eps                        ε > 0, added after the square root. Default 1e-10.
//
// Paper: Duchi, Hazan, Singer, "Adaptive Subgradient Methods for Online Learning and
// Stochastic Optimization", JMLR 2011.
//
// Conventions: Keras's Adagrad defaults differ (learning_rate=1e-3,
// initial_accumulator_value=0.1, epsilon=1e-7) and has no lr_decay; Keras also adds eps after
// the square root. PyTorch's lr_decay is its own inverse-time schedule, separate from
// schedule.hpp (both may be used together; they multiply).
#pragma once

#include <string>
#include <vector>

#include "optim/optimizer.hpp"
#include "optim/segments.hpp"

namespace basecamp::optim {

struct AdagradOptions {
  double lr = 1e-2;
  double lr_decay = 0.0;
  double weight_decay = 0.0;
  double initial_accumulator_value = 0.0;
  double eps = 1e-10;

  // Each hyperparameter with its limits (checks, factory and catalogue read this list).
  template <class F>
  void each(F&& f) {
    f("lr", lr, limits::positive);
    f("lr_decay", lr_decay, limits::non_negative);
    f("weight_decay", weight_decay, limits::non_negative);
    f("initial_accumulator_value", initial_accumulator_value, limits::non_negative);
    f("eps", eps, limits::positive);
  }
};

template <class T>
class Adagrad : public Optimizer<T> {
 public:
  explicit Adagrad(const AdagradOptions& o = {}) : Optimizer<T>(o.lr), opt_(o) {
    check_options("Adagrad", o);
  }

  std::string name() const override { return "Adagrad"; }
  const AdagradOptions& options() const { return opt_; }

 protected:
  using typename Optimizer<T>::Slots;
  using Optimizer<T>::cast;

  std::vector<std::string> state_names() const override { return {"sum"}; }

  Slots init_state(const Param<T>& p) const override {
    return {Tensor<T>::Constant(p.value.rows(), p.value.cols(),
                                cast(opt_.initial_accumulator_value))};
  }

  // Segment by segment, split across threads; g is an expression (with weight decay it reads
  // θ, which changes last), never a copy.
  void update(Param<T>& p, Slots& s) override {
    const T clr = cast(this->lr / (1 + static_cast<double>(this->step_count - 1) * opt_.lr_decay));
    update_segments(p, s, [&](const Segments<T>& seg) {
      auto value = seg.value();
      auto sum = seg.state(0);
      const auto apply = [&](const auto& g) {
        sum += g * g;
        value -= clr * g / (sum.sqrt() + cast(opt_.eps));
      };
      with_weight_decay(opt_.weight_decay, seg.grad(), value, apply);
    });
  }

 private:
  AdagradOptions opt_;
};

}  // namespace basecamp::optim
