// SurfaceRun and MinibatchRun (descent/runs.hpp): the rows they hand out in chunks are the
// walkers' own steps, in one run or many, and the optimizer state is read by name.
#include <catch2/catch.hpp>

#include "descent/descend.hpp"
#include "descent/runs.hpp"
#include "surfaces/surface.hpp"

using namespace basecamp;

TEST_CASE("SurfaceRun: chunked rows equal descend()'s path", "[descent]") {
  const auto& bowl = surfaces::find_surface("bowl");
  optim::OptimizerSettings s;
  s.lr = 0.1;
  s.momentum = 0.9;
  descent::SurfaceRun run(std::shared_ptr<const surfaces::Surface>(&bowl, [](const surfaces::Surface*) {}), "sgd", s,
                          1.5, -1.0, optim::Schedule::constant());
  std::vector<double> rows = run.step(3);
  const std::vector<double> more = run.step(4);
  rows.insert(rows.end(), more.begin(), more.end());
  auto opt = optim::make_optimizer<double>("sgd", s);
  const descent::DescentPath path = descent::descend(bowl, *opt, 1.5, -1.0, 7);
  REQUIRE(rows.size() == 7 * 3);
  for (std::size_t t = 0; t < 7; ++t)
    for (std::size_t k = 0; k < 3; ++k) CHECK(rows[3 * t + k] == path.rows[t + 1][k]);
  CHECK(run.steps() == 7);
  CHECK(run.diverged_at() == -1);
  CHECK(run.state().at("momentum_buffer").size() == 2);
  CHECK(run.grad().size() == 2);
}

TEST_CASE("MinibatchRun: rows of m, b, loss, samples, batch loss", "[descent]") {
  optim::OptimizerSettings s;
  s.lr = 0.01;
  descent::MinibatchRun run(std::make_unique<surfaces::Regression>(), "sgd", s, 2, 1, 0, 0, optim::Schedule::constant());
  const std::vector<double> rows = run.step(2);
  REQUIRE(rows.size() == 10);
  CHECK(rows[5] == run.m());
  CHECK(rows[8] == run.samples());
  CHECK(run.samples() == 4);
  CHECK(run.last_batch().size() == 2);
}
