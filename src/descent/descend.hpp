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
#include "descent/walker.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::descent {

using optim::Optimizer;
using optim::Schedule;

struct DescentPath {
  std::vector<std::array<double, 3>> rows;  // (x, y, f): the start, then one row per step
  std::optional<long> diverged_at;          // the step t whose result was not finite, if any

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js): the rows
  // flat (x, y, f, x, y, f, ...), divergedAt -1 when none.
  template <class F>
  void fields(F&& f) const {
    std::vector<double> flat;
    for (const auto& row : rows) flat.insert(flat.end(), row.begin(), row.end());
    f("path", flat), f("divergedAt", diverged_at ? static_cast<int>(*diverged_at) : -1);
  }
};

// rows has steps + 1 entries; or, when step t gives a non-finite x, y, f or gradient, the path
// ends at the last finite point with t rows and diverged_at = t.
// The optimizer is used as given (its state and step count are reset first); a non-constant
// schedule sets its lr before each step from its initial_lr.
inline DescentPath descend(const surfaces::Surface& surface, Optimizer<double>& optimizer,
                           double x0, double y0, long steps,
                           const Schedule& schedule = Schedule::constant()) {
  require_in_range(static_cast<double>(steps), limits::count(0), "descend", "steps");
  Walker walker(surface, optimizer, x0, y0, schedule);
  DescentPath path;
  path.rows.reserve(static_cast<std::size_t>(steps) + 1);
  path.rows.push_back({walker.x(), walker.y(), walker.f()});
  while (walker.steps() < steps && walker.step()) path.rows.push_back({walker.x(), walker.y(), walker.f()});
  path.diverged_at = walker.diverged_at();
  return path;
}

}  // namespace basecamp::descent
