// Surfaces and optimizers as seen from JS: a surface is named by a spec object
// ({surface: 'bowl'} or {surface: 'regression', x: [...], y: [...]}), an optimizer by its name
// and a settings object with torch.optim's parameter names. Conversion and dispatch only.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "convert.hpp"
#include "optim/factory.hpp"
#include "optim/step_view.hpp"
#include "optim/walker.hpp"
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

// {lr: 0.1, momentum: 0.9, nesterov: true, ...}: absent keys keep torch.optim's defaults.
inline optim::OptimizerSettings settings_from_js(const val& js) {
  optim::OptimizerSettings s;
  if (js.isUndefined() || js.isNull()) return s;
  const auto number = [&](const char* key, std::optional<double>& field) {
    if (js.hasOwnProperty(key) && !js[key].isUndefined()) field = js[key].as<double>();
  };
  const auto flag = [&](const char* key, std::optional<bool>& field) {
    if (js.hasOwnProperty(key) && !js[key].isUndefined()) field = js[key].as<bool>();
  };
  number("lr", s.lr);
  number("momentum", s.momentum);
  number("dampening", s.dampening);
  flag("nesterov", s.nesterov);
  number("alpha", s.alpha);
  number("rho", s.rho);
  number("eps", s.eps);
  number("beta1", s.beta1);
  number("beta2", s.beta2);
  number("weight_decay", s.weight_decay);
  flag("amsgrad", s.amsgrad);
  flag("centered", s.centered);
  number("lr_decay", s.lr_decay);
  number("initial_accumulator_value", s.initial_accumulator_value);
  return s;
}

// {kind: 'constant' | 'step' | 'exponential' | 'inverse_time', step_size, gamma, decay}.
inline optim::Schedule schedule_from_js(const val& js) {
  if (js.isUndefined() || js.isNull()) return optim::Schedule::constant();
  const std::string kind = js["kind"].as<std::string>();
  if (kind == "constant") return optim::Schedule::constant();
  if (kind == "step") return optim::Schedule::step_decay(js["step_size"].as<long>(), js["gamma"].as<double>());
  if (kind == "exponential") return optim::Schedule::exponential(js["gamma"].as<double>());
  if (kind == "inverse_time") return optim::Schedule::inverse_time(js["decay"].as<double>());
  throw Error("schedule: unknown kind '" + kind + "' (constant, step, exponential, inverse_time)");
}

inline val point_to_js(const surfaces::Point& p) {
  val out = val::object();
  out.set("x", p.x);
  out.set("y", p.y);
  out.set("f", p.f);
  out.set("label", p.label);
  return out;
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
  val out = val::object();
  out.set("f", surface->value(x, y));
  out.set("gx", g.x());
  out.set("gy", g.y());
  return out;
}

// f on an nx x ny grid over [x0, x1] x [y0, y1], row j = y index: a Float64Array of nx·ny values.
inline val surface_grid(const val& spec, int nx, int ny, double x0, double x1, double y0, double y1) {
  require(nx >= 2 && ny >= 2 && nx * static_cast<long>(ny) <= 4'000'000, "surface grid",
          "grid must be between 2x2 and 4 million points, got " + std::to_string(nx) + "x" + std::to_string(ny));
  const auto surface = surface_from_js(spec);
  Tensor<double> grid(ny, nx);
  for (int j = 0; j < ny; ++j) {
    const double y = y0 + (y1 - y0) * j / (ny - 1);
    for (int i = 0; i < nx; ++i) grid(j, i) = surface->value(x0 + (x1 - x0) * i / (nx - 1), y);
  }
  return tensor_to_js(grid)["data"];
}

// A point walking a surface under an optimizer, for animation: the Walker of the core, plus the
// surface and optimizer it needs kept alive.
class Descent {
 public:
  // A constructor cannot hand JS an Error object, so a bad setting is kept in error() instead
  // (the JS wrapper checks it, deletes the object and throws).
  Descent(const val& spec, const std::string& optimizer, const val& settings, double x0, double y0,
          const val& schedule) {
    try {
      surface_ = surface_from_js(spec);
      optimizer_ = optim::make_optimizer<double>(optimizer, settings_from_js(settings));
      walker_ = std::make_unique<optim::Walker>(*surface_, *optimizer_, x0, y0, schedule_from_js(schedule));
    } catch (const std::exception& e) {
      error_ = e.what();
    }
  }

  std::string error() const { return error_; }

  // Up to n steps; returns the new rows as a flat Float64Array [x, y, f, x, y, f, ...].
  val step(int n) {
    std::vector<double> rows;
    for (int i = 0; i < n && walker().step(); ++i) {
      rows.insert(rows.end(), {walker().x(), walker().y(), walker().f()});
    }
    return val(emscripten::typed_memory_view(rows.size(), rows.data())).call<val>("slice");
  }

  double x() const { return walker().x(); }
  double y() const { return walker().y(); }
  double f() const { return walker().f(); }
  int steps() const { return static_cast<int>(walker().steps()); }
  int diverged_at() const { return walker().diverged_at() ? static_cast<int>(*walker().diverged_at()) : -1; }
  double lr() const { return optimizer_->lr; }
  val grad() const { return tensor_to_js(walker().last_grad())["data"]; }

  // The last step from the optimizer's side (optim/step_view.hpp): {step: [dx, dy],
  // effectiveLr: [ex, ey] (NaN where undefined), velocity?: [vx, vy], lookahead?: [x, y]}.
  val step_view() const {
    const optim::StepView v = optim::step_view(walker());
    const auto pair = [](const Eigen::Vector2d& p) {
      return val(emscripten::typed_memory_view(2, p.data())).call<val>("slice");
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
  optim::Walker& walker() const {
    require(walker_ != nullptr, "descent", error_.empty() ? "not started" : error_);
    return *walker_;
  }

  std::shared_ptr<const surfaces::Surface> surface_;
  std::unique_ptr<optim::Optimizer<double>> optimizer_;
  std::unique_ptr<optim::Walker> walker_;
  std::string error_;
};

// The whole path at once, as `basecamp descend` computes it.
inline val descend_path(const val& spec, const std::string& optimizer, const val& settings,
                        double x0, double y0, int steps, const val& schedule) {
  require(steps >= 0, "descend", "steps must be >= 0, got " + std::to_string(steps));
  Descent walk(spec, optimizer, settings, x0, y0, schedule);
  if (!walk.error().empty()) throw Error(walk.error());
  val out = val::object();
  std::vector<double> first{walk.x(), walk.y(), walk.f()};
  val rest = walk.step(steps);
  val path = val(emscripten::typed_memory_view(first.size(), first.data())).call<val>("slice");
  out.set("path", val::global("Float64Array").new_(path["length"].as<int>() + rest["length"].as<int>()));
  out["path"].call<void>("set", path, 0);
  out["path"].call<void>("set", rest, 3);
  out.set("divergedAt", walk.diverged_at());
  return out;
}

}  // namespace basecamp::wasm
