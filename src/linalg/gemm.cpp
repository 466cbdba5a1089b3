// gemm(): shape checks, the split across threads, and the Eigen path (double, native, or wasm
// builds without SIMD). The wasm_simd128 kernel for float lives in gemm_kernel.cpp.
#include "linalg/gemm.hpp"

#include <Eigen/Core>
#include <algorithm>

#include "error.hpp"
#include "linalg/parallel.hpp"

namespace basecamp::linalg {

#ifdef __wasm_simd128__
// gemm_kernel.cpp
void gemm_simd(Trans ta, Trans tb, int n, int m, int k, const float* a, int lda, const float* b,
               int ldb, float* c, int ldc, bool accumulate, int col_begin, int col_end);
void gemm_simd_split(Trans ta, Trans tb, int n, int m, int k, const float* a, int lda,
                     const float* b, int ldb, float* c, int ldc, bool accumulate, int parts);
bool simd_kernel() { return true; }
#else
bool simd_kernel() { return false; }
#endif

namespace {

template <class T>
using RowMap = Eigen::Map<const Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>,
                          0, Eigen::OuterStride<>>;
template <class T>
using OutMap = Eigen::Map<Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>, 0,
                          Eigen::OuterStride<>>;

// Below this many multiply-adds, Eigen's blocked GEMM (packing, cache blocking) costs more than
// the arithmetic: the lesson-7 networks (11 x 32 by 32 x 32) run ~2x faster coefficient-wise.
constexpr double kLazyProductWork = 1 << 15;

template <class T, class L, class R>
void eigen_product(OutMap<T> c, const L& l, const R& r, bool accumulate) {
  const bool small = static_cast<double>(l.rows()) * l.cols() * r.cols() < kLazyProductWork;
  if (small && accumulate)
    c.noalias() += l.lazyProduct(r);
  else if (small)
    c.noalias() = l.lazyProduct(r);
  else if (accumulate)
    c.noalias() += l * r;
  else
    c.noalias() = l * r;
}

template <class T>
void eigen_columns(Trans ta, Trans tb, int n, int m, int k, const T* a, int lda, const T* b,
                   int ldb, T* c, int ldc, bool accumulate, int j0, int j1) {
  (void)m;
  const int w = j1 - j0;
  OutMap<T> out(c + j0, n, w, Eigen::OuterStride<>(ldc));
  // op(B) columns [j0, j1): B stored k x m (no) or m x k (yes).
  if (ta == Trans::no) {
    const RowMap<T> A(a, n, k, Eigen::OuterStride<>(lda));
    if (tb == Trans::no)
      eigen_product<T>(out, A, RowMap<T>(b + j0, k, w, Eigen::OuterStride<>(ldb)), accumulate);
    else
      eigen_product<T>(out, A, RowMap<T>(b + static_cast<std::ptrdiff_t>(j0) * ldb, w, k,
                                         Eigen::OuterStride<>(ldb)).transpose(), accumulate);
  } else {
    const RowMap<T> A(a, k, n, Eigen::OuterStride<>(lda));
    if (tb == Trans::no)
      eigen_product<T>(out, A.transpose(), RowMap<T>(b + j0, k, w, Eigen::OuterStride<>(ldb)),
                       accumulate);
    else
      eigen_product<T>(out, A.transpose(),
                       RowMap<T>(b + static_cast<std::ptrdiff_t>(j0) * ldb, w, k,
                                 Eigen::OuterStride<>(ldb)).transpose(), accumulate);
  }
}

}  // namespace

template <class T>
void gemm_columns(Trans ta, Trans tb, int n, int m, int k, const T* a, int lda, const T* b, int ldb,
                  T* c, int ldc, bool accumulate, int col_begin, int col_end) {
  if (n <= 0 || col_end <= col_begin) return;
  if (k == 0) {
    if (!accumulate)
      for (int i = 0; i < n; ++i)
        std::fill(c + static_cast<std::ptrdiff_t>(i) * ldc + col_begin,
                  c + static_cast<std::ptrdiff_t>(i) * ldc + col_end, T(0));
    return;
  }
#ifdef __wasm_simd128__
  if constexpr (std::is_same_v<T, float>) {
    gemm_simd(ta, tb, n, m, k, a, lda, b, ldb, c, ldc, accumulate, col_begin, col_end);
    return;
  }
#endif
  eigen_columns<T>(ta, tb, n, m, k, a, lda, b, ldb, c, ldc, accumulate, col_begin, col_end);
}

template <class T>
void gemm(const Tensor<T>& a, Trans ta, const Tensor<T>& b, Trans tb, Tensor<T>& c,
          bool accumulate) {
  const int n = static_cast<int>(ta == Trans::no ? a.rows() : a.cols());
  const int k = static_cast<int>(ta == Trans::no ? a.cols() : a.rows());
  const int kb = static_cast<int>(tb == Trans::no ? b.rows() : b.cols());
  const int m = static_cast<int>(tb == Trans::no ? b.cols() : b.rows());
  require(k == kb, "gemm", "inner dimensions differ");
  if (accumulate)
    require(c.rows() == n && c.cols() == m, "gemm", "accumulator has the wrong shape");
  else
    c.resize(n, m);
  gemm_strided<T>(ta, tb, n, m, k, a.data(), static_cast<int>(a.cols()), b.data(),
                  static_cast<int>(b.cols()), c.data(), m, accumulate);
}

template <class T>
void gemm_strided(Trans ta, Trans tb, int n, int m, int k, const T* pa, int lda, const T* pb,
                  int ldb, T* pc, int ldc, bool accumulate) {
  // Split the output columns in multiples of 8 (the kernel's panel width), only when each part
  // still has real work: below ~2^20 multiply-adds a product takes well under a millisecond.
  // Pieces of at least 32 columns and 2^19 multiply-adds.
  const double work = static_cast<double>(n) * m * k;
  int parts = 1;
  if (threads() > 1 && work >= (1 << 20)) {
    const int by_columns = m / 32, by_work = static_cast<int>(work / (1 << 19));
    parts = std::max(1, std::min({threads() * kPiecesPerThread, by_columns, by_work}));
  }
  if (parts == 1) {
    gemm_columns<T>(ta, tb, n, m, k, pa, lda, pb, ldb, pc, ldc, accumulate, 0, m);
    return;
  }
#ifdef __wasm_simd128__
  if constexpr (std::is_same_v<T, float>) {  // the pieces share one packing of A
    gemm_simd_split(ta, tb, n, m, k, pa, lda, pb, ldb, pc, ldc, accumulate, parts);
    return;
  }
#endif
  const int step = ((m + parts - 1) / parts + 7) / 8 * 8;
  parallel_for(parts, [&](int p) {
    const int j0 = std::min(m, p * step), j1 = std::min(m, (p + 1) * step);
    gemm_columns<T>(ta, tb, n, m, k, pa, lda, pb, ldb, pc, ldc, accumulate, j0, j1);
  });
}

template void gemm_columns<float>(Trans, Trans, int, int, int, const float*, int, const float*,
                                  int, float*, int, bool, int, int);
template void gemm_columns<double>(Trans, Trans, int, int, int, const double*, int,
                                   const double*, int, double*, int, bool, int, int);
template void gemm_strided<float>(Trans, Trans, int, int, int, const float*, int, const float*,
                                  int, float*, int, bool);
template void gemm_strided<double>(Trans, Trans, int, int, int, const double*, int,
                                   const double*, int, double*, int, bool);
template void gemm<float>(const Tensor<float>&, Trans, const Tensor<float>&, Trans,
                          Tensor<float>&, bool);
template void gemm<double>(const Tensor<double>&, Trans, const Tensor<double>&, Trans,
                           Tensor<double>&, bool);

}  // namespace basecamp::linalg
