// Matrix products for the autodiff ops: C = A'·B' or C += A'·B', where A' is A or Aᵀ and B' is
// B or Bᵀ (the backward pass of matmul needs dA = dC·Bᵀ and dB = Aᵀ·dC), on row-major tensors.
// Large products are split by output columns across linalg::threads() threads. For float in a
// wasm build with SIMD, a packed 4x8 wasm_simd128 micro-kernel (gemm_kernel.cpp) does the work;
// everywhere else Eigen's product does. Not a BLAS: no alpha/beta beyond "overwrite or add".
#pragma once

#include "tensor.hpp"

namespace basecamp::linalg {

enum class Trans { no, yes };

// The raw form: C (n x m, row stride ldc) = / += op(A) (n x k) · op(B) (k x m), computed for the
// output columns [col_begin, col_end) only. Row strides lda/ldb are those of A and B as stored.
template <class T>
void gemm_columns(Trans ta, Trans tb, int n, int m, int k, const T* a, int lda, const T* b, int ldb,
                  T* c, int ldc, bool accumulate, int col_begin, int col_end);

// The same over all output columns, split across threads as gemm() splits: for products on
// buffers that are not shaped as the product sees them (a convolution's n·h·w × filters view of
// an n × h·w·filters batch). C must hold n rows of ldc numbers.
template <class T>
void gemm_strided(Trans ta, Trans tb, int n, int m, int k, const T* a, int lda, const T* b, int ldb,
                  T* c, int ldc, bool accumulate);

// C = op(A)·op(B) (accumulate = false; C is resized) or C += op(A)·op(B) (C must have the shape).
template <class T>
void gemm(const Tensor<T>& a, Trans ta, const Tensor<T>& b, Trans tb, Tensor<T>& c,
          bool accumulate);

// True when float products use the wasm_simd128 kernel in this build.
bool simd_kernel();

// True when that kernel is the relaxed-SIMD flavour (fused multiply-add; gemm_kernel.cpp).
bool fused_kernel();

}  // namespace basecamp::linalg
