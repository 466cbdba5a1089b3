// The optimizers and learning-rate schedules the core offers, as data: each one's name, its
// settings with default and limits, for the factory, the CLI's options and help, and the page's
// forms (the wasm layer exports this). Defaults are the options structs' own; limits are the
// lists in their each() (optim/sgd.hpp, ...), so nothing here is written twice.
#pragma once

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "error.hpp"

namespace basecamp::optim {

// One setting: a hyperparameter of an optimizer or a parameter of a schedule.
struct SettingInfo {
  std::string name;      // torch.optim's name ("lr", "beta1"); the CLI's option is --name
  double default_value;  // a flag's default is 0 or 1
  Range range;           // what the checks accept
  bool flag = false;     // a yes/no setting
  bool integer = false;  // a whole number (a count)

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js); an
  // unbounded end is none (null).
  template <class F>
  void fields(F&& f) const {
    const auto end = [](double v) { return std::isinf(v) ? std::optional<double>() : v; };
    f("name", name), f("default", default_value), f("min", end(range.min)), f("max", end(range.max));
    f("minOpen", range.min_open), f("maxOpen", range.max_open), f("flag", flag), f("integer", integer);
  }
};

struct OptimizerInfo {
  std::string name;   // what make_optimizer takes: "sgd"
  std::string label;  // torch.optim's class name: "SGD"
  std::vector<SettingInfo> hyperparameters;
  const SettingInfo* find(const std::string& setting) const;

  template <class F>
  void fields(F&& f) const {
    f("name", name), f("label", label), f("hyperparameters", hyperparameters);
  }
};

// sgd, adagrad, rmsprop, adadelta, adam, adamw, in that order.
const std::vector<OptimizerInfo>& optimizer_catalogue();
// The entry of `name`; unknown_name otherwise.
const OptimizerInfo& optimizer_info(const std::string& name);
std::vector<std::string> optimizer_names();

struct ScheduleInfo {
  std::string name;   // "constant", "step", "exponential", "inverse_time"
  std::string label;  // English name for messages: "step decay"
  std::vector<SettingInfo> parameters;  // defaults are the no-op values (gamma 1, decay 0)

  template <class F>
  void fields(F&& f) const {
    f("name", name), f("parameters", parameters);
  }
};
const std::vector<ScheduleInfo>& schedule_catalogue();
const ScheduleInfo& schedule_info(const std::string& name);

}  // namespace basecamp::optim
