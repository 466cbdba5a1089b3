// generalize/split: shuffled splits, least-squares polynomials, degree scans, k-fold folds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "generalize/curve_fit.hpp"
#include "generalize/split.hpp"

using namespace basecamp;
using namespace basecamp::generalize;

TEST_CASE("split roles have the requested sizes and are seeded", "[generalize]") {
  const auto roles = split_roles(40, 0.6, 0.2, 3);
  CHECK(std::count(roles.begin(), roles.end(), Role::train) == 24);
  CHECK(std::count(roles.begin(), roles.end(), Role::val) == 8);
  CHECK(std::count(roles.begin(), roles.end(), Role::test) == 8);
  CHECK(split_roles(40, 0.6, 0.2, 3) == roles);
  CHECK(split_roles(40, 0.6, 0.2, 4) != roles);
  const CurveData d = make_curve_data(40, 0.1, 2);
  const CurveData t = select(d, roles, Role::train);
  CHECK(t.x.size() == 24);
  CHECK(std::is_sorted(t.x.begin(), t.x.end()));
  CHECK_THROWS_WITH(split_roles(40, 0.8, 0.3, 1), Catch::Contains("more than 1"));
  CHECK_THROWS_WITH(split_roles(10, 0.1, 0.2, 1), Catch::Contains("at least 2 training"));
}

TEST_CASE("least squares: the normal equations when over-determined, interpolation when not", "[generalize]") {
  const CurveData d = make_curve_data(30, 0.2, 8);
  const std::vector<double> c = fit_poly_least_squares(d, 3);
  // The residual is orthogonal to every basis column.
  const std::vector<double> p = poly_values(c, d.x);
  const Tensor<double> f = legendre_features(d.x, 3);
  double r0 = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) r0 += p[i] - d.y[i];
  CHECK(r0 == Approx(0).margin(1e-10));
  for (int k = 0; k < 3; ++k) {
    double s = 0;
    for (std::size_t i = 0; i < d.x.size(); ++i) s += (p[i] - d.y[i]) * f(i, k);
    CHECK(s == Approx(0).margin(1e-10));
  }
  const CurveData few = make_curve_data(6, 0.2, 8);
  CHECK(poly_mse(fit_poly_least_squares(few, 5), few) == Approx(0).margin(1e-18));
  CHECK(poly_mse(fit_poly_least_squares(few, 9), few) == Approx(0).margin(1e-18));
  CHECK(poly_values({2.0}, {0.3, -0.7}) == std::vector<double>{2.0, 2.0});
}

TEST_CASE("a degree scan finds the smallest validation error", "[generalize]") {
  const CurveData d = make_curve_data(40, 0.25, 11);
  const auto roles = split_roles(40, 0.6, 0.2, 1);
  const DegreeScan s = scan_degrees(select(d, roles, Role::train), select(d, roles, Role::val), 12);
  REQUIRE(s.degree.size() == 12);
  CHECK(s.val_mse[s.best_degree - 1] == *std::min_element(s.val_mse.begin(), s.val_mse.end()));
  // Training error never rises with the degree (nested models).
  for (std::size_t i = 1; i < s.train_mse.size(); ++i) CHECK(s.train_mse[i] <= s.train_mse[i - 1] + 1e-12);
  CHECK_THROWS_WITH(scan_degrees(d, {}, 3), Catch::Contains("no validation"));
}

TEST_CASE("k-fold: balanced folds, every sample validated once, scores as computed by hand", "[generalize]") {
  const CurveData d = make_curve_data(23, 0.2, 4);
  for (int k : {2, 5, 10, 23}) {
    const std::vector<int> folds = kfold_assign(23, k, 7);
    std::vector<int> sizes(k, 0);
    for (int f : folds) ++sizes[f];
    CHECK(*std::max_element(sizes.begin(), sizes.end()) - *std::min_element(sizes.begin(), sizes.end()) <= 1);
    int validated = 0;
    for (int f = 0; f < k; ++f) validated += cross_validate_fold(d, folds, f, 3).n_val;
    CHECK(validated == 23);
  }
  const std::vector<int> folds = kfold_assign(23, 5, 7);
  const FoldScore s = cross_validate_fold(d, folds, 2, 3);
  CurveData train, val;
  for (std::size_t i = 0; i < folds.size(); ++i) {
    (folds[i] == 2 ? val : train).x.push_back(d.x[i]);
    (folds[i] == 2 ? val : train).y.push_back(d.y[i]);
  }
  CHECK(s.val_mse == Approx(poly_mse(fit_poly_least_squares(train, 3), val)));
  CHECK(s.train_mse == Approx(poly_mse(fit_poly_least_squares(train, 3), train)));
  CHECK_THROWS_WITH(kfold_assign(5, 6, 1), Catch::Contains("k must be in [2, 5], got 6"));
  CHECK_THROWS_WITH(kfold_assign(5, 1, 1), Catch::Contains("k must be in [2, 5], got 1"));
  CHECK_THROWS_WITH(cross_validate_fold(d, folds, 5, 3), Catch::Contains("fold must be in [0, 4]"));
  const Summary m = summarize({1, 2, 3, 4});
  CHECK(m.mean == 2.5);
  CHECK(m.stddev == Approx(std::sqrt(5.0 / 3)));
  CHECK(summarize({7}).stddev == 0);
}
