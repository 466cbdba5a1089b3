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
  val out = val::object();
  out.set("k", static_cast<double>(c.k));
  out.set("n", static_cast<double>(c.n));
  out.set("log10", c.log10);
  out.set("exact", c.exact);
  out.set("digits", static_cast<double>(c.digits));
  out.set("mantissa", c.mantissa);
  out.set("exponent", static_cast<double>(c.exponent));
  out.set("powerOfTen", c.power_of_ten);
  return out;
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
  val out = val::object();
  out.set("log10Atoms", guess::kLog10AtomsInUniverse);
  out.set("ageOfUniverseSeconds", guess::kAgeOfUniverseSeconds);
  out.set("secondsPerYear", guess::kSecondsPerYear);
  out.set("maxExactDigits", guess::kMaxExactDigits);
  out.set("maxSegments", static_cast<double>(guess::kMaxSegments));
  out.set("maxRaceBudget", static_cast<double>(guess::kMaxRaceBudget));
  return out;
}

inline val check_layers_js(const val& sizes) {
  const auto check = guess::check_layers(emscripten::convertJSArrayToNumberVector<double>(sizes));
  val out = val::object();
  out.set("problem", std::string(guess::layer_problem_name(check.problem)));
  out.set("index", check.index);
  return out;
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
  val out = val::object();
  out.set("n", r.n);
  out.set("budget", static_cast<double>(r.budget));
  out.set("step", r.step);
  out.set("evalsPerStep", r.evals_per_step);
  out.set("descentSteps", static_cast<double>(r.descent_steps));
  out.set("randomBest", typed_copy(r.random_best));
  out.set("descentBest", typed_copy(r.descent_best));
  return out;
}

}  // namespace basecamp::wasm
