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

#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include "optim/optimizer.hpp"
#include "optim/segments.hpp"

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

  // Segment by segment, split across threads. Δx is needed twice, between two state updates:
  // it goes through a small buffer on the stack, block by block (blocks of a multiple of 16
  // elements, so Eigen vectorises each element as it would over the whole tensor).
  void update(Param<T>& p, Slots& s) override {
    const T rho = cast(opt_.rho), one_minus_rho = cast(1 - opt_.rho), eps = cast(opt_.eps);
    const T lr = cast(this->lr);
    constexpr std::ptrdiff_t kBlock = 256;
    update_segments(p, s, [&](const Segments<T>& seg) {
      alignas(64) T delta_block[kBlock];
      Segment<T> all_value = seg.value(), all_square_avg = seg.state(0), all_acc_delta = seg.state(1);
      const ConstSegment<T> all_grad = seg.grad();
      for (std::ptrdiff_t at = 0; at < seg.size(); at += kBlock) {
        const std::ptrdiff_t n = std::min(kBlock, seg.size() - at);
        auto value = all_value.segment(at, n);
        auto square_avg = all_square_avg.segment(at, n);
        auto acc_delta = all_acc_delta.segment(at, n);
        Segment<T> delta(delta_block, n);
        const auto apply = [&](const auto& g) {
          square_avg = rho * square_avg + one_minus_rho * g * g;
          delta = (acc_delta + eps).sqrt() / (square_avg + eps).sqrt() * g;
          acc_delta = rho * acc_delta + one_minus_rho * delta * delta;
          value -= lr * delta;
        };
        with_weight_decay(opt_.weight_decay, all_grad.segment(at, n), value, apply);
      }
    });
  }

 private:
  AdadeltaOptions opt_;
};

}  // namespace basecamp::optim
