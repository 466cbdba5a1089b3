// The regression surface over default and learner-edited points.
#include <catch2/catch.hpp>

#include "surfaces/regression.hpp"
#include "surfaces/surface.hpp"

using namespace basecamp::surfaces;

TEST_CASE("regression surface: J(m, b) and its minimum", "[surfaces]") {
  const Surface& s = find_surface("regression");
  const LineFit fit = least_squares(Regression::default_x(), Regression::default_y());
  CHECK(s.value(fit.m, fit.b) == Approx(fit.mse));
  CHECK(s.grad(fit.m, fit.b).norm() < 1e-12);
  // J(0, 0) = mean of y²
  double mean_y2 = 0;
  for (double y : Regression::default_y()) mean_y2 += y * y / 7;
  CHECK(s.value(0, 0) == Approx(mean_y2));
}

TEST_CASE("regression surface over edited points", "[surfaces]") {
  const Regression r({0, 1, 2, 3}, {1, 3, 5, 7.5});
  const LineFit fit = r.fit();
  CHECK(r.minima.size() == 1);
  CHECK(r.minima[0].x == fit.m);
  CHECK(r.grad(fit.m, fit.b).norm() < 1e-12);
  CHECK(r.value(2, 1) == Approx(0.5 * 0.5 / 4));  // residuals 0, 0, 0, −0.5
  CHECK(r.bounds.x_min < fit.m);
  CHECK(r.bounds.y_max > fit.b);
}
