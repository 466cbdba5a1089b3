// Linear algebra: matmul, transpose, and add_bias (the one op that broadcasts: a 1 x k bias row
// added to each of the n rows of an n x k batch). Products go through linalg::gemm, straight
// into the node's (recycled) buffer: no temporaries.
#pragma once

#include "../checks.hpp"
#include "linalg/gemm.hpp"

namespace basecamp::ad {

// C = A·B, A (n x k), B (k x m)
template <class T>
Var<T> matmul(const Var<T>& a, const Var<T>& b) {
  detail::check_pair("matmul", a, b);
  if (!(a.cols() == b.rows()))  // message built only on failure: checked every step
    throw Error(detail::str("matmul: inner dimensions differ: ", detail::shape(a.value()), " · ",
                      detail::shape(b.value())));
  // linalg::gemm: SIMD kernel in wasm, Eigen elsewhere; big products split across threads.
  using linalg::Trans;
  Tensor<T> out = a.tape->take(a.rows(), b.cols());
  linalg::gemm(a.value(), Trans::no, b.value(), Trans::no, out, false);
  // Backward: each product overwrites its input's gradient when it is the first to reach it
  // (no zero-fill, no read of zeros), else adds into it.
  return a.tape->push("matmul", std::move(out), {a.id, b.id}, [](Tape<T>& t, int self) {
    const Tensor<T>& g = t.node(self).grad;
    // dA = dC·Bᵀ
    if (const auto ga = t.input_grad_slot(self, 0); ga.grad)
      linalg::gemm(g, Trans::no, t.input_value(self, 1), Trans::yes, *ga.grad, !ga.first);
    // dB = Aᵀ·dC
    if (const auto gb = t.input_grad_slot(self, 1); gb.grad)
      linalg::gemm(t.input_value(self, 0), Trans::yes, g, Trans::no, *gb.grad, !gb.first);
  });
}

// out = aᵀ
template <class T>
Var<T> transpose(const Var<T>& a) {
  detail::check_unary("transpose", a);
  return a.tape->push_expr("transpose", a.value().transpose(), {a.id}, [](Tape<T>& t, int self) {
    // da = (dout)ᵀ
    if (Tensor<T>* ga = t.input_grad(self, 0)) *ga += t.node(self).grad.transpose();
  });
}

// out = x + 1·b, x (n x k), b (1 x k): b is added to every row of x
template <class T>
Var<T> add_bias(const Var<T>& x, const Var<T>& b) {
  detail::check_pair("add_bias", x, b);
  if (!(b.rows() == 1 && b.cols() == x.cols()))  // message built only on failure: checked every step
    throw Error(detail::str("add_bias: bias must be (1x", x.cols(), ") for input ", detail::shape(x.value()),
                      ", got ", detail::shape(b.value())));
  return x.tape->push_expr("add_bias", x.value().rowwise() + b.value().row(0), {x.id, b.id},
                           [](Tape<T>& t, int self) {
                             const Tensor<T>& g = t.node(self).grad;
                             // ∂out/∂x = 1: a copy when first to arrive, else a sum
                             if (const auto gx = t.input_grad_slot(self, 0); gx.first)
                               detail::assign_split(*gx.grad, g);
                             else if (gx.grad)
                               detail::add_split(*gx.grad, g);
                             if (Tensor<T>* gb = t.input_grad(self, 1))
                               *gb += g.colwise().sum();  // ∂out/∂b = Σ over rows
                           });
}

}  // namespace basecamp::ad
