// Learning-rate schedules: lr as a function of the step count t (steps already taken), applied
// to an optimizer before each step. Constant by default. Matches torch.optim.lr_scheduler's
// StepLR and ExponentialLR when stepped once per optimizer step; inverse-time is Keras's
// InverseTimeDecay with decay_steps = 1 (and Adagrad's lr_decay rule).
//   constant      lr_t = lr₀
//   step decay    lr_t = lr₀ · gamma^⌊t / step_size⌋
//   exponential   lr_t = lr₀ · gamma^t
//   inverse time  lr_t = lr₀ / (1 + decay·t)
#pragma once

#include <cmath>
#include <map>
#include <string>

#include "error.hpp"
#include "optim/optimizer.hpp"

namespace basecamp::optim {

struct Schedule {
  enum class Kind { constant, step_decay, exponential, inverse_time };

  Kind kind = Kind::constant;
  long step_size = 1;  // step decay
  double gamma = 1.0;  // step decay, exponential
  double decay = 0.0;  // inverse time

  // Each factory checks its parameters against the catalogue's limits (optim/catalogue.hpp).
  static Schedule constant() { return {}; }
  static Schedule step_decay(long step_size, double gamma);
  static Schedule exponential(double gamma);
  static Schedule inverse_time(double decay);
  // The schedule named in the catalogue ("step", ...) with its parameters by name: a missing
  // one is an `empty` error, one the schedule does not have is `not_a_setting`.
  static Schedule named(const std::string& kind, const std::map<std::string, double>& values);

  // The learning rate for the step taken after t steps (t = 0 for the first step).
  double lr_at(double lr0, long t) const {
    switch (kind) {
      case Kind::constant: return lr0;
      case Kind::step_decay: return lr0 * std::pow(gamma, static_cast<double>(t / step_size));
      case Kind::exponential: return lr0 * std::pow(gamma, static_cast<double>(t));
      case Kind::inverse_time: return lr0 / (1 + decay * static_cast<double>(t));
    }
    return lr0;
  }

  // Sets opt.lr for its next step from opt.initial_lr and opt.step_count. Call before step().
  // The constant schedule leaves opt.lr alone (so a learner's manual change stays).
  template <class T>
  void apply(Optimizer<T>& opt) const {
    if (kind != Kind::constant) opt.lr = lr_at(opt.initial_lr, opt.step_count);
  }
};

}  // namespace basecamp::optim
