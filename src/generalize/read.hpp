// Lesson 7's inputs from a Value (a JS object on the page): point sets {x, y}, the fit's spec,
// the initialization experiment's spec, and integer lists (roles, folds). Type checks here; the
// ranges are validate_fit_spec's and the experiments' own.
//   fit spec: {model: 'poly'|'mlp', degree, hidden, depth, activation, dropout, penalty:
//              'none'|'l2'|'l1', lambda, optimizer, lr, steps, recordEvery, grid, seed}
//   init spec: {rule, activation, layers, units, samples, bins, seed}
#pragma once

#include "generalize/curve_data.hpp"
#include "generalize/curve_fit.hpp"
#include "generalize/init_stats.hpp"
#include "generalize/split.hpp"
#include "value.hpp"

namespace basecamp::generalize {

// {x, y} of equal length; absent: no points.
CurveData curve_data_from(const Value& v, const std::string& what);
FitSpec fit_spec_from(const Value& v);
InitSpec init_spec_from(const Value& v);
// An array of whole numbers (Int32Array, or plain numbers).
std::vector<int> integers_from(const Value& v, const std::string& what);
// 0 (train), 1 (validation), 2 (test) each.
std::vector<Role> roles_from(const Value& v);

}  // namespace basecamp::generalize
