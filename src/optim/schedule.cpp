// The schedules' factories, checked against the catalogue's limits.
#include "optim/schedule.hpp"

#include <algorithm>
#include <cmath>

#include "optim/catalogue.hpp"

namespace basecamp::optim {

namespace {
void check(const char* kind, const char* name, double value) {
  const ScheduleInfo& info = schedule_info(kind);
  for (const auto& p : info.parameters)
    if (p.name == name) require_in_range(value, p.range, info.label, name);
}
}  // namespace

Schedule Schedule::step_decay(long step_size, double gamma) {
  check("step", "step_size", static_cast<double>(step_size));
  check("step", "gamma", gamma);
  return {Kind::step_decay, step_size, gamma, 0.0};
}

Schedule Schedule::exponential(double gamma) {
  check("exponential", "gamma", gamma);
  return {Kind::exponential, 1, gamma, 0.0};
}

Schedule Schedule::inverse_time(double decay) {
  check("inverse_time", "decay", decay);
  return {Kind::inverse_time, 1, 1.0, decay};
}

Schedule Schedule::named(const std::string& kind, const std::map<std::string, double>& values) {
  const ScheduleInfo& info = schedule_info(kind);
  for (const auto& [name, value] : values) {
    bool known = false;
    for (const auto& p : info.parameters) known = known || p.name == name;
    if (!known)
      throw_error(code::not_a_setting, info.label, name, name + " is not a parameter of " + info.label,
                  value, kind);
  }
  const auto get = [&](const char* name) {
    const auto it = values.find(name);
    if (it == values.end())
      throw_error(code::missing, info.label, name, std::string(info.label) + " needs " + name,
                  std::numeric_limits<double>::quiet_NaN(), kind);
    return it->second;
  };
  if (kind == "step") {
    const double step_size = get("step_size");
    check("step", "step_size", step_size);
    require_code(step_size == std::floor(step_size), code::not_integer, info.label, "step_size",
                 [&] { return "step_size must be a whole number, got " + format_number(step_size); },
                 step_size);
    // Beyond 1e15 steps the decay never comes: the same schedule, and a count that fits a long.
    return step_decay(static_cast<long>(std::min(step_size, 1e15)), get("gamma"));
  }
  if (kind == "exponential") return exponential(get("gamma"));
  if (kind == "inverse_time") return inverse_time(get("decay"));
  return constant();
}

}  // namespace basecamp::optim
