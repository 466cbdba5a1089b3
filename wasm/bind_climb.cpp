// Embind declarations for lesson 1's climber: where they stand, the cross-section, the check
// whether a step size reaches base camp.
#include <emscripten/bind.h>

#include "climb.hpp"
#include "guard.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_climb) {
  function("climbConstants", &wasm::climb_constants_js);
  function("climbSpot", guard<&wasm::spot_js>);
  function("crossSection", guard<&wasm::cross_section_js>);
  function("reachBaseCamp", guard<&wasm::reach_js>);
}
