// The one tensor type of the core: a dense, row-major Eigen matrix.
// Rows are samples (a batch), columns are features; a scalar is 1x1.
// Networks use T = float; the 2-D lessons and every gradient check use T = double.
#pragma once

#include <Eigen/Core>
#include <string>

namespace basecamp {

template <class T>
using Tensor = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// "(rows x cols)", for error messages.
template <class T>
std::string shape_of(const Tensor<T>& t) {
  std::string s = "(";  // appended piecewise: "(" + ... trips g++ 12's false -Wrestrict (PR 105651)
  s += std::to_string(t.rows());
  s += "x";
  s += std::to_string(t.cols());
  s += ")";
  return s;
}

// A trainable parameter: its value and the gradient of the loss with respect to it.
// Optimizers read `grad` and update `value`; they never see the tape.
template <class T>
struct Param {
  std::string name;
  Tensor<T> value;
  Tensor<T> grad;  // same shape as value; accumulated, zeroed explicitly
};

}  // namespace basecamp
