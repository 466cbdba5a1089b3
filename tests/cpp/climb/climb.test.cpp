// The climber on the valleys landscape: read-outs, the cross-section, reaching base camp.
#include <catch2/catch.hpp>

#include <cmath>

#include "climb/climb.hpp"
#include "error.hpp"
#include "surfaces/surface.hpp"

using namespace basecamp::climb;
using basecamp::surfaces::find_surface;

TEST_CASE("inspect names base camp, a local dip and a slope", "[climb]") {
  const auto& v = find_surface("valleys");
  const auto& camp = v.minima[0];
  CHECK(camp.label == "base camp");
  const Spot at_camp = inspect(v, camp.x, camp.y);
  CHECK(at_camp.status == Status::base_camp);
  CHECK(at_camp.nearest == 0);
  CHECK(at_camp.slope < 1e-6);
  const Spot in_dip = inspect(v, v.minima[1].x + 0.01, v.minima[1].y);
  CHECK(in_dip.status == Status::stuck);
  CHECK(in_dip.nearest == 1);
  const Spot on_slope = inspect(v, 0, 0);
  CHECK(on_slope.status == Status::walking);
  const Eigen::Vector2d g = v.grad(0, 0);
  CHECK(on_slope.gx == g.x());
  CHECK(on_slope.slope == Approx(g.norm()));
  CHECK(std::string(status_name(Status::stuck)) == "stuck");
  CHECK_THROWS_AS(inspect(v, NAN, 0), basecamp::Error);
}

TEST_CASE("the cross-section runs downhill and touches its tangent", "[climb]") {
  const auto& v = find_surface("valleys");
  const Section c = cross_section(v, 0.5, 0.5, 2, 81);
  REQUIRE(c.s.size() == 81);
  CHECK(c.s.front() == -2);
  CHECK(c.s.back() == 2);
  CHECK(c.f[40] == Approx(v.value(0.5, 0.5)));
  CHECK(c.tangent[40] == Approx(c.f[40]));
  CHECK(std::hypot(c.dx, c.dy) == Approx(1));
  CHECK(c.f[41] < c.f[40]);  // forward along d is downhill
  CHECK(c.f[39] > c.f[40]);
  // The tangent's slope is −|∇f|, as f's own slope at s = 0 (central difference).
  const double ds = c.s[41] - c.s[40];
  CHECK((c.f[41] - c.f[39]) / (2 * ds) == Approx(-c.slope).epsilon(1e-2));
}

TEST_CASE("reaching base camp: a good step, a too-small one, a too-large one", "[climb]") {
  const auto& v = find_surface("valleys");
  const Reach good = reach_base_camp(v, 1, -3, 0.5, 500);
  CHECK(good.steps_to_base_camp > 0);
  CHECK(good.status == Status::base_camp);
  const Reach tiny = reach_base_camp(v, 1, -3, 0.001, 50);
  CHECK(tiny.steps_to_base_camp == -1);
  CHECK(tiny.steps == 50);
  const Reach local = reach_base_camp(v, -2.5, 2.5, 0.5, 2000);
  CHECK(local.status == Status::stuck);
  const Reach huge = reach_base_camp(v, 1, -3, 1e6, 200);
  CHECK(huge.steps_to_base_camp == -1);
  CHECK((huge.diverged_at > 0 || std::hypot(huge.x, huge.y) > 6));
}
