// The closed-form test surfaces of the descent lessons (double, analytic gradients):
//   bowl        x²/20 + y²                          an elongated convex bowl, min (0, 0)
//   rosenbrock  (1 − x)² + 100(y − x²)²             a curved narrow valley, min (1, 1)
//   saddle      x² − y²                             a saddle at (0, 0), unbounded below
//   himmelblau  (x² + y − 11)² + (x + y² − 7)²      four minima, all f = 0
//   valleys     0.03(x² + y²) − Σₖ dₖ·exp(−|p − cₖ|²/(2sₖ²))   four valleys, "base camp" deepest
// Each gradient is written next to its value as a math comment.
#pragma once

#include "surfaces/surface.hpp"

namespace basecamp::surfaces {

class Bowl : public Surface {
 public:
  Bowl();
  double value(double x, double y) const override;
  Eigen::Vector2d grad(double x, double y) const override;
};

class Rosenbrock : public Surface {
 public:
  Rosenbrock();
  double value(double x, double y) const override;
  Eigen::Vector2d grad(double x, double y) const override;
};

class Saddle : public Surface {
 public:
  Saddle();
  double value(double x, double y) const override;
  Eigen::Vector2d grad(double x, double y) const override;
};

class Himmelblau : public Surface {
 public:
  Himmelblau();
  double value(double x, double y) const override;
  Eigen::Vector2d grad(double x, double y) const override;
};

// A gentle bowl with four Gaussian dips of different depths; the deepest is "base camp".
class Valleys : public Surface {
 public:
  struct Dip {
    double cx, cy, depth, width;  // centre, depth d, width s
  };
  Valleys();
  double value(double x, double y) const override;
  Eigen::Vector2d grad(double x, double y) const override;
  static constexpr double kBowl = 0.03;
  static const std::vector<Dip>& dips();
};

}  // namespace basecamp::surfaces
