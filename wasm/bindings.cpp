// Embind declarations: which core functions and classes JS sees, under which names.
// Declarations only; conversions live in convert.hpp, error translation in guard.hpp.
#include <emscripten/bind.h>
#include <malloc.h>

#include "curves/curve1d.hpp"
#include "convert.hpp"
#include "graph.hpp"
#include "guard.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guarded;

namespace {

val curve_point_to_js(const CurvePoint& p) {
  val out = val::object();
  out.set("x", p.x);
  out.set("value", p.value);
  out.set("slope", p.slope);
  return out;
}

val curve_catalog_to_js() {
  val out = val::array();
  for (const auto& c : curve_catalog()) {
    val item = val::object();
    item.set("name", c.name);
    item.set("formula", c.formula);
    item.set("xMin", c.x_min);
    item.set("xMax", c.x_max);
    out.call<void>("push", item);
  }
  return out;
}

// Bytes of the wasm heap in use by malloc: the node tests check that it returns to where it was.
int heap_in_use() { return static_cast<int>(mallinfo().uordblks); }

}  // namespace

EMSCRIPTEN_BINDINGS(basecamp_core) {
  function("heapInUse", &heap_in_use);

  function("curveCatalog", &curve_catalog_to_js);
  function("evaluateCurve", optional_override([](const std::string& name, double x) {
             return guarded([&] { return curve_point_to_js(evaluate_curve(name, x)); });
           }));
  function("stepDownhill", optional_override([](const std::string& name, double x, double eta) {
             return guarded([&] { return curve_point_to_js(step_downhill(name, x, eta)); });
           }));

  using wasm::Graph;
  class_<Graph>("Graph")
      .constructor<>()
      .function("leaf", optional_override([](Graph& g, const val& d, int r, int c, const std::string& l) {
                  return guarded([&] { return g.leaf(d, r, c, l); });
                }))
      .function("constant", optional_override([](Graph& g, const val& d, int r, int c, const std::string& l) {
                  return guarded([&] { return g.constant(d, r, c, l); });
                }))
      .function("unary", optional_override([](Graph& g, const std::string& op, int a) {
                  return guarded([&] { return g.unary(op, a); });
                }))
      .function("binary", optional_override([](Graph& g, const std::string& op, int a, int b) {
                  return guarded([&] { return g.binary(op, a, b); });
                }))
      .function("withNumber", optional_override([](Graph& g, const std::string& op, int a, double n) {
                  return guarded([&] { return g.with_number(op, a, n); });
                }))
      .function("backward", optional_override([](Graph& g, int root) {
                  return guarded([&] { g.backward(root); });
                }))
      .function("backwardTo", optional_override([](Graph& g, int root, int downTo) {
                  return guarded([&] { g.backward_to(root, downTo); });
                }))
      .function("localGrad", optional_override([](Graph& g, int id, int k) { return guarded([&] { return g.local_grad(id, k); }); }))
      .function("contribution", optional_override([](Graph& g, int id, int k) { return guarded([&] { return g.contribution(id, k); }); }))
      .function("zeroGrad", &Graph::zero_grad)
      .function("clear", &Graph::clear)
      .function("size", &Graph::size)
      .function("op", optional_override([](const Graph& g, int id) { return guarded([&] { return g.op(id); }); }))
      .function("label", optional_override([](const Graph& g, int id) { return guarded([&] { return g.label(id); }); }))
      .function("inputs", optional_override([](const Graph& g, int id) { return guarded([&] { return g.inputs(id); }); }))
      .function("value", optional_override([](const Graph& g, int id) { return guarded([&] { return g.value(id); }); }))
      .function("grad", optional_override([](const Graph& g, int id) { return guarded([&] { return g.grad(id); }); }));
}
