// Conversions between JS values and the core's types. Arrays leave as copies (a typed-array
// view into wasm memory dies when memory grows), and arrive as copies.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <utility>
#include <vector>

#include "error.hpp"
#include "tensor.hpp"

namespace basecamp::wasm {

using emscripten::val;

// A copy of n values as the typed array of their type (Float64Array for double, Float32Array,
// Int32Array, Uint8Array, ...): a view into wasm memory would die when memory grows.
template <class T>
val typed_copy(const T* data, std::size_t n) {
  return val(emscripten::typed_memory_view(n, data)).call<val>("slice");
}
template <class T>
val typed_copy(const std::vector<T>& v) {
  return typed_copy(v.data(), v.size());
}

// A plain JS object from key, value pairs: object("f", s.f, "gx", s.gx) is {f: …, gx: …}.
inline void set_all(val&) {}
template <class V, class... Rest>
void set_all(val& out, const char* key, const V& value, const Rest&... rest) {
  out.set(key, value);
  set_all(out, rest...);
}
template <class... Pairs>
val object(const Pairs&... pairs) {
  val out = val::object();
  set_all(out, pairs...);
  return out;
}

// Whether a JS object has `key` set (present and not undefined).
inline bool has(const val& o, const char* key) { return o.hasOwnProperty(key) && !o[key].isUndefined(); }

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
  out.set("data", typed_copy(data));
  return out;
}

template <class T>
val vector_to_js(const std::vector<T>& items) {
  val out = val::array();
  for (const auto& item : items) out.call<void>("push", item);
  return out;
}

// A plain object's own number (and boolean, as 0 / 1) properties by name, except `skip`;
// undefined ones are left out, anything else is an `invalid` error naming the property.
inline std::vector<std::pair<std::string, double>> numbers_from_js(const val& object, const char* who,
                                                                   const char* skip = "") {
  std::vector<std::pair<std::string, double>> out;
  if (object.isUndefined() || object.isNull()) return out;
  const val keys = val::global("Object").call<val>("keys", object);
  const int n = keys["length"].as<int>();
  for (int i = 0; i < n; ++i) {
    const std::string key = keys[i].as<std::string>();
    const val v = object[key];
    const std::string type = v.typeOf().as<std::string>();
    if (key == skip || type == "undefined") continue;
    if (type == "number") out.emplace_back(key, v.as<double>());
    else if (type == "boolean") out.emplace_back(key, v.as<bool>() ? 1.0 : 0.0);
    else throw_error(code::invalid, who, key, key + " must be a number, got a " + type);
  }
  return out;
}

}  // namespace basecamp::wasm
