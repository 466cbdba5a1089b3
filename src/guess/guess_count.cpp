// k^N exactly (small) and as a power of ten (always); see guess_count.hpp.
#include "guess/guess_count.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "error.hpp"

namespace basecamp::guess {
namespace {

constexpr std::uint64_t kLimb = 1'000'000'000;  // base 10^9, least significant limb first

// All digits of k^n by repeated multiplication; limb·k < 10^9·10^6 fits in 64 bits.
std::string exact_power(std::uint64_t k, std::uint64_t n) {
  std::vector<std::uint64_t> limbs{1};
  for (std::uint64_t i = 0; i < n; ++i) {
    std::uint64_t carry = 0;
    for (auto& limb : limbs) {
      const std::uint64_t v = limb * k + carry;
      limb = v % kLimb;
      carry = v / kLimb;
    }
    while (carry > 0) {
      limbs.push_back(carry % kLimb);
      carry /= kLimb;
    }
  }
  std::string out = std::to_string(limbs.back());
  char buf[16];
  for (auto it = limbs.rbegin() + 1; it != limbs.rend(); ++it) {
    std::snprintf(buf, sizeof buf, "%09llu", static_cast<unsigned long long>(*it));
    out += buf;
  }
  return out;
}

// p when k = 10^p, else -1.
int power_of_ten_exponent(std::uint64_t k) {
  int p = 0;
  while (k % 10 == 0) {
    k /= 10;
    ++p;
  }
  return k == 1 ? p : -1;
}

// N·log10(k), exact when k is a power of ten.
double log10_power(std::uint64_t k, std::uint64_t n) {
  const int p = power_of_ten_exponent(k);
  return p >= 0 ? static_cast<double>(n) * p : static_cast<double>(n) * std::log10(static_cast<double>(k));
}

}  // namespace

GuessCount count_guesses(std::uint64_t k, std::uint64_t n) {
  require(k >= 1 && k <= kMaxSegments, "count guesses",
          "segments per axis must be between 1 and " + std::to_string(kMaxSegments) + ", got " +
              std::to_string(k));
  GuessCount c;
  c.k = k;
  c.n = n;
  const int p = power_of_ten_exponent(k);
  c.power_of_ten = p >= 0;
  c.log10 = log10_power(k, n);
  // Below the limit (with a margin for rounding in log10), write every digit and read the
  // exponent and the mantissa off the digits themselves.
  if (c.log10 < kMaxExactDigits - 1) {
    c.exact = exact_power(k, n);
    c.digits = static_cast<long long>(c.exact.size());
    c.exponent = c.digits - 1;
    c.mantissa = std::stod(c.exact.substr(0, 1) + "." + c.exact.substr(1, std::min<std::size_t>(16, c.exact.size() - 1)) + "0");
    return c;
  }
  if (c.power_of_ten) {
    c.exponent = static_cast<long long>(n) * p;
    c.mantissa = 1;
  } else {
    // k is not a power of ten, so k^N is not one either: floor() is safe unless the fraction
    // is within rounding of an integer, where the mantissa is clamped into [1, 10).
    c.exponent = static_cast<long long>(std::floor(c.log10));
    c.mantissa = std::clamp(std::pow(10.0, c.log10 - static_cast<double>(c.exponent)), 1.0, 9.999999999999);
  }
  c.digits = c.exponent + 1;
  return c;
}

GuessTime guess_time(const GuessCount& count, double guesses_per_second) {
  require(std::isfinite(guesses_per_second) && guesses_per_second > 0, "guess time",
          "guesses per second must be a positive number, got " + std::to_string(guesses_per_second));
  GuessTime t;
  t.log10_seconds = count.log10 - std::log10(guesses_per_second);
  t.seconds = t.log10_seconds < 300 ? std::pow(10.0, t.log10_seconds) : HUGE_VAL;
  t.log10_years = t.log10_seconds - std::log10(kSecondsPerYear);
  t.log10_universe_ages = t.log10_seconds - std::log10(kAgeOfUniverseSeconds);
  t.log10_vs_atoms = count.log10 - kLog10AtomsInUniverse;
  return t;
}

std::vector<double> log10_coverage(double budget, std::uint64_t k, int n_max) {
  require(std::isfinite(budget) && budget >= 1, "coverage", "the budget must be at least 1 guess");
  require(k >= 1 && k <= kMaxSegments, "coverage", "segments per axis must be between 1 and " + std::to_string(kMaxSegments));
  require(n_max >= 1 && n_max <= 100000, "coverage", "N must be between 1 and 100000, got " + std::to_string(n_max));
  const double lb = std::log10(budget);
  std::vector<double> out;
  out.reserve(n_max);
  for (int n = 1; n <= n_max; ++n) out.push_back(std::min(0.0, lb - log10_power(k, n)));
  return out;
}

double whole_number(double x, const std::string& what, double lo, double hi) {
  require(std::isfinite(x) && x == std::floor(x) && x >= lo && x <= hi, what,
          "expected a whole number between " + std::to_string(static_cast<long long>(lo)) + " and " +
              std::to_string(static_cast<long long>(hi)) + ", got " + std::to_string(x));
  return x;
}

GuessCount count_guesses_checked(double k, double n) {
  return count_guesses(static_cast<std::uint64_t>(whole_number(k, "segments per axis", 1, static_cast<double>(kMaxSegments))),
                       static_cast<std::uint64_t>(whole_number(n, "number of weights", 0, 1e15)));
}

}  // namespace basecamp::guess
