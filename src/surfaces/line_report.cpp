// A candidate line against the points and the least-squares line.
#include "surfaces/line_report.hpp"

#include <cmath>

#include "error.hpp"

namespace basecamp::surfaces {

LineReport line_report(const std::vector<double>& x, const std::vector<double>& y, double m, double b) {
  require(std::isfinite(m) && std::isfinite(b), "line report", "the line's m and b must be finite numbers");
  LineReport report{{}, {}, 0, least_squares(x, y), 0, 0};  // least_squares checks the points
  report.prediction.reserve(x.size());
  report.residual.reserve(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double y_hat = m * x[i] + b;
    report.prediction.push_back(y_hat);
    report.residual.push_back(y_hat - y[i]);
    report.mse += (y_hat - y[i]) * (y_hat - y[i]);
  }
  report.mse /= static_cast<double>(x.size());
  report.distance = std::hypot(m - report.fit.m, b - report.fit.b);
  report.mse_gap = report.mse - report.fit.mse;
  return report;
}

}  // namespace basecamp::surfaces
