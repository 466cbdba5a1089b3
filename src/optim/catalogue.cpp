// The catalogue, read from the options structs (defaults) and their each() lists (limits).
#include "optim/catalogue.hpp"

#include <type_traits>

#include "optim/adadelta.hpp"
#include "optim/adagrad.hpp"
#include "optim/adam.hpp"
#include "optim/adamw.hpp"
#include "optim/rmsprop.hpp"
#include "optim/schedule.hpp"
#include "optim/sgd.hpp"

namespace basecamp::optim {

namespace {

template <class Options>
OptimizerInfo describe(const std::string& name, const std::string& label) {
  OptimizerInfo info{name, label, {}};
  Options defaults;
  defaults.each([&](const char* setting, auto& field, const Range& range) {
    const bool flag = std::is_same_v<std::decay_t<decltype(field)>, bool>;
    info.hyperparameters.push_back({setting, static_cast<double>(field), range, flag, false});
  });
  return info;
}

}  // namespace

const SettingInfo* OptimizerInfo::find(const std::string& setting) const {
  for (const auto& h : hyperparameters)
    if (h.name == setting) return &h;
  return nullptr;
}

const std::vector<OptimizerInfo>& optimizer_catalogue() {
  static const std::vector<OptimizerInfo> catalogue{
      describe<SgdOptions>("sgd", "SGD"),
      describe<AdagradOptions>("adagrad", "Adagrad"),
      describe<RmspropOptions>("rmsprop", "RMSprop"),
      describe<AdadeltaOptions>("adadelta", "Adadelta"),
      describe<AdamOptions>("adam", "Adam"),
      describe<AdamWOptions>("adamw", "AdamW"),
  };
  return catalogue;
}

std::vector<std::string> optimizer_names() {
  std::vector<std::string> names;
  for (const auto& o : optimizer_catalogue()) names.push_back(o.name);
  return names;
}

const OptimizerInfo& optimizer_info(const std::string& name) {
  for (const auto& o : optimizer_catalogue())
    if (o.name == name) return o;
  throw_unknown_name("optimizer", "optimizer", name, optimizer_names());
}

const std::vector<ScheduleInfo>& schedule_catalogue() {
  const Schedule none;
  static const std::vector<ScheduleInfo> catalogue{
      {"constant", "constant", {}},
      {"step", "step decay",
       {{"step_size", static_cast<double>(none.step_size), limits::count(1), false, true},
        {"gamma", none.gamma, limits::positive}}},
      {"exponential", "exponential decay", {{"gamma", none.gamma, limits::positive}}},
      {"inverse_time", "inverse-time decay", {{"decay", none.decay, limits::non_negative}}},
  };
  return catalogue;
}

const ScheduleInfo& schedule_info(const std::string& name) {
  std::vector<std::string> names;
  for (const auto& s : schedule_catalogue()) {
    if (s.name == name) return s;
    names.push_back(s.name);
  }
  throw_unknown_name("schedule", "schedule", name, names);
}

}  // namespace basecamp::optim
