// Embind declarations for the network lessons: the Model class (a network with its optimizer,
// data and resumable trainer), the memory estimate and the names lists. Declarations only.
#include <emscripten/bind.h>

#include "guard.hpp"
#include "model.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guarded;
using basecamp::wasm::Network;

EMSCRIPTEN_BINDINGS(basecamp_model) {
  function("nnNames", &wasm::nn_names);
  function("modelMemory", optional_override([](const val& spec, int batch, const std::string& opt, const val& settings) {
             return guarded([&] { return wasm::model_memory(spec, batch, opt, settings); });
           }));

  class_<Network>("Model")
      .constructor<const val&, const std::string&, const val&>()
      .function("error", &Network::error)
      .function("setTrainingData", optional_override([](Network& m, const val& x, int r, int c, const val& y, int k) {
                  return guarded([&] { m.set_training_data(x, r, c, y, k); });
                }))
      .function("setTrainingBytes", optional_override([](Network& m, const val& p, int r, int c, const val& l, int k) {
                  return guarded([&] { m.set_training_bytes(p, r, c, l, k); });
                }))
      .function("setValidationData", optional_override([](Network& m, const val& x, int r, int c, const val& y, int k) {
                  return guarded([&] { m.set_validation_data(x, r, c, y, k); });
                }))
      .function("setValidationBytes", optional_override([](Network& m, const val& p, int r, int c, const val& l, int k) {
                  return guarded([&] { m.set_validation_bytes(p, r, c, l, k); });
                }))
      .function("clearData", optional_override([](Network& m) { return guarded([&] { m.clear_data(); }); }))
      .function("startFit", optional_override([](Network& m, const val& o) { return guarded([&] { m.start_fit(o); }); }))
      .function("runBatches", optional_override([](Network& m, int n) { return guarded([&] { return m.run_batches(n); }); }))
      .function("stop", optional_override([](Network& m) { return guarded([&] { m.stop(); }); }))
      .function("history", optional_override([](const Network& m) { return guarded([&] { return m.history(); }); }))
      .function("evaluate", optional_override([](Network& m, const val& x, int r, int c, const val& y, int k) {
                  return guarded([&] { return m.evaluate(x, r, c, y, k); });
                }))
      .function("evaluateBytes", optional_override([](Network& m, const val& p, int r, int c, const val& l, int k) {
                  return guarded([&] { return m.evaluate_bytes(p, r, c, l, k); });
                }))
      .function("predict", optional_override([](Network& m, const val& x, int r, int c) {
                  return guarded([&] { return m.predict(x, r, c); });
                }))
      .function("predictBytes", optional_override([](Network& m, const val& p, int r, int c) {
                  return guarded([&] { return m.predict_bytes(p, r, c); });
                }))
      .function("weights", optional_override([](const Network& m, int i) { return guarded([&] { return m.weights(i); }); }))
      .function("bias", optional_override([](const Network& m, int i) { return guarded([&] { return m.bias(i); }); }))
      .function("save", optional_override([](const Network& m) { return guarded([&] { return m.save(); }); }))
      .function("load", optional_override([](Network& m, const val& b) { return guarded([&] { m.load(b); }); }))
      .function("parameterCount", optional_override([](const Network& m) { return guarded([&] { return m.parameter_count(); }); }))
      .function("denseCount", optional_override([](const Network& m) { return guarded([&] { return m.dense_count(); }); }))
      .function("summary", optional_override([](const Network& m) { return guarded([&] { return m.summary(); }); }))
      .function("lr", optional_override([](const Network& m) { return guarded([&] { return m.lr(); }); }))
      .function("setLr", optional_override([](Network& m, double lr) { return guarded([&] { m.set_lr(lr); }); }));
}
