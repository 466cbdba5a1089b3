// Lesson 7 (generalization) as seen from JS: point sets and specs are read by the core
// (generalize/read.hpp) from Values; results leave through to_js (Float64Array/Int32Array
// copies). CurveFit holds a FitRun that trains a few steps per call. Conversion only.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <vector>

#include "convert.hpp"
#include "guard.hpp"
#include "generalize/read.hpp"

namespace basecamp::wasm::gen {

using namespace basecamp::generalize;

inline CurveData points(const val& js, const std::string& what) { return curve_data_from(value_from_js(js), what); }
inline std::vector<double> numbers(const val& js, const std::string& what) {
  return numbers_of(value_from_js(js), "generalize", what);
}

inline val curve_data_js(int n, double noise, double seed) {
  return to_js(make_curve_data(n, noise, seed_of(seed, "curve data")));
}
inline val true_curve_js(int n) { return to_js(true_curve_points(n)); }
inline val fit_curve_js(const val& train, const val& v, const val& test, const val& spec) {
  return to_js(fit_curve(points(train, "train"), points(v, "val"), points(test, "test"), fit_spec_from(value_from_js(spec))));
}
inline std::vector<int> split_roles_js(int n, double train, double v, double seed) {
  std::vector<int> out;
  for (Role r : split_roles(n, train, v, static_cast<std::uint64_t>(std::max(0.0, seed)))) out.push_back(static_cast<int>(r));
  return out;
}
inline val select_js(const val& data, const val& roles, int role) {
  require(role >= 0 && role <= 2, "split", "role must be 0, 1 or 2");
  return to_js(select(points(data, "data"), roles_from(value_from_js(roles)), static_cast<Role>(role)));
}
inline val scan_degrees_js(const val& train, const val& v, int max_degree) {
  return to_js(scan_degrees(points(train, "train"), points(v, "val"), max_degree));
}
inline val fold_js(const val& data, const val& folds, int fold, int degree) {
  return to_js(cross_validate_fold(points(data, "data"), integers_from(value_from_js(folds), "folds"), fold, degree));
}
inline val init_info_js(int fan_in) {
  val out = val::object();
  for (const std::string& name : init_rule_names()) out.set(name, init_stddev(parse_init_rule(name), fan_in));
  return out;
}

// A FitRun for the page, constructed from JS values.
class CurveFit : public Held<FitRun> {
 public:
  CurveFit(const val& train, const val& v, const val& test, const val& spec)
      : Held([&] {
          return std::make_unique<FitRun>(points(train, "train"), points(v, "val"), points(test, "test"),
                                          fit_spec_from(value_from_js(spec)));
        }) {}
  // {step, done}
  val advance(int n) {
    get().advance(n);
    return object("step", get().step(), "done", get().done());
  }
};

}  // namespace basecamp::wasm::gen
