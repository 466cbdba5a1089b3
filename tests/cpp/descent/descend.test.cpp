// descend: path shape, divergence, and every optimizer going downhill on the bowl.
#include <catch2/catch.hpp>

#include "descent/descend.hpp"
#include "optim/factory.hpp"
#include "surfaces/surface.hpp"

using namespace basecamp;
using descent::descend;
using optim::make_optimizer;
using surfaces::find_surface;

TEST_CASE("descend records steps + 1 rows starting at the start", "[optim]") {
  auto opt = make_optimizer<double>("sgd", {.lr = 0.1});
  const auto path = descend(find_surface("bowl"), *opt, -7, 2, 25);
  REQUIRE(path.rows.size() == 26);
  CHECK_FALSE(path.diverged_at.has_value());
  CHECK(path.rows[0][0] == -7);
  CHECK(path.rows[0][1] == 2);
  CHECK(path.rows[0][2] == Approx(6.45));
  // one SGD step by hand: (x, y) − 0.1·(x/10, 2y)
  CHECK(path.rows[1][0] == Approx(-7 + 0.07));
  CHECK(path.rows[1][1] == Approx(2 - 0.4));
  CHECK(descend(find_surface("bowl"), *opt, -7, 2, 0).rows.size() == 1);
  CHECK_THROWS_WITH(descend(find_surface("bowl"), *opt, -7, 2, -1),
                    Catch::Contains("steps must be a finite number >= 0, got -1"));
}

TEST_CASE("descend stops at the last finite point and records the step", "[optim]") {
  auto opt = make_optimizer<double>("sgd", {.lr = 10});
  const auto path = descend(find_surface("rosenbrock"), *opt, -1, 1, 100);
  REQUIRE(path.diverged_at.has_value());
  CHECK(path.rows.size() == static_cast<std::size_t>(*path.diverged_at));
  CHECK(*path.diverged_at < 100);
  for (const auto& r : path.rows)
    CHECK((std::isfinite(r[0]) && std::isfinite(r[1]) && std::isfinite(r[2])));
}

TEST_CASE("descend reuses an optimizer from a fresh state", "[optim]") {
  auto opt = make_optimizer<double>("adam", {.lr = 0.1});
  const auto a = descend(find_surface("himmelblau"), *opt, 0, 0, 30);
  const auto b = descend(find_surface("himmelblau"), *opt, 0, 0, 30);
  CHECK(a.rows == b.rows);
}

TEST_CASE("descend applies a schedule", "[optim]") {
  auto opt = make_optimizer<double>("sgd", {.lr = 0.1});
  const auto path = descend(find_surface("saddle"), *opt, 1, 0, 2, optim::Schedule::step_decay(1, 0.5));
  CHECK(path.rows[1][0] == Approx(1 - 0.1 * 2));
  CHECK(path.rows[2][0] == Approx(0.8 - 0.05 * 1.6));
}

TEST_CASE("every optimizer lowers the bowl's loss within 20 steps", "[optim]") {
  const auto& bowl = find_surface("bowl");
  const double f0 = bowl.value(-7, 2);
  SECTION("at torch's default settings") {
    for (const auto& name : optim::optimizer_names()) {
      INFO(name);
      auto opt = make_optimizer<double>(name);
      const auto path = descend(bowl, *opt, -7, 2, 20);
      CHECK(path.rows.back()[2] < f0);
    }
  }
  SECTION("at a suitable lr, by at least half") {
    const std::pair<const char*, double> lrs[] = {{"sgd", 0.1},     {"adagrad", 1.0},
                                                  {"rmsprop", 0.1}, {"adadelta", 100.0},
                                                  {"adam", 0.5},    {"adamw", 0.5}};
    for (const auto& [name, lr] : lrs) {
      INFO(name << " lr " << lr);
      auto opt = make_optimizer<double>(name, {.lr = lr});
      const auto path = descend(bowl, *opt, -7, 2, 20);
      CHECK(path.rows.back()[2] < 0.5 * f0);
    }
  }
}
