// The registry of built-in surfaces: one static instance of each, found by name.
#include "surfaces/surface.hpp"

#include <initializer_list>

#include "error.hpp"
#include "surfaces/analytic.hpp"
#include "surfaces/regression.hpp"

namespace basecamp::surfaces {

const std::vector<std::string>& surface_names() {
  static const std::vector<std::string> names{"bowl",       "rosenbrock", "saddle",
                                              "himmelblau", "valleys",    "regression"};
  return names;
}

const Surface& find_surface(const std::string& name) {
  static const Analytic analytic[] = {bowl(), rosenbrock(), saddle(), himmelblau(), valleys()};
  static const Regression regression;
  for (const Surface* s : std::initializer_list<const Surface*>{
           &analytic[0], &analytic[1], &analytic[2], &analytic[3], &analytic[4], &regression})
    if (s->name == name) return *s;
  throw_unknown_name("surface", "surface", name, surface_names());
}

}  // namespace basecamp::surfaces
