// The closed-form test surfaces: values, gradients, bounds and known minima.
#include "surfaces/analytic.hpp"

#include <cmath>

namespace basecamp::surfaces {

Analytic bowl() {
  Analytic s("bowl", "x²/20 + y²", {-10, 10, -4, 4},
             [](double x, double y) { return x * x / 20 + y * y; },
             // ∇ = (x/10, 2y)
             [](double x, double y) { return Eigen::Vector2d(x / 10, 2 * y); });
  s.minima = {{0, 0, 0, "global minimum"}};
  return s;
}

Analytic rosenbrock() {
  Analytic s("rosenbrock", "(1 − x)² + 100(y − x²)²", {-2, 2, -1, 3},
             [](double x, double y) {
               const double a = 1 - x, b = y - x * x;
               return a * a + 100 * b * b;
             },
             // ∇ = (−2(1 − x) − 400x(y − x²), 200(y − x²))
             [](double x, double y) {
               const double b = y - x * x;
               return Eigen::Vector2d(-2 * (1 - x) - 400 * x * b, 200 * b);
             });
  s.minima = {{1, 1, 0, "global minimum"}};
  return s;
}

Analytic saddle() {
  Analytic s("saddle", "x² − y²", {-2, 2, -2, 2},
             [](double x, double y) { return x * x - y * y; },
             // ∇ = (2x, −2y)
             [](double x, double y) { return Eigen::Vector2d(2 * x, -2 * y); });
  s.saddles = {{0, 0, 0, "saddle point"}};  // no minimum: f → −∞ along y
  return s;
}

Analytic himmelblau() {
  Analytic s("himmelblau", "(x² + y − 11)² + (x + y² − 7)²", {-5, 5, -5, 5},
             [](double x, double y) {
               const double a = x * x + y - 11, b = x + y * y - 7;
               return a * a + b * b;
             },
             // ∇ = (4x·a + 2b, 2a + 4y·b),  a = x² + y − 11,  b = x + y² − 7
             [](double x, double y) {
               const double a = x * x + y - 11, b = x + y * y - 7;
               return Eigen::Vector2d(4 * x * a + 2 * b, 2 * a + 4 * y * b);
             });
  // (3, 2) exactly; the other three by Newton's method to full double precision.
  s.minima = {{3.0, 2.0, 0, "minimum"},
              {-2.805118086952745, 3.131312518250573, 0, "minimum"},
              {-3.779310253377747, -3.283185991286169, 0, "minimum"},
              {3.5844283403304917, -1.8481265269644034, 0, "minimum"}};
  s.saddles = {};  // four saddles and one maximum exist; the lessons do not mark them
  return s;
}

namespace {

struct Dip {
  double cx, cy, depth, width;  // centre, depth d, width s
};
constexpr double kBowl = 0.03;
constexpr Dip kDips[] = {{2.5, -1.5, 3.0, 1.0},  // base camp
                         {-3.0, 2.0, 2.0, 1.2},
                         {-2.0, -3.5, 1.5, 0.8},
                         {3.0, 3.0, 1.2, 0.9}};

}  // namespace

Analytic valleys() {
  Analytic s("valleys", "0.03(x² + y²) − Σₖ dₖ·exp(−((x − aₖ)² + (y − bₖ)²)/(2sₖ²))", {-6, 6, -6, 6},
             [](double x, double y) {
               double f = kBowl * (x * x + y * y);
               for (const Dip& d : kDips) {
                 const double dx = x - d.cx, dy = y - d.cy;
                 f -= d.depth * std::exp(-(dx * dx + dy * dy) / (2 * d.width * d.width));
               }
               return f;
             },
             // ∇ = 0.06·(x, y) + Σₖ dₖ·e_k·(x − aₖ, y − bₖ)/sₖ²,  e_k = exp(−|p − cₖ|²/(2sₖ²))
             [](double x, double y) {
               Eigen::Vector2d g(2 * kBowl * x, 2 * kBowl * y);
               for (const Dip& d : kDips) {
                 const double dx = x - d.cx, dy = y - d.cy, s2 = d.width * d.width;
                 const double e = d.depth * std::exp(-(dx * dx + dy * dy) / (2 * s2));
                 g += Eigen::Vector2d(e * dx / s2, e * dy / s2);
               }
               return g;
             });
  // Found by Newton's method from each dip's centre (each dip's minimum is pulled slightly
  // toward the origin by the bowl); a grid scan finds no other local minimum in the bounds.
  s.minima = {{2.45090123003104, -1.4705322420203821, -2.750009407176092, "base camp"},
              {-2.8748276463637135, 1.9165517656980202, -1.6262109792146333, "valley 2"},
              {-1.9496554061355658, -3.411846293104696, -1.0247924746495336, "valley 3"},
              {2.881176392629795, 2.880696757391307, -0.6813924059691401, "valley 4"}};
  return s;
}

}  // namespace basecamp::surfaces
