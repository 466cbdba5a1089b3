// Max pooling over channels-last image batches (image_geometry.hpp): each output pixel of each
// channel is the largest input in its pool × pool window. The backward pass finds each window's
// winner again from the input (the first largest, as the forward pass took it) instead of keeping
// an index per output: nothing extra is stored per step (a channel-sized scratch per call).
#pragma once

#include <algorithm>
#include <vector>

#include "../checks.hpp"
#include "../image_geometry.hpp"
#include "conv.hpp"  // detail::for_sample_blocks, detail::check_image_batch

namespace basecamp::ad {

namespace detail {

// For every output pixel of one image (the backward pass): best[ch] = index in img of the first maximum of channel
// ch in its window (row-major), then fn(out_index of channel 0, best). Channels are innermost
// in memory, so the compare runs over c contiguous numbers (vectorisable) for each window pixel.
template <class T, class Fn>
void each_pool_window(const Pool2DGeometry& g, const T* img, int* best, T* best_value, const Fn& fn) {
  const int c = g.in.channels, w = g.in.width;
  for (int oy = 0; oy < g.out_h; ++oy)
    for (int ox = 0; ox < g.out_w; ++ox) {
      const int first = ((oy * g.stride) * w + ox * g.stride) * c;
      for (int ch = 0; ch < c; ++ch) best[ch] = first + ch, best_value[ch] = img[first + ch];
      for (int dy = 0; dy < g.pool; ++dy)
        for (int dx = dy == 0 ? 1 : 0; dx < g.pool; ++dx) {
          const int at = ((oy * g.stride + dy) * w + (ox * g.stride + dx)) * c;
          for (int ch = 0; ch < c; ++ch)
            if (img[at + ch] > best_value[ch]) best_value[ch] = img[at + ch], best[ch] = at + ch;
        }
      fn((oy * g.out_w + ox) * c, best, best_value);
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
  const int c = g.in.channels, w = g.in.width;
  detail::for_sample_blocks(n, xv.cols(), [&](Eigen::Index s0, Eigen::Index count) {
    for (Eigen::Index s = s0; s < s0 + count; ++s) {
      const T* img = xv.data() + s * xv.cols();
      for (int oy = 0; oy < g.out_h; ++oy)
        for (int ox = 0; ox < g.out_w; ++ox) {
          // A running maximum over the window's pixels, c channels at a time (vectorisable).
          T* o = out.data() + s * out_cols + (oy * g.out_w + ox) * c;
          const T* first = img + ((oy * g.stride) * w + ox * g.stride) * c;
          std::copy(first, first + c, o);
          for (int dy = 0; dy < g.pool; ++dy)
            for (int dx = dy == 0 ? 1 : 0; dx < g.pool; ++dx) {
              const T* p = img + ((oy * g.stride + dy) * w + (ox * g.stride + dx)) * c;
              for (int ch = 0; ch < c; ++ch) o[ch] = o[ch] < p[ch] ? p[ch] : o[ch];
            }
        }
    }
  });
  return x.tape->push("maxpool2d", std::move(out), {x.id}, [g](Tape<T>& t, int self) {
    // ∂out/∂x = 1 at the window's winner, 0 elsewhere (overlapping windows add up)
    Tensor<T>* gx = t.input_grad(self, 0);
    if (!gx) return;
    const Tensor<T>& xv = t.input_value(self, 0);
    const Tensor<T>& go = t.node(self).grad;
    const int c = g.in.channels;
    detail::for_sample_blocks(xv.rows(), xv.cols(), [&](Eigen::Index s0, Eigen::Index count) {
      std::vector<int> best(c);
      std::vector<T> best_value(c);
      for (Eigen::Index s = s0; s < s0 + count; ++s) {
        const T* from = go.data() + s * go.cols();
        T* to = gx->data() + s * gx->cols();
        detail::each_pool_window(g, xv.data() + s * xv.cols(), best.data(), best_value.data(),
                                 [&](int k, const int* at, const T*) {
                                   for (int ch = 0; ch < c; ++ch) to[at[ch]] += from[k + ch];
                                 });
      }
    });
  });
}

}  // namespace basecamp::ad
