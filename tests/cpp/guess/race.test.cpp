// The race: random search stalls as N grows, gradient descent does not; both replay from a seed.
#include <catch2/catch.hpp>

#include <cmath>

#include "error.hpp"
#include "guess/race.hpp"

using namespace basecamp::guess;

TEST_CASE("the bowl's gradient matches finite differences", "[guess][race]") {
  const auto bowl = make_race_bowl(7, 3);
  std::vector<double> w{0.3, -1.2, 0.7, 1.9, -0.4, 0.0, 1.1};
  const auto g = bowl.grad(w);
  const double h = 1e-6;
  for (int i = 0; i < 7; ++i) {
    auto up = w, down = w;
    up[i] += h;
    down[i] -= h;
    const double numeric = (bowl.value(up) - bowl.value(down)) / (2 * h);
    CHECK(std::abs(g[i] - numeric) <= 1e-5 + 1e-3 * std::abs(numeric));
  }
  CHECK(bowl.value(bowl.target) == 0);
  for (double c : bowl.curvature) CHECK((c >= 0.1 && c <= 1));
  for (double t : bowl.target) CHECK((t >= -1 && t <= 1));
}

TEST_CASE("random search stalls at N = 100, gradient descent does not", "[guess][race]") {
  for (int n : {2, 10, 100}) {
    const auto r = run_race(n, 1000, 42, GradientCost::backprop);
    REQUIRE(r.random_best.size() == 1000);
    REQUIRE(r.descent_best.size() == 1000);
    CHECK(r.evals_per_step == 2);
    CHECK(r.descent_steps == 499);
    // Same start: the first evaluation is the same point.
    CHECK(r.random_best[0] == r.descent_best[0]);
    // Best-so-far curves never go up.
    for (std::size_t e = 1; e < 1000; ++e) {
      CHECK(r.random_best[e] <= r.random_best[e - 1]);
      CHECK(r.descent_best[e] <= r.descent_best[e - 1]);
    }
    CHECK(r.descent_best.back() < 1e-12);
  }
  const auto small = run_race(2, 1000, 42, GradientCost::backprop);
  const auto big = run_race(100, 1000, 42, GradientCost::backprop);
  CHECK(small.random_best.back() < 0.01);        // two dimensions: guessing works
  CHECK(big.random_best.back() > 0.3);           // a hundred: still near a random guess's loss
  CHECK(big.random_best.back() > 1e10 * big.descent_best.back());
}

TEST_CASE("finite differences cost 1 + 2N evaluations per step", "[guess][race]") {
  const auto r = run_race(100, 1000, 42, GradientCost::finite_differences);
  CHECK(r.evals_per_step == 201);
  CHECK(r.descent_steps == 4);  // 5 gradients fit in 1000, the last one unused
  CHECK(r.descent_best.back() < r.descent_best.front());
  const auto b = run_race(100, 1000, 42, GradientCost::backprop);
  CHECK(b.descent_best.back() < r.descent_best.back());
}

TEST_CASE("the race is deterministic from its seed", "[guess][race]") {
  const auto a = run_race(10, 500, 7, GradientCost::backprop);
  const auto b = run_race(10, 500, 7, GradientCost::backprop);
  const auto c = run_race(10, 500, 8, GradientCost::backprop);
  CHECK(a.random_best == b.random_best);
  CHECK(a.descent_best == b.descent_best);
  CHECK(a.random_best != c.random_best);
  CHECK_THROWS_AS(run_race(0, 100, 1, GradientCost::backprop), basecamp::Error);
  CHECK_THROWS_AS(run_race(10, 0, 1, GradientCost::backprop), basecamp::Error);
  CHECK_THROWS_AS(run_race(1000, 100000, 1, GradientCost::backprop), basecamp::Error);
}
