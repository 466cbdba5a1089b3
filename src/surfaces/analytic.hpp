// The closed-form test surfaces of the descent lessons (double, analytic gradients):
//   bowl        x²/20 + y²                          an elongated convex bowl, min (0, 0)
//   rosenbrock  (1 − x)² + 100(y − x²)²             a curved narrow valley, min (1, 1)
//   saddle      x² − y²                             a saddle at (0, 0), unbounded below
//   himmelblau  (x² + y − 11)² + (x + y² − 7)²      four minima, all f = 0
//   valleys     0.03(x² + y²) − Σₖ dₖ·exp(−|p − cₖ|²/(2sₖ²))   four valleys, "base camp" deepest
// Each is one Analytic surface: a value function and its gradient (written next to each other,
// the gradient as a math comment, in analytic.cpp), with its box and known points.
#pragma once

#include "surfaces/surface.hpp"

namespace basecamp::surfaces {

class Analytic : public Surface {
 public:
  using Value = double (*)(double x, double y);
  using Grad = Eigen::Vector2d (*)(double x, double y);
  Analytic(std::string name_, std::string formula_, Bounds bounds_, Value value, Grad grad)
      : Surface(std::move(name_), std::move(formula_), bounds_), value_(value), grad_(grad) {}
  double value(double x, double y) const override { return value_(x, y); }
  Eigen::Vector2d grad(double x, double y) const override { return grad_(x, y); }

 private:
  Value value_;
  Grad grad_;
};

Analytic bowl();
Analytic rosenbrock();
Analytic saddle();
Analytic himmelblau();
// A gentle bowl with four Gaussian dips of different depths; the deepest is "base camp".
Analytic valleys();

}  // namespace basecamp::surfaces
