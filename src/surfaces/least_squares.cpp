// Closed-form least squares on centred sums (stable when x̄ is large).
#include "surfaces/least_squares.hpp"

#include <cmath>
#include <string>

#include "error.hpp"

namespace basecamp::surfaces {

LineFit least_squares(const std::vector<double>& x, const std::vector<double>& y) {
  const std::string who = "least squares";
  require_code(x.size() == y.size(), code::shape_mismatch, who, "points", [&] {
    return "x has " + std::to_string(x.size()) + " values, y has " + std::to_string(y.size());
  });
  require_in_range(static_cast<double>(x.size()), limits::count(2), who, "points");
  const double n = static_cast<double>(x.size());
  double x_mean = 0, y_mean = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    require_code(std::isfinite(x[i]) && std::isfinite(y[i]), code::not_finite, who, "points",
                 [&] { return "point " + std::to_string(i) + " is not finite"; }, static_cast<double>(i + 1));
    x_mean += x[i];
    y_mean += y[i];
  }
  x_mean /= n;
  y_mean /= n;
  double sxx = 0, sxy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxx += (x[i] - x_mean) * (x[i] - x_mean);
    sxy += (x[i] - x_mean) * (y[i] - y_mean);
  }
  require_code(sxx > 0, code::all_equal, who, "x",
               [&] { return "all x are equal (" + format_number(x[0]) + "): no unique line"; }, x[0]);
  LineFit fit{sxy / sxx, 0, 0};
  fit.b = y_mean - fit.m * x_mean;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double r = fit.m * x[i] + fit.b - y[i];
    fit.mse += r * r;
  }
  fit.mse /= n;
  return fit;
}

}  // namespace basecamp::surfaces
