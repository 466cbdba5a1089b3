// generalize/curve_data: seeded samples of sin(1.5x), evenly spaced grids, Legendre features.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "generalize/curve_data.hpp"

using namespace basecamp;
using namespace basecamp::generalize;

TEST_CASE("curve data is sorted, seeded and lies on the curve without noise", "[generalize]") {
  const CurveData a = make_curve_data(11, 0.2, 5), b = make_curve_data(11, 0.2, 5), c = make_curve_data(11, 0.2, 6);
  REQUIRE(a.x.size() == 11);
  CHECK(std::is_sorted(a.x.begin(), a.x.end()));
  CHECK(a.x == b.x);
  CHECK(a.y == b.y);
  CHECK(a.x != c.x);
  for (double x : a.x) CHECK((x >= -1 && x < 1));
  const CurveData clean = make_curve_data(20, 0.0, 5);
  for (std::size_t i = 0; i < clean.x.size(); ++i) CHECK(clean.y[i] == true_curve(clean.x[i]));
  // The noise has about the requested spread.
  const CurveData many = make_curve_data(20000, 0.3, 9);
  double ss = 0;
  for (std::size_t i = 0; i < many.x.size(); ++i) ss += std::pow(many.y[i] - true_curve(many.x[i]), 2);
  CHECK(std::sqrt(ss / 20000) == Approx(0.3).epsilon(0.03));
  CHECK_THROWS_WITH(make_curve_data(0, 0.1, 1), Catch::Contains("n must be"));
  CHECK_THROWS_WITH(make_curve_data(5, -1, 1), Catch::Contains("noise"));
}

TEST_CASE("Legendre features match the closed forms and are orthogonal on a fine grid", "[generalize]") {
  const std::vector<double> x = linspace(-1, 1, 2001);
  REQUIRE(x.front() == -1);
  REQUIRE(x.back() == 1);
  const Tensor<double> f = legendre_features(x, 4);
  REQUIRE(f.cols() == 4);
  for (std::size_t i = 0; i < x.size(); i += 97) {
    const double v = x[i];
    CHECK(f(i, 0) == Approx(v));
    CHECK(f(i, 1) == Approx((3 * v * v - 1) / 2).margin(1e-12));
    CHECK(f(i, 2) == Approx((5 * v * v * v - 3 * v) / 2).margin(1e-12));
    CHECK(f(i, 3) == Approx((35 * std::pow(v, 4) - 30 * v * v + 3) / 8).margin(1e-12));
  }
  // ∫ P_j P_k dx ≈ 0 for j ≠ k and 2/(2k+1) for j = k (trapezoid rule, step 0.001).
  for (int j = 0; j < 4; ++j)
    for (int k = 0; k < 4; ++k) {
      double s = 0;
      for (Eigen::Index i = 0; i + 1 < f.rows(); ++i) s += 0.5 * (f(i, j) * f(i, k) + f(i + 1, j) * f(i + 1, k)) * 0.001;
      CHECK(s == Approx(j == k ? 2.0 / (2 * (k + 1) + 1) : 0.0).margin(1e-5));
    }
  CHECK_THROWS_WITH(legendre_features(x, 0), Catch::Contains("degree must be in [1, 30]"));
}
