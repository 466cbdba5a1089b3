// The two tape additions the backprop lesson steps with: local_grad (one node's backward alone:
// upstream · ∂node/∂input) and backward(root, down_to) (the backward pass stopped part-way).
#include <catch2/catch.hpp>

#include <cmath>

#include "autodiff.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::ad;
using basecamp::test::tensor;

namespace {
double local(Tape<double>& t, const Var<double>& node, std::size_t k) {
  return t.local_grad(node.id, k, Tensor<double>::Ones(1, 1))(0, 0);
}
}  // namespace

TEST_CASE("local_grad: one neuron's local derivatives, node by node", "[autodiff][local_grad]") {
  // ŷ = σ(w·x + b), L = (ŷ − y)²
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.5}}), "x");
  const auto w = t.leaf(tensor({{-0.8}}), "w");
  const auto b = t.leaf(tensor({{0.3}}), "b");
  const auto y = t.constant(tensor({{1.0}}), "y");
  const auto wx = mul(w, x);
  const auto z = add(wx, b);
  const auto yhat = sigmoid(z);
  const auto d = sub(yhat, y);
  const auto loss = square(d);
  const double s = 1 / (1 + std::exp(-(-0.8 * 1.5 + 0.3)));
  CHECK(local(t, wx, 0) == Approx(1.5));   // ∂(wx)/∂w = x
  CHECK(local(t, wx, 1) == Approx(-0.8));  // ∂(wx)/∂x = w
  CHECK(local(t, z, 0) == Approx(1.0));
  CHECK(local(t, z, 1) == Approx(1.0));
  CHECK(local(t, yhat, 0) == Approx(s * (1 - s)));
  CHECK(local(t, d, 0) == Approx(1.0));
  CHECK(local(t, d, 1) == Approx(-1.0));  // a constant input has a local derivative too
  CHECK(local(t, loss, 0) == Approx(2 * (s - 1.0)));

  // The chain rule: the product of the local derivatives along the path is backward's answer.
  t.backward(loss);
  CHECK(w.grad()(0, 0) == Approx(local(t, loss, 0) * local(t, d, 0) * local(t, yhat, 0) *
                                 local(t, z, 0) * local(t, wx, 0)));
  // With the node's gradient as upstream, local_grad is what backward sent to that input.
  CHECK(t.local_grad(wx.id, 0, wx.grad())(0, 0) == Approx(w.grad()(0, 0)));
}

TEST_CASE("local_grad leaves every stored gradient and flag as it was", "[autodiff][local_grad]") {
  Tape<double> t;
  const auto a = t.leaf(tensor({{2.0}}), "a");
  const auto c = t.constant(tensor({{3.0}}), "c");
  const auto p = mul(a, c);
  const auto q = tanh(p);
  t.backward(q);
  const double ga = a.grad()(0, 0);
  const double gp = p.grad()(0, 0);
  CHECK(local(t, p, 1) == Approx(2.0));  // ∂(a·c)/∂c = a, though c is a constant
  CHECK(local(t, q, 0) == Approx(1 - std::tanh(6.0) * std::tanh(6.0)));
  CHECK(a.grad()(0, 0) == ga);
  CHECK(p.grad()(0, 0) == gp);
  CHECK(c.grad().size() == 0);
  CHECK(!t.node(c.id).requires_grad);
  t.zero_grad();
  t.backward(q);
  CHECK(a.grad()(0, 0) == Approx(ga));  // later passes unaffected
}

TEST_CASE("local_grad: a node used twice as input covers both uses", "[autodiff][local_grad]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{3.0}}));
  const auto xx = mul(x, x);
  CHECK(local(t, xx, 0) == Approx(6.0));
  CHECK(local(t, xx, 1) == Approx(6.0));
  t.backward(xx);
  CHECK(x.grad()(0, 0) == Approx(6.0));
}

TEST_CASE("local_grad of elementwise and matrix nodes", "[autodiff][local_grad]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.0, -2.0}}));
  const auto r = relu(x);
  const Tensor<double> d = t.local_grad(r.id, 0, Tensor<double>::Ones(1, 2));
  CHECK(d(0, 0) == 1.0);
  CHECK(d(0, 1) == 0.0);
  const auto w = t.leaf(tensor({{1.0}, {2.0}}));
  const auto m = matmul(x, w);  // (1x2)·(2x1)
  const Tensor<double> gw = t.local_grad(m.id, 1, tensor({{10.0}}));
  CHECK(gw(0, 0) == Approx(10.0));   // xᵀ·upstream
  CHECK(gw(1, 0) == Approx(-20.0));
}

TEST_CASE("local_grad errors name the node and the shapes", "[autodiff][local_grad]") {
  Tape<double> t;
  const auto x = t.leaf(tensor({{1.0, 2.0}}));
  const auto s = sum(x);
  CHECK_THROWS_WITH(t.local_grad(x.id, 0, tensor({{1.0, 1.0}})),
                    Catch::Contains("node 0 (leaf) has no input 0"));
  CHECK_THROWS_WITH(t.local_grad(s.id, 1, tensor({{1.0}})), Catch::Contains("has no input 1"));
  CHECK_THROWS_WITH(t.local_grad(s.id, 0, tensor({{1.0, 1.0}})),
                    Catch::Contains("upstream gradient (1x2) does not match node (1x1)"));
  CHECK_THROWS_WITH(t.local_grad(7, 0, tensor({{1.0}})), Catch::Contains("out of range"));
}

TEST_CASE("backward(root, down_to) stops part-way, gradients hold what reached them",
          "[autodiff][local_grad]") {
  // L = (u·v)·u with u = 2, v = 5: u fans out to two muls.
  Tape<double> t;
  const auto u = t.leaf(tensor({{2.0}}), "u");
  const auto v = t.leaf(tensor({{5.0}}), "v");
  const auto p = mul(u, v);   // id 2
  const auto L = mul(p, u);   // id 3
  t.backward(L, L.id);        // only L's backward: ∂L/∂p = u, and u's share from L: p
  CHECK(p.grad()(0, 0) == Approx(2.0));
  CHECK(u.grad()(0, 0) == Approx(10.0));
  CHECK(v.grad()(0, 0) == 0.0);  // not reached yet
  t.zero_grad();
  t.backward(L, p.id);  // and p's backward
  CHECK(u.grad()(0, 0) == Approx(10.0 + 2.0 * 5.0));  // 2uv
  CHECK(v.grad()(0, 0) == Approx(4.0));               // u²
  t.zero_grad();
  t.backward(L, 0);  // down_to 0 is the whole pass
  CHECK(u.grad()(0, 0) == Approx(20.0));
  CHECK_THROWS_WITH(t.backward(L, 4), Catch::Contains("down_to 4 is not a node id in [0, 3]"));
  CHECK_THROWS_WITH(t.backward(L, -1), Catch::Contains("down_to -1"));
}
