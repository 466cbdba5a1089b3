// Network: a model with its optimizer, its training (and validation) data and a resumable
// trainer — the wiring a training run needs. The MNIST lesson's worker drives one a few batches
// at a time (through wasm/model.hpp), `basecamp mnist` runs one to the end: the same class. The
// maths is in model.hpp and trainer.hpp; this only owns the pieces and keeps them consistent
// (new data or a new fit forgets the running one; the optimizer keeps its state, as in Keras).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <vector>
#include <algorithm>
#include <string>

#include "nn/dataset.hpp"
#include "nn/model.hpp"
#include "nn/signals.hpp"
#include "nn/spec.hpp"
#include "nn/trainer.hpp"
#include "nn/weights_file.hpp"
#include "optim/factory.hpp"

namespace basecamp::nn {

// One Conv2D or MaxPooling2D layer's output for one image, channels-last.
struct FeatureMap {
  int layer = 0;  // index in the spec's layers
  std::string kind;  // "conv2d" | "maxpool2d"
  int height = 0, width = 0, channels = 0;
  std::vector<float> data;

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("layer", layer), f("kind", kind), f("height", height), f("width", width), f("channels", channels);
    f("data", data);
  }
};

class Network {
 public:
  // Checks the spec and the optimizer's settings (the core's errors) before anything is trained.
  Network(const ModelSpec& spec, const std::string& optimizer, const optim::OptimizerSettings& settings)
      : model_(spec), optimizer_(optim::make_optimizer<float>(optimizer, settings)) {}

  void set_training(Dataset<float> data) {
    trainer_.reset();
    meter_.reset();
    train_ = std::move(data);
  }
  void set_validation(Dataset<float> data) {
    trainer_.reset();
    validation_ = std::move(data);
  }
  void clear_data() {
    trainer_.reset();
    meter_.reset();
    train_.reset();
    validation_.reset();
  }

  // A fit over the training data (and the validation data, if any).
  void start_fit(const FitOptions& options) {
    require_code(train_.has_value(), code::missing, "fit", "training",
                 [] { return std::string("no training data"); });
    trainer_ = std::make_unique<Trainer<float>>(model_, *optimizer_, *train_, options, validation_);
  }
  bool fitting() const { return trainer_ != nullptr; }
  // The running fit; Error if none was started.
  Trainer<float>& trainer() {
    require(trainer_ != nullptr, "fit", "not started (call start_fit first)");
    return *trainer_;
  }
  const Trainer<float>* trainer_if_any() const { return trainer_.get(); }

  // One batch of the running fit with its per-layer signals (signals.hpp), measured on a probe
  // of the first probe_rows training rows (fewer if there are fewer; the probe is kept until the
  // data change). Empty when the fit had no batch left.
  std::vector<LayerSignals> run_batch_with_signals(int probe_rows) {
    require_in_range(probe_rows, limits::count(1, 10000), "signals", "probe_rows");
    Trainer<float>& t = trainer();
    if (t.finished()) return {};
    if (!meter_ || meter_rows_ != probe_rows) {
      const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(probe_rows), train_->size());
      std::vector<std::size_t> rows(n);
      for (std::size_t i = 0; i < n; ++i) rows[i] = i;
      Tensor<float> probe;
      train_->gather_x(rows, probe);
      meter_ = std::make_unique<SignalMeter<float>>(std::move(probe));
      meter_rows_ = probe_rows;
    }
    meter_->before_batch(model_);
    t.run_batches(1);
    return meter_->after_batch(model_);
  }

  // rows x outputs for images given as bytes (÷255 as in training).
  Tensor<float> predict_bytes(std::vector<std::uint8_t> pixels, int rows, int cols) {
    // Labels are not needed to predict: zeros keep the byte data set well-formed.
    return model_.predict(Dataset<float>::from_bytes(std::move(pixels), rows, cols,
                                                     std::vector<std::uint8_t>(static_cast<std::size_t>(std::max(rows, 0)), 0),
                                                     output_size(model_.spec())));
  }

  // Every Conv2D and MaxPooling2D layer's output for one image of `pixels.size()` bytes.
  std::vector<FeatureMap> feature_maps(std::vector<std::uint8_t> pixels) {
    const int cols = static_cast<int>(pixels.size());
    const auto data = Dataset<float>::from_bytes(std::move(pixels), 1, cols, std::vector<std::uint8_t>(1, 0),
                                                 output_size(model_.spec()));
    Tensor<float> x(1, cols);
    const std::size_t row = 0;
    data.gather_x(std::span<const std::size_t>(&row, 1), x);
    const std::vector<Tensor<float>> outputs = model_.layer_outputs(x);
    const std::vector<LayerShape> shapes = layer_shapes(model_.spec());
    std::vector<FeatureMap> maps;
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      const auto kind = model_.spec().layers[i].kind;
      if (kind != LayerSpec::Kind::conv2d && kind != LayerSpec::Kind::maxpool2d) continue;
      const ImageShape& im = shapes[i + 1].image;
      maps.push_back({static_cast<int>(i), kind == LayerSpec::Kind::conv2d ? "conv2d" : "maxpool2d", im.height, im.width,
                      im.channels, std::vector<float>(outputs[i].data(), outputs[i].data() + outputs[i].size())});
    }
    return maps;
  }

  // The running fit stopped after its current batch (nothing when none runs).
  void stop() {
    if (trainer_) trainer_->stop();
  }
  // The running fit's epochs so far (none before a fit).
  std::vector<EpochLog> history() const { return trainer_ ? trainer_->history() : std::vector<EpochLog>{}; }

  // Read-outs and settings between batches, for the lesson's page and the CLI alike.
  const Tensor<float>& kernel(int layer) const { return model_.kernel(layer).value; }
  std::vector<float> bias(int layer) const {
    const Tensor<float>& b = model_.bias(layer).value;
    return std::vector<float>(b.data(), b.data() + b.size());
  }
  long long parameter_count() const { return model_.parameter_count(); }
  int dense_count() const { return model_.dense_count(); }
  std::string summary() const { return describe(model_.spec()); }
  std::vector<std::uint8_t> save() const { return save_weights(model_); }
  void load(const std::vector<std::uint8_t>& bytes) { load_weights(model_, bytes); }
  double lr() const { return optimizer_->lr; }
  void set_lr(double lr) { optimizer_->set_lr(lr); }
  // Where the optimizer keeps one (SGD, RMSprop made with momentum > 0), else none.
  std::optional<double> momentum() const { return optimizer_->momentum(); }
  void set_momentum(double momentum) { optimizer_->set_momentum(momentum); }

  Model<float>& model() { return model_; }
  const Model<float>& model() const { return model_; }
  optim::Optimizer<float>& optimizer() { return *optimizer_; }
  const optim::Optimizer<float>& optimizer() const { return *optimizer_; }

 private:
  Model<float> model_;
  std::unique_ptr<optim::Optimizer<float>> optimizer_;
  std::optional<Dataset<float>> train_, validation_;
  std::unique_ptr<Trainer<float>> trainer_;
  std::unique_ptr<SignalMeter<float>> meter_;
  int meter_rows_ = 0;
};

}  // namespace basecamp::nn
