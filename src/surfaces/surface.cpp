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
  static const Bowl bowl;
  static const Rosenbrock rosenbrock;
  static const Saddle saddle;
  static const Himmelblau himmelblau;
  static const Valleys valleys;
  static const Regression regression;
  for (const Surface* s : std::initializer_list<const Surface*>{
           &bowl, &rosenbrock, &saddle, &himmelblau, &valleys, &regression})
    if (s->name == name) return *s;
  throw_unknown_name("surface", "surface", name, surface_names());
}

}  // namespace basecamp::surfaces
