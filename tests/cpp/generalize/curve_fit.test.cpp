// generalize/curve_fit: gradient-descent fits on lesson 7's points — a line converges to least
// squares, a degree-10 polynomial on 11 points overfits (training error toward zero while the
// held-out error turns up), penalties shrink the weights and are reported as the formula says,
// dropout and divergence are handled.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "generalize/curve_fit.hpp"
#include "generalize/split.hpp"

using namespace basecamp;
using namespace basecamp::generalize;

namespace {
const CurveData kTrain = make_curve_data(11, 0.2, 1);
const CurveData kVal = make_curve_data(50, 0.2, 1001);
}  // namespace

TEST_CASE("a straight line by gradient descent reaches the least-squares line", "[generalize]") {
  FitSpec s;
  s.degree = 1;
  s.lr = 0.05;
  s.steps = 2000;
  const FitResult r = fit_curve(kTrain, kVal, kVal, s);
  const std::vector<double> ls = fit_poly_least_squares(kTrain, 1);
  CHECK(r.train_mse.back() == Approx(poly_mse(ls, kTrain)).epsilon(1e-6));
  CHECK(r.val_mse.back() == Approx(poly_mse(ls, kVal)).epsilon(1e-4));
  CHECK(r.test_mse == Approx(r.val_mse.back()));
  REQUIRE(r.weights.size() == 1);
  CHECK(r.weights[0] == Approx(ls[1]).epsilon(1e-4));
  CHECK(r.parameters == 2);
  CHECK(r.steps.front() == 0);
  CHECK(r.steps.back() == 2000);
  CHECK(r.steps.size() == 201);
  CHECK(r.curves.size() == r.steps.size() * r.grid_x.size());
  // The recorded curve at step 0 is the zero polynomial (kernels and bias start at 0).
  CHECK(std::all_of(r.curves.begin(), r.curves.begin() + 101, [](double v) { return v == 0; }));
}

TEST_CASE("degree 10 on 11 points: training error toward zero, held-out error turns up", "[generalize]") {
  FitSpec s;  // the lesson's default: degree 10, adam lr 0.05, 3000 steps
  s.degree = 10;
  s.lr = 0.05;
  s.steps = 3000;
  s.record_every = 30;
  const FitResult r = fit_curve(kTrain, kVal, {}, s);
  REQUIRE(r.best > 0);
  const std::size_t best = static_cast<std::size_t>(r.best);
  CHECK(r.train_mse.back() < 0.1 * r.train_mse[best]);
  CHECK(r.val_mse.back() > 1.5 * r.val_mse[best]);
  CHECK(std::isnan(r.test_mse));
  CHECK(r.diverged_at == -1);
  // The minimum recorded really is the minimum.
  CHECK(*std::min_element(r.val_mse.begin(), r.val_mse.end()) == r.val_mse[best]);
  // Same spec, same numbers.
  const FitResult again = fit_curve(kTrain, kVal, {}, s);
  CHECK(again.val_mse == r.val_mse);
}

TEST_CASE("L2 and L1 shrink the weights; the reported penalty is the source's formula", "[generalize]") {
  FitSpec s;
  s.degree = 10;
  s.lr = 0.05;
  s.steps = 1500;
  s.penalty = Penalty::l2;
  double last = 1e300;
  for (double lambda : {0.0, 0.001, 0.01, 0.1}) {
    s.lambda = lambda;
    const FitResult r = fit_curve(kTrain, kVal, {}, s);
    double ss = 0;
    for (double w : r.weights) ss += w * w;
    CHECK(r.sum_sq == Approx(ss));
    CHECK(r.penalty == Approx(0.5 * lambda * ss));
    CHECK(r.sum_sq < last);
    last = r.sum_sq;
  }
  s.penalty = Penalty::l1;
  s.lambda = 0.0;
  const double free_abs = fit_curve(kTrain, kVal, {}, s).sum_abs;
  s.lambda = 0.01;
  const FitResult l1 = fit_curve(kTrain, kVal, {}, s);
  CHECK(l1.sum_abs < 0.5 * free_abs);
  CHECK(l1.penalty == Approx(0.01 * l1.sum_abs));
}

TEST_CASE("an MLP with dropout trains, differs from one without, and is reproducible", "[generalize]") {
  FitSpec s;
  s.model = ModelKind::mlp;
  s.hidden = 16;
  s.depth = 2;
  s.lr = 0.01;
  s.steps = 300;
  s.record_every = 50;
  const FitResult plain = fit_curve(kTrain, kVal, {}, s);
  CHECK(plain.parameters == 16 + 16 + 16 * 16 + 16 + 16 + 1);
  CHECK(plain.weights.size() == 16 + 256 + 16);
  CHECK(plain.train_mse.back() < 0.5 * plain.train_mse.front());
  s.dropout = 0.3;
  const FitResult dropped = fit_curve(kTrain, kVal, {}, s);
  CHECK(dropped.train_mse != plain.train_mse);
  CHECK(fit_curve(kTrain, kVal, {}, s).train_mse == dropped.train_mse);
  CHECK(dropped.steps.size() == 7);
}

TEST_CASE("divergence stops the run with finite records; bad specs are named", "[generalize]") {
  FitSpec s;
  s.degree = 10;
  s.optimizer = "sgd";
  s.lr = 100;
  s.steps = 500;
  s.record_every = 1;
  const FitResult r = fit_curve(kTrain, kVal, {}, s);
  CHECK(r.diverged_at > 0);
  CHECK(r.diverged_at <= 500);
  for (double v : r.train_mse) CHECK(std::isfinite(v));
  CHECK(r.curves.size() == r.steps.size() * r.grid_x.size());
  FitSpec bad;
  bad.degree = 31;
  CHECK_THROWS_WITH(fit_curve(kTrain, kVal, {}, bad), Catch::Contains("degree must be in [1, 30]"));
  bad = FitSpec{};
  bad.lambda = -1;
  CHECK_THROWS_WITH(fit_curve(kTrain, kVal, {}, bad), Catch::Contains("lambda"));
  bad = FitSpec{};
  bad.optimizer = "nope";
  CHECK_THROWS_WITH(fit_curve(kTrain, kVal, {}, bad), Catch::Contains("nope"));
  CHECK_THROWS_WITH(fit_curve({}, kVal, {}, FitSpec{}), Catch::Contains("no training points"));
  CHECK_THROWS_WITH(parse_penalty("l3"), Catch::Contains("valid: none, l2, l1"));
  CHECK(parse_model_kind("mlp") == ModelKind::mlp);
}

TEST_CASE("a fit run in chunks equals one uninterrupted run", "[generalize]") {
  FitSpec s;
  s.model = ModelKind::mlp;
  s.hidden = 8;
  s.dropout = 0.2;
  s.steps = 95;
  s.record_every = 7;
  const FitResult whole = fit_curve(kTrain, kVal, kVal, s);
  FitRun run(kTrain, kVal, kVal, s);
  int calls = 0;
  while (run.advance(10)) ++calls;
  CHECK(calls == 9);
  CHECK(run.done());
  CHECK(run.step() == 95);
  const FitResult& parts = run.result();
  CHECK(parts.steps == whole.steps);
  CHECK(parts.train_mse == whole.train_mse);
  CHECK(parts.val_mse == whole.val_mse);
  CHECK(parts.curves == whole.curves);
  CHECK(parts.weights == whole.weights);
  CHECK(parts.test_mse == whole.test_mse);
  CHECK_THROWS_WITH(run.advance(-1), Catch::Contains(">= 0"));
}
