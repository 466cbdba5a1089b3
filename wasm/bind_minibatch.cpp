// Embind declarations for mini-batch SGD on the regression points (lesson 4's stochastic race).
#include <emscripten/bind.h>

#include "guard.hpp"
#include "minibatch.hpp"

using namespace emscripten;
using basecamp::wasm::guarded;
using basecamp::wasm::MinibatchDescent;

EMSCRIPTEN_BINDINGS(basecamp_minibatch) {
  class_<MinibatchDescent>("MinibatchDescent")
      .constructor<const val&, const std::string&, const val&, int, double, double, double, const val&>()
      .function("error", &MinibatchDescent::error)
      .function("step", optional_override([](MinibatchDescent& d, int n) { return guarded([&] { return d.step(n); }); }))
      .function("m", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.m(); }); }))
      .function("b", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.b(); }); }))
      .function("loss", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.loss(); }); }))
      .function("batchLoss", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.batch_loss(); }); }))
      .function("steps", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.steps(); }); }))
      .function("samples", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.samples(); }); }))
      .function("epoch", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.epoch(); }); }))
      .function("batchSize", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.batch_size(); }); }))
      .function("divergedAt", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.diverged_at(); }); }))
      .function("lastBatch", optional_override([](const MinibatchDescent& d) { return guarded([&] { return d.last_batch(); }); }));
}
