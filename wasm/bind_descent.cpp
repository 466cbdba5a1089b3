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
             return guarded([&] { return surfaces::least_squares(wasm::numbers_from_js(xs), wasm::numbers_from_js(ys)); });
           }));
  function("descend", guard<&wasm::descend_path>);

  using descent::SurfaceRun;
  class_<Descent>("Descent")
      .constructor<const val&, const std::string&, const val&, double, double, const val&>()
      .function("error", &wasm::error_of<Descent>)
      .function("step", wasm::held<Descent, &SurfaceRun::step>)
      .function("x", wasm::held<Descent, &SurfaceRun::x>)
      .function("y", wasm::held<Descent, &SurfaceRun::y>)
      .function("f", wasm::held<Descent, &SurfaceRun::f>)
      .function("steps", wasm::held<Descent, &SurfaceRun::steps>)
      .function("divergedAt", wasm::held<Descent, &SurfaceRun::diverged_at>)
      .function("lr", wasm::held<Descent, &SurfaceRun::lr>)
      .function("grad", wasm::held<Descent, &SurfaceRun::grad>)
      .function("state", wasm::held<Descent, &SurfaceRun::state>)
      .function("stepView", method<&Descent::step_view>);
}
