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
  val out = val::object();
  out.set("layers", vector_to_js(r.layers));
  out.set("params", static_cast<double>(r.params));
  out.set("batch", r.batch);
  out.set("loss", r.loss);
  out.set("forwardMs", r.forward_ms);
  out.set("backwardMs", r.backward_ms);
  out.set("timedPasses", r.timed_passes);
  out.set("backwardOverForward", r.backward_over_forward);
  out.set("fdOverBackprop", r.fd_over_backprop);
  out.set("backpropMs", r.backprop_ms);
  out.set("fdEvaluations", static_cast<double>(r.fd_evaluations));
  out.set("forwardFdEvaluations", static_cast<double>(r.forward_fd_evaluations));
  out.set("fdParamsRun", static_cast<double>(r.fd_params_run));
  out.set("fdEvaluationsRun", static_cast<double>(r.fd_evaluations_run));
  out.set("fdRunMs", r.fd_run_ms);
  out.set("fdMs", r.fd_ms);
  out.set("extrapolated", r.extrapolated);
  out.set("maxRelDiff", r.max_rel_diff);
  out.set("maxAbsDiff", r.max_abs_diff);
  out.set("relFloor", backprop::FdReport::rel_floor);
  return out;
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
