// The core's catalogue as one plain JS object (optim/catalogue.hpp, nn/presets.hpp, the name
// lists and the error codes): what the page builds its forms from. Conversion only.
#pragma once

#include <emscripten/val.h>

#include "convert.hpp"
#include "nn.hpp"
#include "optim/catalogue.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::wasm {

template <class T, class F>
val list_to_js(const std::vector<T>& items, F&& convert) {
  val out = val::array();
  for (const auto& item : items) out.call<void>("push", convert(item));
  return out;
}

// A feature layer (Conv2D, MaxPooling2D, Flatten) in the spec's JS form (model.hpp).
inline val feature_layer_to_js(const nn::LayerSpec& l) {
  switch (l.kind) {
    case nn::LayerSpec::Kind::conv2d:
      return object("conv2d", l.filters, "kernel", vector_to_js(std::vector<int>{l.kernel_h, l.kernel_w}), "stride", l.stride,
                    "padding", nn::name_of(l.padding), "activation", nn::name_of(l.activation));
    case nn::LayerSpec::Kind::maxpool2d: return object("maxpool2d", l.pool, "stride", l.stride);
    case nn::LayerSpec::Kind::flatten: return object("flatten", true);
    case nn::LayerSpec::Kind::dropout: return object("dropout", l.rate);
    case nn::LayerSpec::Kind::dense: break;
  }
  return object("units", l.units, "activation", nn::name_of(l.activation));
}

inline val preset_to_js(const nn::TrainingPreset& p) {
  val settings = val::object();
  p.settings.each([&](const char* name, const auto& v) {
    if (v) settings.set(name, static_cast<double>(*v));
  });
  val out = object("name", p.name, "inputs", p.inputs, "features", list_to_js(p.features, feature_layer_to_js),
                   "hidden", vector_to_js(p.hidden), "activation", nn::name_of(p.activation), "outputs", p.outputs,
                   "outputActivation", nn::name_of(p.output_activation), "loss", nn::name_of(p.loss),
                   "initializer", nn::name_of(p.initializer), "optimizer", p.optimizer, "settings", settings,
                   "batchSize", p.batch_size, "epochs", p.epochs, "seed", static_cast<double>(p.seed),
                   "referenceTestAccuracy", p.reference_test_accuracy);
  if (p.image.height > 0) out.set("image", vector_to_js(std::vector<int>{p.image.height, p.image.width, p.image.channels}));
  return out;
}

inline val catalogue_to_js() {
  val out = val::object();
  out.set("optimizers", to_js(optim::optimizer_catalogue()));
  out.set("schedules", to_js(optim::schedule_catalogue()));
  out.set("surfaces", vector_to_js(surfaces::surface_names()));
  out.set("activations", vector_to_js(nn::activation_names()));
  out.set("losses", vector_to_js(nn::loss_names()));
  out.set("initializers", vector_to_js(nn::initializer_names()));
  val presets = val::object();
  presets.set("kerasMnist", preset_to_js(nn::keras_mnist()));
  presets.set("kerasConvnet", preset_to_js(nn::keras_mnist_convnet()));
  out.set("presets", presets);
  out.set("errorCodes", vector_to_js(error_codes()));
  return out;
}

}  // namespace basecamp::wasm
