// Text for error messages: str(a, b, ...) concatenates anything streamable; shape(t) is "(2x3)".
// Written with a stream rather than `"(" + std::to_string(..)`, which trips g++ 12's false
// -Wrestrict warning (GCC bug 105651) once inlined at -O2.
#pragma once

#include <sstream>
#include <string>

#include "../tensor.hpp"

namespace basecamp::ad::detail {

template <class... Args>
std::string str(const Args&... args) {
  std::ostringstream s;
  (s << ... << args);
  return s.str();
}

// "(rows x cols)", like basecamp::shape_of.
template <class T>
std::string shape(const Tensor<T>& t) {
  return str('(', t.rows(), 'x', t.cols(), ')');
}

}  // namespace basecamp::ad::detail
