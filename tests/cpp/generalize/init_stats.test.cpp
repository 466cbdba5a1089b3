// generalize/init_stats: the activation histograms of the initialization experiment (5 layers
// of 100 units, 1000 inputs) show what the textbook describes: σ = 1 with sigmoid piles up at 0
// and 1, σ = 0.01 squeezes everything to 0.5, Xavier spreads, He keeps ReLU's spread while
// σ = 1 makes ReLU explode; gradients vanish with σ = 0.01.
#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>

#include "generalize/init_stats.hpp"

using namespace basecamp::generalize;

namespace {
std::vector<LayerStats> run(const std::string& rule, const std::string& act) {
  InitSpec s;
  s.rule = parse_init_rule(rule);
  s.activation = act;
  return activation_stats(s);
}
}  // namespace

TEST_CASE("histogram counts every value once, clamping the ends", "[generalize]") {
  const Histogram h = histogram({-5, 0, 0.1, 0.5, 0.99, 1, 7, NAN}, 4, 0, 1);
  CHECK(h.counts == std::vector<int>{3, 0, 1, 3});
  CHECK_THROWS_WITH(histogram({}, 3, 1, 1), Catch::Contains("lo < hi"));
  CHECK_THROWS_WITH(histogram({}, 0, 0, 1), Catch::Contains("bins"));
}

TEST_CASE("sigmoid: sigma 1 saturates, sigma 0.01 squeezes to 0.5, Xavier spreads", "[generalize]") {
  const auto big = run("normal_1", "sigmoid");
  REQUIRE(big.size() == 5);
  for (const LayerStats& l : big) {
    CHECK(std::accumulate(l.activations.counts.begin(), l.activations.counts.end(), 0) == 100000);
    CHECK(l.saturated > 0.3);
    CHECK(l.activations.counts.front() + l.activations.counts.back() > 40000);
  }
  const auto tiny = run("normal_0.01", "sigmoid");
  for (const LayerStats& l : tiny) {
    CHECK(l.mean == Approx(0.5).margin(0.01));
    CHECK(l.stddev < 0.05);
  }
  // The gradient shrinks by ~σ·√n·¼ = 0.025 per layer on its way back: vanished by layer 1.
  CHECK(tiny[0].grad_stddev < 1e-6 * tiny[4].grad_stddev);
  const auto xavier = run("xavier", "sigmoid");
  for (const LayerStats& l : xavier) {
    CHECK(l.stddev > 0.1);
    CHECK(l.saturated < 0.05);
  }
}

TEST_CASE("ReLU: He keeps the spread, sigma 1 explodes", "[generalize]") {
  const auto he = run("he", "relu");
  const double ratio = he[4].stddev / he[0].stddev;
  CHECK((ratio > 0.5 && ratio < 2));
  const auto big = run("normal_1", "relu");
  CHECK(big[4].stddev / big[0].stddev > 1000);
  CHECK(big[0].activations.hi > 1e4);
  CHECK(init_stddev(InitRule::he, 100) == Approx(std::sqrt(0.02)));
  CHECK(init_stddev(InitRule::xavier, 100) == Approx(0.1));
  CHECK_THROWS_WITH(parse_init_rule("lecun"), Catch::Contains("valid: normal_0.01"));
  InitSpec bad;
  bad.activation = "gelu";
  CHECK_THROWS_WITH(activation_stats(bad), Catch::Contains("unknown activation 'gelu'"));
}
