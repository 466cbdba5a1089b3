// Surfaces and optimizers as seen from JS: a surface is named by a spec object
// ({surface: 'bowl'} or {surface: 'regression', x: [...], y: [...]}), an optimizer by its name
// and a settings object with torch.optim's parameter names (read by surfaces/read.hpp and
// optim/read.hpp). Conversion and dispatch only.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "convert.hpp"
#include "guard.hpp"
#include "descent/descend.hpp"
#include "optim/factory.hpp"
#include "optim/read.hpp"
#include "descent/step_view.hpp"
#include "descent/runs.hpp"
#include "surfaces/grid.hpp"
#include "surfaces/read.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::wasm {

inline std::shared_ptr<const surfaces::Surface> surface_from_js(const val& spec) {
  return surfaces::surface_from(value_from_js(spec));
}
inline optim::OptimizerSettings settings_from_js(const val& js) { return optim::settings_from(value_from_js(js)); }
inline optim::Schedule schedule_from_js(const val& js) { return optim::schedule_from(value_from_js(js)); }

// name, formula, bounds, minima, saddles (and the least-squares fit of a regression surface).
inline val surface_info(const val& spec) {
  const auto surface = surface_from_js(spec);
  val out = object("name", surface->name, "formula", surface->formula, "bounds", to_js(surface->bounds),
                   "minima", to_js(surface->minima), "saddles", to_js(surface->saddles));
  if (const auto* r = dynamic_cast<const surfaces::Regression*>(surface.get())) out.set("fit", to_js(r->fit()));
  return out;
}

// f and its gradient at (x, y).
inline val surface_at(const val& spec, double x, double y) {
  const auto surface = surface_from_js(spec);
  const Eigen::Vector2d g = surface->grad(x, y);
  return object("f", surface->value(x, y), "gx", g.x(), "gy", g.y());
}

// f on an nx x ny grid over [x0, x1] x [y0, y1], row j = y index: a Float64Array of nx·ny values.
inline val surface_grid(const val& spec, int nx, int ny, double x0, double x1, double y0, double y1) {
  return tensor_to_js(surfaces::sample_grid(*surface_from_js(spec), nx, ny, x0, x1, y0, y1))["data"];
}

// A point walking a surface under an optimizer (descent::SurfaceRun), made from JS values.
class Descent : public Held<descent::SurfaceRun> {
 public:
  Descent(const val& spec, const std::string& optimizer, const val& settings, double x0, double y0, const val& schedule)
      : Held([&] {
          return std::make_unique<descent::SurfaceRun>(surface_from_js(spec), optimizer, settings_from_js(settings), x0, y0,
                                                       schedule_from_js(schedule));
        }) {}

  // The last step from the optimizer's side (descent/step_view.hpp): {step: [dx, dy],
  // effectiveLr: [ex, ey] (NaN where undefined), velocity?: [vx, vy], lookahead?: [x, y]}.
  val step_view() const {
    const descent::StepView v = descent::step_view(get().walker());
    const auto pair = [](const Eigen::Vector2d& p) { return typed_copy(p.data(), 2); };
    val out = object("step", pair(v.step), "effectiveLr", pair(v.effective_lr));
    if (v.velocity) out.set("velocity", pair(*v.velocity));
    if (v.lookahead) out.set("lookahead", pair(*v.lookahead));
    return out;
  }
};

// The whole path at once, as `basecamp descend` computes it.
inline descent::DescentPath descend_path(const val& spec, const std::string& optimizer, const val& settings,
                                         double x0, double y0, int steps, const val& schedule) {
  const auto surface = surface_from_js(spec);
  const auto opt = optim::make_optimizer<double>(optimizer, settings_from_js(settings));
  return descent::descend(*surface, *opt, x0, y0, steps, schedule_from_js(schedule));
}
}  // namespace basecamp::wasm
