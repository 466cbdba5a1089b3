// Embind declarations for the regression lesson: a candidate line against the points.
#include <emscripten/bind.h>

#include "convert.hpp"
#include "guard.hpp"
#include "surfaces/line_report.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_regression) {
  function("lineReport", optional_override([](const val& xs, const val& ys, double m, double b) {
             return guarded([&] {
               const auto r = surfaces::line_report(wasm::numbers_from_js(xs), wasm::numbers_from_js(ys), m, b);
               // prediction and residual as plain arrays (the lesson maps them to text).
               return wasm::object("prediction", wasm::vector_to_js(r.prediction),
                                   "residual", wasm::vector_to_js(r.residual), "mse", r.mse,
                                   "fit", wasm::to_js(r.fit), "distance", r.distance, "mseGap", r.mse_gap);
             });
           }));
}
