// Convolution as im2col + one GEMM. im2col copies every receptive field of a batch of images
// (n × h·w·c, channels-last: image_geometry.hpp) into one row of a matrix (n·oh·ow rows ×
// kh·kw·c columns, zeros where same padding reaches outside the image); conv2d multiplies it by
// the kernel (kh·kw·c × filters, Keras's (kh, kw, c, filters) kernel read row-major) with
// linalg's GEMM, so SIMD and threads apply, and adds the bias. The product's rows are
// (sample, y, x) and its columns the filters: in memory that is already the output batch
// n × oh·ow·filters, channels-last, so nothing is reshaped or copied.
// Both are tape nodes: the patches are a node's value, so the tape recycles that (large) buffer
// and its gradient between batches like any other.
#pragma once

#include <algorithm>

#include "../checks.hpp"
#include "../image_geometry.hpp"
#include "linalg/gemm.hpp"
#include "linalg/parallel.hpp"

namespace basecamp::ad {

namespace detail {

// fn(first, count) over the samples of a batch, split across linalg's threads when each part
// has enough numbers to move (per_sample numbers per sample).
template <class Fn>
void for_sample_blocks(Eigen::Index samples, Eigen::Index per_sample, const Fn& fn) {
  const std::ptrdiff_t min_samples =
      std::max<std::ptrdiff_t>(1, linalg::kMinPiece / std::max<Eigen::Index>(1, per_sample));
  linalg::parallel_ranges(samples, [&](std::ptrdiff_t s0, std::ptrdiff_t s1) { fn(s0, s1 - s0); },
                          min_samples);
}

// Calls fn(patch_row, patch_col, image_col, count) for every run of in-image numbers of every
// receptive field of one image: patch_row = oy·ow + ox; one kernel row dy covers the pixels
// dx ∈ [lo, hi) that fall inside the image, which are count = (hi − lo)·c contiguous numbers on
// both sides, from patch_col = (dy·kw + lo)·c and image_col = (iy·w + ix₀ + lo)·c. Whole runs,
// not single pixels: with one channel (MNIST's first layer) a pixel is a single float.
template <class Fn>
void each_field_run(const Conv2DGeometry& g, const Fn& fn) {
  const int c = g.in.channels;
  for (int oy = 0; oy < g.out_h; ++oy)
    for (int ox = 0; ox < g.out_w; ++ox) {
      const int ix0 = ox * g.stride - g.pad_left;
      const int lo = std::max(0, -ix0), hi = std::min(g.kernel_w, g.in.width - ix0);
      if (lo >= hi) continue;
      for (int dy = 0; dy < g.kernel_h; ++dy) {
        const int iy = oy * g.stride - g.pad_top + dy;
        if (iy < 0 || iy >= g.in.height) continue;
        fn(oy * g.out_w + ox, (dy * g.kernel_w + lo) * c, (iy * g.in.width + ix0 + lo) * c, (hi - lo) * c);
      }
    }
}

template <class T>
void check_image_batch(const char* op, const Var<T>& x, const ImageShape& in) {
  check_unary(op, x);
  if (x.cols() != in.size())  // message built only on failure: checked every step
    throw_error(code::shape_mismatch, op, "x",
                str("an image of ", in.height, "x", in.width, "x", in.channels, " needs ",
                    in.size(), " columns, x is ", shape(x.value())),
                static_cast<double>(x.cols()));
}

}  // namespace detail

// cols[(s·oh + oy)·ow + ox, (dy·kw + dx)·c + ch] = x[s, ((oy·stride − pad_top + dy)·w +
//   (ox·stride − pad_left + dx))·c + ch], or 0 in the padding.
template <class T>
Var<T> im2col(const Var<T>& x, const Conv2DGeometry& g) {
  detail::check_image_batch("im2col", x, g.in);
  const Eigen::Index n = x.rows(), fields = Eigen::Index(g.out_h) * g.out_w, patch = g.patch();
  Tensor<T> cols = x.tape->take(n * fields, patch);
  const Tensor<T>& xv = x.value();
  const bool padded = g.pad_top > 0 || g.pad_left > 0 ||
                      (g.out_h - 1) * g.stride + g.kernel_h > g.in.height ||
                      (g.out_w - 1) * g.stride + g.kernel_w > g.in.width;
  detail::for_sample_blocks(n, fields * patch, [&](Eigen::Index s0, Eigen::Index count) {
    for (Eigen::Index s = s0; s < s0 + count; ++s) {
      T* out = cols.data() + s * fields * patch;
      if (padded) std::fill(out, out + fields * patch, T(0));
      const T* img = xv.data() + s * xv.cols();
      detail::each_field_run(g, [&](int row, int col, int at, int len) {
        std::copy(img + at, img + at + len, out + Eigen::Index(row) * patch + col);
      });
    }
  });
  return x.tape->push("im2col", std::move(cols), {x.id}, [g](Tape<T>& t, int self) {
    // col2im: each image pixel gets the sum of the gradients of every patch entry it was copied
    // to (∂cols/∂x is 1 there): dx[s, image_col + ch] += dcols[row, patch_col + ch].
    Tensor<T>* gx = t.input_grad(self, 0);
    if (!gx) return;
    const Tensor<T>& gc = t.node(self).grad;
    const Eigen::Index fields = Eigen::Index(g.out_h) * g.out_w, patch = g.patch();
    detail::for_sample_blocks(gx->rows(), fields * patch, [&](Eigen::Index s0, Eigen::Index count) {
      for (Eigen::Index s = s0; s < s0 + count; ++s) {
        const T* from = gc.data() + s * fields * patch;
        T* img = gx->data() + s * gx->cols();
        detail::each_field_run(g, [&](int row, int col, int at, int len) {
          const T* p = from + Eigen::Index(row) * patch + col;
          for (int k = 0; k < len; ++k) img[at + k] += p[k];
        });
      }
    });
  });
}

// out = im2col(x)·K + b, viewed as (n·oh·ow × filters) = (n × oh·ow·filters).
// x (n × h·w·c), kernel (kh·kw·c × filters), bias (1 × filters).
template <class T>
Var<T> conv2d(const Var<T>& x, const Var<T>& kernel, const Var<T>& bias, const Conv2DGeometry& g) {
  detail::check_pair("conv2d", x, kernel);
  detail::check_pair("conv2d", x, bias);
  if (kernel.rows() != g.patch() || kernel.cols() != g.filters)  // built only on failure
    throw_error(code::shape_mismatch, "conv2d", "kernel",
                detail::str("kernel must be (", g.patch(), "x", g.filters, ") for ",
                            g.kernel_h, "x", g.kernel_w, "x", g.in.channels, " fields and ",
                            g.filters, " filters, got ", detail::shape(kernel.value())));
  if (bias.rows() != 1 || bias.cols() != g.filters)
    throw_error(code::shape_mismatch, "conv2d", "bias",
                detail::str("bias must be (1x", g.filters, "), got ",
                            detail::shape(bias.value())));
  const Var<T> cols = im2col(x, g);
  const int rows = static_cast<int>(cols.rows()), patch = g.patch(), filters = g.filters;
  using linalg::Trans;
  Tensor<T> out = x.tape->take(x.rows(), Eigen::Index(g.out_h) * g.out_w * filters);
  linalg::gemm_strided<T>(Trans::no, Trans::no, rows, filters, patch, cols.value().data(), patch,
                          kernel.value().data(), filters, out.data(), filters, false);
  using Rows = Eigen::Map<Tensor<T>>;
  Rows(out.data(), rows, filters).rowwise() += bias.value().row(0);
  return x.tape->push(
      "conv2d", std::move(out), {cols.id, kernel.id, bias.id},
      [rows, patch, filters](Tape<T>& t, int self) {
        const T* g = t.node(self).grad.data();  // (rows × filters), the output's gradient G
        // d cols = G·Kᵀ
        if (const auto gc = t.input_grad_slot(self, 0); gc.grad)
          linalg::gemm_strided<T>(Trans::no, Trans::yes, rows, patch, filters, g, filters,
                                  t.input_value(self, 1).data(), filters, gc.grad->data(), patch,
                                  !gc.first);
        // dK = colsᵀ·G
        if (const auto gk = t.input_grad_slot(self, 1); gk.grad)
          linalg::gemm_strided<T>(Trans::yes, Trans::no, patch, filters, rows,
                                  t.input_value(self, 0).data(), patch, g, filters,
                                  gk.grad->data(), filters, !gk.first);
        // db = Σ over the rows of G (every position of every sample)
        if (const auto gb = t.input_grad_slot(self, 2); gb.grad) {
          const auto sums = Eigen::Map<const Tensor<T>>(g, rows, filters).colwise().sum();
          if (gb.first)
            gb.grad->row(0) = sums;
          else
            gb.grad->row(0) += sums;
        }
      });
}

}  // namespace basecamp::ad
