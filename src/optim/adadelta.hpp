// Adadelta: RMSprop whose step is scaled by a running RMS of past updates, so it needs (almost)
// no learning rate — torch.optim.Adadelta's algorithm, parameter names and defaults.
//
// Algorithm (torch.optim.Adadelta, maximize=False):
//   input: θ₀, lr γ, rho ρ, eps ε, weight_decay λ
//   init:  v₀ ← 0 (square_avg), u₀ ← 0 (acc_delta)
//   for t = 1, 2, ...:
//     g_t ← ∇f(θ_{t−1})
//     if λ ≠ 0:  g_t ← g_t + λ·θ_{t−1}
//     v_t  ← ρ·v_{t−1} + (1 − ρ)·g_t²
//     Δx_t ← √(u_{t−1} + ε) / √(v_t + ε) · g_t
//     u_t  ← ρ·u_{t−1} + (1 − ρ)·Δx_t²
//     θ_t  ← θ_{t−1} − γ·Δx_t
//   state: square_avg, acc_delta.
//
// Hyperparameters:
//   lr            γ > 0, a multiplier on the update Δx. Default 1.0 (the paper has none).
//   rho           ρ in [0, 1), decay of both running averages. Default 0.9.
//   eps           ε > 0, inside both square roots; it also sets the size of the first steps
//                 (≈ √ε / RMS(g)·g), so with the default the start is slow. Default 1e-6.
//   weight_decay  λ ≥ 0, L2 penalty added to the gradient. Default 0.
//
// Paper: Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv:1212.5701, 2012.
//
// Conventions: Keras's Adadelta defaults to learning_rate=1e-3 (so it barely moves unless
// raised), rho=0.95, epsilon=1e-7; the paper uses ρ=0.95, ε=1e-6 and no learning rate (γ=1).
// torch allows rho = 1; we require rho < 1 (at 1 the averages never change).
#pragma once

#include <string>
#include <vector>

#include "optim/optimizer.hpp"

namespace basecamp::optim {

struct AdadeltaOptions {
  double lr = 1.0;
  double rho = 0.9;
  double eps = 1e-6;
  double weight_decay = 0.0;

  // Each hyperparameter with its limits (checks, factory and catalogue read this list).
  template <class F>
  void each(F&& f) {
    f("lr", lr, limits::positive);
    f("rho", rho, limits::unit_open);
    f("eps", eps, limits::positive);
    f("weight_decay", weight_decay, limits::non_negative);
  }
};

template <class T>
class Adadelta : public Optimizer<T> {
 public:
  explicit Adadelta(const AdadeltaOptions& o = {}) : Optimizer<T>(o.lr), opt_(o) {
    check_options("Adadelta", o);
  }

  std::string name() const override { return "Adadelta"; }
  const AdadeltaOptions& options() const { return opt_; }

 protected:
  using typename Optimizer<T>::Slots;
  using Optimizer<T>::cast;

  std::vector<std::string> state_names() const override { return {"square_avg", "acc_delta"}; }

  void update(Param<T>& p, Slots& s) override {
    Tensor<T>& square_avg = s[0];
    Tensor<T>& acc_delta = s[1];
    const T rho = cast(opt_.rho), one_minus_rho = cast(1 - opt_.rho), eps = cast(opt_.eps);
    Tensor<T> g = p.grad;
    if (opt_.weight_decay != 0) g.array() += cast(opt_.weight_decay) * p.value.array();
    square_avg.array() = rho * square_avg.array() + one_minus_rho * g.array() * g.array();
    Tensor<T> delta;
    delta.array() =
        (acc_delta.array() + eps).sqrt() / (square_avg.array() + eps).sqrt() * g.array();
    acc_delta.array() = rho * acc_delta.array() + one_minus_rho * delta.array() * delta.array();
    p.value.array() -= cast(this->lr) * delta.array();
  }

 private:
  AdadeltaOptions opt_;
};

}  // namespace basecamp::optim
