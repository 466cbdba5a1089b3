// Conversions between JS values and the core's types. Arrays leave as copies (a typed-array
// view into wasm memory dies when memory grows), and arrive as copies.
#pragma once

#include <emscripten/val.h>

#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "error.hpp"
#include "tensor.hpp"
#include "value.hpp"

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

// Any JS value → a Value (src/value.hpp): settings objects, specs, point sets. Typed arrays
// arrive as arrays of numbers; functions and symbols as undefined. The core reads it.
inline Value value_from_js(const val& v) {
  Value out;
  const std::string type = v.typeOf().as<std::string>();
  if (type == "number") return Value::of(v.as<double>());
  if (type == "boolean") return Value::of(v.as<bool>());
  if (type == "string") return Value::of(v.as<std::string>());
  if (type != "object") return out;
  if (v.isNull()) {
    out.kind = Value::Kind::null;
  } else if (val::global("ArrayBuffer").call<bool>("isView", v)) {
    out.kind = Value::Kind::array;
    for (double d : emscripten::convertJSArrayToNumberVector<double>(v)) out.items.push_back(Value::of(d));
  } else if (v.isArray()) {
    out.kind = Value::Kind::array;
    for (int i = 0, n = v["length"].as<int>(); i < n; ++i) out.items.push_back(value_from_js(v[i]));
  } else {
    out.kind = Value::Kind::object;
    const val keys = val::global("Object").call<val>("keys", v);
    for (int i = 0, n = keys["length"].as<int>(); i < n; ++i) {
      const std::string key = keys[i].as<std::string>();
      out.members.emplace_back(key, value_from_js(v[key]));
    }
  }
  return out;
}

// A JS array or typed array of numbers → std::vector (non-numbers become NaN).
inline std::vector<double> numbers_from_js(const val& array) {
  return emscripten::convertJSArrayToNumberVector<double>(array);
}

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

// A tensor → {rows, cols, data: Float64Array or Float32Array, as its type} (a copy).
template <class T>
val tensor_to_js(const Tensor<T>& t) {
  return object("rows", static_cast<int>(t.rows()), "cols", static_cast<int>(t.cols()),
                "data", typed_copy(t.data(), static_cast<std::size_t>(t.size())));
}

template <class T>
val vector_to_js(const std::vector<T>& items) {
  val out = val::array();
  for (const auto& item : items) out.call<void>("push", item);
  return out;
}

// The one conversion of a core result to JS, used by every guarded call (guard.hpp): numbers,
// flags and strings as they are (64-bit integers as numbers); vectors of numbers as typed-array
// copies; other vectors as arrays; a map by name as an object; an empty optional as null;
// tensors as {rows, cols, data}; a struct that describes itself
// with fields(f) (f("name", member) per member: nn::EpochLog, boundary::EpochRecord, ...) as an
// object with those names.
template <class T>
concept Described = requires(const T& t) { t.fields([](const char*, const auto&) {}); };
template <class T>
inline constexpr bool is_vector = false;
template <class T>
inline constexpr bool is_vector<std::vector<T>> = true;

template <class T>
inline constexpr bool is_string_map = false;
template <class T>
inline constexpr bool is_string_map<std::map<std::string, T>> = true;
template <class T>
inline constexpr bool is_optional = false;
template <class T>
inline constexpr bool is_optional<std::optional<T>> = true;

template <class T>
val to_js(const T& v) {
  if constexpr (std::is_same_v<T, val>) {
    return v;
  } else if constexpr (std::is_integral_v<T> && sizeof(T) == 8) {
    return val(static_cast<double>(v));
  } else if constexpr (std::is_arithmetic_v<T> || std::is_same_v<T, std::string>) {
    return val(v);
  } else if constexpr (is_string_map<T>) {
    val out = val::object();
    for (const auto& [name, item] : v) out.set(name, to_js(item));
    return out;
  } else if constexpr (is_optional<T>) {
    return v ? to_js(*v) : val::null();
  } else if constexpr (is_vector<T>) {
    using Item = typename T::value_type;
    if constexpr (std::is_integral_v<Item> && sizeof(Item) == 8) {
      return typed_copy(std::vector<double>(v.begin(), v.end()));  // no BigInt64Array here
    } else if constexpr (std::is_arithmetic_v<Item> && !std::is_same_v<Item, bool>) {
      return typed_copy(v);
    } else {
      val out = val::array();
      for (const auto& item : v) out.call<void>("push", to_js(item));
      return out;
    }
  } else if constexpr (Described<T>) {
    val out = val::object();
    v.fields([&](const char* name, const auto& member) { out.set(name, to_js(member)); });
    return out;
  } else {
    return tensor_to_js(v);
  }
}

// An array's `length`, checked against what rows x cols needs.
inline std::size_t checked_length(const val& array, std::size_t expected, const std::string& what) {
  require(array.typeOf().as<std::string>() == "object" && !array.isNull() &&
              array["length"].typeOf().as<std::string>() == "number",
          "data", what + " must be a typed array, got " + array.typeOf().as<std::string>());
  const std::size_t n = array["length"].as<std::size_t>();
  require(n == expected, "data",
          what + " has " + std::to_string(n) + " values, expected " + std::to_string(expected));
  return n;
}

// rows x cols floats from any numeric array (Float32Array in practice), one bulk copy.
inline Tensor<float> floats_from_js(const val& array, int rows, int cols, const std::string& what) {
  require(rows >= 1 && cols >= 1, "data",
          what + ": rows and cols must be >= 1, got " + std::to_string(rows) + "x" + std::to_string(cols));
  Tensor<float> t(rows, cols);
  checked_length(array, static_cast<std::size_t>(t.size()), what);
  val(emscripten::typed_memory_view(static_cast<std::size_t>(t.size()), t.data())).call<void>("set", array);
  return t;
}

inline std::vector<std::uint8_t> bytes_from_js(const val& array, std::size_t expected, const std::string& what) {
  // The class from Object.prototype.toString ("[object Uint8Array]"): it also answers for an
  // object without a prototype, where reading constructor.name would throw a TypeError.
  const bool object = array.typeOf().as<std::string>() == "object" && !array.isNull();
  const std::string tag = val::global("Object")["prototype"]["toString"].call<std::string>("call", array);
  const std::string type = object ? tag.substr(8, tag.size() - 9) : array.typeOf().as<std::string>();
  require(type == "Uint8Array" || type == "Uint8ClampedArray", "data", what + " must be a Uint8Array, got " + type);
  std::vector<std::uint8_t> out(checked_length(array, expected, what));
  val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", array);
  return out;
}

}  // namespace basecamp::wasm
