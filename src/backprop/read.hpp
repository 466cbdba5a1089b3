// Lesson 5's comparison settings from a Value (a JS object on the page):
//   {batch, seed, fdSample, step, minTimingMs}; absent keys keep the core's defaults.
#pragma once

#include "backprop/fd_vs_backprop.hpp"
#include "value.hpp"

namespace basecamp::backprop {

inline FdSettings fd_settings_from(const Value& v) {
  const Fields f(v, "fd");
  FdSettings s;
  s.batch = static_cast<int>(f.integer("batch", -2e9, 2e9, s.batch));
  s.seed = static_cast<std::uint64_t>(f.integer("seed", 0, 9007199254740991.0, static_cast<long long>(s.seed)));
  s.fd_sample = static_cast<long>(f.integer("fdSample", -9e15, 9e15, s.fd_sample));
  s.step = f.number("step", s.step);
  s.min_timing_ms = f.number("minTimingMs", s.min_timing_ms);
  return s;
}

}  // namespace basecamp::backprop
