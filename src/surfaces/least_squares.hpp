// Closed-form least-squares line y ≈ m·x + b through a set of points, and its mean squared
// error: the answer the regression lesson's descent should find. Not an optimizer.
//   m = Σ(xᵢ − x̄)(yᵢ − ȳ) / Σ(xᵢ − x̄)²,  b = ȳ − m·x̄,  mse = (1/n)Σ(m·xᵢ + b − yᵢ)²
#pragma once

#include <vector>

namespace basecamp::surfaces {

struct LineFit {
  double m;    // slope
  double b;    // intercept
  double mse;  // mean squared error at (m, b)
  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("m", m), f("b", b), f("mse", mse);
  }
};

// Error when x and y differ in length, hold fewer than 2 points, a non-finite value, or all
// x are equal (no unique line).
LineFit least_squares(const std::vector<double>& x, const std::vector<double>& y);

}  // namespace basecamp::surfaces
