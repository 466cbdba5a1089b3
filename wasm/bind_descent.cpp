// Embind declarations for the 2-D lessons: surfaces, least squares, optimizers walking them.
#include <emscripten/bind.h>

#include "catalogue.hpp"
#include "descent.hpp"
#include "guard.hpp"
#include "surfaces/least_squares.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::Descent;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;
using basecamp::wasm::method;

EMSCRIPTEN_BINDINGS(basecamp_descent) {
  function("catalogue", &wasm::catalogue_to_js);
  function("surfaceInfo", guard<&wasm::surface_info>);
  function("surfaceAt", guard<&wasm::surface_at>);
  function("surfaceGrid", guard<&wasm::surface_grid>);
  function("leastSquares", optional_override([](const val& xs, const val& ys) {
             return guarded([&] {
               const auto fit = surfaces::least_squares(convertJSArrayToNumberVector<double>(xs),
                                                        convertJSArrayToNumberVector<double>(ys));
               return wasm::object("m", fit.m, "b", fit.b, "mse", fit.mse);
             });
           }));
  function("descend", guard<&wasm::descend_path>);

  class_<Descent>("Descent")
      .constructor<const val&, const std::string&, const val&, double, double, const val&>()
      .function("error", optional_override([](const Descent& o) { return o.error(); }))
      .function("step", method<&Descent::step>)
      .function("x", method<&Descent::x>)
      .function("y", method<&Descent::y>)
      .function("f", method<&Descent::f>)
      .function("steps", method<&Descent::steps>)
      .function("divergedAt", method<&Descent::diverged_at>)
      .function("lr", method<&Descent::lr>)
      .function("grad", method<&Descent::grad>)
      .function("state", method<&Descent::state>)
      .function("stepView", method<&Descent::step_view>);
}
