// C++ errors → JS Error objects carrying the core's message. Without this, a C++ exception
// reaches JS as a bare number. A throw must not cross into JS either: Embind would skip freeing
// the call's arguments (a leak per error). So a guarded call *returns* an Error object, and the
// JS wrapper (web/shared/core-api.js) throws it.
#pragma once

#include <emscripten/val.h>

#include <exception>
#include <new>
#include <string>
#include <type_traits>

#include "error.hpp"

namespace basecamp::wasm {

// A JS Error with the core's English text as message and its ErrorInfo as fields
// (code, field, value, min, max, minOpen, maxOpen, text): the page words it from its strings.
inline emscripten::val error_to_js(const std::string& message, const ErrorInfo& info) {
  using emscripten::val;
  val error = val::global("Error").new_(message);
  error.set("code", info.code);
  error.set("field", info.field);
  error.set("value", info.value);
  error.set("min", info.min);
  error.set("max", info.max);
  error.set("minOpen", info.min_open);
  error.set("maxOpen", info.max_open);
  error.set("text", info.text);
  return error;
}

template <class F>
emscripten::val guarded(F&& body) {
  using emscripten::val;
  std::string message;
  ErrorInfo info;
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      return val::undefined();
    } else {
      return val(body());
    }
  } catch (const std::bad_alloc&) {
    message = "out of memory: the network or the data is too large for this page";
    info.code = code::out_of_memory;
  } catch (const Error& e) {
    message = e.what();
    info = e.info();
  } catch (const std::exception& e) {
    message = e.what();
  }
  return error_to_js(message, info);
}

}  // namespace basecamp::wasm
