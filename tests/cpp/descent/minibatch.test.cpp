// MinibatchWalker: full batch equals descend() bit for bit; batch 1 is replayable from its seed,
// visits every point once per epoch, and is noisy; sample counts; errors.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "descent/descend.hpp"
#include "optim/factory.hpp"
#include "descent/minibatch.hpp"
#include "surfaces/regression.hpp"

using namespace basecamp;
using optim::make_optimizer;
using descent::MinibatchWalker;

namespace {
struct Row {
  double m, b, f;
  long samples;
  bool operator==(const Row&) const = default;
};
std::vector<Row> walk(MinibatchWalker& w, int steps) {
  std::vector<Row> rows{{w.m(), w.b(), w.loss(), w.samples()}};
  for (int i = 0; i < steps && w.step(); ++i) rows.push_back({w.m(), w.b(), w.loss(), w.samples()});
  return rows;
}
}  // namespace

TEST_CASE("batch_grad over all points in order is Regression::grad exactly", "[minibatch]") {
  const surfaces::Regression problem;
  const std::vector<std::size_t> all{0, 1, 2, 3, 4, 5, 6};
  for (const auto& [m, b] : std::vector<std::pair<double, double>>{{0, 0}, {0.3, 0.8}, {-1.3, 4.1}}) {
    const auto g = descent::batch_grad(problem, m, b, all);
    const Eigen::Vector2d full = problem.grad(m, b);
    CHECK(g.gm == full.x());
    CHECK(g.gb == full.y());
    CHECK(g.loss == problem.value(m, b));
  }
  // One point: r = m·x + b − y, grad = (2r·x, 2r).
  const auto one = descent::batch_grad(problem, 0.5, 1.0, {6});
  const double r = 0.5 * 5.0 + 1.0 - 2.7;
  CHECK(one.gm == Approx(2 * r * 5.0));
  CHECK(one.gb == Approx(2 * r));
  CHECK(one.loss == Approx(r * r));
  CHECK_THROWS_WITH(descent::batch_grad(problem, 0, 0, {}), Catch::Contains("at least one point"));
  CHECK_THROWS_WITH(descent::batch_grad(problem, 0, 0, {7}), Catch::Contains("point 7 does not exist"));
}

TEST_CASE("batch = n is full-batch descend, bit for bit, for any optimizer and schedule", "[minibatch]") {
  const surfaces::Regression problem;
  for (const std::string name : {"sgd", "adam", "rmsprop"}) {
    for (const auto& schedule : {optim::Schedule::constant(), optim::Schedule::exponential(0.99)}) {
      auto a = make_optimizer<double>(name, {.lr = 0.02});
      auto b = make_optimizer<double>(name, {.lr = 0.02});
      const auto path = descent::descend(problem, *a, 0, 0, 60, schedule);
      MinibatchWalker w(problem, *b, 7, 123, 0, 0, schedule);
      const auto rows = walk(w, 60);
      REQUIRE(rows.size() == path.rows.size());
      for (std::size_t t = 0; t < rows.size(); ++t) {
        CHECK(rows[t].m == path.rows[t][0]);
        CHECK(rows[t].b == path.rows[t][1]);
        CHECK(rows[t].f == path.rows[t][2]);
        CHECK(rows[t].samples == static_cast<long>(7 * t));
      }
      CHECK(w.epoch() == 59);  // one epoch per step; the 60th batch came from epoch 59
    }
  }
}

TEST_CASE("batch 1 is deterministic from its seed and visits each point once per epoch", "[minibatch]") {
  const surfaces::Regression problem;
  auto opt = make_optimizer<double>("sgd", {.lr = 0.02});
  MinibatchWalker a(problem, *opt, 1, 42, 0, 0);
  const auto first = walk(a, 70);
  MinibatchWalker again(problem, *opt, 1, 42, 0, 0);
  CHECK(walk(again, 70) == first);
  MinibatchWalker other(problem, *opt, 1, 43, 0, 0);
  CHECK(walk(other, 70) != first);
  CHECK(first.back().samples == 70);

  MinibatchWalker w(problem, *opt, 1, 7, 0, 0);
  for (int epoch = 0; epoch < 5; ++epoch) {
    std::set<std::size_t> seen;
    for (int i = 0; i < 7; ++i) {
      REQUIRE(w.step());
      REQUIRE(w.last_batch().size() == 1);
      seen.insert(w.last_batch()[0]);
    }
    CHECK(seen.size() == 7);
  }
  CHECK(w.epoch() == 4);
}

TEST_CASE("batch 3 of 7 points: batches 3, 3, 1 per epoch, sorted, and its own batch loss", "[minibatch]") {
  const surfaces::Regression problem;
  auto opt = make_optimizer<double>("sgd", {.lr = 0.01});
  MinibatchWalker w(problem, *opt, 3, 5, 0.2, 0.4);
  CHECK(std::isnan(w.batch_loss()));
  std::vector<std::size_t> sizes;
  std::set<std::size_t> seen;
  for (int i = 0; i < 3; ++i) {
    const double m = w.m(), b = w.b();
    REQUIRE(w.step());
    sizes.push_back(w.last_batch().size());
    CHECK(std::is_sorted(w.last_batch().begin(), w.last_batch().end()));
    seen.insert(w.last_batch().begin(), w.last_batch().end());
    CHECK(w.batch_loss() == descent::batch_grad(problem, m, b, w.last_batch()).loss);
    // SGD: the step is −lr times the batch gradient.
    const auto g = descent::batch_grad(problem, m, b, w.last_batch());
    CHECK(w.m() == Approx(m - 0.01 * g.gm));
    CHECK(w.b() == Approx(b - 0.01 * g.gb));
    CHECK(w.loss() == problem.value(w.m(), w.b()));
  }
  CHECK(sizes == std::vector<std::size_t>{3, 3, 1});
  CHECK(seen.size() == 7);
  CHECK(w.samples() == 7);
}

TEST_CASE("small batches are noisier than the full batch but still go downhill", "[minibatch]") {
  const surfaces::Regression problem;
  auto opt = make_optimizer<double>("sgd", {.lr = 0.02});
  MinibatchWalker one(problem, *opt, 1, 1, 0, 0);
  const auto rows = walk(one, 700);
  // Downhill overall, but not every step: the loss goes up at some steps.
  CHECK(rows.back().f < rows.front().f);
  int ups = 0;
  for (std::size_t t = 1; t < rows.size(); ++t) ups += rows[t].f > rows[t - 1].f;
  CHECK(ups > 10);
  auto opt2 = make_optimizer<double>("sgd", {.lr = 0.02});
  MinibatchWalker full(problem, *opt2, 7, 1, 0, 0);
  const auto full_rows = walk(full, 100);
  for (std::size_t t = 1; t < full_rows.size(); ++t) CHECK(full_rows[t].f <= full_rows[t - 1].f);
}

TEST_CASE("mini-batch errors and divergence", "[minibatch]") {
  const surfaces::Regression problem;
  auto opt = make_optimizer<double>("sgd", {.lr = 0.02});
  CHECK_THROWS_WITH(MinibatchWalker(problem, *opt, 0, 1, 0, 0), Catch::Contains("batch_size must be in [1, 7], got 0"));
  CHECK_THROWS_WITH(MinibatchWalker(problem, *opt, 8, 1, 0, 0), Catch::Contains("got 8"));
  CHECK_THROWS_WITH(MinibatchWalker(problem, *opt, 1, 1, std::nan(""), 0), Catch::Contains("not a finite point"));
  auto big = make_optimizer<double>("sgd", {.lr = 5});
  MinibatchWalker w(problem, *big, 2, 1, 0, 0);
  const auto rows = walk(w, 2000);
  REQUIRE(w.diverged_at().has_value());
  CHECK(rows.size() == static_cast<std::size_t>(*w.diverged_at()));
  CHECK(std::isfinite(w.m()));
  CHECK_FALSE(w.step());
}
