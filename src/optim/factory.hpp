// make_optimizer: build any optimizer by name from one flat settings struct — for the CLI and
// the wasm bindings, which get hyperparameters as loose name/value pairs. Unset fields take
// torch.optim's defaults. Also the umbrella header of the optimizers.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "optim/adadelta.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamw.hpp"
#include "optim/optimizer.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

namespace basecamp::optim {

struct OptimizerSettings {
  std::optional<double> lr = std::nullopt;
  std::optional<double> momentum = std::nullopt;                   // sgd, rmsprop
  std::optional<double> dampening = std::nullopt;                  // sgd
  std::optional<bool> nesterov = std::nullopt;                     // sgd
  std::optional<double> alpha = std::nullopt;                      // rmsprop
  std::optional<double> rho = std::nullopt;                        // adadelta
  std::optional<double> eps = std::nullopt;                        // adagrad, rmsprop, adadelta, adam, adamw
  std::optional<double> beta1 = std::nullopt;                      // adam, adamw
  std::optional<double> beta2 = std::nullopt;                      // adam, adamw
  std::optional<double> weight_decay = std::nullopt;               // all
  std::optional<bool> amsgrad = std::nullopt;                      // adam, adamw
  std::optional<bool> centered = std::nullopt;                     // rmsprop
  std::optional<double> lr_decay = std::nullopt;                   // adagrad
  std::optional<double> initial_accumulator_value = std::nullopt;  // adagrad
};

// The names make_optimizer accepts: sgd, adagrad, rmsprop, adadelta, adam, adamw.
inline const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names{"sgd",      "adagrad", "rmsprop",
                                              "adadelta", "adam",    "adamw"};
  return names;
}

namespace detail {
// A setting the named optimizer does not have is an error, not silently ignored.
inline void reject_unused(const std::string& who, const OptimizerSettings& s,
                          const std::vector<std::string>& allowed) {
  const std::pair<const char*, bool> fields[] = {
      {"lr", s.lr.has_value()},
      {"momentum", s.momentum.has_value()},
      {"dampening", s.dampening.has_value()},
      {"nesterov", s.nesterov.has_value()},
      {"alpha", s.alpha.has_value()},
      {"rho", s.rho.has_value()},
      {"eps", s.eps.has_value()},
      {"beta1", s.beta1.has_value()},
      {"beta2", s.beta2.has_value()},
      {"weight_decay", s.weight_decay.has_value()},
      {"amsgrad", s.amsgrad.has_value()},
      {"centered", s.centered.has_value()},
      {"lr_decay", s.lr_decay.has_value()},
      {"initial_accumulator_value", s.initial_accumulator_value.has_value()},
  };
  for (const auto& [field, set] : fields) {
    if (!set) continue;
    bool ok = false;
    for (const auto& a : allowed) ok = ok || a == field;
    if (ok) continue;
    std::string list;
    for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
    throw Error(who + ": " + field + " is not a hyperparameter of " + who + " (it has " + list +
                ")");
  }
}
}  // namespace detail

template <class T>
std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name,
                                             const OptimizerSettings& s = {}) {
  if (name == "sgd") {
    detail::reject_unused("SGD", s, {"lr", "momentum", "dampening", "nesterov", "weight_decay"});
    SgdOptions o;
    o.lr = s.lr.value_or(o.lr);
    o.momentum = s.momentum.value_or(o.momentum);
    o.dampening = s.dampening.value_or(o.dampening);
    o.nesterov = s.nesterov.value_or(o.nesterov);
    o.weight_decay = s.weight_decay.value_or(o.weight_decay);
    return std::make_unique<SGD<T>>(o);
  }
  if (name == "adagrad") {
    detail::reject_unused("Adagrad", s,
                          {"lr", "lr_decay", "weight_decay", "initial_accumulator_value", "eps"});
    AdagradOptions o;
    o.lr = s.lr.value_or(o.lr);
    o.lr_decay = s.lr_decay.value_or(o.lr_decay);
    o.weight_decay = s.weight_decay.value_or(o.weight_decay);
    o.initial_accumulator_value = s.initial_accumulator_value.value_or(o.initial_accumulator_value);
    o.eps = s.eps.value_or(o.eps);
    return std::make_unique<Adagrad<T>>(o);
  }
  if (name == "rmsprop") {
    detail::reject_unused("RMSprop", s, {"lr", "alpha", "eps", "weight_decay", "momentum", "centered"});
    RmspropOptions o;
    o.lr = s.lr.value_or(o.lr);
    o.alpha = s.alpha.value_or(o.alpha);
    o.eps = s.eps.value_or(o.eps);
    o.weight_decay = s.weight_decay.value_or(o.weight_decay);
    o.momentum = s.momentum.value_or(o.momentum);
    o.centered = s.centered.value_or(o.centered);
    return std::make_unique<RMSprop<T>>(o);
  }
  if (name == "adadelta") {
    detail::reject_unused("Adadelta", s, {"lr", "rho", "eps", "weight_decay"});
    AdadeltaOptions o;
    o.lr = s.lr.value_or(o.lr);
    o.rho = s.rho.value_or(o.rho);
    o.eps = s.eps.value_or(o.eps);
    o.weight_decay = s.weight_decay.value_or(o.weight_decay);
    return std::make_unique<Adadelta<T>>(o);
  }
  if (name == "adam" || name == "adamw") {
    detail::reject_unused(name == "adam" ? "Adam" : "AdamW", s,
                          {"lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"});
    AdamWOptions o;  // AdamW's defaults; Adam differs only in weight_decay
    if (name == "adam") o.weight_decay = AdamOptions{}.weight_decay;
    o.lr = s.lr.value_or(o.lr);
    o.betas = {s.beta1.value_or(o.betas[0]), s.beta2.value_or(o.betas[1])};
    o.eps = s.eps.value_or(o.eps);
    o.weight_decay = s.weight_decay.value_or(o.weight_decay);
    o.amsgrad = s.amsgrad.value_or(o.amsgrad);
    if (name == "adamw") return std::make_unique<AdamW<T>>(o);
    return std::make_unique<Adam<T>>(AdamOptions{o.lr, o.betas, o.eps, o.weight_decay, o.amsgrad});
  }
  std::string list;
  for (const auto& n : optimizer_names()) list += (list.empty() ? "" : ", ") + n;
  throw Error("unknown optimizer '" + name + "' (valid: " + list + ")");
}

}  // namespace basecamp::optim
