// Elementwise arithmetic: add, sub, mul, div, neg, scale, and the operators + - * / on Vars.
// Binary ops need identical shapes — no implicit broadcasting (a bias row goes through add_bias).
// In each backward, g is the gradient of the node's output; a, b are the input values.
#pragma once

#include <type_traits>

#include "../checks.hpp"

namespace basecamp::ad {

// out = a + b
template <class T>
Var<T> add(const Var<T>& a, const Var<T>& b) {
  detail::check_same_shape("add", a, b);
  return a.tape->push_expr("add", a.value() + b.value(), {a.id, b.id}, [](Tape<T>& t, int self) {
    const Tensor<T>& g = t.node(self).grad;
    if (Tensor<T>* ga = t.input_grad(self, 0)) *ga += g;  // ∂out/∂a = 1
    if (Tensor<T>* gb = t.input_grad(self, 1)) *gb += g;  // ∂out/∂b = 1
  });
}

// out = a − b
template <class T>
Var<T> sub(const Var<T>& a, const Var<T>& b) {
  detail::check_same_shape("sub", a, b);
  return a.tape->push_expr("sub", a.value() - b.value(), {a.id, b.id}, [](Tape<T>& t, int self) {
    const Tensor<T>& g = t.node(self).grad;
    if (Tensor<T>* ga = t.input_grad(self, 0)) *ga += g;  // ∂out/∂a = 1
    if (Tensor<T>* gb = t.input_grad(self, 1)) *gb -= g;  // ∂out/∂b = −1
  });
}

// out = a ⊙ b (elementwise)
template <class T>
Var<T> mul(const Var<T>& a, const Var<T>& b) {
  detail::check_same_shape("mul", a, b);
  return a.tape->push_expr("mul", a.value().cwiseProduct(b.value()), {a.id, b.id},
                           [](Tape<T>& t, int self) {
                             const Tensor<T>& g = t.node(self).grad;
                             const Tensor<T>& a = t.input_value(self, 0);
                             const Tensor<T>& b = t.input_value(self, 1);
                             // ∂out/∂a = b
                             if (Tensor<T>* ga = t.input_grad(self, 0))
                               ga->array() += g.array() * b.array();
                             // ∂out/∂b = a
                             if (Tensor<T>* gb = t.input_grad(self, 1))
                               gb->array() += g.array() * a.array();
                           });
}

// out = a ⊘ b (elementwise); b must have no zero.
template <class T>
Var<T> div(const Var<T>& a, const Var<T>& b) {
  detail::check_same_shape("div", a, b);
  detail::require_all(
      "div", b.value(), [](T v) { return v == T(0); }, "division by zero: divisor is zero");
  return a.tape->push_expr("div", a.value().cwiseQuotient(b.value()), {a.id, b.id},
                           [](Tape<T>& t, int self) {
                             const Node<T>& n = t.node(self);
                             const Tensor<T>& b = t.input_value(self, 1);
                             // ∂out/∂a = 1/b
                             if (Tensor<T>* ga = t.input_grad(self, 0))
                               ga->array() += n.grad.array() / b.array();
                             // ∂out/∂b = −a/b² = −out/b
                             if (Tensor<T>* gb = t.input_grad(self, 1))
                               gb->array() -= n.grad.array() * n.value.array() / b.array();
                           });
}

// out = −a
template <class T>
Var<T> neg(const Var<T>& a) {
  detail::check_unary("neg", a);
  return a.tape->push_expr("neg", -a.value(), {a.id}, [](Tape<T>& t, int self) {
    if (Tensor<T>* ga = t.input_grad(self, 0)) *ga -= t.node(self).grad;  // ∂out/∂a = −1
  });
}

// out = c·a for a constant c
template <class T>
Var<T> scale(const Var<T>& a, std::type_identity_t<T> c) {
  detail::check_unary("scale", a);
  return a.tape->push_expr("scale", c * a.value(), {a.id}, [c](Tape<T>& t, int self) {
    if (Tensor<T>* ga = t.input_grad(self, 0)) *ga += c * t.node(self).grad;  // ∂out/∂a = c
  });
}

template <class T>
Var<T> operator+(const Var<T>& a, const Var<T>& b) {
  return add(a, b);
}
template <class T>
Var<T> operator-(const Var<T>& a, const Var<T>& b) {
  return sub(a, b);
}
template <class T>
Var<T> operator*(const Var<T>& a, const Var<T>& b) {
  return mul(a, b);
}
template <class T>
Var<T> operator/(const Var<T>& a, const Var<T>& b) {
  return div(a, b);
}
template <class T>
Var<T> operator-(const Var<T>& a) {
  return neg(a);
}
template <class T>
Var<T> operator*(const Var<T>& a, std::type_identity_t<T> c) {
  return scale(a, c);
}
template <class T>
Var<T> operator*(std::type_identity_t<T> c, const Var<T>& a) {
  return scale(a, c);
}
template <class T>
Var<T> operator/(const Var<T>& a, std::type_identity_t<T> c) {
  require(c != T(0), "div", "division by zero: divisor is the constant 0");
  return scale(a, T(1) / c);
}

}  // namespace basecamp::ad
