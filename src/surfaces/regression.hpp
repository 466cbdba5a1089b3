// The regression surface: the mean squared error of a line y = m·x + b over a set of points,
// as a function of slope m (first coordinate) and intercept b (second):
//   J(m, b) = (1/n)Σ(m·xᵢ + b − yᵢ)²,   ∇J = ((2/n)Σrᵢxᵢ, (2/n)Σrᵢ),  rᵢ = m·xᵢ + b − yᵢ
// Built from any points (the lesson lets learners edit them); the 7 default points are below.
#pragma once

#include <vector>

#include "surfaces/least_squares.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::surfaces {

class Regression : public Surface {
 public:
  // The lesson's default points.
  static const std::vector<double>& default_x();  // 2.4 2.8 3.2 3.6 4.0 4.2 5.0
  static const std::vector<double>& default_y();  // 1.7 1.85 1.79 1.95 2.1 2.0 2.7

  Regression();  // over the default points
  // Error as least_squares() (its fit is the one minimum; the bounds are centred on it).
  Regression(std::vector<double> x, std::vector<double> y);

  double value(double m, double b) const override;
  Eigen::Vector2d grad(double m, double b) const override;

  const std::vector<double>& x() const { return x_; }
  const std::vector<double>& y() const { return y_; }
  const LineFit& fit() const { return fit_; }

 private:
  std::vector<double> x_, y_;
  LineFit fit_;
};

}  // namespace basecamp::surfaces
