// Input checks shared by the ops. Every failure throws basecamp::Error with a message that names
// the op and the offending shapes or values, e.g. "add: shapes differ: (2x3) vs (3x2)".
// Not the place for maths: each op states its own value rules (log > 0, div by non-zero, ...).
#pragma once

#include <string>

#include "format.hpp"
#include "tape.hpp"

namespace basecamp::ad::detail {

inline std::string at(Eigen::Index i, Eigen::Index j) { return str('(', i, ',', j, ')'); }

// The first element (row-major) for which bad(v) holds: returns false and sets i, j, v; else true.
template <class T, class Bad>
bool all_ok(const Tensor<T>& t, Bad bad, Eigen::Index& i, Eigen::Index& j, T& v) {
  for (Eigen::Index r = 0; r < t.rows(); ++r)
    for (Eigen::Index c = 0; c < t.cols(); ++c)
      if (bad(t(r, c))) {
        i = r, j = c, v = t(r, c);
        return false;
      }
  return true;
}

// Throws "<op>: <what>, got <v> at (i,j)" for the first element where bad(v) holds.
template <class T, class Bad>
void require_all(const char* op, const Tensor<T>& t, Bad bad, const std::string& what) {
  Eigen::Index i = 0, j = 0;
  T v{};
  if (!all_ok(t, bad, i, j, v)) throw Error(str(op, ": ", what, ", got ", v, " at ", at(i, j)));
}

// A valid Var of some tape, holding a non-empty tensor.
template <class T>
void check_unary(const char* op, const Var<T>& a) {
  require(a.tape != nullptr, op, "Var is not on a tape (default-constructed?)");
  const Tensor<T>& v = a.tape->node_checked(op, a).value;
  if (v.size() == 0) throw Error(str(op, ": empty tensor ", shape(v)));  // formatted only on failure
}

// Two valid, non-empty Vars of the same tape (shapes not compared).
template <class T>
void check_pair(const char* op, const Var<T>& a, const Var<T>& b) {
  check_unary(op, a);
  check_unary(op, b);
  require(a.tape == b.tape, op, "inputs are on different tapes");
}

// As check_pair, and identical shapes: elementwise ops do not broadcast.
template <class T>
void check_same_shape(const char* op, const Var<T>& a, const Var<T>& b) {
  check_pair(op, a, b);
  if (a.rows() != b.rows() || a.cols() != b.cols())
    throw Error(str(op, ": shapes differ: ", shape(a.value()), " vs ", shape(b.value())));
}

}  // namespace basecamp::ad::detail
