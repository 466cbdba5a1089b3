// The climber's view of a 2-D surface (lesson 1): where they stand (height, slope, which valley
// they are in and whether it is base camp), the height profile along the steepest way down, and
// whether plain gradient descent with a given step reaches base camp from a start. Reads
// surfaces and runs the optim/ Walker; it adds no optimizer of its own.
#pragma once

#include <string>
#include <vector>

#include "surfaces/surface.hpp"

namespace basecamp::climb {

// Slope below which the climber is standing on flat ground (a valley floor, or a saddle).
inline constexpr double kFlatSlope = 1e-3;
// How close to a known minimum counts as being in it.
inline constexpr double kArrivalRadius = 0.05;

enum class Status {
  walking,        // the ground still slopes
  base_camp,      // within kArrivalRadius of the lowest minimum (surface.minima[0])
  stuck,          // within kArrivalRadius of another minimum: a local dip that is not base camp
  flat,           // slope below kFlatSlope far from any known minimum (a saddle or a plateau)
};
const char* status_name(Status s);  // "walking", "base_camp", "stuck", "flat"

struct Spot {
  double f = 0, gx = 0, gy = 0;
  double slope = 0;             // |∇f|
  int nearest = -1;             // index into surface.minima (0 = base camp), -1 if none
  double distance = 0;          // to that minimum
  Status status = Status::walking;

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& out) const {
    out("f", f), out("gx", gx), out("gy", gy), out("slope", slope), out("nearest", nearest);
    out("distance", distance), out("status", std::string(status_name(status)));
  }
};

// Everything the read-out shows at (x, y). Error if (x, y) is not finite.
Spot inspect(const surfaces::Surface& surface, double x, double y);

// Heights along the line through (x, y) in the steepest-descent direction d = −∇f/|∇f| (the
// x axis when the ground is flat), at `samples` offsets s evenly in [−half_width, half_width],
// with the tangent line f(x, y) − |∇f|·s (the slope along d is −|∇f|).
struct Section {
  double dx = 1, dy = 0, slope = 0;
  std::vector<double> s, f, tangent;

  template <class F>
  void fields(F&& out) const {
    out("dx", dx), out("dy", dy), out("slope", slope), out("s", s), out("f", f), out("tangent", tangent);
  }
};
Section cross_section(const surfaces::Surface& surface, double x, double y, double half_width, int samples);

// Plain gradient descent (optim's sgd, lr) from (x0, y0) for at most max_steps: the step at which
// it first stands within kArrivalRadius of base camp, or -1; and where it ended.
struct Reach {
  int steps_to_base_camp = -1;
  int steps = 0;                 // steps taken
  int diverged_at = -1;
  double x = 0, y = 0, f = 0;    // last position
  Status status = Status::walking;

  template <class F>
  void fields(F&& out) const {
    out("stepsToBaseCamp", steps_to_base_camp), out("steps", steps), out("divergedAt", diverged_at);
    out("x", x), out("y", y), out("f", f), out("status", std::string(status_name(status)));
  }
};
Reach reach_base_camp(const surfaces::Surface& surface, double x0, double y0, double lr, int max_steps);

}  // namespace basecamp::climb
