// Lesson 1's climber read-outs as seen from JS: the core's Spot, Section and Reach through
// to_js. Conversion only; the reading of the landscape is in src/climb/.
#pragma once

#include <emscripten/val.h>

#include "climb/climb.hpp"
#include "descent.hpp"

namespace basecamp::wasm {

inline climb::Spot spot_js(const val& spec, double x, double y) { return climb::inspect(*surface_from_js(spec), x, y); }

inline climb::Section cross_section_js(const val& spec, double x, double y, double half_width, int samples) {
  return climb::cross_section(*surface_from_js(spec), x, y, half_width, samples);
}

inline climb::Reach reach_js(const val& spec, double x0, double y0, double lr, int max_steps) {
  return climb::reach_base_camp(*surface_from_js(spec), x0, y0, lr, max_steps);
}

inline val climb_constants_js() {
  return object("flatSlope", climb::kFlatSlope, "arrivalRadius", climb::kArrivalRadius);
}

}  // namespace basecamp::wasm
