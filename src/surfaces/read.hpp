// A surface named by a Value (a JS object on the page): {surface: 'bowl'} is a built-in one
// (shared, not owned), {surface: 'regression', x: [...], y: [...]} the squared error of a line
// over those points; and a regression problem alone: {x, y}, or {} for the lesson's points.
#pragma once

#include <memory>

#include "error.hpp"
#include "surfaces/regression.hpp"
#include "surfaces/surface.hpp"
#include "value.hpp"

namespace basecamp::surfaces {

inline std::unique_ptr<Regression> regression_from(const Value& v) {
  const Fields f(v, "surface");
  if (!f.has("x")) return std::make_unique<Regression>();
  return std::make_unique<Regression>(numbers_of(f["x"], "surface", "x"), numbers_of(f["y"], "surface", "y"));
}

inline std::shared_ptr<const Surface> surface_from(const Value& v) {
  require(v.kind == Value::Kind::object, "surface", "expected {surface: name}");
  const std::string name = text_of(Fields(v, "surface")["surface"], "surface", "surface");
  if (name == "regression" && v.find("x")) return regression_from(v);
  return std::shared_ptr<const Surface>(&find_surface(name), [](const Surface*) {});
}

}  // namespace basecamp::surfaces
