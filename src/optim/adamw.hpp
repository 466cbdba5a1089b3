// AdamW: Adam with decoupled weight decay — torch.optim.AdamW's algorithm, parameter names and
// defaults. The decay shrinks θ directly instead of entering the gradient, so it is not
// rescaled by Adam's per-coordinate step size.
//
// Algorithm (torch.optim.AdamW, maximize=False):
//   input: θ₀, lr γ, betas (β₁, β₂), eps ε, weight_decay λ, amsgrad
//   init:  m₀ ← 0 (exp_avg), v₀ ← 0 (exp_avg_sq), v̂₀ᵐᵃˣ ← 0 (max_exp_avg_sq)
//   for t = 1, 2, ...:
//     g_t ← ∇f(θ_{t−1})
//     θ_t ← θ_{t−1} − γλ·θ_{t−1}                (decoupled decay, uses the current lr)
//     m_t ← β₁·m_{t−1} + (1 − β₁)·g_t
//     v_t ← β₂·v_{t−1} + (1 − β₂)·g_t²
//     m̂_t ← m_t / (1 − β₁ᵗ)
//     if amsgrad:  v_tᵐᵃˣ ← max(v_{t−1}ᵐᵃˣ, v_t);  v̂_t ← v_tᵐᵃˣ / (1 − β₂ᵗ)
//     else:        v̂_t ← v_t / (1 − β₂ᵗ)
//     θ_t ← θ_t − γ·m̂_t / (√v̂_t + ε)
//   state: exp_avg, exp_avg_sq, then max_exp_avg_sq (if amsgrad).
//
// Hyperparameters:
//   lr            γ > 0, step size. Default 1e-3.
//   betas         (β₁, β₂), each in [0, 1). Default (0.9, 0.999).
//   eps           ε > 0, added after the square root. Default 1e-8.
//   weight_decay  λ ≥ 0, decoupled decay rate (per unit of lr). Default 1e-2 (Adam's is 0).
//   amsgrad       use the running maximum of v. Default false.
//
// Paper: Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019.
//
// Conventions: the paper multiplies the decay by a schedule multiplier η_t, not by lr; PyTorch
// (and here) multiplies by lr, so halving lr halves the decay too. Keras's AdamW does the same
// as PyTorch, with weight_decay=0.004 and epsilon=1e-7 (eps as in adam.hpp's note).
#pragma once

#include "optim/adam.hpp"

namespace basecamp::optim {

// Adam's options with AdamW's default weight_decay (and Adam's limits).
struct AdamWOptions {
  double lr = 1e-3;
  std::array<double, 2> betas = {0.9, 0.999};
  double eps = 1e-8;
  double weight_decay = 1e-2;
  bool amsgrad = false;

  template <class F>
  void each(F&& f) {
    adam_hyperparameters(*this, f);
  }
};

template <class T>
class AdamW : public Adam<T> {
 public:
  explicit AdamW(const AdamWOptions& o = {})
      : Adam<T>(AdamOptions{o.lr, o.betas, o.eps, o.weight_decay, o.amsgrad}, true) {}
};

}  // namespace basecamp::optim
