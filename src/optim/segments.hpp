// The optimizers' updates are elementwise: each coordinate moves by a rule of its own gradient
// and state. update_segments runs such a rule over contiguous segments of a parameter (its
// value, gradient and state buffers seen through Eigen maps, no copies), split across linalg's
// threads when the parameter is big (linalg::parallel_ranges: the split does not change a bit).
// Each rule is written as Eigen expressions over one segment, so an update allocates nothing.
#pragma once

#include <array>
#include <cstddef>
#include <type_traits>
#include <vector>

#include "linalg/parallel.hpp"
#include "tensor.hpp"

namespace basecamp::optim {

template <class T>
using Segment = Eigen::Map<Eigen::Array<T, Eigen::Dynamic, 1>>;
template <class T>
using ConstSegment = Eigen::Map<const Eigen::Array<T, Eigen::Dynamic, 1>>;

// Elements [begin, begin + size) of one parameter's value, gradient and state buffers.
template <class T>
class Segments {
 public:
  Segments(Param<T>& p, std::vector<Tensor<T>>& state, std::ptrdiff_t begin, std::ptrdiff_t size)
      : p_(p), state_(state), begin_(begin), size_(size) {}

  Segment<T> value() const { return Segment<T>(p_.value.data() + begin_, size_); }
  ConstSegment<T> grad() const { return ConstSegment<T>(p_.grad.data() + begin_, size_); }
  Segment<T> state(std::size_t k) const { return Segment<T>(state_[k].data() + begin_, size_); }
  std::ptrdiff_t size() const { return size_; }

 private:
  Param<T>& p_;
  std::vector<Tensor<T>>& state_;
  std::ptrdiff_t begin_, size_;
};

// rule(Segments<T>) for every segment of p (all of p's buffers have p.value's size).
template <class T, class Rule>
void update_segments(Param<T>& p, std::vector<Tensor<T>>& state, const Rule& rule) {
  linalg::parallel_ranges(p.value.size(), [&](std::ptrdiff_t begin, std::ptrdiff_t end) {
    rule(Segments<T>(p, state, begin, end - begin));
  });
}

// torch's L2 weight decay λ: step(g + λ·θ), handed over as one expression (it reads θ, which
// the step changes last: no parameter-sized temporary), or step(g) when λ = 0.
template <class Grad, class Value, class Step>
void with_weight_decay(double weight_decay, const Grad& g, const Value& value, const Step& step) {
  if (weight_decay != 0)
    step(g + static_cast<typename Value::Scalar>(weight_decay) * value);
  else
    step(g);
}

// update_segments for a rule that takes the L2 weight decay in its gradient:
// step(segments, value, g) with g as with_weight_decay gives it.
template <class T, class Step>
void update_segments_with_decay(Param<T>& p, std::vector<Tensor<T>>& state, double weight_decay,
                                const Step& step) {
  update_segments(p, state, [&](const Segments<T>& seg) {
    Segment<T> value = seg.value();
    with_weight_decay(weight_decay, seg.grad(), value, [&](const auto& g) { step(seg, value, g); });
  });
}

// dst ← torch's lerp(dst, end, weight) in place: the same two branches as lerp() in
// optimizer.hpp, so the same bits, without its temporary.
template <class Dst, class End>
void lerp_in_place(Dst& dst, const End& end, double weight) {
  using T = typename Dst::Scalar;
  const T w = static_cast<T>(weight);
  if (weight < 0.5)
    dst = dst + w * (end - dst);
  else
    dst = end - (end - dst) * (T(1) - w);
}

}  // namespace basecamp::optim
