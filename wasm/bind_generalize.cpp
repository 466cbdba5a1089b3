// Embind declarations for lesson 7 (generalization): seeded curve data, gradient-descent fits
// (one-shot and in chunks), splits, degree scans, k-fold cross-validation, histograms and the
// weight-initialization experiment. Declarations only; conversions in generalize.hpp.
#include <emscripten/bind.h>

#include "generalize.hpp"
#include "guard.hpp"

using namespace emscripten;
using basecamp::wasm::guarded;
namespace gen = basecamp::wasm::gen;

EMSCRIPTEN_BINDINGS(basecamp_generalize) {
  function("curveData", optional_override([](int n, double noise, double seed) {
             return guarded([&] { return gen::curve_data_js(n, noise, seed); });
           }));
  function("trueCurve", optional_override([](int n) { return guarded([&] { return gen::true_curve_js(n); }); }));
  function("fitCurve", optional_override([](const val& train, const val& v, const val& test, const val& spec) {
             return guarded([&] { return gen::fit_curve_js(train, v, test, spec); });
           }));
  function("splitRoles", optional_override([](int n, double train, double v, double seed) {
             return guarded([&] { return gen::split_roles_js(n, train, v, seed); });
           }));
  function("selectRole", optional_override([](const val& data, const val& roles, int role) {
             return guarded([&] { return gen::select_js(data, roles, role); });
           }));
  function("fitPolyLeastSquares", optional_override([](const val& data, int degree) {
             return guarded([&] {
               return gen::doubles(basecamp::generalize::fit_poly_least_squares(gen::points(data, "data"), degree));
             });
           }));
  function("polyValues", optional_override([](const val& c, const val& x) {
             return guarded([&] {
               return gen::doubles(basecamp::generalize::poly_values(gen::numbers(c, "coefficients"), gen::numbers(x, "x")));
             });
           }));
  function("polyMse", optional_override([](const val& c, const val& data) {
             return guarded([&] { return basecamp::generalize::poly_mse(gen::numbers(c, "coefficients"), gen::points(data, "data")); });
           }));
  function("scanDegrees", optional_override([](const val& train, const val& v, int max_degree) {
             return guarded([&] { return gen::scan_degrees_js(train, v, max_degree); });
           }));
  function("kfoldAssign", optional_override([](int n, int k, double seed) {
             return guarded([&] {
               return gen::ints(basecamp::generalize::kfold_assign(n, k, static_cast<std::uint64_t>(std::max(0.0, seed))));
             });
           }));
  function("crossValidateFold", optional_override([](const val& data, const val& folds, int fold, int degree) {
             return guarded([&] { return gen::fold_js(data, folds, fold, degree); });
           }));
  function("summarize", optional_override([](const val& values) { return guarded([&] { return gen::summarize_js(values); }); }));
  function("histogram", optional_override([](const val& values, int bins, double lo, double hi) {
             return guarded([&] { return gen::histogram_js(values, bins, lo, hi); });
           }));
  function("activationStats", optional_override([](const val& spec) { return guarded([&] { return gen::activation_stats_js(spec); }); }));
  function("initStddevs", optional_override([](int fan_in) { return guarded([&] { return gen::init_info_js(fan_in); }); }));

  class_<gen::CurveFit>("CurveFit")
      .constructor<const val&, const val&, const val&, const val&>()
      .function("error", &gen::CurveFit::error)
      .function("advance", optional_override([](gen::CurveFit& f, int n) { return guarded([&] { return f.advance(n); }); }))
      .function("result", optional_override([](gen::CurveFit& f) { return guarded([&] { return f.result(); }); }));
}
