// Large elementwise work of the ops, split by rows across linalg's threads (the products are
// split by columns in linalg::gemm): dst = expr or dst += expr on a row-major tensor. Split only
// when a row is a whole number of 16-element pieces, so every element takes the same path
// through Eigen's vector code as in one piece (exp, tanh and sqrt packets differ from the scalar
// ones in the last bit): results do not depend on the thread count.
#pragma once

#include <algorithm>
#include <cstddef>

#include "../tensor.hpp"
#include "linalg/parallel.hpp"

namespace basecamp::ad::detail {

template <class T, class Fn>
void for_row_blocks(const Tensor<T>& dst, const Fn& fn) {
  const std::ptrdiff_t rows = dst.rows(), cols = dst.cols();
  if (cols % 16 != 0 || dst.size() < 2 * linalg::kMinPiece) {
    fn(0, rows);
    return;
  }
  linalg::parallel_ranges(rows, [&](std::ptrdiff_t r0, std::ptrdiff_t r1) { fn(r0, r1 - r0); },
                          std::max<std::ptrdiff_t>(1, linalg::kMinPiece / cols));
}

// dst = expr (dst already has expr's shape)
template <class T, class Expr>
void assign_split(Tensor<T>& dst, const Expr& expr) {
  for_row_blocks(dst, [&](std::ptrdiff_t r0, std::ptrdiff_t n) {
    dst.middleRows(r0, n).noalias() = expr.middleRows(r0, n);
  });
}

// dst += expr
template <class T, class Expr>
void add_split(Tensor<T>& dst, const Expr& expr) {
  for_row_blocks(dst, [&](std::ptrdiff_t r0, std::ptrdiff_t n) {
    dst.middleRows(r0, n).noalias() += expr.middleRows(r0, n);
  });
}

}  // namespace basecamp::ad::detail
