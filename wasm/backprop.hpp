// Lesson 5's finite differences against backpropagation as seen from JS: layer sizes in, the
// core's report (backprop/fd_vs_backprop.hpp) out through to_js. Conversion only.
#pragma once

#include <emscripten/val.h>

#include <vector>

#include "backprop/read.hpp"
#include "convert.hpp"

namespace basecamp::wasm {

inline std::vector<int> layers_from_js(const val& js) { return emscripten::convertJSArrayToNumberVector<int>(js); }

inline backprop::FdReport fd_report_js(const val& layers, const val& settings) {
  return backprop::compare_fd_backprop(layers_from_js(layers), backprop::fd_settings_from(value_from_js(settings)));
}

}  // namespace basecamp::wasm
