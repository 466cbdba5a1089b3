// The optimizer form of the boundary lesson: for each optimizer the factory builds, its
// hyperparameters besides lr with their default values, read from the optimizer the factory
// makes with no settings (so the defaults live once, in the options structs), and the way back:
// a name/value pair into OptimizerSettings. A stand-in until a shared optimizer catalogue exists.
#pragma once

#include <string>
#include <vector>

#include "optim/factory.hpp"

namespace basecamp::boundary {

struct Hyperparameter {
  std::string name;       // OptimizerSettings' field name (torch's): "momentum", "beta1", …
  double value = 0;       // the default
  bool flag = false;      // a yes/no setting (nesterov, amsgrad, centered): value 0 or 1
};

// In the order of optim::optimizer_names(); Error (unknown_name) for another name.
std::vector<Hyperparameter> optimizer_hyperparameters(const std::string& optimizer);

// settings.<name> = value (flags: value ≠ 0). Error (unknown_name) for a name that is not a
// field of OptimizerSettings; the factory later refuses a field the optimizer lacks.
void set_optimizer_setting(optim::OptimizerSettings& settings, const std::string& name, double value);

}  // namespace basecamp::boundary
