// Surfaces and optimizers as seen from JS: a surface is named by a spec object
// ({surface: 'bowl'} or {surface: 'regression', x: [...], y: [...]}), an optimizer by its name
// and a settings object with torch.optim's parameter names. Conversion and dispatch only.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "convert.hpp"
#include "guard.hpp"
#include "descent/descend.hpp"
#include "optim/factory.hpp"
#include "descent/step_view.hpp"
#include "descent/walker.hpp"
#include "surfaces/grid.hpp"
#include "surfaces/regression.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::wasm {

// The surface a spec names: a built-in one (not owned) or a regression over given points.
inline std::shared_ptr<const surfaces::Surface> surface_from_js(const val& spec) {
  require(spec.typeOf().as<std::string>() == "object", "surface", "expected {surface: name}");
  const std::string name = spec["surface"].as<std::string>();
  if (name == "regression" && spec.hasOwnProperty("x")) {
    return std::make_shared<surfaces::Regression>(
        emscripten::convertJSArrayToNumberVector<double>(spec["x"]),
        emscripten::convertJSArrayToNumberVector<double>(spec["y"]));
  }
  return std::shared_ptr<const surfaces::Surface>(&surfaces::find_surface(name),
                                                  [](const surfaces::Surface*) {});
}

// {lr: 0.1, momentum: 0.9, nesterov: true, ...}: absent keys keep the optimizer's defaults;
// the names are the catalogue's (a name no optimizer has is a not_a_setting error).
inline optim::OptimizerSettings settings_from_js(const val& js) {
  optim::OptimizerSettings s;
  for (const auto& [name, value] : numbers_from_js(js, "optimizer")) s.set(name, value);
  return s;
}

// null (constant) or {kind: 'step' | 'exponential' | 'inverse_time' | 'constant', ...parameters}.
inline optim::Schedule schedule_from_js(const val& js) {
  if (js.isUndefined() || js.isNull()) return optim::Schedule::constant();
  auto values = numbers_from_js(js, "schedule", "kind");
  return optim::Schedule::named(js["kind"].as<std::string>(), {values.begin(), values.end()});
}

inline val point_to_js(const surfaces::Point& p) {
  return object("x", p.x, "y", p.y, "f", p.f, "label", p.label);
}

// name, formula, bounds, minima, saddles (and the least-squares fit of a regression surface).
inline val surface_info(const val& spec) {
  const auto surface = surface_from_js(spec);
  val out = val::object();
  out.set("name", surface->name);
  out.set("formula", surface->formula);
  val bounds = val::object();
  bounds.set("xMin", surface->bounds.x_min);
  bounds.set("xMax", surface->bounds.x_max);
  bounds.set("yMin", surface->bounds.y_min);
  bounds.set("yMax", surface->bounds.y_max);
  out.set("bounds", bounds);
  val minima = val::array(), saddles = val::array();
  for (const auto& p : surface->minima) minima.call<void>("push", point_to_js(p));
  for (const auto& p : surface->saddles) saddles.call<void>("push", point_to_js(p));
  out.set("minima", minima);
  out.set("saddles", saddles);
  if (const auto* r = dynamic_cast<const surfaces::Regression*>(surface.get())) {
    val fit = val::object();
    fit.set("m", r->fit().m);
    fit.set("b", r->fit().b);
    fit.set("mse", r->fit().mse);
    out.set("fit", fit);
  }
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

// A point walking a surface under an optimizer, for animation: the Walker of the core, plus the
// surface and optimizer it needs kept alive.
class Descent : public Fallible {
 public:
  Descent(const val& spec, const std::string& optimizer, const val& settings, double x0, double y0,
          const val& schedule) {
    attempt([&] {
      surface_ = surface_from_js(spec);
      optimizer_ = optim::make_optimizer<double>(optimizer, settings_from_js(settings));
      walker_ = std::make_unique<descent::Walker>(*surface_, *optimizer_, x0, y0, schedule_from_js(schedule));
    });
  }

  // Up to n steps; returns the new rows as a flat Float64Array [x, y, f, x, y, f, ...].
  val step(int n) {
    std::vector<double> rows;
    for (int i = 0; i < n && walker().step(); ++i) {
      rows.insert(rows.end(), {walker().x(), walker().y(), walker().f()});
    }
    return typed_copy(rows);
  }

  double x() const { return walker().x(); }
  double y() const { return walker().y(); }
  double f() const { return walker().f(); }
  int steps() const { return static_cast<int>(walker().steps()); }
  int diverged_at() const { return walker().diverged_at() ? static_cast<int>(*walker().diverged_at()) : -1; }
  double lr() const { return optimizer_->lr; }
  val grad() const { return tensor_to_js(walker().last_grad())["data"]; }

  // The last step from the optimizer's side (descent/step_view.hpp): {step: [dx, dy],
  // effectiveLr: [ex, ey] (NaN where undefined), velocity?: [vx, vy], lookahead?: [x, y]}.
  val step_view() const {
    const descent::StepView v = descent::step_view(walker());
    const auto pair = [](const Eigen::Vector2d& p) {
      return typed_copy(p.data(), 2);
    };
    val out = val::object();
    out.set("step", pair(v.step));
    out.set("effectiveLr", pair(v.effective_lr));
    if (v.velocity) out.set("velocity", pair(*v.velocity));
    if (v.lookahead) out.set("lookahead", pair(*v.lookahead));
    return out;
  }

  // The optimizer's named state buffers (momentum_buffer, exp_avg, ...) as {name: [a, b]}.
  val state() const {
    val out = val::object();
    for (const auto& [name, buffer] : optimizer_->state(0)) {
      if (buffer != nullptr && buffer->size() > 0) out.set(name, tensor_to_js(*buffer)["data"]);
    }
    return out;
  }

 private:
  descent::Walker& walker() const {
    require_built(walker_ != nullptr, "descent");
    return *walker_;
  }

  std::shared_ptr<const surfaces::Surface> surface_;
  std::unique_ptr<optim::Optimizer<double>> optimizer_;
  std::unique_ptr<descent::Walker> walker_;
};

// The whole path at once, as `basecamp descend` computes it.
inline val descend_path(const val& spec, const std::string& optimizer, const val& settings,
                        double x0, double y0, int steps, const val& schedule) {
  // The same objects as Descent, built directly so that an error is thrown as it is.
  const auto surface = surface_from_js(spec);
  const auto opt = optim::make_optimizer<double>(optimizer, settings_from_js(settings));
  const descent::DescentPath p = descent::descend(*surface, *opt, x0, y0, steps, schedule_from_js(schedule));
  std::vector<double> flat;
  for (const auto& row : p.rows) flat.insert(flat.end(), row.begin(), row.end());
  return object("path", typed_copy(flat),
                "divergedAt", p.diverged_at ? static_cast<int>(*p.diverged_at) : -1);
}
}  // namespace basecamp::wasm
