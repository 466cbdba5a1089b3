// Reductions to a 1x1 scalar: sum and mean over all elements (usually the last step to a loss).
#pragma once

#include "../checks.hpp"

namespace basecamp::ad {

// out = Σᵢⱼ aᵢⱼ   (1x1)
template <class T>
Var<T> sum(const Var<T>& a) {
  detail::check_unary("sum", a);
  Tensor<T> out(1, 1);
  out(0, 0) = a.value().sum();
  return a.tape->push("sum", std::move(out), {a.id}, [](Tape<T>& t, int self) {
    // ∂out/∂aᵢⱼ = 1
    if (Tensor<T>* ga = t.input_grad(self, 0)) ga->array() += t.node(self).grad(0, 0);
  });
}

// out = (1/N) Σᵢⱼ aᵢⱼ, N = rows·cols   (1x1)
template <class T>
Var<T> mean(const Var<T>& a) {
  detail::check_unary("mean", a);
  Tensor<T> out(1, 1);
  out(0, 0) = a.value().mean();
  return a.tape->push("mean", std::move(out), {a.id}, [](Tape<T>& t, int self) {
    // ∂out/∂aᵢⱼ = 1/N
    if (Tensor<T>* ga = t.input_grad(self, 0))
      ga->array() += t.node(self).grad(0, 0) / static_cast<T>(ga->size());
  });
}

}  // namespace basecamp::ad
