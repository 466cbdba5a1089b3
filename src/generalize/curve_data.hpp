// The lesson-7 data: noisy samples of one simple curve on [-1, 1], drawn from a seed with Rng
// (the same points natively and in wasm), and the Legendre features that turn a Dense layer into
// a polynomial of degree d. Not a model (curve_fit.hpp) and not a split (split.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "tensor.hpp"

namespace basecamp::generalize {

// The curve behind every sample: y = sin(1.5·x), gently S-shaped, so a straight line captures it
// roughly and a high-degree polynomial has room to chase the noise.
double true_curve(double x);

struct CurveData {
  std::vector<double> x, y;  // sorted by x
  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("x", x), f("y", y);
  }
};

// n points, x_i uniform in the i-th of n equal strips of [−1, 1] (so sorted, and spread over
// the whole range), y = true_curve(x) + N(0, noise²). Draws: all x first, then the noise, from
// Rng(seed). Error when n < 1 or n > 100000, or noise is negative or
// not finite.
CurveData make_curve_data(int n, double noise, std::uint64_t seed);

// n points evenly spaced on [lo, hi] (n ≥ 2; a single point is lo), for drawing curves.
std::vector<double> linspace(double lo, double hi, int n);

// The noiseless curve on n evenly spaced points of [−1, 1] (what the lesson draws under the data).
inline CurveData true_curve_points(int n) {
  CurveData d;
  d.x = linspace(-1.0, 1.0, n);
  for (double x : d.x) d.y.push_back(true_curve(x));
  return d;
}

// Legendre polynomials P_1(x) … P_d(x) of each x (rows) as columns: (n x d). P_0 = 1 is left to
// the Dense layer's bias. Orthogonal on [−1, 1], so gradient descent on their coefficients is far
// better conditioned than on 1, x, x², …  Recurrence: (k+1)P_{k+1} = (2k+1)x·P_k − k·P_{k−1}.
// Error when degree < 1 or > kMaxDegree.
inline constexpr int kMaxDegree = 30;
Tensor<double> legendre_features(const std::vector<double>& x, int degree);

}  // namespace basecamp::generalize
