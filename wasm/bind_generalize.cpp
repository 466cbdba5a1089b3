// Embind declarations for lesson 7 (generalization): seeded curve data, gradient-descent fits
// (one-shot and in chunks), splits, degree scans, k-fold cross-validation, histograms and the
// weight-initialization experiment. Declarations only; conversions in generalize.hpp.
#include <emscripten/bind.h>

#include "generalize.hpp"
#include "guard.hpp"

using namespace emscripten;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;
using basecamp::wasm::method;
namespace gen = basecamp::wasm::gen;

EMSCRIPTEN_BINDINGS(basecamp_generalize) {
  function("curveData", guard<&gen::curve_data_js>);
  function("trueCurve", guard<&gen::true_curve_js>);
  function("fitCurve", guard<&gen::fit_curve_js>);
  function("splitRoles", guard<&gen::split_roles_js>);
  function("selectRole", guard<&gen::select_js>);
  function("fitPolyLeastSquares", optional_override([](const val& data, int degree) {
             return guarded([&] {
               return basecamp::wasm::typed_copy(basecamp::generalize::fit_poly_least_squares(gen::points(data, "data"), degree));
             });
           }));
  function("polyValues", optional_override([](const val& c, const val& x) {
             return guarded([&] {
               return basecamp::wasm::typed_copy(basecamp::generalize::poly_values(gen::numbers(c, "coefficients"), gen::numbers(x, "x")));
             });
           }));
  function("polyMse", optional_override([](const val& c, const val& data) {
             return guarded([&] { return basecamp::generalize::poly_mse(gen::numbers(c, "coefficients"), gen::points(data, "data")); });
           }));
  function("scanDegrees", guard<&gen::scan_degrees_js>);
  function("kfoldAssign", optional_override([](int n, int k, double seed) {
             return guarded([&] {
               return basecamp::wasm::typed_copy(basecamp::generalize::kfold_assign(n, k, static_cast<std::uint64_t>(std::max(0.0, seed))));
             });
           }));
  function("crossValidateFold", guard<&gen::fold_js>);
  function("summarize", guard<&gen::summarize_js>);
  function("histogram", guard<&gen::histogram_js>);
  function("activationStats", guard<&gen::activation_stats_js>);
  function("initStddevs", guard<&gen::init_info_js>);

  class_<gen::CurveFit>("CurveFit")
      .constructor<const val&, const val&, const val&, const val&>()
      .function("error", optional_override([](const gen::CurveFit& o) { return o.error(); }))
      .function("advance", method<&gen::CurveFit::advance>)
      .function("result", method<&gen::CurveFit::result>);
}
