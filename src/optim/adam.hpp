// Adam: momentum on the gradient (exp_avg) divided by the RMS of recent gradients
// (exp_avg_sq), both bias-corrected — torch.optim.Adam's algorithm, parameter names, defaults.
//
// Algorithm (torch.optim.Adam, maximize=False):
//   input: θ₀, lr γ, betas (β₁, β₂), eps ε, weight_decay λ, amsgrad
//   init:  m₀ ← 0 (exp_avg), v₀ ← 0 (exp_avg_sq), v̂₀ᵐᵃˣ ← 0 (max_exp_avg_sq)
//   for t = 1, 2, ...:
//     g_t ← ∇f(θ_{t−1})
//     if λ ≠ 0:  g_t ← g_t + λ·θ_{t−1}          (L2 penalty; AdamW decouples it, adamw.hpp)
//     m_t ← β₁·m_{t−1} + (1 − β₁)·g_t
//     v_t ← β₂·v_{t−1} + (1 − β₂)·g_t²
//     m̂_t ← m_t / (1 − β₁ᵗ)
//     if amsgrad:  v_tᵐᵃˣ ← max(v_{t−1}ᵐᵃˣ, v_t);  v̂_t ← v_tᵐᵃˣ / (1 − β₂ᵗ)
//     else:        v̂_t ← v_t / (1 − β₂ᵗ)
//     θ_t ← θ_{t−1} − γ·m̂_t / (√v̂_t + ε)
//   state: exp_avg, exp_avg_sq, then max_exp_avg_sq (if amsgrad).
//   (computed as torch does: θ −= (γ/(1−β₁ᵗ))·m / (√v/√(1−β₂ᵗ) + ε).)
//
// Hyperparameters:
//   lr            γ > 0, step size; the first steps move each coordinate by about γ.
//                 Default 1e-3.
//   betas         (β₁, β₂), each in [0, 1): decay of the gradient and squared-gradient
//                 averages. Default (0.9, 0.999).
//   eps           ε > 0, added after the square root of the bias-corrected v. Default 1e-8.
//   weight_decay  λ ≥ 0, L2 penalty added to the gradient. Default 0.
//   amsgrad       use the running maximum of v (Reddi et al. 2018). Default false.
//
// Paper: Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015; AMSGrad:
// Reddi, Kale, Kumar, "On the Convergence of Adam and Beyond", ICLR 2018.
//
// Conventions: Keras (epsilon=1e-7) adds eps to √v before bias-correcting it — the paper's
// "epsilon hat": θ −= γ·√(1−β₂ᵗ)/(1−β₁ᵗ) · m / (√v + ε̂), i.e. ε̂ = ε·√(1−β₂ᵗ) here, which
// differs in the early steps and where v is tiny. Keras's weight_decay is decoupled (AdamW-like).
#pragma once

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "optim/optimizer.hpp"
#include "optim/segments.hpp"

namespace basecamp::optim {

// Adam's and AdamW's hyperparameters with their limits, for their options' each().
template <class Options, class F>
void adam_hyperparameters(Options& o, F& f) {
  f("lr", o.lr, limits::positive);
  f("beta1", o.betas[0], limits::unit_open);
  f("beta2", o.betas[1], limits::unit_open);
  f("eps", o.eps, limits::positive);
  f("weight_decay", o.weight_decay, limits::non_negative);
  f("amsgrad", o.amsgrad, limits::flag);
}

struct AdamOptions {
  double lr = 1e-3;
  std::array<double, 2> betas = {0.9, 0.999};
  double eps = 1e-8;
  double weight_decay = 0.0;
  bool amsgrad = false;

  // Each hyperparameter with its limits (checks, factory and catalogue read this list).
  template <class F>
  void each(F&& f) {
    adam_hyperparameters(*this, f);
  }
};

template <class T>
class Adam : public Optimizer<T> {
 public:
  explicit Adam(const AdamOptions& o = {}) : Adam(o, false) {}

  std::string name() const override { return decoupled_ ? "AdamW" : "Adam"; }
  const AdamOptions& options() const { return opt_; }

 protected:
  using typename Optimizer<T>::Slots;
  using Optimizer<T>::cast;

  // decoupled = true is AdamW: θ ← θ·(1 − γλ) before the Adam step, no L2 term in g.
  Adam(const AdamOptions& o, bool decoupled) : Optimizer<T>(o.lr), opt_(o), decoupled_(decoupled) {
    check_options(name(), o);
  }

  std::vector<std::string> state_names() const override {
    if (opt_.amsgrad) return {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"};
    return {"exp_avg", "exp_avg_sq"};
  }

  // Segment by segment, split across threads; g is an expression over the gradient (with L2
  // weight decay it reads θ, which changes last), never a copy.
  void update(Param<T>& p, Slots& s) override {
    // AdamW decays θ itself (g is then the plain gradient, which does not read θ).
    const double l2 = decoupled_ ? 0.0 : opt_.weight_decay;
    update_segments_with_decay(p, s, l2, [&](const Segments<T>& seg, Segment<T>& value, const auto& g) {
      if (decoupled_) value *= cast(1 - this->lr * opt_.weight_decay);
      update_with(seg, value, g);
    });
  }

 private:
  template <class Grad>
  void update_with(const Segments<T>& seg, Segment<T>& value, const Grad& g) {
    auto exp_avg = seg.state(0);
    auto exp_avg_sq = seg.state(1);
    const double beta1 = opt_.betas[0], beta2 = opt_.betas[1];
    const double t = static_cast<double>(this->step_count);
    lerp_in_place(exp_avg, g, 1 - beta1);
    exp_avg_sq = cast(beta2) * exp_avg_sq + cast(1 - beta2) * g * g;

    const double bias_correction1 = 1 - std::pow(beta1, t);
    const double bias_correction2 = 1 - std::pow(beta2, t);
    const T step_size = cast(this->lr / bias_correction1);
    const T bias_correction2_sqrt = cast(std::sqrt(bias_correction2));
    if (opt_.amsgrad) {
      auto max_exp_avg_sq = seg.state(2);
      max_exp_avg_sq = max_exp_avg_sq.max(exp_avg_sq);
      value -= step_size * exp_avg / (max_exp_avg_sq.sqrt() / bias_correction2_sqrt + cast(opt_.eps));
    } else {
      value -= step_size * exp_avg / (exp_avg_sq.sqrt() / bias_correction2_sqrt + cast(opt_.eps));
    }
  }

  AdamOptions opt_;
  bool decoupled_;
};

}  // namespace basecamp::optim
