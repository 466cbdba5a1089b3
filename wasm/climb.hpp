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
  val out = val::object();
  out.set("f", s.f);
  out.set("gx", s.gx);
  out.set("gy", s.gy);
  out.set("slope", s.slope);
  out.set("nearest", s.nearest);
  out.set("distance", s.distance);
  out.set("status", std::string(climb::status_name(s.status)));
  return out;
}

inline val cross_section_js(const val& spec, double x, double y, double half_width, int samples) {
  const auto surface = surface_from_js(spec);
  const auto c = climb::cross_section(*surface, x, y, half_width, samples);
  val out = val::object();
  out.set("dx", c.dx);
  out.set("dy", c.dy);
  out.set("slope", c.slope);
  out.set("s", typed_copy(c.s));
  out.set("f", typed_copy(c.f));
  out.set("tangent", typed_copy(c.tangent));
  return out;
}

inline val reach_js(const val& spec, double x0, double y0, double lr, int max_steps) {
  const auto surface = surface_from_js(spec);
  const auto r = climb::reach_base_camp(*surface, x0, y0, lr, max_steps);
  val out = val::object();
  out.set("stepsToBaseCamp", r.steps_to_base_camp);
  out.set("steps", r.steps);
  out.set("divergedAt", r.diverged_at);
  out.set("x", r.x);
  out.set("y", r.y);
  out.set("f", r.f);
  out.set("status", std::string(climb::status_name(r.status)));
  return out;
}

inline val climb_constants_js() {
  val out = val::object();
  out.set("flatSlope", climb::kFlatSlope);
  out.set("arrivalRadius", climb::kArrivalRadius);
  return out;
}

}  // namespace basecamp::wasm
