// Lesson 5's finite differences against backpropagation as seen from JS: layer sizes in, a
// plain report object out. Conversion only; the timing and the maths are in src/backprop/.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <vector>

#include "backprop/fd_vs_backprop.hpp"
#include "convert.hpp"

namespace basecamp::wasm {

// {batch, seed, fdSample, step, minTimingMs}: absent keys keep the core's defaults.
inline backprop::FdSettings fd_settings_from_js(const val& js) {
  backprop::FdSettings s;
  if (js.isUndefined() || js.isNull()) return s;
  if (has(js, "batch")) s.batch = js["batch"].as<int>();
  if (has(js, "seed")) s.seed = static_cast<std::uint64_t>(js["seed"].as<double>());
  if (has(js, "fdSample")) s.fd_sample = static_cast<long>(js["fdSample"].as<double>());
  if (has(js, "step")) s.step = js["step"].as<double>();
  if (has(js, "minTimingMs")) s.min_timing_ms = js["minTimingMs"].as<double>();
  return s;
}

inline std::vector<int> layers_from_js(const val& js) {
  return emscripten::convertJSArrayToNumberVector<int>(js);
}

inline val fd_report_to_js(const backprop::FdReport& r) {
  return object("layers", vector_to_js(r.layers), "params", static_cast<double>(r.params),
                "batch", r.batch, "loss", r.loss, "forwardMs", r.forward_ms,
                "backwardMs", r.backward_ms, "timedPasses", r.timed_passes,
                "backwardOverForward", r.backward_over_forward,
                "fdOverBackprop", r.fd_over_backprop, "backpropMs", r.backprop_ms,
                "fdEvaluations", static_cast<double>(r.fd_evaluations),
                "forwardFdEvaluations", static_cast<double>(r.forward_fd_evaluations),
                "fdParamsRun", static_cast<double>(r.fd_params_run),
                "fdEvaluationsRun", static_cast<double>(r.fd_evaluations_run),
                "fdRunMs", r.fd_run_ms, "fdMs", r.fd_ms, "extrapolated", r.extrapolated,
                "maxRelDiff", r.max_rel_diff, "maxAbsDiff", r.max_abs_diff,
                "relFloor", backprop::FdReport::rel_floor);
}

inline val fd_presets_to_js() {
  val out = val::array();
  for (const auto& p : backprop::fd_presets()) {
    val item = val::object();
    item.set("name", p.name);
    item.set("layers", vector_to_js(p.layers));
    item.set("params", static_cast<double>(backprop::mlp_param_count(p.layers)));
    item.set("fdSample", static_cast<double>(p.fd_sample));
    out.call<void>("push", item);
  }
  return out;
}

}  // namespace basecamp::wasm
