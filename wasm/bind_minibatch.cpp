// Embind declarations for mini-batch SGD on the regression points (lesson 4's stochastic race).
#include <emscripten/bind.h>

#include "guard.hpp"
#include "minibatch.hpp"

using namespace emscripten;
using namespace basecamp::wasm;
using basecamp::descent::MinibatchRun;

EMSCRIPTEN_BINDINGS(basecamp_minibatch) {
  class_<MinibatchDescent>("MinibatchDescent")
      .constructor<const val&, const std::string&, const val&, int, double, double, double, const val&>()
      .function("error", &error_of<MinibatchDescent>)
      .function("step", held<MinibatchDescent, &MinibatchRun::step>)
      .function("m", held<MinibatchDescent, &MinibatchRun::m>)
      .function("b", held<MinibatchDescent, &MinibatchRun::b>)
      .function("loss", held<MinibatchDescent, &MinibatchRun::loss>)
      .function("batchLoss", held<MinibatchDescent, &MinibatchRun::batch_loss>)
      .function("steps", held<MinibatchDescent, &MinibatchRun::steps>)
      .function("samples", held<MinibatchDescent, &MinibatchRun::samples>)
      .function("epoch", held<MinibatchDescent, &MinibatchRun::epoch>)
      .function("batchSize", held<MinibatchDescent, &MinibatchRun::batch_size>)
      .function("divergedAt", held<MinibatchDescent, &MinibatchRun::diverged_at>)
      .function("lastBatch", method<&MinibatchDescent::last_batch>);
}
