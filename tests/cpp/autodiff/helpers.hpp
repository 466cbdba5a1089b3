// Small helpers shared by the autodiff tests: seeded random tensors and literal tensors.
#pragma once

#include <initializer_list>

#include "random.hpp"
#include "tensor.hpp"

namespace basecamp::test {

// rows x cols, uniform in [lo, hi).
template <class T = double>
Tensor<T> uniform(Rng& rng, int rows, int cols, double lo = -1.0, double hi = 1.0) {
  Tensor<T> t(rows, cols);
  for (Eigen::Index k = 0; k < t.size(); ++k) t.data()[k] = static_cast<T>(rng.uniform(lo, hi));
  return t;
}

// A literal, row by row: tensor({{1, 2}, {3, 4}}).
template <class T = double>
Tensor<T> tensor(std::initializer_list<std::initializer_list<T>> rows) {
  Tensor<T> t(static_cast<Eigen::Index>(rows.size()),
              rows.size() ? static_cast<Eigen::Index>(rows.begin()->size()) : 0);
  Eigen::Index i = 0;
  for (const auto& row : rows) {
    Eigen::Index j = 0;
    for (T v : row) t(i, j++) = v;
    ++i;
  }
  return t;
}

}  // namespace basecamp::test
