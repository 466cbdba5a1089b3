// Finite differences against backpropagation: the two gradients agree, the counts are exact, a
// sample is extrapolated and says so, and everything but the times is deterministic.
#include <catch2/catch.hpp>

#include <cmath>

#include "backprop/fd_vs_backprop.hpp"

using namespace basecamp;
using namespace basecamp::backprop;

TEST_CASE("mlp_param_count counts weights and biases", "[backprop]") {
  CHECK(mlp_param_count({4, 6, 3}) == 4 * 6 + 6 + 6 * 3 + 3);
  CHECK(mlp_param_count({784, 300, 100, 10}) == 266610);
  CHECK_THROWS_WITH(mlp_param_count({5}), Catch::Contains("at least 2 layer sizes"));
  CHECK_THROWS_WITH(mlp_param_count({5, 0}), Catch::Contains("layer sizes must be in [1, 100000], got 0"));
}

TEST_CASE("central differences match backpropagation on a small net", "[backprop]") {
  const FdReport r = compare_fd_backprop({3, 5, 4, 2}, {.batch = 6, .seed = 11});
  CHECK(r.params == 3 * 5 + 5 + 5 * 4 + 4 + 4 * 2 + 2);
  CHECK(r.fd_evaluations == 2 * r.params);
  CHECK(r.forward_fd_evaluations == r.params + 1);
  CHECK(r.fd_params_run == r.params);
  CHECK(r.fd_evaluations_run == 2 * r.params);
  CHECK(!r.extrapolated);
  CHECK(r.max_rel_diff < 1e-5);
  CHECK(r.max_abs_diff < 1e-8);
  CHECK(r.loss > 0);
  CHECK(r.timed_passes >= 10);
  CHECK(r.backward_over_forward == Approx(r.backward_ms / r.forward_ms));
  CHECK(r.fd_over_backprop == Approx(r.fd_ms / r.backprop_ms));
  CHECK(r.forward_ms >= 0);
  CHECK(r.backward_ms >= 0);
  CHECK(r.backprop_ms == Approx(r.forward_ms + r.backward_ms));
  CHECK(r.fd_ms == Approx(r.fd_run_ms));
}

TEST_CASE("the gradient by backprop equals each central difference, parameter by parameter",
          "[backprop]") {
  MlpProblem p({2, 3, 1}, 4, 5);
  const std::vector<double> g = p.backprop_grad();
  REQUIRE(static_cast<long>(g.size()) == p.params());
  const double before = p.loss();
  for (long i = 0; i < p.params(); ++i)
    CHECK(p.central_difference(i, 1e-5) == Approx(g[static_cast<std::size_t>(i)]).margin(1e-9).epsilon(1e-6));
  CHECK(p.loss() == before);  // every parameter restored exactly
  CHECK_THROWS_WITH(p.param(p.params()), Catch::Contains("out of range"));
}

TEST_CASE("a sample of parameters: fd time extrapolated to all N, flagged", "[backprop]") {
  const FdReport r = compare_fd_backprop({20, 30, 10}, {.batch = 4, .seed = 3, .fd_sample = 40});
  CHECK(r.params == 20 * 30 + 30 + 30 * 10 + 10);
  CHECK(r.extrapolated);
  CHECK(r.fd_params_run == 40);
  CHECK(r.fd_evaluations_run == 80);
  CHECK(r.fd_evaluations == 2 * r.params);  // what all of them would cost
  CHECK(r.fd_ms == Approx(r.fd_run_ms * r.params / 40.0));
  CHECK(r.max_rel_diff < 1e-5);
}

TEST_CASE("deterministic: same seed, same loss and the same differences", "[backprop]") {
  const FdSettings s{.batch = 5, .seed = 8, .fd_sample = 25};
  const FdReport a = compare_fd_backprop({6, 7, 3}, s);
  const FdReport b = compare_fd_backprop({6, 7, 3}, s);
  CHECK(a.loss == b.loss);
  CHECK(a.max_rel_diff == b.max_rel_diff);
  CHECK(a.max_abs_diff == b.max_abs_diff);
  const FdReport c = compare_fd_backprop({6, 7, 3}, {.batch = 5, .seed = 9, .fd_sample = 25});
  CHECK(c.loss != a.loss);
}

TEST_CASE("the lesson's presets span about 50 to 270k parameters", "[backprop]") {
  const auto presets = fd_presets();
  REQUIRE(presets.size() == 5);
  const std::vector<long> expected = {51, 485, 4916, 49472, 266610};
  for (std::size_t i = 0; i < presets.size(); ++i) CHECK(mlp_param_count(presets[i].layers) == expected[i]);
  CHECK(presets[0].fd_sample == 0);
  CHECK(presets[4].fd_sample > 0);
}

TEST_CASE("bad settings are refused with a message", "[backprop]") {
  CHECK_THROWS_WITH(compare_fd_backprop({2, 2}, {.batch = 0}), Catch::Contains("batch must be in [1, 4096], got 0"));
  CHECK_THROWS_WITH(compare_fd_backprop({2, 2}, {.step = 0}), Catch::Contains("step must be in (0, 1)"));
  CHECK_THROWS_WITH(compare_fd_backprop({2, 2}, {.fd_sample = -1}), Catch::Contains("fd_sample must be >= 0"));
}
