// Forward values of the ops against numbers worked out by hand, including the stability cases
// (softmax of logits like 1000, log_softmax, the fused losses far in their tails) and dropout.
#include <catch2/catch.hpp>

#include <cmath>

#include "autodiff.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::ad;
using basecamp::test::tensor;

TEST_CASE("values: arithmetic, matmul, add_bias, reductions", "[autodiff]") {
  Tape<double> t;
  const auto a = t.leaf(tensor({{1.0, 2.0}, {3.0, 4.0}}));
  const auto b = t.leaf(tensor({{5.0, 6.0}, {7.0, 8.0}}));
  CHECK(matmul(a, b).value() == tensor({{19.0, 22.0}, {43.0, 50.0}}));
  CHECK(transpose(a).value() == tensor({{1.0, 3.0}, {2.0, 4.0}}));
  CHECK(add_bias(a, t.leaf(tensor({{10.0, 20.0}}))).value() ==
        tensor({{11.0, 22.0}, {13.0, 24.0}}));
  CHECK(mul(a, b).value() == tensor({{5.0, 12.0}, {21.0, 32.0}}));
  CHECK(div(b, a).value()(1, 1) == Approx(2.0));
  CHECK(sub(a, b).value()(0, 0) == Approx(-4.0));
  CHECK(sum(a).value()(0, 0) == Approx(10.0));
  CHECK(mean(a).value()(0, 0) == Approx(2.5));
  CHECK(pow(t.leaf(tensor({{-2.0}})), 3.0).value()(0, 0) == Approx(-8.0));
  CHECK(pow(t.leaf(tensor({{4.0}})), 0.5).value()(0, 0) == Approx(2.0));
  CHECK(abs(t.leaf(tensor({{-1.5, 2.0}}))).value() == tensor({{1.5, 2.0}}));
  CHECK(relu(t.leaf(tensor({{-1.5, 2.0}}))).value() == tensor({{0.0, 2.0}}));
  CHECK(mse(a, b).value()(0, 0) == Approx(16.0));
}

TEST_CASE("values: sigmoid and tanh, including far tails", "[autodiff]") {
  Tape<double> t;
  const auto s = sigmoid(t.leaf(tensor({{0.0, -1000.0, 1000.0, std::log(3.0)}}))).value();
  CHECK(s(0, 0) == Approx(0.5));
  CHECK(s(0, 1) == 0.0);
  CHECK(s(0, 2) == 1.0);
  CHECK(s(0, 3) == Approx(0.75));
  CHECK(tanh(t.leaf(tensor({{0.5}}))).value()(0, 0) == Approx(std::tanh(0.5)));
}

TEST_CASE("values: softmax rows sum to one and stay finite for large logits", "[autodiff]") {
  Tape<double> t;
  const auto p = softmax(t.leaf(tensor({{1.0, 2.0, 3.0}, {1000.0, 1000.0, 0.0}}))).value();
  const double z = std::exp(1.0) + std::exp(2.0) + std::exp(3.0);
  CHECK(p(0, 0) == Approx(std::exp(1.0) / z));
  CHECK(p(0, 2) == Approx(std::exp(3.0) / z));
  CHECK(p(1, 0) == Approx(0.5));
  CHECK(p(1, 1) == Approx(0.5));
  CHECK(p(1, 2) == Approx(0.0).margin(1e-300));
  CHECK(p.allFinite());
  CHECK(p.rowwise().sum().isApproxToConstant(1.0));
}

TEST_CASE("values: log_softmax is stable", "[autodiff]") {
  Tape<double> t;
  const auto y = log_softmax(t.leaf(tensor({{1000.0, 0.0}, {0.0, 0.0}}))).value();
  CHECK(y.allFinite());
  CHECK(y(0, 0) == Approx(0.0).margin(1e-12));
  CHECK(y(0, 1) == Approx(-1000.0));
  CHECK(y(1, 0) == Approx(-std::log(2.0)));
}

TEST_CASE("values: cross-entropy losses of known cases", "[autodiff]") {
  Tape<double> t;
  // Two equal logits, class 0: ln 2. Logits (1,2,3), class 2: ln(e + e² + e³) − 3. Mean of both.
  const auto logits = t.leaf(tensor({{0.0, 0.0, -1e9}, {1.0, 2.0, 3.0}}));
  const auto onehot = t.constant(tensor({{1.0, 0.0, 0.0}, {0.0, 0.0, 1.0}}));
  const double row2 = std::log(std::exp(1.0) + std::exp(2.0) + std::exp(3.0)) - 3.0;
  CHECK(softmax_cross_entropy(logits, onehot).value()(0, 0) == Approx((std::log(2.0) + row2) / 2));
  // Large logits: finite, and the right class with a margin of 1000 costs nothing.
  const auto big = t.leaf(tensor({{1000.0, 0.0}}));
  CHECK(softmax_cross_entropy(big, t.constant(tensor({{1.0, 0.0}}))).value()(0, 0) ==
        Approx(0.0).margin(1e-12));
  CHECK(softmax_cross_entropy(big, t.constant(tensor({{0.0, 1.0}}))).value()(0, 0) ==
        Approx(1000.0));

  // Binary: z = 0 costs ln 2 whatever the label; z = ±1000 is finite.
  const auto z = t.leaf(tensor({{0.0, 1000.0, -1000.0, 1000.0}}));
  const auto y = t.constant(tensor({{1.0, 1.0, 1.0, 0.0}}));
  CHECK(sigmoid_binary_cross_entropy(z, y).value()(0, 0) ==
        Approx((std::log(2.0) + 0.0 + 1000.0 + 1000.0) / 4));
}

TEST_CASE("values: cross-entropy gradient is (softmax − onehot)/n", "[autodiff]") {
  Tape<double> t;
  const auto z = t.leaf(tensor({{1.0, 2.0, 3.0}, {0.0, 0.0, 0.0}}));
  const auto y = t.constant(tensor({{0.0, 0.0, 1.0}, {1.0, 0.0, 0.0}}));
  t.backward(softmax_cross_entropy(z, y));
  const Tensor<double> p = softmax(z).value();
  CHECK(z.grad().isApprox((p - y.value()) / 2.0));
}

TEST_CASE("values: dropout", "[autodiff][dropout]") {
  Tape<double> t;
  Rng rng(11);
  const auto x = t.leaf(Tensor<double>::Ones(200, 50));

  SECTION("eval mode is the identity and records nothing") {
    const auto before = t.size();
    const auto y = dropout(x, 0.5, false, rng);
    CHECK(y.id == x.id);
    CHECK(t.size() == before);
  }
  SECTION("training keeps about 1 − rate, scaled by 1/(1 − rate)") {
    const auto y = dropout(x, 0.25, true, rng);
    const Tensor<double>& v = y.value();
    const double kept =
        static_cast<double>((v.array() > 0).count()) / static_cast<double>(v.size());
    CHECK(kept == Approx(0.75).margin(0.02));
    CHECK(((v.array() == 0.0) || (v.array() - 4.0 / 3.0).abs() < 1e-12).all());
    CHECK(v.mean() == Approx(1.0).margin(0.03));  // expectation preserved
    t.backward(sum(y));
    CHECK(x.grad() == v);  // the gradient passes through the same mask
  }
  SECTION("the same seed gives the same mask") {
    Rng r1(5), r2(5);
    CHECK(dropout(x, 0.5, true, r1).value() == dropout(x, 0.5, true, r2).value());
  }
}
