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
               const auto r = surfaces::line_report(convertJSArrayToNumberVector<double>(xs),
                                                    convertJSArrayToNumberVector<double>(ys), m, b);
               val fit = val::object();
               fit.set("m", r.fit.m);
               fit.set("b", r.fit.b);
               fit.set("mse", r.fit.mse);
               return wasm::object("prediction", wasm::vector_to_js(r.prediction),
                             "residual", wasm::vector_to_js(r.residual), "mse", r.mse, "fit", fit,
                             "distance", r.distance, "mseGap", r.mse_gap);
             });
           }));
}
