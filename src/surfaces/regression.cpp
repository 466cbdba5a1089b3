// The regression surface: J(m, b) over any points, the 7 default points, its gradient.
#include "surfaces/regression.hpp"


namespace basecamp::surfaces {

const std::vector<double>& Regression::default_x() {
  static const std::vector<double> x{2.4, 2.8, 3.2, 3.6, 4.0, 4.2, 5.0};
  return x;
}
const std::vector<double>& Regression::default_y() {
  static const std::vector<double> y{1.7, 1.85, 1.79, 1.95, 2.1, 2.0, 2.7};
  return y;
}

Regression::Regression() : Regression(default_x(), default_y()) {}

Regression::Regression(std::vector<double> x, std::vector<double> y)
    : Surface("regression", "(1/n)Σ(m·xᵢ + b − yᵢ)²", {}),
      x_(std::move(x)),
      y_(std::move(y)),
      fit_(least_squares(x_, y_)) {
  // Intercept and slope trade off through x̄, so the box is wider in b than in m.
  bounds = {fit_.m - 1.5, fit_.m + 1.5, fit_.b - 3.0, fit_.b + 3.0};
  minima = {{fit_.m, fit_.b, fit_.mse, "least squares"}};
}

double Regression::value(double m, double b) const {
  double sum = 0;
  for (std::size_t i = 0; i < x_.size(); ++i) {
    const double r = m * x_[i] + b - y_[i];
    sum += r * r;
  }
  return sum / static_cast<double>(x_.size());
}

// ∂J/∂m = (2/n)Σrᵢxᵢ,  ∂J/∂b = (2/n)Σrᵢ
Eigen::Vector2d Regression::grad(double m, double b) const {
  double gm = 0, gb = 0;
  for (std::size_t i = 0; i < x_.size(); ++i) {
    const double r = m * x_[i] + b - y_[i];
    gm += r * x_[i];
    gb += r;
  }
  const double n = static_cast<double>(x_.size());
  return {2 * gm / n, 2 * gb / n};
}

}  // namespace basecamp::surfaces
