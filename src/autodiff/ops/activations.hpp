// Activations: relu, sigmoid, tanh (elementwise) and softmax, log_softmax (row-wise: each row of
// an n x k batch is one distribution over k classes). Softmaxes subtract the row maximum first,
// so logits like 1000 stay finite.
#pragma once

#include "../checks.hpp"

namespace basecamp::ad {

namespace detail {

template <class T>
using Column = Eigen::Matrix<T, Eigen::Dynamic, 1>;

// yᵢⱼ = xᵢⱼ − mᵢ − ln Σₖ exp(xᵢₖ − mᵢ), mᵢ = maxₖ xᵢₖ
template <class T>
Tensor<T> log_softmax_rows(const Tensor<T>& x) {
  const Column<T> m = x.rowwise().maxCoeff();
  Tensor<T> y = x.colwise() - m;
  const Column<T> lse = y.array().exp().rowwise().sum().log();
  y.colwise() -= lse;
  return y;
}

// yᵢⱼ = exp(xᵢⱼ − mᵢ) / Σₖ exp(xᵢₖ − mᵢ)
template <class T>
Tensor<T> softmax_rows(const Tensor<T>& x) {
  const Column<T> m = x.rowwise().maxCoeff();
  Tensor<T> y = (x.colwise() - m).array().exp().matrix();
  const Column<T> s = y.rowwise().sum();
  y.array().colwise() /= s.array();
  return y;
}

}  // namespace detail

// out = max(a, 0)
template <class T>
Var<T> relu(const Var<T>& a) {
  detail::check_unary("relu", a);
  return a.tape->push_expr("relu", a.value().cwiseMax(T(0)), {a.id}, [](Tape<T>& t, int self) {
    const Node<T>& n = t.node(self);
    // ∂out/∂a = 1 if a > 0 else 0 (written when first to arrive, else added)
    const auto ga = t.input_grad_slot(self, 0);
    const auto local = ((n.value.array() > T(0)).template cast<T>() * n.grad.array()).matrix();
    if (ga.first)
      detail::assign_split(*ga.grad, local);
    else if (ga.grad)
      detail::add_split(*ga.grad, local);
  });
}

// out = σ(a) = 1 / (1 + e⁻ᵃ)
template <class T>
Var<T> sigmoid(const Var<T>& a) {
  detail::check_unary("sigmoid", a);
  const auto out = (T(1) + (-a.value().array()).exp()).inverse().matrix();
  return a.tape->push_expr("sigmoid", out, {a.id}, [](Tape<T>& t, int self) {
    const Node<T>& n = t.node(self);
    // ∂out/∂a = σ(a)(1 − σ(a))
    if (Tensor<T>* ga = t.input_grad(self, 0))
      ga->array() += n.value.array() * (T(1) - n.value.array()) * n.grad.array();
  });
}

// out = tanh a
template <class T>
Var<T> tanh(const Var<T>& a) {
  detail::check_unary("tanh", a);
  return a.tape->push_expr("tanh", a.value().array().tanh().matrix(), {a.id},
                           [](Tape<T>& t, int self) {
                             const Node<T>& n = t.node(self);
                             // ∂out/∂a = 1 − tanh²a
                             if (Tensor<T>* ga = t.input_grad(self, 0))
                               ga->array() += (T(1) - n.value.array().square()) * n.grad.array();
                           });
}

// yᵢⱼ = exp(aᵢⱼ) / Σₖ exp(aᵢₖ), row by row
template <class T>
Var<T> softmax(const Var<T>& a) {
  detail::check_unary("softmax", a);
  return a.tape->push("softmax", detail::softmax_rows(a.value()), {a.id}, [](Tape<T>& t, int self) {
    const Node<T>& n = t.node(self);
    Tensor<T>* ga = t.input_grad(self, 0);
    if (!ga) return;
    // ∂L/∂aᵢⱼ = yᵢⱼ (gᵢⱼ − Σₖ gᵢₖ yᵢₖ)
    const detail::Column<T> gy = (n.grad.array() * n.value.array()).rowwise().sum();
    ga->array() += n.value.array() * (n.grad.array().colwise() - gy.array());
  });
}

// yᵢⱼ = aᵢⱼ − ln Σₖ exp(aᵢₖ), row by row
template <class T>
Var<T> log_softmax(const Var<T>& a) {
  detail::check_unary("log_softmax", a);
  return a.tape->push(
      "log_softmax", detail::log_softmax_rows(a.value()), {a.id}, [](Tape<T>& t, int self) {
        const Node<T>& n = t.node(self);
        Tensor<T>* ga = t.input_grad(self, 0);
        if (!ga) return;
        // ∂L/∂aᵢⱼ = gᵢⱼ − softmax(a)ᵢⱼ Σₖ gᵢₖ
        const detail::Column<T> gs = n.grad.rowwise().sum();
        ga->array() += n.grad.array() - n.value.array().exp().colwise() * gs.array();
      });
}

}  // namespace basecamp::ad
