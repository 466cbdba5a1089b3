// Lesson 2's arithmetic and race as seen from JS: numbers in (checked by the core as whole
// numbers), the core's structs through to_js out. Conversion only; the counting is in src/guess/.
#pragma once

#include <emscripten/val.h>

#include <string>

#include "convert.hpp"
#include "guess/guess_count.hpp"
#include "guess/network_size.hpp"
#include "guess/race.hpp"

namespace basecamp::wasm {

// count_guesses + guess_time in one object.
inline val guess_report_js(double k, double n, double per_second) {
  const guess::GuessCount c = guess::count_guesses_checked(k, n);
  val out = to_js(c);
  guess::guess_time(c, per_second).fields([&](const char* name, double v) { out.set(name, v); });
  return out;
}

inline val guess_constants_js() {
  return object("log10Atoms", guess::kLog10AtomsInUniverse, "ageOfUniverseSeconds", guess::kAgeOfUniverseSeconds,
                "secondsPerYear", guess::kSecondsPerYear, "maxExactDigits", guess::kMaxExactDigits,
                "maxSegments", static_cast<double>(guess::kMaxSegments),
                "maxRaceBudget", static_cast<double>(guess::kMaxRaceBudget));
}

inline guess::RaceResult race_js(double n, double budget, double seed, const std::string& cost) {
  using guess::whole_number;
  const guess::GradientCost c = guess::parse_gradient_cost(cost);
  return guess::run_race(static_cast<int>(whole_number(n, "race N", 1, guess::kMaxRaceParameters)),
                         static_cast<long>(whole_number(budget, "race budget", 1, static_cast<double>(guess::kMaxRaceBudget))),
                         static_cast<std::uint64_t>(whole_number(seed, "seed", 0, 4294967295.0)), c);
}

}  // namespace basecamp::wasm
