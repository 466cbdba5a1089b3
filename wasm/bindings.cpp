// Embind declarations: which core functions and classes JS sees, under which names.
// Declarations only; conversions live in convert.hpp, error translation in guard.hpp.
#include <emscripten/bind.h>
#include <malloc.h>

#include "curves/curve1d.hpp"
#include "linalg/gemm.hpp"
#include "linalg/parallel.hpp"
#include "convert.hpp"
#include "autodiff/graph.hpp"
#include "guard.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;
using basecamp::wasm::method;

namespace {
// Bytes of the wasm heap in use by malloc: the node tests check that it returns to where it was.
int heap_in_use() { return static_cast<int>(mallinfo().uordblks); }
val curve_catalog_to_js() { return wasm::to_js(curve_catalog()); }
// Graph::leaf or Graph::constant with the node's value from a JS array, rows x cols.
template <int (ad::Graph::*Add)(Tensor<double>, const std::string&)>
val add_node(ad::Graph& g, const val& data, int rows, int cols, const std::string& label) {
  return guarded([&] { return (g.*Add)(wasm::tensor_from_js<double>(data, rows, cols), label); });
}
}  // namespace

EMSCRIPTEN_BINDINGS(basecamp_core) {
  function("heapInUse", &heap_in_use);
  // The build's matrix products: threads in use and available, SIMD128 / fused (relaxed) kernel.
  function("linalgThreads", &linalg::threads);
  function("linalgMaxThreads", &linalg::max_threads);
  function("linalgSetThreads", &linalg::set_threads);
  function("linalgSimdKernel", &linalg::simd_kernel);
  function("linalgFusedKernel", &linalg::fused_kernel);

  function("curveCatalog", &curve_catalog_to_js);
  function("evaluateCurve", guard<&evaluate_curve>);
  function("stepDownhill", guard<&step_downhill>);

  // The backprop lesson's tape (autodiff/graph.hpp).
  using ad::Graph;
  class_<Graph>("Graph")
      .constructor<>()
      .function("leaf", &add_node<&Graph::leaf>)
      .function("constant", &add_node<&Graph::constant>)
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
