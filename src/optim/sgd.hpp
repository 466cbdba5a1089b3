// SGD: stochastic gradient descent with optional momentum, dampening, Nesterov momentum and
// L2 weight decay — torch.optim.SGD's algorithm, parameter names and defaults.
//
// Algorithm (torch.optim.SGD, maximize=False):
//   input: θ₀ (params), lr γ, momentum μ, dampening τ, nesterov, weight_decay λ
//   for t = 1, 2, ...:
//     g_t ← ∇f(θ_{t−1})
//     if λ ≠ 0:  g_t ← g_t + λ·θ_{t−1}
//     if μ ≠ 0:
//       b_t ← g_t                         if t = 1   (the buffer starts as a copy of g)
//       b_t ← μ·b_{t−1} + (1 − τ)·g_t     otherwise
//       g_t ← g_t + μ·b_t  if nesterov,  else  g_t ← b_t
//     θ_t ← θ_{t−1} − γ·g_t
//   state: momentum_buffer (b), only when made with μ ≠ 0. set_momentum changes μ for the next
//   steps and keeps b (μ = 0: plain steps, b unused). One difference from torch remains: a b that
//   was never written because μ was 0 from step 1 starts at zero, not as a copy of g.
//
// Hyperparameters:
//   lr            γ, step size. Default 1e-3 (torch ≥ 2.2 gives SGD lr=1e-3; older torch had
//                 no default at all). Must be > 0.
//   momentum      μ ≥ 0, how much of the previous update carries over. Default 0.
//   dampening     τ in [0, 1], scales the new gradient into the buffer by (1 − τ). Default 0.
//   nesterov      look-ahead momentum (Sutskever et al. 2013 form). Default false; needs
//                 μ > 0 and τ = 0 (torch raises otherwise, so do we).
//   weight_decay  λ ≥ 0, L2 penalty added to the gradient. Default 0.
//
// Paper: Robbins & Monro 1951 (SGD); Polyak 1964 (momentum); Sutskever, Martens, Dahl, Hinton,
// "On the importance of initialization and momentum in deep learning", ICML 2013 (Nesterov).
//
// Conventions: PyTorch keeps the velocity in gradient units and multiplies by lr last:
//   v ← μ·v + g,  θ ← θ − lr·v.
// Keras (and the Deep Learning with Python book) keeps it in parameter units:
//   v ← μ·v − lr·g,  θ ← θ + v   (nesterov: θ ← θ + μ·v − lr·g).
// With a constant lr the two give the same path (v_keras = −lr·v_torch); they differ when lr
// changes during training, and torch's first buffer is g itself (no (1 − τ) factor).
#pragma once

#include <string>
#include <vector>

#include "optim/optimizer.hpp"
#include "optim/segments.hpp"

namespace basecamp::optim {

struct SgdOptions {
  double lr = 1e-3;
  double momentum = 0.0;
  double dampening = 0.0;
  bool nesterov = false;
  double weight_decay = 0.0;

  // Each hyperparameter with its limits (checks, factory and catalogue read this list).
  template <class F>
  void each(F&& f) {
    f("lr", lr, limits::positive);
    f("momentum", momentum, limits::non_negative);
    f("dampening", dampening, limits::unit_closed);
    f("nesterov", nesterov, limits::flag);
    f("weight_decay", weight_decay, limits::non_negative);
  }
};

template <class T>
class SGD : public Optimizer<T> {
 public:
  explicit SGD(const SgdOptions& o = {}) : Optimizer<T>(o.lr), opt_(o) {
    check_options("SGD", o);
    check_nesterov(o.momentum, o.dampening, o.nesterov);
  }

  std::string name() const override { return "SGD"; }
  const SgdOptions& options() const { return opt_; }

  // Made with μ > 0: the buffer exists and μ can change (to 0 too: plain steps, the buffer kept
  // unused, as torch does when param_groups' momentum is set to 0; back to μ > 0 it resumes).
  // Made with μ = 0 there is no buffer to keep: nullopt, and set_momentum refuses.
  std::optional<double> momentum() const override {
    return buffered_ ? std::optional<double>(opt_.momentum) : std::nullopt;
  }
  void set_momentum(double v) override {
    if (!buffered_) Optimizer<T>::set_momentum(v);
    require_in_range(v, limits::non_negative, name(), "momentum");
    check_nesterov(v, opt_.dampening, opt_.nesterov);
    opt_.momentum = v;
  }

 protected:
  using typename Optimizer<T>::Slots;
  using Optimizer<T>::cast;

  std::vector<std::string> state_names() const override {
    if (!buffered_) return {};
    return {"momentum_buffer"};
  }

  // g is an expression, not a copy: with weight decay it reads θ, which changes last.
  void update(Param<T>& p, Slots& s) override {
    const T lr = cast(this->lr);
    update_segments_with_decay(p, s, opt_.weight_decay, [&](const Segments<T>& seg, Segment<T>& value, const auto& g) {
      if (opt_.momentum == 0) {
        value -= lr * g;
        return;
      }
      auto buf = seg.state(0);
      if (this->step_count == 1)
        buf = g;
      else
        buf = cast(opt_.momentum) * buf + cast(1 - opt_.dampening) * g;
      if (opt_.nesterov)
        value -= lr * (g + cast(opt_.momentum) * buf);
      else
        value -= lr * buf;
    });
  }

 private:
  static void check_nesterov(double momentum, double dampening, bool nesterov) {
    require_code(!nesterov || (momentum > 0 && dampening == 0), code::nesterov_needs_momentum, "SGD", "nesterov",
                 [&] {
                   return "nesterov requires momentum > 0 and dampening = 0, got momentum " +
                          format_number(momentum) + ", dampening " + format_number(dampening);
                 });
  }

  SgdOptions opt_;
  bool buffered_ = opt_.momentum != 0;  // made with momentum: the buffer is part of the state
};

}  // namespace basecamp::optim
