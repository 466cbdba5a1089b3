// The backprop lesson's tape by ids and op names (autodiff/graph.hpp): the dispatch reaches the
// ops (values and gradients as the ops compute them), and unknown names and ids are refused.
#include <catch2/catch.hpp>

#include "autodiff/graph.hpp"

using namespace basecamp;

TEST_CASE("Graph: ops by name, backward, local derivatives and contributions", "[autodiff]") {
  ad::Graph g;
  Tensor<double> a(1, 2), b(1, 2);
  a << 1, 2;
  b << 3, -1;
  const int x = g.leaf(a, "x");
  const int w = g.constant(b, "w");
  const int p = g.binary("mul", x, w);
  const int s = g.unary("sum", g.with_number("pow", p, 2));
  CHECK(g.op(p) == "mul");
  CHECK(g.label(x) == "x");
  CHECK(g.inputs(p) == std::vector<int>{x, w});
  CHECK(g.value(s)(0, 0) == 9 + 4);  // (1·3)² + (2·−1)²
  CHECK(g.grad(x)(0, 1) == 0);      // before backward: zeros
  g.backward(s);
  CHECK(g.grad(x)(0, 0) == 2 * 3 * 3);    // d/dx (x·w)² = 2·x·w²
  CHECK(g.grad(x)(0, 1) == 2 * 2 * 1);
  CHECK(g.local_grad(p, 0)(0, 0) == 3);  // ∂(x·w)/∂x = w
  CHECK(g.contribution(p, 0)(0, 1) == g.grad(x)(0, 1));
  CHECK_THROWS_WITH(g.unary("sine", x), "graph: unknown unary op 'sine'");
  CHECK_THROWS_WITH(g.binary("dot", x, w), "graph: unknown binary op 'dot'");
  CHECK_THROWS_WITH(g.value(99), Catch::Contains("no node 99"));
  CHECK_THROWS_WITH(g.local_grad(p, -1), Catch::Contains("input index must be >= 0"));
  g.clear();
  CHECK(g.size() == 0);
}
