// Conversions between JS values and the core's types. Arrays leave as copies (a typed-array
// view into wasm memory dies when memory grows), and arrive as copies.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <vector>

#include "error.hpp"
#include "tensor.hpp"

namespace basecamp::wasm {

using emscripten::val;

// A JS array or typed array of numbers → rows x cols tensor (row-major).
template <class T>
Tensor<T> tensor_from_js(const val& array, int rows, int cols) {
  const std::vector<double> data = emscripten::convertJSArrayToNumberVector<double>(array);
  require(rows >= 0 && cols >= 0 && static_cast<std::size_t>(rows) * cols == data.size(),
          "tensor_from_js", std::to_string(data.size()) + " numbers do not fill (" +
                                std::to_string(rows) + "x" + std::to_string(cols) + ")");
  Tensor<T> t(rows, cols);
  for (std::size_t i = 0; i < data.size(); ++i) t.data()[i] = static_cast<T>(data[i]);
  return t;
}

// A tensor → {rows, cols, data: Float64Array} (a copy).
template <class T>
val tensor_to_js(const Tensor<T>& t) {
  std::vector<double> data(t.data(), t.data() + t.size());
  val out = val::object();
  out.set("rows", static_cast<int>(t.rows()));
  out.set("cols", static_cast<int>(t.cols()));
  out.set("data", val(emscripten::typed_memory_view(data.size(), data.data())).call<val>("slice"));
  return out;
}

template <class T>
val vector_to_js(const std::vector<T>& items) {
  val out = val::array();
  for (const auto& item : items) out.call<void>("push", item);
  return out;
}

}  // namespace basecamp::wasm
