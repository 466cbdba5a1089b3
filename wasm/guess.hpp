// Lesson 2's arithmetic and race as seen from JS: whole-number checks on the way in, plain
// objects and Float64Array copies on the way out. Conversion only; the counting is in src/guess/.
#pragma once

#include <emscripten/val.h>

#include <cmath>
#include <string>
#include <vector>

#include "convert.hpp"
#include "error.hpp"
#include "guess/guess_count.hpp"
#include "guess/network_size.hpp"
#include "guess/race.hpp"

namespace basecamp::wasm {

using emscripten::val;

// A JS number that must be a whole number in [lo, hi] (JS numbers are exact up to 2^53).
inline double whole_number(double x, const std::string& what, double lo, double hi) {
  require(std::isfinite(x) && x == std::floor(x) && x >= lo && x <= hi, what,
          "expected a whole number between " + std::to_string(static_cast<long long>(lo)) + " and " +
              std::to_string(static_cast<long long>(hi)) + ", got " + std::to_string(x));
  return x;
}


inline val guess_count_to_js(const guess::GuessCount& c) {
  return object("k", static_cast<double>(c.k), "n", static_cast<double>(c.n), "log10", c.log10,
                "exact", c.exact, "digits", static_cast<double>(c.digits), "mantissa", c.mantissa,
                "exponent", static_cast<double>(c.exponent), "powerOfTen", c.power_of_ten);
}

inline guess::GuessCount count_from_js(double k, double n) {
  return guess::count_guesses(
      static_cast<std::uint64_t>(whole_number(k, "segments per axis", 1, static_cast<double>(guess::kMaxSegments))),
      static_cast<std::uint64_t>(whole_number(n, "number of weights", 0, 1e15)));
}

// count_guesses + guess_time in one object.
inline val guess_report_js(double k, double n, double per_second) {
  const auto c = count_from_js(k, n);
  const auto t = guess::guess_time(c, per_second);
  val out = guess_count_to_js(c);
  out.set("log10Seconds", t.log10_seconds);
  out.set("seconds", t.seconds);
  out.set("log10Years", t.log10_years);
  out.set("log10UniverseAges", t.log10_universe_ages);
  out.set("log10VsAtoms", t.log10_vs_atoms);
  return out;
}

inline val guess_constants_js() {
  return object("log10Atoms", guess::kLog10AtomsInUniverse,
                "ageOfUniverseSeconds", guess::kAgeOfUniverseSeconds,
                "secondsPerYear", guess::kSecondsPerYear, "maxExactDigits", guess::kMaxExactDigits,
                "maxSegments", static_cast<double>(guess::kMaxSegments),
                "maxRaceBudget", static_cast<double>(guess::kMaxRaceBudget));
}

inline val check_layers_js(const val& sizes) {
  const auto check = guess::check_layers(emscripten::convertJSArrayToNumberVector<double>(sizes));
  return object("problem", std::string(guess::layer_problem_name(check.problem)),
                "index", check.index);
}

inline val count_parameters_js(const val& sizes) {
  const auto n = guess::count_parameters(emscripten::convertJSArrayToNumberVector<double>(sizes));
  val out = val::object();
  out.set("weights", static_cast<double>(n.weights));
  out.set("biases", static_cast<double>(n.biases));
  out.set("parameters", static_cast<double>(n.parameters));
  val layers = val::array();
  for (const auto& l : n.layers) {
    val item = val::object();
    item.set("inputs", static_cast<double>(l.inputs));
    item.set("outputs", static_cast<double>(l.outputs));
    item.set("weights", static_cast<double>(l.weights));
    item.set("biases", static_cast<double>(l.biases));
    layers.call<void>("push", item);
  }
  out.set("layers", layers);
  return out;
}

inline val race_js(double n, double budget, double seed, const std::string& cost) {
  require(cost == "backprop" || cost == "finite_differences", "race",
          "gradient cost must be 'backprop' or 'finite_differences', got '" + cost + "'");
  const auto r = guess::run_race(
      static_cast<int>(whole_number(n, "race N", 1, guess::kMaxRaceParameters)),
      static_cast<long>(whole_number(budget, "race budget", 1, static_cast<double>(guess::kMaxRaceBudget))),
      static_cast<std::uint64_t>(whole_number(seed, "seed", 0, 4294967295.0)),
      cost == "backprop" ? guess::GradientCost::backprop : guess::GradientCost::finite_differences);
  return object("n", r.n, "budget", static_cast<double>(r.budget), "step", r.step,
                "evalsPerStep", r.evals_per_step,
                "descentSteps", static_cast<double>(r.descent_steps),
                "randomBest", typed_copy(r.random_best), "descentBest", typed_copy(r.descent_best));
}

}  // namespace basecamp::wasm
