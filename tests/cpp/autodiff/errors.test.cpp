// Bad inputs throw basecamp::Error with a message naming the op and the shapes or values.
#include <catch2/catch.hpp>

#include <limits>

#include "autodiff.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::ad;
using basecamp::test::tensor;
using Catch::Contains;

namespace {
Tensor<double> filled(int rows, int cols, double v = 1.0) {
  return Tensor<double>::Constant(rows, cols, v);
}
}  // namespace

TEST_CASE("errors: elementwise ops need identical shapes", "[autodiff][errors]") {
  Tape<double> t;
  const auto a = t.leaf(filled(2, 3));
  const auto b = t.leaf(filled(3, 2));
  REQUIRE_THROWS_WITH(add(a, b), Contains("add: shapes differ: (2x3) vs (3x2)"));
  REQUIRE_THROWS_WITH(sub(a, b), Contains("sub: shapes differ: (2x3) vs (3x2)"));
  REQUIRE_THROWS_WITH(mul(a, b), Contains("mul: shapes differ: (2x3) vs (3x2)"));
  REQUIRE_THROWS_WITH(div(a, b), Contains("div: shapes differ: (2x3) vs (3x2)"));
  REQUIRE_THROWS_WITH(a + b, Contains("add: shapes differ"));
  REQUIRE_THROWS_WITH(mse(a, b), Contains("mse: shapes differ: (2x3) vs (3x2)"));
  REQUIRE_THROWS_WITH(softmax_cross_entropy(a, b),
                      Contains("softmax_cross_entropy: shapes differ: (2x3) vs (3x2)"));
  REQUIRE_THROWS_WITH(sigmoid_binary_cross_entropy(a, b),
                      Contains("sigmoid_binary_cross_entropy: shapes differ: (2x3) vs (3x2)"));
  // A bias row is not broadcast by add: that is add_bias's job.
  REQUIRE_THROWS_WITH(add(a, t.leaf(filled(1, 3))), Contains("add: shapes differ: (2x3) vs (1x3)"));
}

TEST_CASE("errors: matmul and add_bias shapes", "[autodiff][errors]") {
  Tape<double> t;
  REQUIRE_THROWS_WITH(matmul(t.leaf(filled(2, 3)), t.leaf(filled(4, 5))),
                      Contains("matmul: inner dimensions differ: (2x3) · (4x5)"));
  const auto x = t.leaf(filled(2, 3));
  REQUIRE_THROWS_WITH(add_bias(x, t.leaf(filled(1, 4))),
                      Contains("add_bias: bias must be (1x3) for input (2x3), got (1x4)"));
  REQUIRE_THROWS_WITH(add_bias(x, t.leaf(filled(2, 3))), Contains("add_bias") && Contains("(2x3)"));
}

TEST_CASE("errors: empty tensors are rejected by every op", "[autodiff][errors]") {
  Tape<double> t;
  const auto e = t.leaf(Tensor<double>(0, 3));
  const auto ok = t.leaf(filled(2, 3));
  Rng rng;
  REQUIRE_THROWS_WITH(sum(e), Contains("sum: empty tensor (0x3)"));
  REQUIRE_THROWS_WITH(mean(e), Contains("mean: empty tensor (0x3)"));
  REQUIRE_THROWS_WITH(relu(e), Contains("relu: empty tensor (0x3)"));
  REQUIRE_THROWS_WITH(softmax(e), Contains("softmax: empty tensor (0x3)"));
  REQUIRE_THROWS_WITH(log(e), Contains("log: empty tensor (0x3)"));
  REQUIRE_THROWS_WITH(dropout(e, 0.5, false, rng), Contains("dropout: empty tensor (0x3)"));
  REQUIRE_THROWS_WITH(add(ok, e), Contains("add: empty tensor (0x3)"));
  REQUIRE_THROWS_WITH(matmul(t.leaf(Tensor<double>(2, 0)), t.leaf(Tensor<double>(0, 2))),
                      Contains("matmul: empty tensor (2x0)"));
}

TEST_CASE("errors: values outside an op's domain", "[autodiff][errors]") {
  Tape<double> t;
  REQUIRE_THROWS_WITH(log(t.leaf(tensor({{1.0, -1.0}}))),
                      Contains("log: input must be positive, got -1 at (0,1)"));
  REQUIRE_THROWS_WITH(log(t.leaf(tensor({{0.0}}))),
                      Contains("log: input must be positive, got 0 at (0,0)"));
  REQUIRE_THROWS_WITH(log(t.leaf(tensor({{std::numeric_limits<double>::quiet_NaN()}}))),
                      Contains("log: input must be positive, got nan at (0,0)"));
  REQUIRE_THROWS_WITH(div(t.leaf(filled(2, 2)), t.leaf(tensor({{1.0, 2.0}, {0.0, 3.0}}))),
                      Contains("div: division by zero") && Contains("at (1,0)"));
  REQUIRE_THROWS_WITH(t.leaf(filled(1, 1)) / 0.0, Contains("div: division by zero"));
  REQUIRE_THROWS_WITH(pow(t.leaf(tensor({{1.0, -0.5}})), 0.5), Contains("pow: negative base") &&
                                                                   Contains("exponent 0.5") &&
                                                                   Contains("got -0.5 at (0,1)"));
  REQUIRE_THROWS_WITH(pow(t.leaf(tensor({{0.0}})), -1.0),
                      Contains("pow: zero base") && Contains("exponent -1"));
  CHECK_NOTHROW(pow(t.leaf(tensor({{-2.0}})), 2.0));  // integer exponent: fine
  REQUIRE_THROWS_WITH(softmax_cross_entropy(t.leaf(filled(1, 2)), t.leaf(tensor({{-0.5, 1.5}}))),
                      Contains("softmax_cross_entropy: targets must be non-negative, got -0.5"));
  REQUIRE_THROWS_WITH(
      sigmoid_binary_cross_entropy(t.leaf(filled(1, 2)), t.leaf(tensor({{0.0, 2.0}}))),
      Contains("sigmoid_binary_cross_entropy: targets must be in [0, 1], got 2 at (0,1)"));
}

TEST_CASE("errors: dropout rate must be at least 0 and below 1", "[autodiff][errors]") {
  Tape<double> t;
  Rng rng;
  const auto x = t.leaf(filled(2, 2));
  REQUIRE_THROWS_WITH(dropout(x, 1.0, true, rng),
                      Contains("dropout: rate must be in [0, 1), got 1"));
  REQUIRE_THROWS_WITH(dropout(x, -0.1, true, rng),
                      Contains("dropout: rate must be in [0, 1), got -0.1"));
  REQUIRE_THROWS_WITH(dropout(x, 1.5, false, rng), Contains("got 1.5"));  // checked in eval too
  CHECK_NOTHROW(dropout(x, 0.0, true, rng));
}

TEST_CASE("errors: Vars of another tape, out of range, or default-constructed",
          "[autodiff][errors]") {
  Tape<double> t, u;
  const auto a = t.leaf(filled(1, 1));
  const auto b = u.leaf(filled(1, 1));
  REQUIRE_THROWS_WITH(add(a, b), Contains("add: inputs are on different tapes"));
  REQUIRE_THROWS_WITH(matmul(a, b), Contains("matmul: inputs are on different tapes"));
  REQUIRE_THROWS_WITH(t.backward(b), Contains("backward: Var belongs to a different tape"));
  const Var<double> stale{&t, 7};
  REQUIRE_THROWS_WITH(relu(stale), Contains("relu: node id 7 out of range (tape has 1 nodes)"));
  REQUIRE_THROWS_WITH(t.node(-1), Contains("node id -1 out of range"));
  REQUIRE_THROWS_WITH(stale.value(), Contains("node id 7 out of range"));
  REQUIRE_THROWS_WITH(exp(Var<double>{}), Contains("exp: Var is not on a tape"));
  REQUIRE_THROWS_WITH(Var<double>{}.value(), Contains("not on a tape"));
  REQUIRE_THROWS_WITH(t.push("mine", filled(1, 1), {3}, [](Tape<double>&, int) {}),
                      Contains("mine: node id 3 out of range"));
  REQUIRE_THROWS_AS(add(a, b), Error);
}
