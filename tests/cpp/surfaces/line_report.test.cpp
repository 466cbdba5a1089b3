// line_report: predictions, residuals, MSE against the regression surface, and the gap to the
// least-squares line, on the lesson's 7 points and on exact lines.
#include <catch2/catch.hpp>

#include <cmath>

#include "error.hpp"
#include "surfaces/line_report.hpp"
#include "surfaces/regression.hpp"

using namespace basecamp::surfaces;

TEST_CASE("line report of a candidate line on the 7 points", "[line_report]") {
  const auto& x = Regression::default_x();
  const auto& y = Regression::default_y();
  const LineReport r = line_report(x, y, -0.11, 2.5);
  REQUIRE(r.prediction.size() == 7);
  REQUIRE(r.residual.size() == 7);
  // First point: ŷ = −0.11·2.4 + 2.5 = 2.236, r = 2.236 − 1.7 = 0.536.
  CHECK(r.prediction[0] == Approx(2.236));
  CHECK(r.residual[0] == Approx(0.536));
  CHECK(r.residual[6] == Approx(-0.11 * 5.0 + 2.5 - 2.7));
  // The MSE is the regression surface's value; the fit is least_squares().
  const Regression surface(x, y);
  CHECK(r.mse == Approx(surface.value(-0.11, 2.5)));
  CHECK(r.fit.m == Approx(0.336).margin(5e-4));
  CHECK(r.fit.b == Approx(0.805).margin(5e-4));
  CHECK(r.distance == Approx(std::hypot(-0.11 - r.fit.m, 2.5 - r.fit.b)));
  CHECK(r.mse_gap == Approx(r.mse - r.fit.mse));
  CHECK(r.mse_gap > 0);
}

TEST_CASE("line report at the least-squares line is zero distance and zero gap", "[line_report]") {
  const auto& x = Regression::default_x();
  const auto& y = Regression::default_y();
  const LineFit fit = least_squares(x, y);
  const LineReport r = line_report(x, y, fit.m, fit.b);
  CHECK(r.distance == 0);
  CHECK(r.mse_gap == Approx(0).margin(1e-15));
  CHECK(r.mse == Approx(0.0181).margin(5e-5));
  // Residuals of the least-squares line sum to zero (the normal equation for b).
  double sum = 0;
  for (double e : r.residual) sum += e;
  CHECK(sum == Approx(0).margin(1e-12));
}

TEST_CASE("line report of a line through exact points", "[line_report]") {
  const LineReport r = line_report({0, 1, 2}, {1, 3, 5}, 2, 1);
  CHECK(r.mse == 0);
  CHECK(r.residual == std::vector<double>{0, 0, 0});
  CHECK(r.prediction == std::vector<double>{1, 3, 5});
  CHECK(r.distance == Approx(0).margin(1e-12));
}

TEST_CASE("line report rejects bad points and a non-finite line", "[line_report]") {
  CHECK_THROWS_WITH(line_report({1}, {2}, 0, 0), Catch::Contains("points must be a finite number >= 2"));
  CHECK_THROWS_WITH(line_report({2, 2}, {1, 2}, 0, 0), Catch::Contains("all x are equal"));
  CHECK_THROWS_WITH(line_report({1, 2}, {1, 2}, NAN, 0), Catch::Contains("must be finite"));
  CHECK_THROWS_AS(line_report({1, 2}, {1, 2}, 0, INFINITY), basecamp::Error);
}
