// Elementwise maths: square, pow, exp, log, abs.
// Value rules are checked at forward time: log needs positive inputs; pow refuses a negative
// base with a non-integer exponent and a zero base with a negative exponent.
#pragma once

#include <cmath>
#include <type_traits>

#include "../checks.hpp"

namespace basecamp::ad {

// out = a²
template <class T>
Var<T> square(const Var<T>& a) {
  detail::check_unary("square", a);
  return a.tape->push_expr(
      "square", a.value().array().square().matrix(), {a.id}, [](Tape<T>& t, int self) {
        // ∂out/∂a = 2a
        if (Tensor<T>* ga = t.input_grad(self, 0))
          ga->array() += T(2) * t.input_value(self, 0).array() * t.node(self).grad.array();
      });
}

// out = a^p for a constant exponent p
template <class T>
Var<T> pow(const Var<T>& a, std::type_identity_t<T> p) {
  detail::check_unary("pow", a);
  if (p != std::round(p))
    detail::require_all(
        "pow", a.value(), [](T v) { return v < T(0); },
        detail::str("negative base needs an integer exponent (exponent ", p, ")"));
  if (p < T(0))
    detail::require_all(
        "pow", a.value(), [](T v) { return v == T(0); },
        detail::str("zero base needs a non-negative exponent (exponent ", p, ")"));
  return a.tape->push_expr(
      "pow", a.value().array().pow(p).matrix(), {a.id}, [p](Tape<T>& t, int self) {
        Tensor<T>* ga = t.input_grad(self, 0);
        if (!ga || p == T(0)) return;
        // ∂out/∂a = p·a^(p−1)
        ga->array() += p * t.input_value(self, 0).array().pow(p - T(1)) * t.node(self).grad.array();
      });
}

// out = eᵃ
template <class T>
Var<T> exp(const Var<T>& a) {
  detail::check_unary("exp", a);
  return a.tape->push_expr("exp", a.value().array().exp().matrix(), {a.id},
                           [](Tape<T>& t, int self) {
                             const Node<T>& n = t.node(self);
                             // ∂out/∂a = eᵃ = out
                             if (Tensor<T>* ga = t.input_grad(self, 0))
                               ga->array() += n.value.array() * n.grad.array();
                           });
}

// out = ln a, a > 0
template <class T>
Var<T> log(const Var<T>& a) {
  detail::check_unary("log", a);
  detail::require_all(
      "log", a.value(), [](T v) { return !(v > T(0)); }, "input must be positive");
  return a.tape->push_expr(
      "log", a.value().array().log().matrix(), {a.id}, [](Tape<T>& t, int self) {
        // ∂out/∂a = 1/a
        if (Tensor<T>* ga = t.input_grad(self, 0))
          ga->array() += t.node(self).grad.array() / t.input_value(self, 0).array();
      });
}

// out = |a|
template <class T>
Var<T> abs(const Var<T>& a) {
  detail::check_unary("abs", a);
  return a.tape->push_expr("abs", a.value().cwiseAbs(), {a.id}, [](Tape<T>& t, int self) {
    // ∂out/∂a = sign(a)   (0 at a = 0)
    if (Tensor<T>* ga = t.input_grad(self, 0))
      ga->array() += t.input_value(self, 0).array().sign() * t.node(self).grad.array();
  });
}

}  // namespace basecamp::ad
