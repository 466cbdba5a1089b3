// How well one candidate line y = m·x + b fits a set of points, side by side with the
// least-squares line: each point's prediction and residual, the mean squared error, and how far
// the candidate is from the best line (in (m, b) and in MSE). What the regression lesson shows
// for the line a learner sets by hand or reaches by gradient descent. Not a fitting method.
#pragma once

#include <vector>

#include "surfaces/least_squares.hpp"

namespace basecamp::surfaces {

struct LineReport {
  std::vector<double> prediction;  // ŷᵢ = m·xᵢ + b
  std::vector<double> residual;    // rᵢ = ŷᵢ − yᵢ (the error bar, signed)
  double mse;                      // (1/n)Σrᵢ²
  LineFit fit;                     // the least-squares line through the same points
  double distance;                 // ‖(m, b) − (m*, b*)‖, Euclidean in the (m, b) plane
  double mse_gap;                  // mse − fit.mse (≥ 0 up to rounding)
};

// Errors as least_squares() for the points; also when m or b is not finite.
LineReport line_report(const std::vector<double>& x, const std::vector<double>& y, double m, double b);

}  // namespace basecamp::surfaces
