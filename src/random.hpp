// A seeded random source that gives the same numbers natively (libstdc++) and in wasm (libc++).
// std::*_distribution are implementation-defined, so the distributions are written out here:
// splitmix64 for the bits, 53-bit uniforms, and Box-Muller for normals.
#pragma once

#include <cmath>
#include <cstdint>
#include <utility>
#include <vector>

namespace basecamp {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 42) : state_(seed) {}

  // splitmix64 (Steele, Lea, Flood 2014): a full-period 64-bit generator, one add and a mix.
  std::uint64_t next_u64() {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }

  // Uniform in [0, 1), from the top 53 bits.
  double uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }

  // Uniform integer in [0, n), n > 0 (Lemire's multiply; the bias is below 2^-32 for n < 2^32).
  std::uint64_t below(std::uint64_t n) {
    return static_cast<std::uint64_t>((static_cast<unsigned __int128>(next_u64() >> 32) * n) >> 32);
  }

  // Standard normal, Box-Muller; the second value of each pair is kept for the next call.
  double normal() {
    if (has_spare_) {
      has_spare_ = false;
      return spare_;
    }
    double u1 = 0.0;
    while (u1 <= 0.0) u1 = uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * 3.14159265358979323846 * u2;
    spare_ = radius * std::sin(angle);
    has_spare_ = true;
    return radius * std::cos(angle);
  }

  double normal(double mean, double stddev) { return mean + stddev * normal(); }

 private:
  std::uint64_t state_;
  double spare_ = 0.0;
  bool has_spare_ = false;
};

// Fisher–Yates from the back with `rng`: the same permutation natively and in wasm. The one
// shuffle of the core (training batches, mini-batch descent, data splits).
template <class T>
void shuffle(std::vector<T>& items, Rng& rng) {
  for (std::size_t i = items.size(); i > 1; --i) std::swap(items[i - 1], items[rng.below(i)]);
}

}  // namespace basecamp
