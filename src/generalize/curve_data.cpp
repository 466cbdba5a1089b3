// Lesson-7 data: samples of sin(1.5x) with Gaussian noise, and Legendre features.
#include "generalize/curve_data.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "error.hpp"
#include "random.hpp"

namespace basecamp::generalize {

double true_curve(double x) { return std::sin(1.5 * x); }

CurveData make_curve_data(int n, double noise, std::uint64_t seed) {
  require_in_range(n, limits::count(1, 100000), "curve data", "n");
  require_in_range(noise, limits::non_negative, "curve data", "noise");
  Rng rng(seed);
  CurveData d;
  d.x.resize(static_cast<std::size_t>(n));
  // Stratified: one uniform draw in each of n equal strips of [−1, 1], so the points cover the
  // whole range (no long gaps where a flexible model is free to roam without any data).
  for (int i = 0; i < n; ++i) d.x[static_cast<std::size_t>(i)] = -1.0 + 2.0 * (i + rng.uniform()) / n;
  d.y.resize(d.x.size());
  for (std::size_t i = 0; i < d.x.size(); ++i) d.y[i] = true_curve(d.x[i]) + rng.normal(0.0, noise);
  return d;
}

std::vector<double> linspace(double lo, double hi, int n) {
  require(n >= 1, "linspace", "n must be >= 1, got " + std::to_string(n));
  std::vector<double> out(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out[i] = n == 1 ? lo : lo + (hi - lo) * i / (n - 1);
  return out;
}

Tensor<double> legendre_features(const std::vector<double>& x, int degree) {
  require(degree >= 1 && degree <= kMaxDegree, "legendre features",
          "degree must be in [1, " + std::to_string(kMaxDegree) + "], got " + std::to_string(degree));
  Tensor<double> f(static_cast<Eigen::Index>(x.size()), degree);
  for (std::size_t i = 0; i < x.size(); ++i) {
    double prev = 1.0, cur = x[i];  // P_0, P_1
    f(static_cast<Eigen::Index>(i), 0) = cur;
    for (int k = 1; k < degree; ++k) {
      const double next = ((2.0 * k + 1.0) * x[i] * cur - k * prev) / (k + 1.0);
      prev = cur;
      cur = next;
      f(static_cast<Eigen::Index>(i), k) = cur;
    }
  }
  return f;
}

}  // namespace basecamp::generalize
