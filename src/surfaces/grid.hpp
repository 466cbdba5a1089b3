// A surface sampled on a regular grid, for the lessons' height maps and contour lines: f at nx x ny
// points over [x0, x1] x [y0, y1], row j = the j-th y (so the page draws it as it comes).
#pragma once

#include <string>

#include "error.hpp"
#include "surfaces/surface.hpp"
#include "tensor.hpp"

namespace basecamp::surfaces {

inline constexpr long kMaxGridPoints = 4'000'000;

// Error when nx or ny is below 2, or the grid has more than kMaxGridPoints points.
inline Tensor<double> sample_grid(const Surface& surface, int nx, int ny, double x0, double x1, double y0,
                                  double y1) {
  require_in_range(nx, limits::count(2), "surface grid", "nx");
  require_in_range(ny, limits::count(2), "surface grid", "ny");
  require_in_range(static_cast<double>(nx) * ny, limits::count(4, kMaxGridPoints), "surface grid", "points");
  Tensor<double> grid(ny, nx);
  for (int j = 0; j < ny; ++j) {
    const double y = y0 + (y1 - y0) * j / (ny - 1);
    for (int i = 0; i < nx; ++i) grid(j, i) = surface.value(x0 + (x1 - x0) * i / (nx - 1), y);
  }
  return grid;
}

}  // namespace basecamp::surfaces
