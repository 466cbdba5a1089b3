// linalg::gemm against Eigen's product, for the lab's shapes (784-512-128-10 at batch 128, both
// passes: C = A·B, dA = dC·Bᵀ, dB = Aᵀ·dC) and odd sizes that leave partial 4x8 tiles and
// partial depth blocks, with and without accumulation, on 1 and 2 threads. In a wasm SIMD build
// this checks the wasm_simd128 kernel; in the threaded relaxed build (linalg_mt_tests) also its
// split, with the pieces sharing one packing of A; natively the split and the Eigen path.
#include <catch2/catch.hpp>

#include "linalg/gemm.hpp"
#include "linalg/parallel.hpp"
#include "random.hpp"

using namespace basecamp;
using linalg::Trans;

namespace {

template <class T>
Tensor<T> random_tensor(int rows, int cols, Rng& rng) {
  Tensor<T> t(rows, cols);
  for (Eigen::Index i = 0; i < t.size(); ++i) t.data()[i] = static_cast<T>(rng.uniform(-1, 1));
  return t;
}

// op(A) (n x k) · op(B) (k x m) via gemm, compared with Eigen, overwriting and accumulating.
template <class T>
void check_product(int n, int m, int k, Trans ta, Trans tb, double tol) {
  Rng rng(static_cast<std::uint64_t>(n * 1000003 + m * 1009 + k));
  const Tensor<T> a = ta == Trans::no ? random_tensor<T>(n, k, rng) : random_tensor<T>(k, n, rng);
  const Tensor<T> b = tb == Trans::no ? random_tensor<T>(k, m, rng) : random_tensor<T>(m, k, rng);
  const Tensor<T> c0 = random_tensor<T>(n, m, rng);
  Tensor<T> want(n, m);
  if (ta == Trans::no && tb == Trans::no) want.noalias() = a * b;
  if (ta == Trans::no && tb == Trans::yes) want.noalias() = a * b.transpose();
  if (ta == Trans::yes && tb == Trans::no) want.noalias() = a.transpose() * b;
  if (ta == Trans::yes && tb == Trans::yes) want.noalias() = a.transpose() * b.transpose();
  // Sums of k products of numbers in [-1, 1]: rounding grows like sqrt(k).
  const double bound = tol * std::sqrt(static_cast<double>(std::max(k, 1)));

  Tensor<T> got;
  linalg::gemm(a, ta, b, tb, got, false);
  REQUIRE(got.rows() == n);
  REQUIRE(got.cols() == m);
  CHECK((got - want).cwiseAbs().maxCoeff() <= bound);

  Tensor<T> acc = c0;
  linalg::gemm(a, ta, b, tb, acc, true);
  CHECK((acc - (c0 + want)).cwiseAbs().maxCoeff() <= bound);
}

template <class T>
void check_all(double tol) {
  struct Shape { int n, m, k; };
  const Shape shapes[] = {
      {128, 512, 784}, {128, 128, 512}, {128, 10, 128},   // forward
      {784, 512, 128}, {512, 128, 128}, {128, 10, 128},   // dB = Aᵀ·dC
      {128, 784, 512}, {128, 512, 128}, {128, 128, 10},   // dA = dC·Bᵀ
      {1, 1, 1},       {3, 5, 7},       {13, 9, 300},     // odd: partial tiles, KC tail
      {37, 515, 33},   {5, 17, 257},    {64, 23, 1},
      {2048, 64, 600},  // split, with op(A) too large to share one packing (gemm_kernel.cpp)
  };
  for (const int threads : {1, 2}) {
    linalg::set_threads(threads);
    for (const Shape& s : shapes)
      for (const Trans ta : {Trans::no, Trans::yes})
        for (const Trans tb : {Trans::no, Trans::yes}) {
          CAPTURE(threads, s.n, s.m, s.k, ta == Trans::yes, tb == Trans::yes);
          check_product<T>(s.n, s.m, s.k, ta, tb, tol);
        }
  }
  linalg::set_threads(1);
}

}  // namespace

TEST_CASE("gemm matches Eigen's product in float for the lab's shapes and odd sizes", "[linalg]") {
  check_all<float>(1e-5);
}

TEST_CASE("gemm matches Eigen's product in double", "[linalg]") { check_all<double>(1e-13); }

TEST_CASE("gemm with an empty inner dimension writes zeros or leaves C", "[linalg]") {
  const Tensor<float> a(3, 0), b(0, 4);
  Tensor<float> c;
  linalg::gemm(a, Trans::no, b, Trans::no, c, false);
  CHECK(c.rows() == 3);
  CHECK(c.cols() == 4);
  CHECK(c.cwiseAbs().maxCoeff() == 0.f);
  Tensor<float> d = Tensor<float>::Ones(3, 4);
  linalg::gemm(a, Trans::no, b, Trans::no, d, true);
  CHECK(d.minCoeff() == 1.f);
}

TEST_CASE("set_threads clamps to what the build can run", "[linalg]") {
  linalg::set_threads(1000);
  CHECK(linalg::threads() == linalg::max_threads());
  linalg::set_threads(0);
  CHECK(linalg::threads() == 1);
  if (!linalg::threads_available()) CHECK(linalg::max_threads() == 1);
  linalg::set_threads(1);
}
