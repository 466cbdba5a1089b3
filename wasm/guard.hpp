// C++ errors → JS Error objects carrying the core's message. Without this, a C++ exception
// reaches JS as a bare number. A throw must not cross into JS either: Embind would skip freeing
// the call's arguments (a leak per error). So a guarded call *returns* an Error object, and the
// JS wrapper (web/shared/core-api.js) throws it.
#pragma once

#include <emscripten/val.h>

#include <exception>
#include <memory>
#include <new>
#include <string>
#include <type_traits>

#include "convert.hpp"
#include "error.hpp"

namespace basecamp::wasm {

// A JS Error with the core's English text as message and its ErrorInfo as fields
// (code, field, value, min, max, minOpen, maxOpen, text): the page words it from its strings.
inline emscripten::val error_to_js(const std::string& message, const ErrorInfo& info) {
  using emscripten::val;
  val error = val::global("Error").new_(message);
  set_all(error, "code", info.code, "field", info.field, "value", info.value, "min", info.min, "max", info.max,
          "minOpen", info.min_open, "maxOpen", info.max_open, "text", info.text);
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
      return to_js(body());
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

// A method as a bound function whose errors reach JS as Error objects:
// .function("step", method<&Descent::step>) instead of a lambda around guarded() per method.
template <auto Method>
struct GuardedMethod;
template <class C, class R, class... A, R (C::*M)(A...)>
struct GuardedMethod<M> {
  static emscripten::val call(C& self, A... args) { return guarded([&] { return (self.*M)(args...); }); }
};
template <class C, class R, class... A, R (C::*M)(A...) const>
struct GuardedMethod<M> {
  static emscripten::val call(const C& self, A... args) { return guarded([&] { return (self.*M)(args...); }); }
};
template <auto Method>
inline constexpr auto method = &GuardedMethod<Method>::call;

// The same for a free function: function("surfaceInfo", guard<&surface_info>).
template <auto Function>
struct GuardedFunction;
template <class R, class... A, R (*F)(A...)>
struct GuardedFunction<F> {
  static emscripten::val call(A... args) { return guarded([&] { return F(args...); }); }
};
template <auto Function>
inline constexpr auto guard = &GuardedFunction<Function>::call;

// A core object that JS holds, made by `make` (which reads the JS arguments). A constructor
// cannot hand JS an Error object, so a failed one keeps it: JS checks error() (undefined, or the
// Error with its code and fields) right after `new` (web/shared/api/errors.js: construct()).
// The object's methods are bound with held<Binding, &Core::method>: the call, guarded, the result
// through to_js; the binding class adds the methods that take JS values.
template <class T>
class Held {
 public:
  template <class Make>
  explicit Held(Make&& make) {
    error_ = guarded([&] { object_ = make(); });
  }
  emscripten::val error() const { return error_; }
  T& get() const {
    require(object_ != nullptr, "core", "not built: the constructor failed");
    return *object_;
  }

 private:
  std::unique_ptr<T> object_;
  emscripten::val error_ = emscripten::val::undefined();
};

// .function("error", error_of<Descent>).
template <class H>
emscripten::val error_of(const H& self) {
  return self.error();
}

template <auto Method>
struct HeldMethod;
template <class C, class R, class... A, R (C::*M)(A...)>
struct HeldMethod<M> {
  template <class H>
  static emscripten::val call(H& self, A... args) { return guarded([&] { return (self.get().*M)(args...); }); }
};
template <class C, class R, class... A, R (C::*M)(A...) const>
struct HeldMethod<M> {
  template <class H>
  static emscripten::val call(const H& self, A... args) { return guarded([&] { return (self.get().*M)(args...); }); }
};
template <class H, auto Method>
inline constexpr auto held = &HeldMethod<Method>::template call<H>;

}  // namespace basecamp::wasm
