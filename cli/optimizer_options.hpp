// The optimizers' hyperparameters as command-line options, generated from the catalogue
// (optim/catalogue.hpp): `--momentum F`, `--nesterov`, … with which optimizers have each and
// their defaults in the help, and the options given read back into OptimizerSettings. Shared by
// `descend` and `boundary`, so neither writes a hyperparameter, default or limit again.
#pragma once

#include <string>
#include <vector>

#include "args.hpp"
#include "optim/factory.hpp"

namespace basecamp::cli {

// "--weight-decay" for "weight_decay".
std::string option_of(const std::string& name);

// One option per hyperparameter of any optimizer; with_lr false leaves out --lr (a command
// that has its own learning-rate default).
std::vector<OptionSpec> hyperparameter_options(bool with_lr = true);

// The hyperparameters given as options (the factory refuses those the optimizer lacks).
optim::OptimizerSettings optimizer_settings_from(const Args& args, bool with_lr = true);

}  // namespace basecamp::cli
