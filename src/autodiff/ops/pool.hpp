// Max pooling over channels-last image batches (image_geometry.hpp): each output pixel of each
// channel is the largest input in its pool × pool window. The backward pass finds each window's
// winner again from the input (the first largest, as the forward pass took it) instead of keeping
// an index per output: nothing extra is stored or allocated per step.
#pragma once

#include "../checks.hpp"
#include "../image_geometry.hpp"
#include "conv.hpp"  // detail::for_sample_blocks, detail::check_image_batch

namespace basecamp::ad {

namespace detail {

// fn(out_index, in_index of the window's first maximum) for every output of one image.
template <class T, class Fn>
void each_pool_winner(const Pool2DGeometry& g, const T* img, const Fn& fn) {
  const int c = g.in.channels, w = g.in.width;
  for (int oy = 0; oy < g.out_h; ++oy)
    for (int ox = 0; ox < g.out_w; ++ox)
      for (int ch = 0; ch < c; ++ch) {
        int best = ((oy * g.stride) * w + ox * g.stride) * c + ch;
        for (int dy = 0; dy < g.pool; ++dy)
          for (int dx = 0; dx < g.pool; ++dx) {
            const int at = ((oy * g.stride + dy) * w + (ox * g.stride + dx)) * c + ch;
            if (img[at] > img[best]) best = at;
          }
        fn((oy * g.out_w + ox) * c + ch, best);
      }
}

}  // namespace detail

// out[s, (oy·ow + ox)·c + ch] = max over dy, dx < pool of x[s, ((oy·stride + dy)·w + ox·stride + dx)·c + ch]
template <class T>
Var<T> maxpool2d(const Var<T>& x, const Pool2DGeometry& g) {
  detail::check_image_batch("maxpool2d", x, g.in);
  const Eigen::Index n = x.rows(), out_cols = g.out().size();
  Tensor<T> out = x.tape->take(n, out_cols);
  const Tensor<T>& xv = x.value();
  detail::for_sample_blocks(n, xv.cols(), [&](Eigen::Index s0, Eigen::Index count) {
    for (Eigen::Index s = s0; s < s0 + count; ++s) {
      const T* img = xv.data() + s * xv.cols();
      T* o = out.data() + s * out_cols;
      detail::each_pool_winner(g, img, [&](int k, int at) { o[k] = img[at]; });
    }
  });
  return x.tape->push("maxpool2d", std::move(out), {x.id}, [g](Tape<T>& t, int self) {
    // ∂out/∂x = 1 at the window's winner, 0 elsewhere (overlapping windows add up)
    Tensor<T>* gx = t.input_grad(self, 0);
    if (!gx) return;
    const Tensor<T>& xv = t.input_value(self, 0);
    const Tensor<T>& go = t.node(self).grad;
    detail::for_sample_blocks(xv.rows(), xv.cols(), [&](Eigen::Index s0, Eigen::Index count) {
      for (Eigen::Index s = s0; s < s0 + count; ++s) {
        const T* from = go.data() + s * go.cols();
        T* to = gx->data() + s * gx->cols();
        detail::each_pool_winner(g, xv.data() + s * xv.cols(),
                                 [&](int k, int at) { to[at] += from[k]; });
      }
    });
  });
}

}  // namespace basecamp::ad
