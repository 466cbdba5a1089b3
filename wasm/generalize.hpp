// Lesson 7 (generalization) as seen from JS: {x, y} point sets and fit specs in, plain objects
// with Float64Array/Int32Array copies out, and a CurveFit that trains a few steps per call.
// Conversion only; every number comes from src/generalize.
//   spec: {model: 'poly'|'mlp', degree, hidden, depth, activation, dropout, penalty:
//          'none'|'l2'|'l1', lambda, optimizer, lr, steps, recordEvery, grid, seed}
#pragma once

#include <emscripten/val.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "convert.hpp"
#include "guard.hpp"
// The core's umbrella src/generalize.hpp has this file's name: include its parts directly.
#include "generalize/curve_data.hpp"
#include "generalize/curve_fit.hpp"
#include "generalize/init_stats.hpp"
#include "generalize/split.hpp"
#include "nn/spec.hpp"

namespace basecamp::wasm::gen {

using namespace basecamp::generalize;

inline std::vector<double> numbers(const val& array, const std::string& what) {
  require(!array.isUndefined() && !array.isNull() && array["length"].typeOf().as<std::string>() == "number",
          "generalize", what + " must be an array of numbers");
  return emscripten::convertJSArrayToNumberVector<double>(array);
}
inline std::vector<int> integers(const val& array, const std::string& what) {
  std::vector<int> out;
  for (double d : numbers(array, what)) {
    require(std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e9, "generalize", what + " must hold integers");
    out.push_back(static_cast<int>(d));
  }
  return out;
}

// {x, y} (arrays of equal length) → CurveData; undefined/null → no points.
inline CurveData points(const val& js, const std::string& what) {
  CurveData d;
  if (js.isUndefined() || js.isNull()) return d;
  require(js.typeOf().as<std::string>() == "object", "generalize", what + " must be {x, y}");
  d.x = numbers(js["x"], what + ".x");
  d.y = numbers(js["y"], what + ".y");
  require(d.x.size() == d.y.size(), "generalize", what + ": x and y differ in length");
  return d;
}
inline val points_js(const CurveData& d) {
  return object("x", typed_copy(d.x), "y", typed_copy(d.y));
}

inline double number(const val& js, const char* key, double fallback) {
  if (!has(js, key)) return fallback;
  require(js[key].typeOf().as<std::string>() == "number", "fit", std::string(key) + " must be a number");
  const double v = js[key].as<double>();
  require(std::isfinite(v), "fit", std::string(key) + " must be a finite number");
  return v;
}
inline int integer(const val& js, const char* key, int fallback) {
  const double v = number(js, key, fallback);
  require(v == std::floor(v) && std::abs(v) < 2e9, "fit", std::string(key) + " must be an integer");
  return static_cast<int>(v);
}
inline std::string text(const val& js, const char* key, const std::string& fallback) {
  if (!has(js, key)) return fallback;
  require(js[key].typeOf().as<std::string>() == "string", "fit", std::string(key) + " must be a string");
  return js[key].as<std::string>();
}

inline FitSpec fit_spec(const val& js) {
  FitSpec s;
  if (js.isUndefined() || js.isNull()) return s;
  s.model = parse_model_kind(text(js, "model", "poly"));
  s.degree = integer(js, "degree", s.degree);
  s.hidden = integer(js, "hidden", s.hidden);
  s.depth = integer(js, "depth", s.depth);
  s.activation = nn::parse_activation(text(js, "activation", "tanh"));
  s.dropout = number(js, "dropout", s.dropout);
  s.penalty = parse_penalty(text(js, "penalty", "none"));
  s.lambda = number(js, "lambda", s.lambda);
  s.optimizer = text(js, "optimizer", s.optimizer);
  s.lr = number(js, "lr", s.lr);
  s.steps = integer(js, "steps", s.steps);
  s.record_every = integer(js, "recordEvery", s.record_every);
  s.grid = integer(js, "grid", s.grid);
  const double seed = number(js, "seed", 1);
  require(seed >= 0 && seed == std::floor(seed) && seed <= 9007199254740991.0, "fit", "seed must be a non-negative integer");
  s.seed = static_cast<std::uint64_t>(seed);
  validate_fit_spec(s);
  return s;
}

inline val result_js(const FitResult& r) {
  return object("steps", typed_copy(r.steps), "trainMse", typed_copy(r.train_mse),
                "valMse", typed_copy(r.val_mse),
                "testMse", std::isnan(r.test_mse) ? val::null() : val(r.test_mse), "best", r.best,
                "divergedAt", r.diverged_at, "gridX", typed_copy(r.grid_x),
                "curves", typed_copy(r.curves), "weights", typed_copy(r.weights),
                "sumSq", r.sum_sq, "sumAbs", r.sum_abs, "penalty", r.penalty,
                "parameters", r.parameters);
}

inline val curve_data_js(int n, double noise, double seed) {
  require(std::isfinite(seed) && seed >= 0, "curve data", "seed must be a non-negative integer");
  return points_js(make_curve_data(n, noise, static_cast<std::uint64_t>(seed)));
}

inline val true_curve_js(int n) { return points_js(true_curve_points(n)); }

inline val fit_curve_js(const val& train, const val& v, const val& test, const val& spec) {
  return result_js(fit_curve(points(train, "train"), points(v, "val"), points(test, "test"), fit_spec(spec)));
}

inline std::vector<Role> roles_from(const val& js) {
  std::vector<Role> roles;
  for (int r : integers(js, "roles")) {
    require(r >= 0 && r <= 2, "split", "a role must be 0 (train), 1 (validation) or 2 (test)");
    roles.push_back(static_cast<Role>(r));
  }
  return roles;
}

inline val split_roles_js(int n, double train, double v, double seed) {
  const std::vector<Role> roles = split_roles(n, train, v, static_cast<std::uint64_t>(std::max(0.0, seed)));
  std::vector<int> out(roles.size());
  for (std::size_t i = 0; i < roles.size(); ++i) out[i] = static_cast<int>(roles[i]);
  return typed_copy(out);
}

inline val select_js(const val& data, const val& roles, int role) {
  require(role >= 0 && role <= 2, "split", "role must be 0, 1 or 2");
  return points_js(select(points(data, "data"), roles_from(roles), static_cast<Role>(role)));
}

inline val scan_degrees_js(const val& train, const val& v, int max_degree) {
  const DegreeScan s = scan_degrees(points(train, "train"), points(v, "val"), max_degree);
  return object("degree", typed_copy(s.degree), "trainMse", typed_copy(s.train_mse),
                "valMse", typed_copy(s.val_mse), "bestDegree", s.best_degree);
}

inline val fold_js(const val& data, const val& folds, int fold, int degree) {
  const FoldScore s = cross_validate_fold(points(data, "data"), integers(folds, "folds"), fold, degree);
  return object("fold", s.fold, "nTrain", s.n_train, "nVal", s.n_val, "trainMse", s.train_mse,
                "valMse", s.val_mse, "coefficients", typed_copy(s.coefficients));
}

inline val summarize_js(const val& values) {
  const Summary s = summarize(numbers(values, "values"));
  return object("mean", s.mean, "stddev", s.stddev);
}

inline val histogram_js(const val& values, int bins, double lo, double hi) {
  const Histogram h = histogram(numbers(values, "values"), bins, lo, hi);
  return object("lo", h.lo, "hi", h.hi, "counts", typed_copy(h.counts));
}

// {rule, activation, layers, units, samples, bins, seed} → [{lo, hi, counts, mean, stddev,
// saturated, gradStddev}] per layer.
inline val activation_stats_js(const val& js) {
  InitSpec s;
  if (!js.isUndefined() && !js.isNull()) {
    s.rule = parse_init_rule(text(js, "rule", "xavier"));
    s.activation = text(js, "activation", s.activation);
    s.layers = integer(js, "layers", s.layers);
    s.units = integer(js, "units", s.units);
    s.samples = integer(js, "samples", s.samples);
    s.bins = integer(js, "bins", s.bins);
    const double seed = number(js, "seed", 1);
    require(seed >= 0, "init", "seed must be a non-negative integer");
    s.seed = static_cast<std::uint64_t>(seed);
  }
  val out = val::array();
  for (const LayerStats& l : activation_stats(s)) {
    val o = val::object();
    o.set("lo", l.activations.lo);
    o.set("hi", l.activations.hi);
    o.set("counts", typed_copy(l.activations.counts));
    o.set("mean", l.mean);
    o.set("stddev", l.stddev);
    o.set("saturated", l.saturated);
    o.set("gradStddev", l.grad_stddev);
    out.call<void>("push", o);
  }
  return out;
}

inline val init_info_js(int fan_in) {
  val out = val::object();
  for (const std::string& name : init_rule_names()) out.set(name, init_stddev(parse_init_rule(name), fan_in));
  return out;
}

// A FitRun for the page, constructed from JS values.
class CurveFit : public Fallible {
 public:
  CurveFit(const val& train, const val& v, const val& test, const val& spec) {
    attempt([&] {
      run_ = std::make_unique<FitRun>(points(train, "train"), points(v, "val"), points(test, "test"), fit_spec(spec));
    });
  }
  // {step, done}
  val advance(int n) {
    FitRun& r = run();
    r.advance(n);
    return object("step", r.step(), "done", r.done());
  }
  val result() { return result_js(run().result()); }

 private:
  FitRun& run() {
    require_built(run_ != nullptr, "fit");
    return *run_;
  }
  std::unique_ptr<FitRun> run_;
};

}  // namespace basecamp::wasm::gen
