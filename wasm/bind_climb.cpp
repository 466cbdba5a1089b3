// Embind declarations for lesson 1's climber: where they stand, the cross-section, the check
// whether a step size reaches base camp.
#include <emscripten/bind.h>

#include "climb.hpp"
#include "guard.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_climb) {
  function("climbConstants", &wasm::climb_constants_js);
  function("climbSpot", optional_override([](const val& spec, double x, double y) {
             return guarded([&] { return wasm::spot_js(spec, x, y); });
           }));
  function("crossSection", optional_override([](const val& spec, double x, double y, double half_width, int samples) {
             return guarded([&] { return wasm::cross_section_js(spec, x, y, half_width, samples); });
           }));
  function("reachBaseCamp", optional_override([](const val& spec, double x0, double y0, double lr, int max_steps) {
             return guarded([&] { return wasm::reach_js(spec, x0, y0, lr, max_steps); });
           }));
}
