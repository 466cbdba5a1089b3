// Networks as seen from JS: the spec, fit options and Keras request are read by the core
// (nn/read.hpp) from a Value; typed arrays become tensors or byte data sets (copied once, with
// TypedArray.set); Network wraps nn::Network (a model, its optimizer, data and resumable
// trainer) with plain objects and typed-array copies out. Conversion only.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "convert.hpp"
#include "guard.hpp"
#include "nn.hpp"
#include "nn/keras.hpp"
#include "nn/read.hpp"
#include "optim/read.hpp"

namespace basecamp::wasm {

namespace nnjs {

inline nn::Dataset<float> floats_dataset(const val& x, int rows, int cols, const val& y, int y_cols) {
  return nn::Dataset<float>::from_tensors(floats_from_js(x, rows, cols, "x"), floats_from_js(y, rows, y_cols, "y"));
}

inline nn::Dataset<float> bytes_dataset(const val& pixels, int rows, int cols, const val& labels, int classes) {
  require(rows >= 1 && cols >= 1, "data",
          "rows and cols must be >= 1, got " + std::to_string(rows) + "x" + std::to_string(cols));
  return nn::Dataset<float>::from_bytes(
      bytes_from_js(pixels, static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols), "pixels"), rows, cols,
      bytes_from_js(labels, static_cast<std::size_t>(rows), "labels"), classes);
}

}  // namespace nnjs

inline nn::MemoryEstimate model_memory(const val& spec, int batch_size, const std::string& optimizer, const val& settings) {
  return nn::estimate_memory(nn::spec_from(value_from_js(spec)), batch_size,
                             nn::optimizer_state_slots(optimizer, optim::settings_from(value_from_js(settings))));
}

// "Export as Keras" (nn/keras.hpp) for the request the MNIST page sends its worker.
inline std::string mnist_keras(const val& request) {
  return nn::mnist_keras_code(nn::keras_request_from(value_from_js(request)));
}

// nn::Network (a model with its optimizer, data and resumable trainer) for a lesson's worker:
// its methods bound with held<>, these take typed arrays or give the trainer's state.
class Network : public Held<nn::Network> {
 public:
  Network(const val& spec, const std::string& optimizer, const val& settings)
      : Held([&] {
          return std::make_unique<nn::Network>(nn::spec_from(value_from_js(spec)), optimizer,
                                               optim::settings_from(value_from_js(settings)));
        }) {}

  void set_training_data(const val& x, int rows, int cols, const val& y, int y_cols) {
    get().set_training(nnjs::floats_dataset(x, rows, cols, y, y_cols));
  }
  void set_training_bytes(const val& pixels, int rows, int cols, const val& labels, int classes) {
    get().set_training(nnjs::bytes_dataset(pixels, rows, cols, labels, classes));
  }
  void set_validation_data(const val& x, int rows, int cols, const val& y, int y_cols) {
    get().set_validation(nnjs::floats_dataset(x, rows, cols, y, y_cols));
  }
  void set_validation_bytes(const val& pixels, int rows, int cols, const val& labels, int classes) {
    get().set_validation(nnjs::bytes_dataset(pixels, rows, cols, labels, classes));
  }
  void start_fit(const val& options) { get().start_fit(nn::fit_options_from(value_from_js(options))); }

  // Up to n batches (never past an epoch's end) →
  // {epoch, batch, batchesPerEpoch, batchLoss, loss, metric, samplesSeen, done, epochEnd: log|null}
  val run_batches(int n) {
    nn::Trainer<float>& trainer = get().trainer();
    return batch_to_js(trainer, trainer.run_batches(n));
  }
  // One batch, as run_batches(1), plus signals: its per-layer signals (nn/signals.hpp) measured
  // on the first probeRows training rows.
  val run_batch_with_signals(int probe_rows) {
    const std::vector<nn::LayerSignals> signals = get().run_batch_with_signals(probe_rows);
    val out = batch_to_js(get().trainer(), !get().trainer().finished());
    out.set("signals", to_js(signals));
    return out;
  }

  nn::Evaluation evaluate(const val& x, int rows, int cols, const val& y, int y_cols) {
    return get().model().evaluate(nnjs::floats_dataset(x, rows, cols, y, y_cols));
  }
  nn::Evaluation evaluate_bytes(const val& pixels, int rows, int cols, const val& labels, int classes) {
    return get().model().evaluate(nnjs::bytes_dataset(pixels, rows, cols, labels, classes));
  }

  // rows x outputs probabilities (or values), row-major, as a Float32Array copy.
  val predict(const val& x, int rows, int cols) {
    const Tensor<float> p = get().model().predict(floats_from_js(x, rows, cols, "x"));
    return typed_copy(p.data(), static_cast<std::size_t>(p.size()));
  }
  val predict_bytes(const val& pixels, int rows, int cols) {
    const auto bytes = bytes_from_js(pixels, static_cast<std::size_t>(rows) * static_cast<std::size_t>(std::max(cols, 0)), "pixels");
    const Tensor<float> p = get().predict_bytes(bytes, rows, cols);
    return typed_copy(p.data(), static_cast<std::size_t>(p.size()));
  }
  // For one image (bytes, cols of them): [{layer, kind, height, width, channels, data}].
  std::vector<nn::FeatureMap> feature_maps(const val& pixels, int cols) {
    return get().feature_maps(bytes_from_js(pixels, static_cast<std::size_t>(std::max(cols, 0)), "pixels"));
  }

  void load(const val& bytes) {
    const bool ok = bytes.typeOf().as<std::string>() == "object" && !bytes.isNull();
    require(ok, "load", "expected the saved bytes (a Uint8Array)");
    get().load(bytes_from_js(bytes, bytes["length"].as<std::size_t>(), "weights file"));
  }

 private:
  static val batch_to_js(const nn::Trainer<float>& trainer, bool more) {
    const nn::BatchLog& b = trainer.last_batch();
    return object("epoch", b.epoch, "batch", b.batch, "batchesPerEpoch", b.batches_per_epoch,
                  "batchLoss", b.batch_loss, "loss", b.loss, "metric", to_js(unless_nan(b.metric)),
                  "samplesSeen", static_cast<double>(b.samples_seen), "done", !more,
                  "epochEnd", trainer.epoch_ended() ? to_js(trainer.history().back()) : val::null());
  }
};

}  // namespace basecamp::wasm
