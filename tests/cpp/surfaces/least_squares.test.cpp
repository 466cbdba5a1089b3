// Closed-form least squares: the lesson's 7 points, exact lines, and bad inputs.
#include <catch2/catch.hpp>

#include "error.hpp"
#include "surfaces/least_squares.hpp"
#include "surfaces/regression.hpp"

using namespace basecamp::surfaces;

TEST_CASE("least squares on the lesson's 7 points", "[surfaces]") {
  const LineFit fit = least_squares(Regression::default_x(), Regression::default_y());
  CHECK(fit.m == Approx(0.336).margin(5e-4));
  CHECK(fit.b == Approx(0.805).margin(5e-4));
  CHECK(fit.mse == Approx(0.0181).margin(5e-5));
}

TEST_CASE("least squares recovers an exact line", "[surfaces]") {
  const LineFit fit = least_squares({1000, 1001, 1003}, {-1999, -2001, -2005});
  CHECK(fit.m == Approx(-2));
  CHECK(fit.b == Approx(1).margin(1e-9));
  CHECK(fit.mse == Approx(0).margin(1e-18));
}

TEST_CASE("least squares rejects too few points and vertical data", "[surfaces]") {
  CHECK_THROWS_WITH(least_squares({1}, {2}), Catch::Contains("points must be a finite number >= 2, got 1"));
  CHECK_THROWS_WITH(least_squares({}, {}), Catch::Contains("points must be a finite number >= 2, got 0"));
  CHECK_THROWS_WITH(least_squares({2, 2, 2}, {1, 2, 3}), Catch::Contains("all x are equal"));
  CHECK_THROWS_WITH(least_squares({1, 2}, {1}), Catch::Contains("x has 2 values, y has 1"));
  CHECK_THROWS_AS(Regression({3, 3}, {1, 2}), basecamp::Error);
}
