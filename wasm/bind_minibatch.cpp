// Embind declarations for mini-batch SGD on the regression points (lesson 4's stochastic race).
#include <emscripten/bind.h>

#include "guard.hpp"
#include "minibatch.hpp"

using namespace emscripten;
using basecamp::wasm::guarded;
using basecamp::wasm::method;
using basecamp::wasm::MinibatchDescent;

EMSCRIPTEN_BINDINGS(basecamp_minibatch) {
  class_<MinibatchDescent>("MinibatchDescent")
      .constructor<const val&, const std::string&, const val&, int, double, double, double, const val&>()
      .function("error", optional_override([](const MinibatchDescent& o) { return o.error(); }))
      .function("step", method<&MinibatchDescent::step>)
      .function("m", method<&MinibatchDescent::m>)
      .function("b", method<&MinibatchDescent::b>)
      .function("loss", method<&MinibatchDescent::loss>)
      .function("batchLoss", method<&MinibatchDescent::batch_loss>)
      .function("steps", method<&MinibatchDescent::steps>)
      .function("samples", method<&MinibatchDescent::samples>)
      .function("epoch", method<&MinibatchDescent::epoch>)
      .function("batchSize", method<&MinibatchDescent::batch_size>)
      .function("divergedAt", method<&MinibatchDescent::diverged_at>)
      .function("lastBatch", method<&MinibatchDescent::last_batch>);
}
