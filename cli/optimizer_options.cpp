#include "optimizer_options.hpp"

#include <algorithm>

#include "error.hpp"
#include "optim/catalogue.hpp"

namespace basecamp::cli {

// "--weight-decay" for "weight_decay".
std::string option_of(const std::string& name) {
  std::string out = "--" + name;
  for (char& c : out) c = c == '_' ? '-' : c;
  return out;
}

// One option per hyperparameter of any optimizer, from the catalogue: which optimizers have it
// and their defaults ("sgd 0.001, adagrad 0.01, ...").
std::vector<OptionSpec> hyperparameter_options(bool with_lr) {
  std::vector<std::string> names;
  for (const auto& o : optim::optimizer_catalogue())
    for (const auto& h : o.hyperparameters)
      if ((with_lr || h.name != "lr") && std::find(names.begin(), names.end(), h.name) == names.end())
        names.push_back(h.name);
  std::vector<OptionSpec> out;
  for (const auto& name : names) {
    std::string help;
    bool flag = false;
    for (const auto& o : optim::optimizer_catalogue()) {
      const auto* h = o.find(name);
      if (!h) continue;
      flag = h->flag;
      if (!help.empty()) help += ", ";
      help += o.name + (h->flag ? "" : " " + format_number(h->default_value));
    }
    if (name == "lr") help += "\n(sgd: torch >= 2.2; older torch has no default)";
    out.push_back({option_of(name), flag ? "" : "F", (flag ? "flag of: " : "defaults: ") + help});
  }
  return out;
}

// The hyperparameters given as options (the factory refuses those the optimizer lacks).
optim::OptimizerSettings optimizer_settings_from(const Args& a, bool with_lr) {
  optim::OptimizerSettings s;
  for (const auto& o : optim::optimizer_catalogue())
    for (const auto& h : o.hyperparameters) {
      const auto option = option_of(h.name);
      if ((!with_lr && h.name == "lr") || !a.has(option) || s.get(h.name)) continue;
      s.set(h.name, h.flag ? 1.0 : *a.number(option));
    }
  return s;
}

}  // namespace basecamp::cli
