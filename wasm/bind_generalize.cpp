// Embind declarations for lesson 7 (generalization): seeded curve data, gradient-descent fits
// (one-shot and in chunks), splits, degree scans, k-fold cross-validation, histograms and the
// weight-initialization experiment. Declarations only; conversions in generalize.hpp.
#include <emscripten/bind.h>

#include "generalize.hpp"
#include "guard.hpp"

using namespace emscripten;
using namespace basecamp::wasm;
namespace core = basecamp::generalize;

namespace {
std::vector<double> fit_poly(const val& data, int degree) { return core::fit_poly_least_squares(gen::points(data, "data"), degree); }
std::vector<double> poly_values(const val& c, const val& x) { return core::poly_values(gen::numbers(c, "coefficients"), gen::numbers(x, "x")); }
double poly_mse(const val& c, const val& data) { return core::poly_mse(gen::numbers(c, "coefficients"), gen::points(data, "data")); }
std::vector<int> kfold(int n, int k, double seed) { return core::kfold_assign(n, k, static_cast<std::uint64_t>(std::max(0.0, seed))); }
core::Summary summarize(const val& values) { return core::summarize(gen::numbers(values, "values")); }
core::Histogram histogram(const val& values, int bins, double lo, double hi) { return core::histogram(gen::numbers(values, "values"), bins, lo, hi); }
std::vector<core::LayerStats> activation_stats(const val& spec) { return core::activation_stats(core::init_spec_from(value_from_js(spec))); }
}  // namespace

EMSCRIPTEN_BINDINGS(basecamp_generalize) {
  function("curveData", guard<&gen::curve_data_js>);
  function("trueCurve", guard<&gen::true_curve_js>);
  function("fitCurve", guard<&gen::fit_curve_js>);
  function("splitRoles", guard<&gen::split_roles_js>);
  function("selectRole", guard<&gen::select_js>);
  function("fitPolyLeastSquares", guard<&fit_poly>);
  function("polyValues", guard<&poly_values>);
  function("polyMse", guard<&poly_mse>);
  function("scanDegrees", guard<&gen::scan_degrees_js>);
  function("kfoldAssign", guard<&kfold>);
  function("crossValidateFold", guard<&gen::fold_js>);
  function("summarize", guard<&summarize>);
  function("histogram", guard<&histogram>);
  function("activationStats", guard<&activation_stats>);
  function("initStddevs", guard<&gen::init_info_js>);

  class_<gen::CurveFit>("CurveFit")
      .constructor<const val&, const val&, const val&, const val&>()
      .function("error", &error_of<gen::CurveFit>)
      .function("advance", method<&gen::CurveFit::advance>)
      .function("result", held<gen::CurveFit, &core::FitRun::result>);
}
