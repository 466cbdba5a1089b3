// Losses, each fused into one node (stable, and one node in the lesson's graph): 1x1 results.
// softmax_cross_entropy (logsumexp), sigmoid_binary_cross_entropy (log1p of e^−|z|), mse.
// Targets are usually constants; if they are leaves they get their gradient too.
#pragma once

#include "../checks.hpp"
#include "activations.hpp"

namespace basecamp::ad {

// L = −(1/n) Σᵢ Σⱼ tᵢⱼ log softmax(z)ᵢⱼ; z (n x k) logits, t (n x k) one-hot or probabilities
template <class T>
Var<T> softmax_cross_entropy(const Var<T>& logits, const Var<T>& targets) {
  const char* op = "softmax_cross_entropy";
  detail::check_same_shape(op, logits, targets);
  detail::require_all(
      op, targets.value(), [](T v) { return !(v >= T(0)); }, "targets must be non-negative");
  Tensor<T> logp = detail::log_softmax_rows(logits.value());
  const T n = static_cast<T>(logits.rows());
  Tensor<T> out(1, 1);
  out(0, 0) = -(targets.value().array() * logp.array()).sum() / n;
  return logits.tape->push(op, std::move(out), {logits.id, targets.id},
                           [logp = std::move(logp), n](Tape<T>& t, int self) {
                             const T g = t.node(self).grad(0, 0) / n;
                             const Tensor<T>& y = t.input_value(self, 1);
                             // ∂L/∂zᵢⱼ = (softmax(z)ᵢⱼ Σₖ tᵢₖ − tᵢⱼ) / n   (= (p − t)/n for one-hot
                             // rows)
                             if (Tensor<T>* gz = t.input_grad(self, 0)) {
                               const detail::Column<T> mass = y.rowwise().sum();
                               gz->array() +=
                                   g * (logp.array().exp().colwise() * mass.array() - y.array());
                             }
                             // ∂L/∂tᵢⱼ = −log softmax(z)ᵢⱼ / n
                             if (Tensor<T>* gt = t.input_grad(self, 1))
                               gt->array() -= g * logp.array();
                           });
}

// L = (1/N) Σ max(z,0) − z·t + ln(1 + e^−|z|)  (= mean of −t ln σ(z) − (1−t) ln(1−σ(z)))
template <class T>
Var<T> sigmoid_binary_cross_entropy(const Var<T>& logits, const Var<T>& targets) {
  const char* op = "sigmoid_binary_cross_entropy";
  detail::check_same_shape(op, logits, targets);
  detail::require_all(
      op, targets.value(), [](T v) { return !(v >= T(0) && v <= T(1)); },
      "targets must be in [0, 1]");
  const auto z = logits.value().array();
  const T count = static_cast<T>(z.size());
  Tensor<T> out(1, 1);
  out(0, 0) = (z.max(T(0)) - z * targets.value().array() + (-z.abs()).exp().log1p()).sum() / count;
  return logits.tape->push(
      op, std::move(out), {logits.id, targets.id}, [count](Tape<T>& t, int self) {
        const T g = t.node(self).grad(0, 0) / count;
        const auto z = t.input_value(self, 0).array();
        // ∂L/∂z = (σ(z) − t) / N
        if (Tensor<T>* gz = t.input_grad(self, 0))
          gz->array() += g * ((T(1) + (-z).exp()).inverse() - t.input_value(self, 1).array());
        // ∂L/∂t = −z / N
        if (Tensor<T>* gt = t.input_grad(self, 1)) gt->array() -= g * z;
      });
}

// L = (1/N) Σ (p − y)², N = rows·cols
template <class T>
Var<T> mse(const Var<T>& pred, const Var<T>& target) {
  detail::check_same_shape("mse", pred, target);
  const T count = static_cast<T>(pred.value().size());
  Tensor<T> out(1, 1);
  out(0, 0) = (pred.value() - target.value()).squaredNorm() / count;
  return pred.tape->push(
      "mse", std::move(out), {pred.id, target.id}, [count](Tape<T>& t, int self) {
        const T g = T(2) * t.node(self).grad(0, 0) / count;
        const auto d = t.input_value(self, 0).array() - t.input_value(self, 1).array();
        if (Tensor<T>* gp = t.input_grad(self, 0)) gp->array() += g * d;  // ∂L/∂p = 2(p − y)/N
        if (Tensor<T>* gy = t.input_grad(self, 1)) gy->array() -= g * d;  // ∂L/∂y = −2(p − y)/N
      });
}

}  // namespace basecamp::ad
