// Inverted dropout: in training each element is kept with probability 1 − rate and scaled by
// 1/(1 − rate), so the expected value is unchanged and evaluation needs no rescaling.
// In evaluation (training = false), or with rate 0, it is the identity: x itself is returned
// and no node is recorded. The mask is drawn from rng in row-major order (replayable by seed).
#pragma once

#include <type_traits>

#include "../../random.hpp"
#include "../checks.hpp"

namespace basecamp::ad {

// out = x ⊙ m, mᵢⱼ = 1/(1 − rate) with probability 1 − rate, else 0
template <class T>
Var<T> dropout(const Var<T>& x, std::type_identity_t<T> rate, bool training, Rng& rng) {
  detail::check_unary("dropout", x);
  if (!(rate >= T(0) && rate < T(1)))  // message built only on failure: checked every step
    throw Error(detail::str("dropout: rate must be in [0, 1), got ", rate));
  if (!training || rate == T(0)) return x;
  const T keep_scale = T(1) / (T(1) - rate);
  Tensor<T> mask(x.rows(), x.cols());
  for (Eigen::Index k = 0; k < mask.size(); ++k)
    mask.data()[k] = rng.uniform() < static_cast<double>(rate) ? T(0) : keep_scale;
  Tensor<T> out = x.tape->take(x.rows(), x.cols());
  out.noalias() = x.value().cwiseProduct(mask);
  return x.tape->push("dropout", std::move(out), {x.id},
                      [mask = std::move(mask)](Tape<T>& t, int self) {
                        // ∂out/∂x = m
                        if (Tensor<T>* gx = t.input_grad(self, 0))
                          gx->array() += mask.array() * t.node(self).grad.array();
                      });
}

}  // namespace basecamp::ad
