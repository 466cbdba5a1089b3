// descend: walk a 2-D surface with any optimizer — the same classes that train networks,
// stepping a 1x2 Param<double> (x, y). Records the path for the lessons' plots.
// Not a line search and not a stopping rule: it takes exactly `steps` steps unless the values
// stop being finite.
#pragma once

#include <array>
#include <cmath>
#include <optional>
#include <vector>

#include "error.hpp"
#include "optim/optimizer.hpp"
#include "optim/schedule.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::optim {

struct DescentPath {
  std::vector<std::array<double, 3>> rows;  // (x, y, f): the start, then one row per step
  std::optional<long> diverged_at;          // the step t whose result was not finite, if any
};

// rows has steps + 1 entries; or, when step t gives a non-finite x, y, f or gradient, the path
// ends at the last finite point with t rows and diverged_at = t.
// The optimizer is used as given (its state and step count are reset first); a non-constant
// schedule sets its lr before each step from its initial_lr.
inline DescentPath descend(const surfaces::Surface& surface, Optimizer<double>& optimizer,
                           double x0, double y0, long steps,
                           const Schedule& schedule = Schedule::constant()) {
  const std::string who = "descend";
  require(steps >= 0, who, "steps must be >= 0, got " + std::to_string(steps));
  const double f0 = surface.value(x0, y0);
  require(std::isfinite(x0) && std::isfinite(y0) && std::isfinite(f0), who,
          "start (" + format_number(x0) + ", " + format_number(y0) + ") is not a finite point of " +
              surface.name);

  DescentPath path;
  path.rows.reserve(static_cast<std::size_t>(steps) + 1);
  path.rows.push_back({x0, y0, f0});

  Param<double> p{"xy", Tensor<double>(1, 2), Tensor<double>(1, 2)};
  p.value << x0, y0;
  const std::vector<Param<double>*> params{&p};
  optimizer.reset();
  for (long t = 1; t <= steps; ++t) {
    const Eigen::Vector2d g = surface.grad(p.value(0, 0), p.value(0, 1));
    if (!g.allFinite()) {
      path.diverged_at = t;
      break;
    }
    p.grad << g.x(), g.y();
    schedule.apply(optimizer);
    optimizer.step(params);
    const double x = p.value(0, 0), y = p.value(0, 1), f = surface.value(x, y);
    if (!(std::isfinite(x) && std::isfinite(y) && std::isfinite(f))) {
      path.diverged_at = t;
      break;
    }
    path.rows.push_back({x, y, f});
  }
  return path;
}

}  // namespace basecamp::optim
