// One-dimensional curves for the lab's first demo: a value and a slope at a point, computed by
// building the curve on the autodiff tape (so the slope is the core's backward pass, not a
// hand-written derivative), and the step downhill x ← x − η·f'(x).
#pragma once

#include <string>
#include <vector>

namespace basecamp {

struct CurvePoint {
  double x;
  double value;  // f(x)
  double slope;  // f'(x), from reverse-mode autodiff
  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("x", x), f("value", value), f("slope", slope);
  }
};

struct CurveInfo {
  std::string name;
  std::string formula;  // TeX, for the page
  double x_min, x_max;  // the interval the page draws
  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("name", name), f("formula", formula), f("xMin", x_min), f("xMax", x_max);
  }
};

// The curves the page offers: "parabola" f = x², "two_dips" f = x⁴/10 − x² + 0.4x.
const std::vector<CurveInfo>& curve_catalog();

// f(x) and f'(x) for a named curve; throws Error for an unknown name or a non-finite x.
CurvePoint evaluate_curve(const std::string& name, double x);

// One gradient-descent step: x − eta·f'(x), evaluated at the new point.
// The result may be non-finite when eta is huge; the page shows that as divergence.
CurvePoint step_downhill(const std::string& name, double x, double eta);

}  // namespace basecamp
