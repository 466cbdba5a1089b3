// The float GEMM kernel for wasm SIMD (128-bit): Goto-style blocking with packed panels.
// B is packed in panels of 8 columns (kc x 8, one L1-sized panel), A in panels of 4 rows
// (kc x 4); a 4x8 micro-kernel keeps its 8 accumulators in registers (V8 has 16 xmm registers
// on x64, one of them scratch). Packing absorbs the transposes of the backward pass. Compiled
// only with -msimd128 (elsewhere gemm.cpp uses Eigen); tested against Eigen in
// tests/cpp/linalg/gemm.test.cpp. wasm_simd128.h is clang's header, not Emscripten's.
// Two flavours from this one file (CMakeLists.txt compiles it twice, the rest of the core once):
// SIMD128 (multiply, then add) and relaxed SIMD (-mrelaxed-simd: f32x4.relaxed_madd, a fused
// multiply-add where the machine has one). wasm/RELAXED_SIMD.md explains the relaxed build.
#ifdef __wasm_simd128__

#include <wasm_simd128.h>

#include <algorithm>
#include <cstddef>
#include <vector>

#include "linalg/gemm.hpp"
#include "linalg/parallel.hpp"

namespace basecamp::linalg {

namespace {

constexpr int MR = 4;    // rows of the micro-tile
constexpr int NR = 8;    // columns of the micro-tile (two v128)
constexpr int KC = 256;  // depth of a packed block: an 8-column B panel is 8 KB
constexpr int MC = 128;  // rows of a packed A block (128 KB)
constexpr int NC = 512;  // columns of a packed B block (512 KB)

using std::ptrdiff_t;

#ifdef __wasm_relaxed_simd__
// a·b + c, fused on x86 with FMA3 (V8 emits vfmadd) and on ARM. Clang 14 spells it
// __builtin_wasm_fma_f32x4 and encodes it with the proposal's prototype opcode (0xfd 0xaf),
// which browsers reject; scripts/relaxed-simd.mjs rewrites it to the final relaxed_madd opcode
// after linking. The operands are on the wasm stack in this order, and the final instruction
// computes first·second + third.
inline v128_t madd(v128_t a, v128_t b, v128_t c) { return __builtin_wasm_fma_f32x4(a, b, c); }
#else
inline v128_t madd(v128_t a, v128_t b, v128_t c) { return wasm_f32x4_add(wasm_f32x4_mul(a, b), c); }
#endif

// Packs op(B)[p0:p0+kc, j0:j0+nc] into panels of NR columns, zero-padded on the right.
void pack_b(Trans tb, const float* b, int ldb, int p0, int kc, int j0, int nc, float* out) {
  for (int jp = 0; jp < nc; jp += NR) {
    const int w = std::min(NR, nc - jp);
    float* dst = out + static_cast<ptrdiff_t>(jp) * kc;
    if (tb == Trans::no) {
      const float* src = b + static_cast<ptrdiff_t>(p0) * ldb + j0 + jp;
      if (w == NR) {
        for (int p = 0; p < kc; ++p, src += ldb, dst += NR) {
          wasm_v128_store(dst, wasm_v128_load(src));
          wasm_v128_store(dst + 4, wasm_v128_load(src + 4));
        }
      } else {
        for (int p = 0; p < kc; ++p, src += ldb, dst += NR) {
          for (int j = 0; j < w; ++j) dst[j] = src[j];
          for (int j = w; j < NR; ++j) dst[j] = 0.f;
        }
      }
    } else {  // op(B)(p, j) = B[j][p]
      const float* rows[NR];
      for (int j = 0; j < NR; ++j)
        rows[j] = j < w ? b + static_cast<ptrdiff_t>(j0 + jp + j) * ldb + p0 : nullptr;
      for (int p = 0; p < kc; ++p, dst += NR)
        for (int j = 0; j < NR; ++j) dst[j] = j < w ? rows[j][p] : 0.f;
    }
  }
}

// Packs op(A)[i0:i0+mc, p0:p0+kc] into panels of MR rows (kc x MR each), zero-padded below.
void pack_a(Trans ta, const float* a, int lda, int i0, int mc, int p0, int kc, float* out) {
  for (int ip = 0; ip < mc; ip += MR) {
    const int h = std::min(MR, mc - ip);
    float* dst = out + static_cast<ptrdiff_t>(ip) * kc;
    if (ta == Trans::yes) {  // op(A)(i, p) = A[p][i]: MR consecutive floats per p
      const float* src = a + static_cast<ptrdiff_t>(p0) * lda + i0 + ip;
      if (h == MR) {
        for (int p = 0; p < kc; ++p, src += lda, dst += MR) wasm_v128_store(dst, wasm_v128_load(src));
      } else {
        for (int p = 0; p < kc; ++p, src += lda, dst += MR)
          for (int i = 0; i < MR; ++i) dst[i] = i < h ? src[i] : 0.f;
      }
    } else {
      const float* rows[MR];
      for (int i = 0; i < MR; ++i)
        rows[i] = i < h ? a + static_cast<ptrdiff_t>(i0 + ip + i) * lda + p0 : nullptr;
      if (h == MR) {
        int p = 0;
        for (; p + 4 <= kc; p += 4, dst += 4 * MR) {  // 4x4 transpose through registers
          const v128_t r0 = wasm_v128_load(rows[0] + p), r1 = wasm_v128_load(rows[1] + p);
          const v128_t r2 = wasm_v128_load(rows[2] + p), r3 = wasm_v128_load(rows[3] + p);
          const v128_t t0 = wasm_i32x4_shuffle(r0, r1, 0, 4, 1, 5);
          const v128_t t1 = wasm_i32x4_shuffle(r2, r3, 0, 4, 1, 5);
          const v128_t t2 = wasm_i32x4_shuffle(r0, r1, 2, 6, 3, 7);
          const v128_t t3 = wasm_i32x4_shuffle(r2, r3, 2, 6, 3, 7);
          wasm_v128_store(dst, wasm_i64x2_shuffle(t0, t1, 0, 2));
          wasm_v128_store(dst + 4, wasm_i64x2_shuffle(t0, t1, 1, 3));
          wasm_v128_store(dst + 8, wasm_i64x2_shuffle(t2, t3, 0, 2));
          wasm_v128_store(dst + 12, wasm_i64x2_shuffle(t2, t3, 1, 3));
        }
        for (; p < kc; ++p, dst += MR)
          for (int i = 0; i < MR; ++i) dst[i] = rows[i][p];
      } else {
        for (int p = 0; p < kc; ++p, dst += MR)
          for (int i = 0; i < MR; ++i) dst[i] = i < h ? rows[i][p] : 0.f;
      }
    }
  }
}

// C[0:h, 0:w] (+)= Ap (kc x MR) · Bp (kc x NR). `add` is false only for the first depth block
// of an overwriting product.
inline void micro_kernel(int kc, const float* __restrict ap, const float* __restrict bp,
                         float* c, int ldc, int h, int w, bool add) {
  v128_t c00 = wasm_f32x4_splat(0.f), c01 = c00, c10 = c00, c11 = c00;
  v128_t c20 = c00, c21 = c00, c30 = c00, c31 = c00;
  for (int p = 0; p < kc; ++p, ap += MR, bp += NR) {
    const v128_t b0 = wasm_v128_load(bp), b1 = wasm_v128_load(bp + 4);
    const v128_t a0 = wasm_v128_load32_splat(ap);
    c00 = madd(a0, b0, c00);
    c01 = madd(a0, b1, c01);
    const v128_t a1 = wasm_v128_load32_splat(ap + 1);
    c10 = madd(a1, b0, c10);
    c11 = madd(a1, b1, c11);
    const v128_t a2 = wasm_v128_load32_splat(ap + 2);
    c20 = madd(a2, b0, c20);
    c21 = madd(a2, b1, c21);
    const v128_t a3 = wasm_v128_load32_splat(ap + 3);
    c30 = madd(a3, b0, c30);
    c31 = madd(a3, b1, c31);
  }
  if (h == MR && w == NR) {
    const v128_t acc[MR][2] = {{c00, c01}, {c10, c11}, {c20, c21}, {c30, c31}};
    for (int i = 0; i < MR; ++i) {
      float* row = c + static_cast<ptrdiff_t>(i) * ldc;
      if (add) {
        wasm_v128_store(row, wasm_f32x4_add(wasm_v128_load(row), acc[i][0]));
        wasm_v128_store(row + 4, wasm_f32x4_add(wasm_v128_load(row + 4), acc[i][1]));
      } else {
        wasm_v128_store(row, acc[i][0]);
        wasm_v128_store(row + 4, acc[i][1]);
      }
    }
    return;
  }
  alignas(16) float tile[MR][NR];
  wasm_v128_store(&tile[0][0], c00), wasm_v128_store(&tile[0][4], c01);
  wasm_v128_store(&tile[1][0], c10), wasm_v128_store(&tile[1][4], c11);
  wasm_v128_store(&tile[2][0], c20), wasm_v128_store(&tile[2][4], c21);
  wasm_v128_store(&tile[3][0], c30), wasm_v128_store(&tile[3][4], c31);
  for (int i = 0; i < h; ++i) {
    float* row = c + static_cast<ptrdiff_t>(i) * ldc;
    for (int j = 0; j < w; ++j) row[j] = add ? row[j] + tile[i][j] : tile[i][j];
  }
}

// op(A) packed whole, for the column pieces of one product to share: depth block p0 holds the
// MR-row panels of all n rows one after another, so the panel of rows i..i+MR starts at
// padded_rows(n) * p0 + i * kc (every block before p0 is KC deep).
int padded_rows(int n) { return (n + MR - 1) / MR * MR; }

// The loop nest over output columns [col_begin, col_end). With a_packed == nullptr it packs
// op(A) itself, one MC x KC block at a time; otherwise it reads the whole packing.
void gemm_columns_simd(Trans ta, Trans tb, int n, int k, const float* a, int lda, const float* b,
                       int ldb, float* c, int ldc, bool accumulate, int col_begin, int col_end,
                       const float* a_packed) {
  // Per-thread packing buffers, kept between calls (no allocation per product).
  thread_local std::vector<float> bbuf, abuf;
  bbuf.resize(static_cast<std::size_t>(KC) * ((NC + NR - 1) / NR * NR));
  if (a_packed == nullptr) abuf.resize(static_cast<std::size_t>(KC) * ((MC + MR - 1) / MR * MR));
  const ptrdiff_t rows = padded_rows(n);
  for (int j0 = col_begin; j0 < col_end; j0 += NC) {
    const int nc = std::min(NC, col_end - j0);
    for (int p0 = 0; p0 < k; p0 += KC) {
      const int kc = std::min(KC, k - p0);
      const bool add = accumulate || p0 > 0;
      pack_b(tb, b, ldb, p0, kc, j0, nc, bbuf.data());
      for (int i0 = 0; i0 < n; i0 += MC) {
        const int mc = std::min(MC, n - i0);
        const float* ablock = abuf.data();
        if (a_packed == nullptr)
          pack_a(ta, a, lda, i0, mc, p0, kc, abuf.data());
        else
          ablock = a_packed + rows * p0 + static_cast<ptrdiff_t>(i0) * kc;
        for (int jp = 0; jp < nc; jp += NR) {
          const float* bp = bbuf.data() + static_cast<ptrdiff_t>(jp) * kc;
          const int w = std::min(NR, nc - jp);
          for (int ip = 0; ip < mc; ip += MR) {
            const float* ap = ablock + static_cast<ptrdiff_t>(ip) * kc;
            float* cp = c + static_cast<ptrdiff_t>(i0 + ip) * ldc + j0 + jp;
            micro_kernel(kc, ap, bp, cp, ldc, std::min(MR, mc - ip), w, add);
          }
        }
      }
    }
  }
}

// Above this many floats (4 MB) a product's pieces pack A for themselves rather than hold a
// second copy of it (a convolution's im2col input can be tens of MB).
constexpr ptrdiff_t kMaxSharedPacking = ptrdiff_t{1} << 20;

}  // namespace

void gemm_simd(Trans ta, Trans tb, int n, int m, int k, const float* a, int lda, const float* b,
               int ldb, float* c, int ldc, bool accumulate, int col_begin, int col_end) {
  (void)m;
  gemm_columns_simd(ta, tb, n, k, a, lda, b, ldb, c, ldc, accumulate, col_begin, col_end, nullptr);
}

void gemm_simd_split(Trans ta, Trans tb, int n, int m, int k, const float* a, int lda,
                     const float* b, int ldb, float* c, int ldc, bool accumulate, int parts) {
  const int step = ((m + parts - 1) / parts + NR - 1) / NR * NR;
  const ptrdiff_t rows = padded_rows(n);
  const float* a_packed = nullptr;
  if (parts > 1 && k > 0 && rows * k <= kMaxSharedPacking) {
    // Every column piece reads all of op(A): pack it once, in parallel by MC x KC blocks, instead
    // of once per piece (8 pieces on 2 threads made 8 copies of a 128 x 784 batch).
    // The caller's buffer, reached by the helpers through `packed` (naming the thread_local
    // inside the lambda would give each helper its own, empty, vector).
    thread_local std::vector<float> shared;
    shared.resize(static_cast<std::size_t>(rows * k));
    float* const packed = shared.data();
    const int row_blocks = (n + MC - 1) / MC, depth_blocks = (k + KC - 1) / KC;
    parallel_for(row_blocks * depth_blocks, [&](int piece) {
      const int i0 = piece % row_blocks * MC, p0 = piece / row_blocks * KC;
      const int mc = std::min(MC, n - i0), kc = std::min(KC, k - p0);
      pack_a(ta, a, lda, i0, mc, p0, kc, packed + rows * p0 + static_cast<ptrdiff_t>(i0) * kc);
    });
    a_packed = packed;
  }
  parallel_for(parts, [&](int p) {
    const int j0 = std::min(m, p * step), j1 = std::min(m, (p + 1) * step);
    if (j0 < j1)
      gemm_columns_simd(ta, tb, n, k, a, lda, b, ldb, c, ldc, accumulate, j0, j1, a_packed);
  });
}

}  // namespace basecamp::linalg

#endif  // __wasm_simd128__

namespace basecamp::linalg {

bool fused_kernel() {
#ifdef __wasm_relaxed_simd__
  return true;
#else
  return false;
#endif
}

}  // namespace basecamp::linalg
