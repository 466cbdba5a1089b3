// Embind declarations for the network lessons: the Model class (a network with its optimizer,
// data and resumable trainer), the memory estimate and the names lists. Declarations only.
#include <emscripten/bind.h>

#include "guard.hpp"
#include "model.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;
using basecamp::wasm::held;
using basecamp::wasm::method;
using basecamp::wasm::Network;

EMSCRIPTEN_BINDINGS(basecamp_model) {
  function("modelMemory", guard<&wasm::model_memory>);
  function("mnistKeras", guard<&wasm::mnist_keras>);

  class_<Network>("Model")
      .constructor<const val&, const std::string&, const val&>()
      .function("error", &wasm::error_of<Network>)
      .function("setTrainingData", method<&Network::set_training_data>)
      .function("setTrainingBytes", method<&Network::set_training_bytes>)
      .function("setValidationData", method<&Network::set_validation_data>)
      .function("setValidationBytes", method<&Network::set_validation_bytes>)
      .function("clearData", held<Network, &nn::Network::clear_data>)
      .function("startFit", method<&Network::start_fit>)
      .function("runBatches", method<&Network::run_batches>)
      .function("runBatchWithSignals", method<&Network::run_batch_with_signals>)
      .function("stop", held<Network, &nn::Network::stop>)
      .function("history", held<Network, &nn::Network::history>)
      .function("evaluate", method<&Network::evaluate>)
      .function("evaluateBytes", method<&Network::evaluate_bytes>)
      .function("predict", method<&Network::predict>)
      .function("predictBytes", method<&Network::predict_bytes>)
      .function("featureMaps", method<&Network::feature_maps>)
      .function("weights", held<Network, &nn::Network::kernel>)
      .function("bias", held<Network, &nn::Network::bias>)
      .function("save", held<Network, &nn::Network::save>)
      .function("load", method<&Network::load>)
      .function("parameterCount", held<Network, &nn::Network::parameter_count>)
      .function("denseCount", held<Network, &nn::Network::dense_count>)
      .function("summary", held<Network, &nn::Network::summary>)
      .function("lr", held<Network, &nn::Network::lr>)
      .function("setLr", held<Network, &nn::Network::set_lr>)
      .function("momentum", held<Network, &nn::Network::momentum>)
      .function("setMomentum", held<Network, &nn::Network::set_momentum>);
}
