// Surfaces: analytic gradients against central finite differences, known minima, the
// registry, and the valleys landscape's ordering.
#include <catch2/catch.hpp>

#include <cmath>

#include "error.hpp"
#include "surfaces/surface.hpp"

using basecamp::surfaces::find_surface;
using basecamp::surfaces::surface_names;

namespace {
// |analytic − numeric| ≤ 1e-5 + 1e-3·|numeric|, step 1e-6 (STYLE.md's rule).
void check_grad(const basecamp::surfaces::Surface& s, double x, double y) {
  const double h = 1e-6;
  const double nx = (s.value(x + h, y) - s.value(x - h, y)) / (2 * h);
  const double ny = (s.value(x, y + h) - s.value(x, y - h)) / (2 * h);
  const Eigen::Vector2d g = s.grad(x, y);
  INFO(s.name << " at (" << x << ", " << y << "): analytic " << g.transpose() << ", numeric "
              << nx << " " << ny);
  CHECK(std::abs(g.x() - nx) <= 1e-5 + 1e-3 * std::abs(nx));
  CHECK(std::abs(g.y() - ny) <= 1e-5 + 1e-3 * std::abs(ny));
}
}  // namespace

TEST_CASE("every surface's gradient matches finite differences", "[surfaces]") {
  const double points[][2] = {{-7, 2}, {0.3, -0.4}, {1.5, 2.5}, {-1.2, 0.8}, {2.4, -1.4},
                              {0, 0},  {-3, -3.5}, {4.1, 0.7}};
  for (const auto& name : surface_names()) {
    const auto& s = find_surface(name);
    for (const auto& p : points) check_grad(s, p[0], p[1]);
    // and at a grid over the plotting box
    for (int i = 0; i <= 4; ++i)
      for (int j = 0; j <= 4; ++j)
        check_grad(s, s.bounds.x_min + (s.bounds.x_max - s.bounds.x_min) * i / 4.0,
                   s.bounds.y_min + (s.bounds.y_max - s.bounds.y_min) * j / 4.0);
  }
}

TEST_CASE("known minima have zero gradient and the listed value", "[surfaces]") {
  int minima = 0;
  for (const auto& name : surface_names()) {
    const auto& s = find_surface(name);
    for (const auto& m : s.minima) {
      ++minima;
      INFO(name << " " << m.label << " (" << m.x << ", " << m.y << ")");
      CHECK(s.grad(m.x, m.y).norm() < 1e-9);
      CHECK(s.value(m.x, m.y) == Approx(m.f).margin(1e-12));
      // a minimum, not a saddle: every small step goes up
      for (double a = 0; a < 6.28; a += 0.5)
        CHECK(s.value(m.x + 1e-3 * std::cos(a), m.y + 1e-3 * std::sin(a)) > m.f);
      CHECK(m.x >= s.bounds.x_min);
      CHECK(m.x <= s.bounds.x_max);
      CHECK(m.y >= s.bounds.y_min);
      CHECK(m.y <= s.bounds.y_max);
    }
    for (const auto& p : s.saddles) CHECK(s.grad(p.x, p.y).norm() < 1e-12);
  }
  CHECK(minima == 1 + 1 + 0 + 4 + 4 + 1);
}

TEST_CASE("valleys: base camp is clearly the lowest point of the map", "[surfaces]") {
  const auto& s = find_surface("valleys");
  REQUIRE(s.minima.size() == 4);
  CHECK(s.minima[0].label == "base camp");
  for (std::size_t k = 1; k < s.minima.size(); ++k) CHECK(s.minima[k].f > s.minima[0].f + 0.5);
  double lowest = 1e300;
  for (int i = 0; i <= 200; ++i)
    for (int j = 0; j <= 200; ++j)
      lowest = std::min(lowest, s.value(-6 + 0.06 * i, -6 + 0.06 * j));
  CHECK(lowest >= s.minima[0].f);
  CHECK(lowest < s.minima[0].f + 1e-2);
}

TEST_CASE("the simple surfaces have their textbook values", "[surfaces]") {
  CHECK(find_surface("bowl").value(-7, 2) == Approx(49.0 / 20 + 4));
  CHECK(find_surface("rosenbrock").value(-1, 1) == Approx(4));
  CHECK(find_surface("saddle").value(1, 2) == Approx(-3));
  CHECK(find_surface("himmelblau").value(0, 0) == Approx(170));
}

TEST_CASE("find_surface lists the valid names for an unknown one", "[surfaces]") {
  CHECK_THROWS_AS(find_surface("moon"), basecamp::Error);
  CHECK_THROWS_WITH(find_surface("moon"),
                    "surface: unknown surface 'moon' (valid: bowl, rosenbrock, saddle, himmelblau, "
                    "valleys, regression)");
}
