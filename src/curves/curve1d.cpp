#include "curves/curve1d.hpp"

#include <cmath>

#include "autodiff.hpp"
#include "error.hpp"

namespace basecamp {

namespace {

using ad::Var;

Tensor<double> scalar(double v) {
  Tensor<double> t(1, 1);
  t(0, 0) = v;
  return t;
}

// Builds f(x) on the tape and returns the output node.
Var<double> build_curve(const std::string& name, Var<double> x) {
  if (name == "parabola") return ad::square(x);
  if (name == "two_dips") {
    // f = x⁴/10 − x² + 0.4x: a deep valley near x ≈ −2.3 and a shallower one near x ≈ 2.1.
    return ad::sub(ad::add(ad::scale(ad::pow(x, 4.0), 0.1), ad::scale(x, 0.4)), ad::square(x));
  }
  std::string names;
  for (const auto& c : curve_catalog()) names += (names.empty() ? "" : ", ") + c.name;
  throw Error("curve: unknown curve '" + name + "' (known: " + names + ")");
}

}  // namespace

const std::vector<CurveInfo>& curve_catalog() {
  static const std::vector<CurveInfo> catalog = {
      {"parabola", "f(x) = x^2", -3.0, 3.0},
      {"two_dips", "f(x) = \\tfrac{1}{10}x^4 - x^2 + 0.4x", -3.5, 3.5},
  };
  return catalog;
}

CurvePoint evaluate_curve(const std::string& name, double x) {
  require(std::isfinite(x), "curve", "x must be a finite number, got " + std::to_string(x));
  ad::Tape<double> tape;
  const Var<double> input = tape.leaf(scalar(x), "x");
  const Var<double> output = build_curve(name, input);
  tape.backward(output);
  return {x, output.value()(0, 0), input.grad()(0, 0)};
}

CurvePoint step_downhill(const std::string& name, double x, double eta) {
  require(std::isfinite(eta) && eta >= 0.0, "step_downhill",
          "the step size must be a finite number >= 0, got " + std::to_string(eta));
  const CurvePoint here = evaluate_curve(name, x);
  const double next = x - eta * here.slope;
  if (!std::isfinite(next)) return {next, NAN, NAN};
  // Far outside any plot the quartic overflows; report it rather than evaluate garbage.
  if (std::abs(next) > 1e100) return {next, INFINITY, INFINITY};
  return evaluate_curve(name, next);
}

}  // namespace basecamp
