// The base of every optimizer: one step() over a list of parameters, with the per-parameter
// state (momentum_buffer, exp_avg, ...) kept inside the optimizer, keyed by position in the
// list and created lazily at the first step, as torch.optim does. Not a scheduler (schedule.hpp)
// and not a tape: optimizers read Param::grad and write Param::value, nothing else.
#pragma once

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "error.hpp"
#include "tensor.hpp"

namespace basecamp::optim {

using basecamp::format_number;

// Each optimizer's options struct lists its hyperparameters once, with their limits, in
// `template <class F> void each(F&& f)`: f(name, field, range) per hyperparameter (flags are
// bool fields with limits::flag). The constructor's checks, the factory (make_optimizer) and
// the catalogue (optim/catalogue.hpp) all read that list; the defaults are the struct's own.
// Throws out_of_range / not_finite naming the optimizer and the hyperparameter.
template <class Options>
void check_options(const std::string& who, Options o) {
  o.each([&](const char* name, auto& field, const Range& range) {
    if constexpr (!std::is_same_v<std::decay_t<decltype(field)>, bool>)
      require_in_range(field, range, who, name);
  });
}

// torch's Tensor.lerp_(end, weight), with its two-branch formula, so that exp_avg matches the
// reference to the last bit: start + w·(end − start) for w < 0.5, else end − (end − start)·(1 − w).
template <class A, class B>
auto lerp(const A& start, const B& end, double weight) {
  using T = typename A::Scalar;
  const T w = static_cast<T>(weight);
  return (weight < 0.5) ? (start + w * (end - start)).eval()
                        : (end - (end - start) * (T(1) - w)).eval();
}

template <class T>
class Optimizer {
 public:
  using Slots = std::vector<Tensor<T>>;  // one optimizer's state buffers for one parameter

  virtual ~Optimizer() = default;

  // One update of every parameter from its grad. The list must keep its length, order and
  // shapes from one step to the next (the state is matched to parameters by position).
  virtual void step(const std::vector<Param<T>*>& params) {
    const std::string who = name();
    if (state_.empty()) {
      state_.resize(params.size());
      for (std::size_t i = 0; i < params.size(); ++i) {
        require(params[i] != nullptr, who, "parameter " + std::to_string(i) + " is null");
        state_[i] = init_state(*params[i]);
      }
    }
    require(params.size() == state_.size(), who,
            "step() got " + std::to_string(params.size()) + " parameters, the state has " +
                std::to_string(state_.size()) + " (the list must not change between steps)");
    for (std::size_t i = 0; i < params.size(); ++i) {
      require(params[i] != nullptr, who, "parameter " + std::to_string(i) + " is null");
      const Param<T>& p = *params[i];
      require(p.grad.rows() == p.value.rows() && p.grad.cols() == p.value.cols(), who,
              "parameter '" + p.name + "': grad " + shape_of(p.grad) + " does not match value " +
                  shape_of(p.value));
      require(state_[i].empty() || (state_[i][0].rows() == p.value.rows() &&
                                    state_[i][0].cols() == p.value.cols()),
              who, "parameter '" + p.name + "' changed shape to " + shape_of(p.value));
    }
    ++step_count;
    for (std::size_t i = 0; i < params.size(); ++i) update(*params[i], state_[i]);
  }

  // The optimizer's class name in torch.optim: "SGD", "Adam", ...
  virtual std::string name() const = 0;

  // The named state buffers of parameter `param_index` (empty before the first step), e.g.
  // {"exp_avg", &m}, {"exp_avg_sq", &v}. Pointers stay valid until the next reset().
  std::vector<std::pair<std::string, const Tensor<T>*>> state(std::size_t param_index) const {
    std::vector<std::pair<std::string, const Tensor<T>*>> out;
    if (param_index >= state_.size()) return out;
    const std::vector<std::string> names = state_names();
    for (std::size_t k = 0; k < names.size() && k < state_[param_index].size(); ++k)
      out.emplace_back(names[k], &state_[param_index][k]);
    return out;
  }

  // A new learning rate for the next steps (a learner's change while training), checked as every
  // optimizer checks lr when it is made: lr > 0.
  void set_lr(double v) {
    require_in_range(v, limits::positive, name(), "lr");
    lr = v;
  }

  // Momentum, where the optimizer has one to change while it trains (SGD's μ, RMSprop's μ when
  // it was made with μ > 0: the momentum buffer exists); nullopt otherwise. Adam's beta1 also
  // averages past gradients but is not offered here: it is a bias-corrected mean, not a
  // velocity, and changing it mid-run would mix two corrections.
  virtual std::optional<double> momentum() const { return std::nullopt; }
  // A new momentum for the next steps (a learner's change while training), checked as the
  // optimizer checks it when it is made (μ ≥ 0, SGD's nesterov rule); the momentum buffer is
  // kept, so the next step is b ← μ_new·b + … on the old b. not_a_setting (field momentum, text
  // the optimizer's name) when momentum() is nullopt.
  virtual void set_momentum(double v) {
    throw_error(code::not_a_setting, name(), "momentum",
                "no momentum to change (only SGD and RMSprop made with momentum > 0 keep a momentum buffer)", v,
                name());
  }

  // Forget all state (and the step count): the next step() starts afresh.
  void reset() {
    state_.clear();
    step_count = 0;
  }

  double lr;               // the learning rate used by the next step (a schedule may change it)
  double initial_lr;       // lr at construction; schedules scale this one
  long step_count = 0;     // steps taken so far; the step being taken is t = step_count

 protected:
  explicit Optimizer(double lr_) : lr(lr_), initial_lr(lr_) {}

  // The names of the buffers init_state() makes, in the same order.
  virtual std::vector<std::string> state_names() const = 0;
  // The state of one parameter before its first step (zeros of its shape unless overridden).
  virtual Slots init_state(const Param<T>& p) const {
    return Slots(state_names().size(), Tensor<T>::Zero(p.value.rows(), p.value.cols()));
  }
  // One update of one parameter; t = step_count (1 at the first step).
  virtual void update(Param<T>& p, Slots& s) = 0;

  static T cast(double v) { return static_cast<T>(v); }

 private:
  std::vector<Slots> state_;
};

}  // namespace basecamp::optim
