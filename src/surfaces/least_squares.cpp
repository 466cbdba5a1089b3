// Closed-form least squares on centred sums (stable when x̄ is large).
#include "surfaces/least_squares.hpp"

#include <cmath>
#include <string>

#include "error.hpp"

namespace basecamp::surfaces {

LineFit least_squares(const std::vector<double>& x, const std::vector<double>& y) {
  const std::string who = "least squares";
  require(x.size() == y.size(), who,
          "x has " + std::to_string(x.size()) + " values, y has " + std::to_string(y.size()));
  require(x.size() >= 2, who, "needs at least 2 points, got " + std::to_string(x.size()));
  const double n = static_cast<double>(x.size());
  double x_mean = 0, y_mean = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    require(std::isfinite(x[i]) && std::isfinite(y[i]), who,
            "point " + std::to_string(i) + " is not finite");
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
  require(sxx > 0, who, "all x are equal (" + std::to_string(x[0]) + "): no unique line");
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
