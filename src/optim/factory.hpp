// make_optimizer: build any optimizer by name from one flat settings struct, for the CLI, the
// wasm bindings and the lessons' classes, which get hyperparameters as loose name/value pairs.
// Unset fields take the optimizer's defaults (torch.optim's). Which names an optimizer has, and
// their limits, come from the catalogue (optim/catalogue.hpp). Also the optimizers' umbrella header.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "optim/adadelta.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamw.hpp"
#include "optim/catalogue.hpp"
#include "optim/optimizer.hpp"
#include "optim/rmsprop.hpp"
#include "optim/sgd.hpp"

namespace basecamp::optim {

// Every hyperparameter any optimizer has, each optional; the named optimizer must have every
// one that is set.
struct OptimizerSettings {
  std::optional<double> lr = std::nullopt;
  std::optional<double> momentum = std::nullopt;
  std::optional<double> dampening = std::nullopt;
  std::optional<bool> nesterov = std::nullopt;
  std::optional<double> alpha = std::nullopt;
  std::optional<double> rho = std::nullopt;
  std::optional<double> eps = std::nullopt;
  std::optional<double> beta1 = std::nullopt;
  std::optional<double> beta2 = std::nullopt;
  std::optional<double> weight_decay = std::nullopt;
  std::optional<bool> amsgrad = std::nullopt;
  std::optional<bool> centered = std::nullopt;
  std::optional<double> lr_decay = std::nullopt;
  std::optional<double> initial_accumulator_value = std::nullopt;

  // f(name, field) for each field above: the one list of the names.
  template <class F>
  void each(F&& f) {
    f("lr", lr), f("momentum", momentum), f("dampening", dampening), f("nesterov", nesterov);
    f("alpha", alpha), f("rho", rho), f("eps", eps), f("beta1", beta1), f("beta2", beta2);
    f("weight_decay", weight_decay), f("amsgrad", amsgrad), f("centered", centered);
    f("lr_decay", lr_decay), f("initial_accumulator_value", initial_accumulator_value);
  }
  template <class F>
  void each(F&& f) const {
    const_cast<OptimizerSettings*>(this)->each(
        [&](const char* name, const auto& field) { f(name, field); });
  }

  // Sets the field `name` (a flag from 0 / non-zero); not_a_setting if no optimizer has it.
  void set(const std::string& name, double value) {
    bool found = false;
    each([&](const char* field_name, auto& field) {
      if (name != field_name) return;
      found = true;
      using V = typename std::decay_t<decltype(field)>::value_type;
      field = std::is_same_v<V, bool> ? static_cast<V>(value != 0) : static_cast<V>(value);
    });
    if (!found)
      throw_error(code::not_a_setting, "optimizer", name, name + " is not a hyperparameter of any optimizer",
                  value);
  }
  // The value of `name` if set (a flag as 0 or 1).
  std::optional<double> get(const std::string& name) const {
    std::optional<double> out;
    each([&](const char* field_name, const auto& field) {
      if (name == field_name && field) out = static_cast<double>(*field);
    });
    return out;
  }
};

namespace detail {

// A setting the named optimizer does not have is an error, not silently ignored.
inline void reject_unused(const OptimizerInfo& info, const OptimizerSettings& s) {
  s.each([&](const char* field, const auto& value) {
    if (!value || info.find(field)) return;
    std::string list;
    for (const auto& h : info.hyperparameters) list += (list.empty() ? "" : ", ") + h.name;
    throw_error(code::not_a_setting, info.label, field,
                std::string(field) + " is not a hyperparameter of " + info.label + " (it has " + list + ")",
                static_cast<double>(*value), info.label);
  });
}

// The options struct with the set fields of `s` (the others keep their defaults).
template <class Options>
Options filled(const OptimizerSettings& s) {
  Options o;
  o.each([&](const char* name, auto& field, const Range&) {
    if (const auto v = s.get(name)) {
      if constexpr (std::is_same_v<std::decay_t<decltype(field)>, bool>) field = *v != 0;
      else field = *v;
    }
  });
  return o;
}

}  // namespace detail

template <class T>
std::unique_ptr<Optimizer<T>> make_optimizer(const std::string& name,
                                             const OptimizerSettings& s = {}) {
  const OptimizerInfo& info = optimizer_info(name);  // unknown_name for an unknown one
  detail::reject_unused(info, s);
  if (name == "sgd") return std::make_unique<SGD<T>>(detail::filled<SgdOptions>(s));
  if (name == "adagrad") return std::make_unique<Adagrad<T>>(detail::filled<AdagradOptions>(s));
  if (name == "rmsprop") return std::make_unique<RMSprop<T>>(detail::filled<RmspropOptions>(s));
  if (name == "adadelta") return std::make_unique<Adadelta<T>>(detail::filled<AdadeltaOptions>(s));
  if (name == "adamw") return std::make_unique<AdamW<T>>(detail::filled<AdamWOptions>(s));
  return std::make_unique<Adam<T>>(detail::filled<AdamOptions>(s));  // "adam"
}

}  // namespace basecamp::optim
