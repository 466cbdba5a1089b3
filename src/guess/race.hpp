// Random search against gradient descent on the same N-parameter problem with the same budget of
// loss evaluations: what lesson 2 races for N = 2, 10, 100. Not an optimizer library (the real
// optimizers are in optim/); both searchers are written out here in a few lines each.
//
// The problem: a well-conditioned quadratic bowl, the friendliest landscape there is —
//   f(w) = (1/N) Σᵢ cᵢ (wᵢ − tᵢ)²,  tᵢ ~ U[−1, 1],  cᵢ = 10^(−uᵢ), uᵢ ~ U[0, 1] (so cᵢ ∈ [0.1, 1]),
// drawn from the seed. One minimum (f = 0 at w = t), condition number ≤ 10, and the mean over
// parameters keeps a random guess's loss about the same for every N (E f = 5/3 · E c ≈ 0.65).
// So whatever separates the two searchers is the number of dimensions, not a nasty landscape.
//
// Random search: wᵢ ~ U[−2, 2] (the box holds the target), one evaluation per guess.
// Gradient descent: starts at random search's first guess, w ← w − η∇f with η = 1/L, where
// L = 2·max cᵢ/N is the bowl's largest curvature (the standard safe step for an L-smooth f).
// Its gradient is counted honestly in loss evaluations:
//   backprop: one forward + one backward pass ≈ 2 evaluations (the forward gives f(w) too);
//   finite_differences: f(w) plus f(w ± h·eᵢ) for every i: 1 + 2N evaluations.
// Every evaluated point counts towards the best loss found. Deterministic for a seed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace basecamp::guess {

enum class GradientCost { backprop, finite_differences };
// "backprop" | "finite_differences"; Error naming the name otherwise.
GradientCost parse_gradient_cost(const std::string& name);

inline constexpr int kMaxRaceParameters = 1000;
inline constexpr long kMaxRaceBudget = 100000;

struct QuadraticBowl {
  std::vector<double> target, curvature;
  double value(const std::vector<double>& w) const;
  std::vector<double> grad(const std::vector<double>& w) const;  // (2/N)·cᵢ(wᵢ − tᵢ)
  double lipschitz() const;                                      // L = 2·max cᵢ / N
};

// The bowl for N parameters and a seed.
QuadraticBowl make_race_bowl(int n, std::uint64_t seed);

struct RaceResult {
  int n = 0;
  long budget = 0;
  double step = 0;                  // η = 1/L
  int evals_per_step = 0;           // 2 (backprop) or 1 + 2N (finite differences)
  long descent_steps = 0;           // gradient steps taken within the budget
  std::vector<double> random_best;  // best loss after 1, 2, …, budget evaluations
  std::vector<double> descent_best;

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("n", n), f("budget", budget), f("step", step), f("evalsPerStep", evals_per_step);
    f("descentSteps", descent_steps), f("randomBest", random_best), f("descentBest", descent_best);
  }
};

// Error for n outside 1 … 1000, budget outside 1 … 100000, or n·budget above 2·10^7.
RaceResult run_race(int n, long budget, std::uint64_t seed, GradientCost cost);

}  // namespace basecamp::guess
