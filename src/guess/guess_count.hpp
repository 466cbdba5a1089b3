// How many guesses blind search needs: k segments on each of N axes give k^N grid points.
// Exact digits while the number is small (a tiny base-10^9 big integer, up to 400 digits), and
// always the power of ten N·log10(k), which never overflows (10^11935 is just 11935). Also the
// time those guesses take and how that compares with the universe. Arithmetic only, no search.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace basecamp::guess {

// ~10^80 atoms in the observable universe: the usual order-of-magnitude estimate, as quoted by
// the source text (ml4a, "How neural networks are trained").
inline constexpr double kLog10AtomsInUniverse = 80.0;
// Age of the universe ≈ 13.787 Gyr (Planck 2018 results VI, Table 2) × 3.156e7 s/yr ≈ 4.35e17 s.
inline constexpr double kAgeOfUniverseSeconds = 4.35e17;
inline constexpr double kSecondsPerYear = 3.15576e7;  // a Julian year
// k^N is written out in full up to this many digits; beyond, only as a power of ten.
inline constexpr int kMaxExactDigits = 400;
inline constexpr std::uint64_t kMaxSegments = 1'000'000;

struct GuessCount {
  std::uint64_t k = 0;        // segments per axis
  std::uint64_t n = 0;        // axes (weights)
  double log10 = 0;           // log10(k^N) = N·log10(k)
  std::string exact;          // all digits of k^N, or empty when it has more than kMaxExactDigits
  long long digits = 0;       // number of decimal digits of k^N
  double mantissa = 1;        // k^N = mantissa × 10^exponent, 1 ≤ mantissa < 10
  long long exponent = 0;
  bool power_of_ten = false;  // k is 1, 10, 100, …: k^N is exactly 10^exponent

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("k", k), f("n", n), f("log10", log10), f("exact", exact), f("digits", digits);
    f("mantissa", mantissa), f("exponent", exponent), f("powerOfTen", power_of_ten);
  }
};

// k^N for 1 ≤ k ≤ kMaxSegments and any N ≥ 0. Error for k outside that range.
GuessCount count_guesses(std::uint64_t k, std::uint64_t n);

// A count given as a number (the page's numbers are doubles, exact up to 2^53): x when it is a
// whole number in [lo, hi]; Error naming `what` otherwise ("expected a whole number between …").
double whole_number(double x, const std::string& what, double lo, double hi);
// count_guesses for k and n given as numbers (segments per axis, number of weights), checked.
GuessCount count_guesses_checked(double k, double n);

struct GuessTime {
  double log10_seconds = 0;       // log10 of the seconds needed at the given rate
  double seconds = 0;             // the same in seconds, +inf when it overflows a double
  double log10_years = 0;
  double log10_universe_ages = 0; // log10(seconds / kAgeOfUniverseSeconds)
  double log10_vs_atoms = 0;      // log10(guesses / 10^80)

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("log10Seconds", log10_seconds), f("seconds", seconds), f("log10Years", log10_years);
    f("log10UniverseAges", log10_universe_ages), f("log10VsAtoms", log10_vs_atoms);
  }
};

// The time to try every guess at `guesses_per_second` (> 0, finite), and the comparisons.
GuessTime guess_time(const GuessCount& count, double guesses_per_second);

// log10 of the share of the k^N grid that `budget` guesses cover, for N = 1 … n_max:
// min(0, log10(budget) − N·log10(k)). (0 means the budget covers every grid point.)
std::vector<double> log10_coverage(double budget, std::uint64_t k, int n_max);

}  // namespace basecamp::guess
