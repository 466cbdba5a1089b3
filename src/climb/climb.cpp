// The climber's read-outs; see climb.hpp.
#include "climb/climb.hpp"

#include <cmath>

#include "error.hpp"
#include "optim/factory.hpp"
#include "descent/walker.hpp"

namespace basecamp::climb {

const char* status_name(Status s) {
  switch (s) {
    case Status::walking: return "walking";
    case Status::base_camp: return "base_camp";
    case Status::stuck: return "stuck";
    case Status::flat: return "flat";
  }
  return "walking";
}

Spot inspect(const surfaces::Surface& surface, double x, double y) {
  require(std::isfinite(x) && std::isfinite(y), "inspect", "the position must be finite");
  Spot s;
  s.f = surface.value(x, y);
  const Eigen::Vector2d g = surface.grad(x, y);
  s.gx = g.x();
  s.gy = g.y();
  s.slope = g.norm();
  for (std::size_t i = 0; i < surface.minima.size(); ++i) {
    const double d = std::hypot(x - surface.minima[i].x, y - surface.minima[i].y);
    if (s.nearest < 0 || d < s.distance) {
      s.nearest = static_cast<int>(i);
      s.distance = d;
    }
  }
  const bool near = s.nearest >= 0 && s.distance <= kArrivalRadius;
  if (near) s.status = s.nearest == 0 ? Status::base_camp : Status::stuck;
  else if (s.slope < kFlatSlope) s.status = Status::flat;
  return s;
}

Section cross_section(const surfaces::Surface& surface, double x, double y, double half_width, int samples) {
  require(std::isfinite(x) && std::isfinite(y), "cross section", "the position must be finite");
  require(half_width > 0 && std::isfinite(half_width), "cross section", "the half width must be positive");
  require(samples >= 2 && samples <= 10000, "cross section", "samples must be between 2 and 10000");
  Section c;
  const Eigen::Vector2d g = surface.grad(x, y);
  c.slope = g.norm();
  if (c.slope > 1e-12) {
    c.dx = -g.x() / c.slope;
    c.dy = -g.y() / c.slope;
  }
  const double f0 = surface.value(x, y);
  for (int k = 0; k < samples; ++k) {
    const double s = -half_width + 2 * half_width * k / (samples - 1);
    c.s.push_back(s);
    c.f.push_back(surface.value(x + s * c.dx, y + s * c.dy));
    c.tangent.push_back(f0 - c.slope * s);
  }
  return c;
}

Reach reach_base_camp(const surfaces::Surface& surface, double x0, double y0, double lr, int max_steps) {
  require(max_steps >= 0 && max_steps <= 1'000'000, "reach base camp", "max steps must be between 0 and 10^6");
  optim::OptimizerSettings settings;
  settings.lr = lr;
  const auto sgd = optim::make_optimizer<double>("sgd", settings);
  descent::Walker walker(surface, *sgd, x0, y0);
  Reach r;
  const auto at_camp = [&] { return inspect(surface, walker.x(), walker.y()).status == Status::base_camp; };
  if (at_camp()) r.steps_to_base_camp = 0;
  for (int i = 0; i < max_steps && r.steps_to_base_camp < 0; ++i) {
    if (!walker.step()) break;
    if (at_camp()) r.steps_to_base_camp = static_cast<int>(walker.steps());
  }
  r.steps = static_cast<int>(walker.steps());
  r.diverged_at = walker.diverged_at() ? static_cast<int>(*walker.diverged_at()) : -1;
  r.x = walker.x();
  r.y = walker.y();
  r.f = walker.f();
  r.status = inspect(surface, r.x, r.y).status;
  return r;
}

}  // namespace basecamp::climb
