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
using basecamp::wasm::method;

namespace {

val curve_point_to_js(const CurvePoint& p) {
  return wasm::object("x", p.x, "value", p.value, "slope", p.slope);
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
      .function("leaf", method<&Graph::leaf>)
      .function("constant", method<&Graph::constant>)
      .function("unary", method<&Graph::unary>)
      .function("binary", method<&Graph::binary>)
      .function("withNumber", method<&Graph::with_number>)
      .function("backward", method<&Graph::backward>)
      .function("backwardTo", method<&Graph::backward_to>)
      .function("localGrad", method<&Graph::local_grad>)
      .function("contribution", method<&Graph::contribution>)
      .function("zeroGrad", &Graph::zero_grad)
      .function("clear", &Graph::clear)
      .function("size", &Graph::size)
      .function("op", method<&Graph::op>)
      .function("label", method<&Graph::label>)
      .function("inputs", method<&Graph::inputs>)
      .function("value", method<&Graph::value>)
      .function("grad", method<&Graph::grad>);
}
