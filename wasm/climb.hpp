// Lesson 1's climber read-outs as seen from JS (plain objects, Float64Array copies). Conversion
// only; the reading of the landscape is in src/climb/.
#pragma once

#include <emscripten/val.h>

#include "climb/climb.hpp"
#include "descent.hpp"

namespace basecamp::wasm {

inline val spot_js(const val& spec, double x, double y) {
  const auto surface = surface_from_js(spec);
  const auto s = climb::inspect(*surface, x, y);
  return object("f", s.f, "gx", s.gx, "gy", s.gy, "slope", s.slope, "nearest", s.nearest,
                "distance", s.distance, "status", std::string(climb::status_name(s.status)));
}

inline val cross_section_js(const val& spec, double x, double y, double half_width, int samples) {
  const auto surface = surface_from_js(spec);
  const auto c = climb::cross_section(*surface, x, y, half_width, samples);
  return object("dx", c.dx, "dy", c.dy, "slope", c.slope, "s", typed_copy(c.s),
                "f", typed_copy(c.f), "tangent", typed_copy(c.tangent));
}

inline val reach_js(const val& spec, double x0, double y0, double lr, int max_steps) {
  const auto surface = surface_from_js(spec);
  const auto r = climb::reach_base_camp(*surface, x0, y0, lr, max_steps);
  return object("stepsToBaseCamp", r.steps_to_base_camp, "steps", r.steps,
                "divergedAt", r.diverged_at, "x", r.x, "y", r.y, "f", r.f,
                "status", std::string(climb::status_name(r.status)));
}

inline val climb_constants_js() {
  return object("flatSlope", climb::kFlatSlope, "arrivalRadius", climb::kArrivalRadius);
}

}  // namespace basecamp::wasm
