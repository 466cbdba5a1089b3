// Embind declarations for the network lessons: the Model class (a network with its optimizer,
// data and resumable trainer), the memory estimate and the names lists. Declarations only.
#include <emscripten/bind.h>

#include "guard.hpp"
#include "model.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;
using basecamp::wasm::method;
using basecamp::wasm::Network;

EMSCRIPTEN_BINDINGS(basecamp_model) {
  function("modelMemory", guard<&wasm::model_memory>);
  function("mnistKeras", guard<&wasm::mnist_keras>);

  class_<Network>("Model")
      .constructor<const val&, const std::string&, const val&>()
      .function("error", optional_override([](const Network& o) { return o.error(); }))
      .function("setTrainingData", method<&Network::set_training_data>)
      .function("setTrainingBytes", method<&Network::set_training_bytes>)
      .function("setValidationData", method<&Network::set_validation_data>)
      .function("setValidationBytes", method<&Network::set_validation_bytes>)
      .function("clearData", method<&Network::clear_data>)
      .function("startFit", method<&Network::start_fit>)
      .function("runBatches", method<&Network::run_batches>)
      .function("runBatchWithSignals", method<&Network::run_batch_with_signals>)
      .function("stop", method<&Network::stop>)
      .function("history", method<&Network::history>)
      .function("evaluate", method<&Network::evaluate>)
      .function("evaluateBytes", method<&Network::evaluate_bytes>)
      .function("predict", method<&Network::predict>)
      .function("predictBytes", method<&Network::predict_bytes>)
      .function("featureMaps", method<&Network::feature_maps>)
      .function("weights", method<&Network::weights>)
      .function("bias", method<&Network::bias>)
      .function("save", method<&Network::save>)
      .function("load", method<&Network::load>)
      .function("parameterCount", method<&Network::parameter_count>)
      .function("denseCount", method<&Network::dense_count>)
      .function("summary", method<&Network::summary>)
      .function("lr", method<&Network::lr>)
      .function("setLr", method<&Network::set_lr>)
      .function("momentum", method<&Network::momentum>)
      .function("setMomentum", method<&Network::set_momentum>);
}
