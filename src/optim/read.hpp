// An optimizer's settings and a learning-rate schedule from a Value (a JS object on the page):
//   settings: {lr: 0.1, momentum: 0.9, nesterov: true, ...} in torch.optim's names; absent keys
//             keep the optimizer's defaults, a name no optimizer has is a not_a_setting error.
//   schedule: null (constant) or {kind: 'step' | 'exponential' | 'inverse_time' | 'constant', ...}.
#pragma once

#include "optim/factory.hpp"
#include "optim/schedule.hpp"
#include "value.hpp"

namespace basecamp::optim {

inline OptimizerSettings settings_from(const Value& v) {
  OptimizerSettings s;
  for (const auto& [name, number] : Fields(v, "optimizer").named_numbers()) s.set(name, number);
  return s;
}

inline Schedule schedule_from(const Value& v) {
  if (v.absent()) return Schedule::constant();
  const Fields f(v, "schedule");
  const auto values = f.named_numbers("kind");
  return Schedule::named(text_of(f["kind"], "schedule", "kind"), {values.begin(), values.end()});
}

}  // namespace basecamp::optim
