// Network: a model with its optimizer, its training (and validation) data and a resumable
// trainer — the wiring a training run needs. The MNIST lesson's worker drives one a few batches
// at a time (through wasm/model.hpp), `basecamp mnist` runs one to the end: the same class. The
// maths is in model.hpp and trainer.hpp; this only owns the pieces and keeps them consistent
// (new data or a new fit forgets the running one; the optimizer keeps its state, as in Keras).
#pragma once

#include <memory>
#include <optional>
#include <vector>
#include <algorithm>
#include <string>

#include "nn/dataset.hpp"
#include "nn/model.hpp"
#include "nn/signals.hpp"
#include "nn/spec.hpp"
#include "nn/trainer.hpp"
#include "optim/factory.hpp"

namespace basecamp::nn {

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
