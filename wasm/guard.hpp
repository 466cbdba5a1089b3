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

namespace basecamp::wasm {

template <class F>
emscripten::val guarded(F&& body) {
  using emscripten::val;
  std::string message;
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      return val::undefined();
    } else {
      return val(body());
    }
  } catch (const std::bad_alloc&) {
    message = "out of memory: the network or the data is too large for this page";
  } catch (const std::exception& e) {
    message = e.what();
  }
  return val::global("Error").new_(message);
}

}  // namespace basecamp::wasm
