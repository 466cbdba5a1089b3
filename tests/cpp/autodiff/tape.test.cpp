// The tape's semantics: creation order, labels, accumulation across backward calls, zero_grad,
// fan-out, gradients skipped for constants, clear(), and a user-defined op through push().
#include <catch2/catch.hpp>

#include "autodiff.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::ad;
using basecamp::test::tensor;

TEST_CASE("tape: nodes are recorded in creation order with op labels and inputs", "[autodiff]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.0, 2.0}}), "x");
  const auto w = t.leaf(tensor({{3.0}, {4.0}}), "w");
  const auto y = t.constant(tensor({{10.0}}), "y");
  const auto loss = mse(matmul(x, w), y);
  REQUIRE(t.size() == 5);
  CHECK(x.id == 0);
  CHECK(w.id == 1);
  CHECK(loss.id == 4);
  const std::vector<std::string> ops = {"leaf", "leaf", "const", "matmul", "mse"};
  for (int i = 0; i < 5; ++i) CHECK(t.node(i).op == ops[i]);
  CHECK(t.node(0).label == "x");
  CHECK(t.node(2).label == "y");
  CHECK(t.node(3).label.empty());
  CHECK(t.node(3).inputs == std::vector<int>{0, 1});
  CHECK(t.node(4).inputs == std::vector<int>{3, 2});
  CHECK(!t.node(0).backward);
  CHECK(t.node(3).backward);
  CHECK(loss.rows() == 1);
  CHECK(loss.cols() == 1);
  CHECK(loss.value()(0, 0) == Approx(1.0));  // (1·3 + 2·4 − 10)² = 1
}

TEST_CASE("tape: leaf gradients accumulate across backward calls, zero_grad resets", "[autodiff]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.0, -2.0, 3.0}}), "x");
  const auto h = scale(x, 2.0);
  const auto loss = sum(square(h));  // L = Σ 4x², ∂L/∂x = 8x
  t.backward(loss);
  CHECK(x.grad()(0, 0) == Approx(8.0));
  CHECK(x.grad()(0, 1) == Approx(-16.0));
  CHECK(h.grad()(0, 2) == Approx(12.0));  // ∂L/∂h = 2h

  t.backward(loss);  // no zero_grad: leaf gradients double
  CHECK(x.grad()(0, 0) == Approx(16.0));
  CHECK(x.grad()(0, 1) == Approx(-32.0));
  CHECK(h.grad()(0, 2) == Approx(12.0));  // interior gradients show this pass only

  t.zero_grad();
  CHECK(x.grad().isZero());
  CHECK(x.grad().cols() == 3);
  t.backward(loss);
  CHECK(x.grad()(0, 2) == Approx(24.0));
}

TEST_CASE("tape: a Var used twice (fan-out) receives the sum of both gradients", "[autodiff]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{3.0}}));
  t.backward(x * x + x);  // d/dx (x² + x) = 2x + 1
  CHECK(x.grad()(0, 0) == Approx(7.0));

  Tape<double> u;
  const auto a = u.leaf(tensor({{2.0, 5.0}}));
  u.backward(sum(add(a, a)));  // both inputs are the same node
  CHECK(a.grad()(0, 0) == Approx(2.0));
  CHECK(a.grad()(0, 1) == Approx(2.0));
}

TEST_CASE("tape: constants and what depends only on them get no gradient", "[autodiff]") {
  Tape<double> t;
  const auto x = t.constant(tensor({{1.0, 2.0}, {3.0, 4.0}}), "x");
  const auto w = t.leaf(tensor({{1.0}, {1.0}}), "w");
  const auto xx = square(x);
  const auto loss = sum(matmul(xx, w));
  CHECK(!t.node(x.id).requires_grad);
  CHECK(!t.node(xx.id).requires_grad);
  CHECK(t.node(w.id).requires_grad);
  CHECK(t.node(loss.id).requires_grad);
  t.backward(loss);
  CHECK(x.grad().size() == 0);  // never allocated
  CHECK(xx.grad().size() == 0);
  CHECK(w.grad()(0, 0) == Approx(10.0));  // 1 + 9
  CHECK(w.grad()(1, 0) == Approx(20.0));  // 4 + 16
  t.zero_grad();
  CHECK(x.grad().size() == 0);
}

TEST_CASE("tape: backward of a non-scalar root seeds every element with one", "[autodiff]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.0, 2.0}, {3.0, 4.0}}));
  t.backward(square(x));  // same as backward(sum(square(x)))
  CHECK(x.grad()(1, 1) == Approx(8.0));
}

TEST_CASE("tape: backward stops at the root, later nodes are untouched", "[autodiff]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{2.0}}));
  const auto y = square(x);
  const auto z = scale(y, 10.0);
  t.backward(y);
  CHECK(x.grad()(0, 0) == Approx(4.0));
  CHECK(z.grad().size() == 0);
}

TEST_CASE("tape: clear() drops every node and the tape can be reused", "[autodiff]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.0}}));
  t.backward(sum(x));
  REQUIRE(t.size() == 2);
  t.clear();
  CHECK(t.size() == 0);
  CHECK_THROWS_AS(x.value(), Error);  // its node is gone
  const auto y = t.leaf(tensor({{5.0}}));
  CHECK(y.id == 0);
  t.backward(square(y));
  CHECK(y.grad()(0, 0) == Approx(10.0));
}

TEST_CASE("tape: operators record the same ops as the functions", "[autodiff]") {
  Tape<double> t;
  const auto a = t.leaf(tensor({{6.0}}));
  const auto b = t.leaf(tensor({{2.0}}));
  CHECK(t.node((a + b).id).op == "add");
  CHECK(t.node((a - b).id).op == "sub");
  CHECK(t.node((a * b).id).op == "mul");
  CHECK(t.node((a / b).id).op == "div");
  CHECK(t.node((-a).id).op == "neg");
  CHECK(t.node((a * 3.0).id).op == "scale");
  CHECK((a / b).value()(0, 0) == Approx(3.0));
  CHECK((2.0 * a).value()(0, 0) == Approx(12.0));
  CHECK((a / 4.0).value()(0, 0) == Approx(1.5));
  CHECK((a - b * b).value()(0, 0) == Approx(2.0));
}

TEST_CASE("tape: a user op through push() joins backward like a built-in", "[autodiff]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.0, 2.0}}));
  // out = 3x, written by hand
  const auto y = t.push("triple", 3.0 * x.value(), {x.id}, [](Tape<double>& tape, int self) {
    if (Tensor<double>* gx = tape.input_grad(self, 0)) *gx += 3.0 * tape.node(self).grad;
  });
  t.backward(sum(y));
  CHECK(t.node(y.id).op == "triple");
  CHECK(x.grad()(0, 1) == Approx(3.0));
}

TEST_CASE("tape: a reference to a value survives recording more ops", "[autodiff]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.0, 2.0}}));
  const Tensor<double>& v = x.value();
  const Tensor<double>* address = &v;
  auto y = x;
  for (int i = 0; i < 1000; ++i) y = scale(y, 1.0);
  CHECK(&x.value() == address);
  CHECK(v(0, 1) == 2.0);
}

TEST_CASE("tape: after clear() the same steps reuse buffers and give the same gradients",
          "[autodiff]") {
  Rng rng(9);
  const Tensor<double> x = basecamp::test::uniform(rng, 6, 4);
  const Tensor<double> w = basecamp::test::uniform(rng, 4, 3);
  Tape<double> t;
  Tensor<double> first;
  for (int step = 0; step < 3; ++step) {
    t.clear();
    const auto wv = t.leaf(w, "w");
    const auto y = tanh(matmul(t.constant(x, "x"), wv));
    t.backward(mean(square(y)));
    if (step == 0) first = wv.grad();
    CHECK(wv.grad() == first);  // recycled gradient buffers start from zero
  }
  CHECK(!first.isZero());
}
