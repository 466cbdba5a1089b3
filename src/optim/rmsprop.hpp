// RMSprop: divide each gradient by a running root-mean-square of recent gradients —
// torch.optim.RMSprop's algorithm, parameter names and defaults.
//
// Algorithm (torch.optim.RMSprop, maximize=False):
//   input: θ₀, lr γ, alpha α, eps ε, weight_decay λ, momentum μ, centered
//   init:  v₀ ← 0 (square_avg), b₀ ← 0 (momentum_buffer), ḡ₀ ← 0 (grad_avg)
//   for t = 1, 2, ...:
//     g_t ← ∇f(θ_{t−1})
//     if λ ≠ 0:  g_t ← g_t + λ·θ_{t−1}
//     v_t ← α·v_{t−1} + (1 − α)·g_t²
//     ṽ_t ← v_t
//     if centered:  ḡ_t ← α·ḡ_{t−1} + (1 − α)·g_t;   ṽ_t ← ṽ_t − ḡ_t²
//     if μ > 0:  b_t ← μ·b_{t−1} + g_t / (√ṽ_t + ε);   θ_t ← θ_{t−1} − γ·b_t
//     else:      θ_t ← θ_{t−1} − γ·g_t / (√ṽ_t + ε)
//   state: square_avg, then momentum_buffer (if μ > 0), then grad_avg (if centered).
//
// Hyperparameters:
//   lr            γ > 0, step size. Default 1e-2.
//   alpha         α in [0, 1), smoothing constant of the squared-gradient average. Default 0.99.
//   eps           ε > 0, added after the square root. Default 1e-8.
//   weight_decay  λ ≥ 0, L2 penalty added to the gradient. Default 0.
//   momentum      μ ≥ 0, momentum on the normalised step. Default 0.
//   centered      normalise by an estimate of the variance instead of the second moment
//                 (Graves 2013). Default false.
//
// Paper: Hinton, Srivastava, Swersky, "Neural Networks for Machine Learning", lecture 6e
// (2012, unpublished slides); centered form: Graves, "Generating Sequences With Recurrent
// Neural Networks", arXiv:1308.0850, 2013.
//
// Conventions: Keras calls α `rho` and defaults to learning_rate=1e-3, rho=0.9, epsilon=1e-7
// (the MNIST lesson reproduces that run: RMSprop with lr=1e-3, alpha=0.9, eps=1e-7 here).
// Keras 3 puts eps INSIDE the square root, θ ← θ − lr·g / √(v + ε); tf.keras 2 did the same
// with momentum and put it outside (√v + ε) without; PyTorch always adds it outside. With
// eps=1e-7 the two differ only where v is tiny (≲ 1e-12). Keras's momentum accumulates
// lr·g/√(v+ε) (lr inside the buffer), PyTorch's accumulates g/(√v+ε) and multiplies by lr last.
#pragma once

#include <string>
#include <vector>

#include "optim/optimizer.hpp"
#include "optim/segments.hpp"

namespace basecamp::optim {

struct RmspropOptions {
  double lr = 1e-2;
  double alpha = 0.99;
  double eps = 1e-8;
  double weight_decay = 0.0;
  double momentum = 0.0;
  bool centered = false;

  // Each hyperparameter with its limits (checks, factory and catalogue read this list).
  template <class F>
  void each(F&& f) {
    f("lr", lr, limits::positive);
    f("alpha", alpha, limits::unit_open);
    f("eps", eps, limits::positive);
    f("weight_decay", weight_decay, limits::non_negative);
    f("momentum", momentum, limits::non_negative);
    f("centered", centered, limits::flag);
  }
};

template <class T>
class RMSprop : public Optimizer<T> {
 public:
  explicit RMSprop(const RmspropOptions& o = {}) : Optimizer<T>(o.lr), opt_(o) {
    check_options("RMSprop", o);
  }

  std::string name() const override { return "RMSprop"; }
  const RmspropOptions& options() const { return opt_; }

  // Made with μ > 0: the buffer exists and μ can change (to 0 too: steps without it, the
  // buffer kept unused, as torch does; back to μ > 0 it resumes). Made with μ = 0: nullopt.
  std::optional<double> momentum() const override {
    return buffered_ ? std::optional<double>(opt_.momentum) : std::nullopt;
  }
  void set_momentum(double v) override {
    if (!buffered_) Optimizer<T>::set_momentum(v);
    require_in_range(v, limits::non_negative, name(), "momentum");
    opt_.momentum = v;
  }

 protected:
  using typename Optimizer<T>::Slots;
  using Optimizer<T>::cast;

  std::vector<std::string> state_names() const override {
    std::vector<std::string> names{"square_avg"};
    if (buffered_) names.push_back("momentum_buffer");
    if (opt_.centered) names.push_back("grad_avg");
    return names;
  }

  // The gradient is used where it lies (with weight decay, as an expression that reads θ, which
  // changes last): no parameter-sized temporaries, segments split across threads.
  void update(Param<T>& p, Slots& s) override {
    update_segments_with_decay(p, s, opt_.weight_decay, [&](const Segments<T>& seg, Segment<T>& value, const auto& g) {
      auto square_avg = seg.state(0);
      square_avg = cast(opt_.alpha) * square_avg + cast(1 - opt_.alpha) * g * g;
      if (opt_.centered) {
        auto grad_avg = seg.state(state_names().size() - 1);
        lerp_in_place(grad_avg, g, 1 - opt_.alpha);
        apply(seg, value, g, (square_avg - grad_avg.square()).sqrt() + cast(opt_.eps));
      } else {
        apply(seg, value, g, square_avg.sqrt() + cast(opt_.eps));
      }
    });
  }

 private:
  template <class Grad, class Avg>
  void apply(const Segments<T>& seg, Segment<T>& value, const Grad& g, const Avg& avg) {
    if (opt_.momentum > 0) {
      auto buf = seg.state(1);
      buf = cast(opt_.momentum) * buf + g / avg;
      value -= cast(this->lr) * buf;
    } else {
      value -= cast(this->lr) * g / avg;
    }
  }

  RmspropOptions opt_;
  bool buffered_ = opt_.momentum > 0;  // made with momentum: the buffer is part of the state
};

}  // namespace basecamp::optim
