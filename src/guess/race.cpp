// Random search vs gradient descent under one evaluation budget; see race.hpp.
#include "guess/race.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "error.hpp"
#include "random.hpp"

namespace basecamp::guess {

double QuadraticBowl::value(const std::vector<double>& w) const {
  double sum = 0;
  for (std::size_t i = 0; i < w.size(); ++i) sum += curvature[i] * (w[i] - target[i]) * (w[i] - target[i]);
  return sum / static_cast<double>(w.size());
}

std::vector<double> QuadraticBowl::grad(const std::vector<double>& w) const {
  std::vector<double> g(w.size());
  const double scale = 2.0 / static_cast<double>(w.size());
  for (std::size_t i = 0; i < w.size(); ++i) g[i] = scale * curvature[i] * (w[i] - target[i]);
  return g;
}

double QuadraticBowl::lipschitz() const {
  return 2.0 * *std::max_element(curvature.begin(), curvature.end()) / static_cast<double>(target.size());
}

QuadraticBowl make_race_bowl(int n, std::uint64_t seed) {
  require(n >= 1 && n <= kMaxRaceParameters, "race",
          "N must be between 1 and " + std::to_string(kMaxRaceParameters) + ", got " + std::to_string(n));
  Rng rng(seed);
  QuadraticBowl bowl;
  for (int i = 0; i < n; ++i) {
    bowl.target.push_back(rng.uniform(-1, 1));
    bowl.curvature.push_back(std::pow(10.0, -rng.uniform()));
  }
  return bowl;
}

RaceResult run_race(int n, long budget, std::uint64_t seed, GradientCost cost) {
  require(budget >= 1 && budget <= kMaxRaceBudget, "race",
          "the budget must be between 1 and " + std::to_string(kMaxRaceBudget) + " evaluations, got " +
              std::to_string(budget));
  const QuadraticBowl bowl = make_race_bowl(n, seed);
  require(static_cast<double>(n) * budget <= 2e7, "race", "N × budget must stay below 2·10^7");
  RaceResult r;
  r.n = n;
  r.budget = budget;
  r.step = 1.0 / bowl.lipschitz();
  r.evals_per_step = cost == GradientCost::backprop ? 2 : 1 + 2 * n;

  // Random search: a separate stream from the bowl's, so the guesses do not depend on it.
  Rng guesses(seed ^ 0x5EA5C4ULL);
  std::vector<double> w(n), start;
  double best = HUGE_VAL;
  r.random_best.reserve(budget);
  for (long e = 0; e < budget; ++e) {
    for (auto& x : w) x = guesses.uniform(-2, 2);
    if (e == 0) start = w;
    best = std::min(best, bowl.value(w));
    r.random_best.push_back(best);
  }

  // Gradient descent from the same first guess.
  r.descent_best.reserve(budget);
  best = HUGE_VAL;
  w = start;
  const auto record = [&](double f) {
    if (static_cast<long>(r.descent_best.size()) >= budget) return;
    best = std::min(best, f);
    r.descent_best.push_back(best);
  };
  while (static_cast<long>(r.descent_best.size()) < budget) {
    std::vector<double> g;
    record(bowl.value(w));  // the forward pass
    if (cost == GradientCost::backprop) {
      g = bowl.grad(w);
      record(best);  // the backward pass: no new point evaluated
    } else {
      // Central differences, h relative to the box: 2N more forward passes.
      const double h = 1e-5;
      g.resize(n);
      for (int i = 0; i < n; ++i) {
        const double keep = w[i];
        w[i] = keep + h;
        const double up = bowl.value(w);
        w[i] = keep - h;
        const double down = bowl.value(w);
        w[i] = keep;
        record(up);
        record(down);
        g[i] = (up - down) / (2 * h);
      }
    }
    if (static_cast<long>(r.descent_best.size()) >= budget) break;
    for (int i = 0; i < n; ++i) w[i] -= r.step * g[i];
    ++r.descent_steps;
  }
  return r;
}

GradientCost parse_gradient_cost(const std::string& name) {
  require(name == "backprop" || name == "finite_differences", "race",
          "gradient cost must be 'backprop' or 'finite_differences', got '" + name + "'");
  return name == "backprop" ? GradientCost::backprop : GradientCost::finite_differences;
}

}  // namespace basecamp::guess
