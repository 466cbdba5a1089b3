// Embind declarations for the 2-D lessons: surfaces, least squares, optimizers walking them.
#include <emscripten/bind.h>

#include "descent.hpp"
#include "guard.hpp"
#include "surfaces/least_squares.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::Descent;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_descent) {
  function("surfaceNames", optional_override([] { return wasm::vector_to_js(surfaces::surface_names()); }));
  function("optimizerNames", optional_override([] { return wasm::vector_to_js(optim::optimizer_names()); }));
  function("surfaceInfo", optional_override([](const val& spec) {
             return guarded([&] { return wasm::surface_info(spec); });
           }));
  function("surfaceAt", optional_override([](const val& spec, double x, double y) {
             return guarded([&] { return wasm::surface_at(spec, x, y); });
           }));
  function("surfaceGrid", optional_override([](const val& spec, int nx, int ny, double x0, double x1, double y0, double y1) {
             return guarded([&] { return wasm::surface_grid(spec, nx, ny, x0, x1, y0, y1); });
           }));
  function("leastSquares", optional_override([](const val& xs, const val& ys) {
             return guarded([&] {
               const auto fit = surfaces::least_squares(convertJSArrayToNumberVector<double>(xs),
                                                        convertJSArrayToNumberVector<double>(ys));
               val out = val::object();
               out.set("m", fit.m);
               out.set("b", fit.b);
               out.set("mse", fit.mse);
               return out;
             });
           }));
  function("descend", optional_override([](const val& spec, const std::string& opt, const val& settings,
                                           double x0, double y0, int steps, const val& schedule) {
             return guarded([&] { return wasm::descend_path(spec, opt, settings, x0, y0, steps, schedule); });
           }));

  class_<Descent>("Descent")
      .constructor<const val&, const std::string&, const val&, double, double, const val&>()
      .function("error", &Descent::error)
      .function("step", optional_override([](Descent& d, int n) { return guarded([&] { return d.step(n); }); }))
      .function("x", optional_override([](const Descent& d) { return guarded([&] { return d.x(); }); }))
      .function("y", optional_override([](const Descent& d) { return guarded([&] { return d.y(); }); }))
      .function("f", optional_override([](const Descent& d) { return guarded([&] { return d.f(); }); }))
      .function("steps", optional_override([](const Descent& d) { return guarded([&] { return d.steps(); }); }))
      .function("divergedAt", optional_override([](const Descent& d) { return guarded([&] { return d.diverged_at(); }); }))
      .function("lr", optional_override([](const Descent& d) { return guarded([&] { return d.lr(); }); }))
      .function("grad", optional_override([](const Descent& d) { return guarded([&] { return d.grad(); }); }))
      .function("state", optional_override([](const Descent& d) { return guarded([&] { return d.state(); }); }))
      .function("stepView", optional_override([](const Descent& d) { return guarded([&] { return d.step_view(); }); }));
}
