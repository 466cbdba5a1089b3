// A 2-D loss surface f(x, y) with its analytic gradient, the box to plot it in and its known
// minima: what the descent lessons walk on. Not a network loss (that is the tape's job); these
// are closed-form functions in double precision. find_surface() returns the built-in ones.
#pragma once

#include <Eigen/Core>
#include <string>
#include <utility>
#include <vector>

namespace basecamp::surfaces {

struct Bounds {
  double x_min, x_max, y_min, y_max;
  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("xMin", x_min), f("xMax", x_max), f("yMin", y_min), f("yMax", y_max);
  }
};

// A marked point of a surface: a minimum (or the saddle point of `saddle`).
struct Point {
  double x, y, f;
  std::string label;  // e.g. "base camp", "global minimum"
  template <class F>
  void fields(F&& out) const {
    out("x", x), out("y", y), out("f", f), out("label", label);
  }
};

class Surface {
 public:
  virtual ~Surface() = default;

  virtual double value(double x, double y) const = 0;
  virtual Eigen::Vector2d grad(double x, double y) const = 0;  // (∂f/∂x, ∂f/∂y)

  std::string name;               // registry name, e.g. "rosenbrock"
  std::string formula;            // for the page and --help, e.g. "(1 − x)² + 100(y − x²)²"
  Bounds bounds{};                // the box the lessons plot
  std::vector<Point> minima;      // known local minima, lowest first (empty if unbounded below)
  std::vector<Point> saddles;     // known saddle points

 protected:
  Surface(std::string name_, std::string formula_, Bounds bounds_)
      : name(std::move(name_)), formula(std::move(formula_)), bounds(bounds_) {}
};

// The built-in surfaces: bowl, rosenbrock, saddle, himmelblau, valleys, regression (the last
// over the 7 default points of regression.hpp). Unknown name → Error listing the valid names.
const Surface& find_surface(const std::string& name);
const std::vector<std::string>& surface_names();

}  // namespace basecamp::surfaces
