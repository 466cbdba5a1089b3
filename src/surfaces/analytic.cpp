// The closed-form test surfaces: values, gradients, bounds and known minima.
#include "surfaces/analytic.hpp"

#include <cmath>

namespace basecamp::surfaces {

Bowl::Bowl() : Surface("bowl", "x²/20 + y²", {-10, 10, -4, 4}) {
  minima = {{0, 0, 0, "global minimum"}};
}
double Bowl::value(double x, double y) const { return x * x / 20 + y * y; }
// ∇ = (x/10, 2y)
Eigen::Vector2d Bowl::grad(double x, double y) const { return {x / 10, 2 * y}; }

Rosenbrock::Rosenbrock() : Surface("rosenbrock", "(1 − x)² + 100(y − x²)²", {-2, 2, -1, 3}) {
  minima = {{1, 1, 0, "global minimum"}};
}
double Rosenbrock::value(double x, double y) const {
  const double a = 1 - x, b = y - x * x;
  return a * a + 100 * b * b;
}
// ∇ = (−2(1 − x) − 400x(y − x²), 200(y − x²))
Eigen::Vector2d Rosenbrock::grad(double x, double y) const {
  const double b = y - x * x;
  return {-2 * (1 - x) - 400 * x * b, 200 * b};
}

Saddle::Saddle() : Surface("saddle", "x² − y²", {-2, 2, -2, 2}) {
  saddles = {{0, 0, 0, "saddle point"}};  // no minimum: f → −∞ along y
}
double Saddle::value(double x, double y) const { return x * x - y * y; }
// ∇ = (2x, −2y)
Eigen::Vector2d Saddle::grad(double x, double y) const { return {2 * x, -2 * y}; }

Himmelblau::Himmelblau()
    : Surface("himmelblau", "(x² + y − 11)² + (x + y² − 7)²", {-5, 5, -5, 5}) {
  // (3, 2) exactly; the other three by Newton's method to full double precision.
  minima = {{3.0, 2.0, 0, "minimum"},
            {-2.805118086952745, 3.131312518250573, 0, "minimum"},
            {-3.779310253377747, -3.283185991286169, 0, "minimum"},
            {3.5844283403304917, -1.8481265269644034, 0, "minimum"}};
  saddles = {};  // four saddles and one maximum exist; the lessons do not mark them
}
double Himmelblau::value(double x, double y) const {
  const double a = x * x + y - 11, b = x + y * y - 7;
  return a * a + b * b;
}
// ∇ = (4x·a + 2b, 2a + 4y·b),  a = x² + y − 11,  b = x + y² − 7
Eigen::Vector2d Himmelblau::grad(double x, double y) const {
  const double a = x * x + y - 11, b = x + y * y - 7;
  return {4 * x * a + 2 * b, 2 * a + 4 * y * b};
}

const std::vector<Valleys::Dip>& Valleys::dips() {
  static const std::vector<Dip> d{{2.5, -1.5, 3.0, 1.0},   // base camp
                                  {-3.0, 2.0, 2.0, 1.2},
                                  {-2.0, -3.5, 1.5, 0.8},
                                  {3.0, 3.0, 1.2, 0.9}};
  return d;
}

Valleys::Valleys()
    : Surface("valleys", "0.03(x² + y²) − Σₖ dₖ·exp(−((x − aₖ)² + (y − bₖ)²)/(2sₖ²))",
              {-6, 6, -6, 6}) {
  // Found by Newton's method from each dip's centre (each dip's minimum is pulled slightly
  // toward the origin by the bowl); a grid scan finds no other local minimum in the bounds.
  minima = {{2.45090123003104, -1.4705322420203821, -2.750009407176092, "base camp"},
            {-2.8748276463637135, 1.9165517656980202, -1.6262109792146333, "valley 2"},
            {-1.9496554061355658, -3.411846293104696, -1.0247924746495336, "valley 3"},
            {2.881176392629795, 2.880696757391307, -0.6813924059691401, "valley 4"}};
}
double Valleys::value(double x, double y) const {
  double f = kBowl * (x * x + y * y);
  for (const Dip& d : dips()) {
    const double dx = x - d.cx, dy = y - d.cy;
    f -= d.depth * std::exp(-(dx * dx + dy * dy) / (2 * d.width * d.width));
  }
  return f;
}
// ∇ = 0.06·(x, y) + Σₖ dₖ·e_k·(x − aₖ, y − bₖ)/sₖ²,  e_k = exp(−|p − cₖ|²/(2sₖ²))
Eigen::Vector2d Valleys::grad(double x, double y) const {
  Eigen::Vector2d g(2 * kBowl * x, 2 * kBowl * y);
  for (const Dip& d : dips()) {
    const double dx = x - d.cx, dy = y - d.cy, s2 = d.width * d.width;
    const double e = d.depth * std::exp(-(dx * dx + dy * dy) / (2 * s2));
    g += Eigen::Vector2d(e * dx / s2, e * dy / s2);
  }
  return g;
}

}  // namespace basecamp::surfaces
