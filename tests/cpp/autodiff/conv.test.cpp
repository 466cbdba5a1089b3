// autodiff/ops/conv.hpp and pool.hpp against plain loops written straight from the definitions
// (no im2col, no GEMM, no shared helper): forward values and the gradients of x, kernel and bias
// for an upstream gradient G, on odd shapes, both paddings and both strides. Also the geometry
// rules and the coded errors for shapes that cannot work.
#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "autodiff.hpp"
#include "helpers.hpp"
#include "linalg/parallel.hpp"

using namespace basecamp;
using namespace basecamp::ad;
using Catch::Contains;

namespace {

struct Grads {
  Tensor<double> out, dx, dk, db;
};

// out[s, oy, ox, f] = b[f] + Σ_{dy,dx,c} x[s, oy·st − pt + dy, ox·st − pl + dx, c] · K[dy, dx, c, f]
// (terms outside the image are 0); the gradients are the same sum read backwards.
Grads reference_conv(const Tensor<double>& x, const Tensor<double>& k, const Tensor<double>& b,
                     const Tensor<double>& g, int h, int w, int c, int kh, int kw, int f, int st,
                     int oh, int ow, int pt, int pl) {
  const int n = static_cast<int>(x.rows());
  Grads r{Tensor<double>::Zero(n, oh * ow * f), Tensor<double>::Zero(n, h * w * c),
          Tensor<double>::Zero(kh * kw * c, f), Tensor<double>::Zero(1, f)};
  for (int s = 0; s < n; ++s)
    for (int oy = 0; oy < oh; ++oy)
      for (int ox = 0; ox < ow; ++ox)
        for (int fi = 0; fi < f; ++fi) {
          const int o = (oy * ow + ox) * f + fi;
          double v = b(0, fi);
          r.db(0, fi) += g(s, o);
          for (int dy = 0; dy < kh; ++dy)
            for (int dx = 0; dx < kw; ++dx)
              for (int ch = 0; ch < c; ++ch) {
                const int iy = oy * st - pt + dy, ix = ox * st - pl + dx;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                const int xi = (iy * w + ix) * c + ch, ki = (dy * kw + dx) * c + ch;
                v += x(s, xi) * k(ki, fi);
                r.dx(s, xi) += g(s, o) * k(ki, fi);
                r.dk(ki, fi) += g(s, o) * x(s, xi);
              }
          r.out(s, o) = v;
        }
  return r;
}

// out[s, oy, ox, c] = max_{dy,dx < p} x[s, oy·st + dy, ox·st + dx, c]; dx gets G at the first max.
Grads reference_pool(const Tensor<double>& x, const Tensor<double>& g, int h, int w, int c, int p,
                     int st) {
  const int n = static_cast<int>(x.rows()), oh = (h - p) / st + 1, ow = (w - p) / st + 1;
  Grads r{Tensor<double>::Zero(n, oh * ow * c), Tensor<double>::Zero(n, h * w * c), {}, {}};
  for (int s = 0; s < n; ++s)
    for (int oy = 0; oy < oh; ++oy)
      for (int ox = 0; ox < ow; ++ox)
        for (int ch = 0; ch < c; ++ch) {
          double best = -std::numeric_limits<double>::infinity();
          int at = -1;
          for (int dy = 0; dy < p; ++dy)
            for (int dx = 0; dx < p; ++dx) {
              const int xi = ((oy * st + dy) * w + ox * st + dx) * c + ch;
              if (x(s, xi) > best) best = x(s, xi), at = xi;
            }
          const int o = (oy * ow + ox) * c + ch;
          r.out(s, o) = best;
          r.dx(s, at) += g(s, o);
        }
  return r;
}

struct ConvCase {
  int h, w, c, kh, kw, f, stride;
  Padding padding;
  int oh, ow, pad_top, pad_left;  // expected geometry (TensorFlow's rules)
};

}  // namespace

TEST_CASE("conv2d matches the plain-loop convolution, forward and backward", "[autodiff][conv]") {
  const std::vector<ConvCase> cases = {
      {7, 5, 2, 3, 3, 3, 1, Padding::valid, 5, 3, 0, 0},
      {7, 5, 2, 3, 3, 2, 2, Padding::valid, 3, 2, 0, 0},
      {7, 5, 3, 3, 3, 2, 1, Padding::same, 7, 5, 1, 1},
      {7, 5, 3, 2, 3, 3, 2, Padding::same, 4, 3, 0, 1},   // pad_total 1 rows (0 top), 2 cols
      {6, 4, 1, 2, 2, 4, 2, Padding::same, 3, 2, 0, 0},   // even: no padding needed
      {7, 5, 2, 7, 5, 3, 1, Padding::valid, 1, 1, 0, 0},  // kernel = whole image
      {5, 7, 3, 1, 1, 2, 2, Padding::valid, 3, 4, 0, 0},  // 1x1 kernel, stride 2
  };
  Rng rng(11);
  for (const ConvCase& t : cases) {
    INFO(t.h << "x" << t.w << "x" << t.c << ", kernel " << t.kh << "x" << t.kw << ", " << t.f
              << " filters, stride " << t.stride << (t.padding == Padding::same ? ", same" : ", valid"));
    const Conv2DGeometry g = conv2d_geometry({t.h, t.w, t.c}, t.kh, t.kw, t.f, t.stride, t.padding);
    CHECK(g.out_h == t.oh);
    CHECK(g.out_w == t.ow);
    CHECK(g.pad_top == t.pad_top);
    CHECK(g.pad_left == t.pad_left);
    const int n = 3;
    const Tensor<double> x = test::uniform(rng, n, t.h * t.w * t.c);
    const Tensor<double> k = test::uniform(rng, t.kh * t.kw * t.c, t.f);
    const Tensor<double> b = test::uniform(rng, 1, t.f);
    const Tensor<double> up = test::uniform(rng, n, t.oh * t.ow * t.f);
    const Grads want = reference_conv(x, k, b, up, t.h, t.w, t.c, t.kh, t.kw, t.f, t.stride, t.oh,
                                      t.ow, t.pad_top, t.pad_left);
    for (int threads : {1, 2}) {
      linalg::set_threads(threads);
      Tape<double> tape;
      const auto xv = tape.leaf(x), kv = tape.leaf(k), bv = tape.leaf(b);
      const auto out = conv2d(xv, kv, bv, g);
      tape.backward(sum(mul(out, tape.constant(up))));
      CHECK(out.value().isApprox(want.out, 1e-12));
      CHECK(xv.grad().isApprox(want.dx, 1e-12));
      CHECK(kv.grad().isApprox(want.dk, 1e-12));
      CHECK(bv.grad().isApprox(want.db, 1e-12));
    }
    linalg::set_threads(1);
  }
}

TEST_CASE("conv2d in float on a batch big enough to split across threads", "[autodiff][conv]") {
  // 64 MNIST-sized images through the convnet's second layer shape: 13x13x32 → 11x11x8.
  Rng rng(5);
  const int n = 64, h = 13, w = 13, c = 32, f = 8;
  const Conv2DGeometry g = conv2d_geometry({h, w, c}, 3, 3, f, 1, Padding::valid);
  const Tensor<double> x = test::uniform(rng, n, h * w * c), k = test::uniform(rng, 9 * c, f),
                       b = test::uniform(rng, 1, f), up = test::uniform(rng, n, 11 * 11 * f);
  const Grads want = reference_conv(x, k, b, up, h, w, c, 3, 3, f, 1, 11, 11, 0, 0);
  for (int threads : {1, 2}) {
    linalg::set_threads(threads);
    Tape<float> tape;
    const auto xv = tape.leaf(x.cast<float>()), kv = tape.leaf(k.cast<float>()),
               bv = tape.leaf(b.cast<float>());
    const auto out = conv2d(xv, kv, bv, g);
    tape.backward(sum(mul(out, tape.constant(up.cast<float>()))));
    CHECK((out.value().cast<double>() - want.out).cwiseAbs().maxCoeff() < 1e-4);
    CHECK((xv.grad().cast<double>() - want.dx).cwiseAbs().maxCoeff() < 1e-4);
    CHECK((kv.grad().cast<double>() - want.dk).cwiseAbs().maxCoeff() < 1e-2);  // sums of 7,744
    CHECK((bv.grad().cast<double>() - want.db).cwiseAbs().maxCoeff() < 1e-2);
  }
  linalg::set_threads(1);
}

TEST_CASE("maxpool2d matches the plain-loop max pool, forward and backward", "[autodiff][conv]") {
  struct PoolCase {
    int h, w, c, pool, stride, oh, ow;
  };
  const std::vector<PoolCase> cases = {
      {7, 5, 3, 2, 2, 3, 2},  // odd sides: the last row and column are dropped (valid)
      {7, 5, 2, 3, 2, 3, 2},  // overlapping windows
      {7, 5, 2, 2, 1, 6, 4},
      {26, 26, 4, 2, 2, 13, 13},
  };
  Rng rng(12);
  for (const PoolCase& t : cases) {
    INFO(t.h << "x" << t.w << "x" << t.c << ", pool " << t.pool << ", stride " << t.stride);
    const Pool2DGeometry g = maxpool2d_geometry({t.h, t.w, t.c}, t.pool, t.stride);
    CHECK(g.out_h == t.oh);
    CHECK(g.out_w == t.ow);
    const Tensor<double> x = test::uniform(rng, 3, t.h * t.w * t.c);
    const Tensor<double> up = test::uniform(rng, 3, t.oh * t.ow * t.c);
    const Grads want = reference_pool(x, up, t.h, t.w, t.c, t.pool, t.stride);
    Tape<double> tape;
    const auto xv = tape.leaf(x);
    const auto out = maxpool2d(xv, g);
    tape.backward(sum(mul(out, tape.constant(up))));
    CHECK(out.value() == want.out);
    CHECK(xv.grad().isApprox(want.dx, 1e-15));
  }
  // Ties go to the first maximum in the window (row-major), forward and backward alike.
  Tape<double> tape;
  const auto x = tape.leaf(test::tensor<double>({{1, 1, 1, 1}}));  // 2x2x1
  tape.backward(sum(maxpool2d(x, maxpool2d_geometry({2, 2, 1}, 2))));
  CHECK(x.grad() == test::tensor<double>({{1, 0, 0, 0}}));
}

TEST_CASE("maxpool2d's default stride is the pool size", "[autodiff][conv]") {
  const Pool2DGeometry g = maxpool2d_geometry({11, 11, 64}, 2);
  CHECK(g.stride == 2);
  CHECK(g.out() == ImageShape{5, 5, 64});
}

TEST_CASE("conv and pool geometry errors carry codes and limits", "[autodiff][conv][errors]") {
  const auto code_of = [](auto&& f) -> ErrorInfo {
    try {
      f();
    } catch (const Error& e) {
      return e.info();
    }
    ErrorInfo none;
    none.code = "none";
    return none;
  };
  // A kernel larger than the input.
  REQUIRE_THROWS_WITH(conv2d_geometry({7, 5, 2}, 3, 6, 4, 1, Padding::valid),
                      Contains("conv2d: kernel_w must be") && Contains("got 6"));
  ErrorInfo e = code_of([] { conv2d_geometry({4, 5, 2}, 5, 3, 4, 1, Padding::same); });
  CHECK(e.code == code::out_of_range);
  CHECK(e.field == "kernel_h");
  CHECK(e.max == 4);
  // A stride other than 1 or 2.
  e = code_of([] { conv2d_geometry({7, 5, 2}, 3, 3, 4, 3, Padding::valid); });
  CHECK(e.code == code::out_of_range);
  CHECK(e.field == "stride");
  CHECK(e.value == 3);
  CHECK(e.max == 2);
  CHECK(code_of([] { conv2d_geometry({7, 5, 2}, 3, 3, 4, 0, Padding::valid); }).field == "stride");
  // No filters.
  e = code_of([] { conv2d_geometry({7, 5, 2}, 3, 3, 0, 1, Padding::valid); });
  CHECK(e.code == code::out_of_range);
  CHECK(e.field == "filters");
  CHECK(e.min == 1);
  REQUIRE_THROWS_WITH(conv2d_geometry({7, 5, 2}, 3, 3, 0, 1, Padding::valid),
                      Contains("conv2d: filters must be"));
  // No channels, a pool larger than the image, a pool stride larger than the pool.
  CHECK(code_of([] { conv2d_geometry({7, 5, 0}, 3, 3, 1, 1, Padding::valid); }).field == "channels");
  e = code_of([] { maxpool2d_geometry({7, 5, 2}, 6); });
  CHECK(e.field == "pool");
  CHECK(e.max == 5);
  CHECK(code_of([] { maxpool2d_geometry({7, 5, 2}, 2, 3); }).field == "stride");
}

TEST_CASE("conv2d and maxpool2d refuse tensors that do not fit the geometry", "[autodiff][conv][errors]") {
  Tape<double> t;
  const Conv2DGeometry g = conv2d_geometry({7, 5, 2}, 3, 3, 4, 1, Padding::valid);
  const auto x = t.leaf(Tensor<double>::Zero(2, 70));
  const auto k = t.leaf(Tensor<double>::Zero(18, 4));
  const auto b = t.leaf(Tensor<double>::Zero(1, 4));
  REQUIRE_THROWS_WITH(conv2d(t.leaf(Tensor<double>::Zero(2, 69)), k, b, g),
                      Contains("im2col: an image of 7x5x2 needs 70 columns, x is (2x69)"));
  REQUIRE_THROWS_WITH(conv2d(x, t.leaf(Tensor<double>::Zero(18, 3)), b, g),
                      Contains("conv2d: kernel must be (18x4)") && Contains("got (18x3)"));
  REQUIRE_THROWS_WITH(conv2d(x, k, t.leaf(Tensor<double>::Zero(1, 3)), g),
                      Contains("conv2d: bias must be (1x4), got (1x3)"));
  try {
    maxpool2d(x, maxpool2d_geometry({5, 7, 3}, 2));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(e.info().code == code::shape_mismatch);
    CHECK(std::string(e.what()) == "maxpool2d: an image of 5x7x3 needs 105 columns, x is (2x70)");
  }
}
