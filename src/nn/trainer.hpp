// The training loop of Keras's model.fit, as a resumable object: a Trainer trains up to n
// batches per run_batches(n) call and keeps everything (epoch, position, shuffled order, random
// streams, running means) between calls, so a web worker can train a few batches, post
// progress, look at its messages, and continue — with the same result as one uninterrupted
// run. fit() is the one-shot loop built on it.
//
// Keras semantics: validation_split takes the LAST fraction of the samples (before any
// shuffling; Keras: split_at = floor(n·(1 − split))); the training part is reshuffled at the
// start of every epoch when shuffle is on; the last, partial batch is used; batch_size 1 is
// true SGD and batch_size ≥ n is full-batch gradient descent. Epoch loss and metric are means
// over the epoch's samples of the per-batch values (the weights change during the epoch, as
// in Keras's progress bar); validation is evaluated after the epoch's last batch.
// Determinism: shuffles and dropout masks come from two Rng streams derived from the seed
// (FitOptions::seed, else the model's spec seed); the same seed gives the same run bit for bit.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <type_traits>
#include <vector>

#include "nn/dataset.hpp"
#include "nn/model.hpp"
#include "optim/optimizer.hpp"
#include "random.hpp"
#include "value.hpp"

namespace basecamp::nn {

struct FitOptions {
  int epochs = 1;                      // ≥ 1
  int batch_size = 32;                 // ≥ 1 (Keras's default)
  bool shuffle = true;
  double validation_split = 0.0;       // in [0, 1); ignored when validation data is given
  std::optional<std::uint64_t> seed;   // shuffles and dropout; default: the model's spec seed
};

// Throws Error naming the bad value (epochs, batch_size, validation_split).
void validate_fit_options(const FitOptions& options);

// After each batch. Epochs and batches count from 1.
struct BatchLog {
  int epoch = 0, batch = 0, batches_per_epoch = 0;
  double batch_loss = 0;       // this batch's loss (with penalties)
  double loss = 0;             // running mean over this epoch so far
  double metric = 0;           // running accuracy over this epoch so far (NaN: none)
  long long samples_seen = 0;  // since the start of training
  bool epoch_end = false;      // this batch was the epoch's last
};

// After each epoch.
struct EpochLog {
  int epoch = 0;
  double loss = 0, metric = 0;          // training (means over the epoch)
  bool has_validation = false;
  double val_loss = 0, val_metric = 0;  // after the epoch (NaN metric: none)

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    const std::optional<double> none;
    f("epoch", epoch), f("loss", loss), f("metric", unless_nan(metric));
    f("valLoss", has_validation ? std::optional<double>(val_loss) : none);
    f("valMetric", has_validation ? unless_nan(val_metric) : none);
  }
};

template <class T>
class Trainer {
 public:
  // Keeps references to model and optimizer (they must outlive the trainer). With validation
  // data given, validation_split is ignored; else a split > 0 takes the last fraction of train.
  // Error on bad options, on data that does not fit the model, or a split leaving either part
  // empty.
  Trainer(Model<T>& model, optim::Optimizer<T>& optimizer, Dataset<T> train,
          const FitOptions& options, std::optional<Dataset<T>> validation = std::nullopt);

  // Trains up to n ≥ 1 batches, never past the end of an epoch (so the caller can report it).
  // Returns true while batches remain; false once all epochs ran or training was stopped.
  bool run_batches(int n);
  bool finished() const { return stopped_ || epoch_ >= options_.epochs; }
  void stop() { stopped_ = true; }
  bool stopped() const { return stopped_; }

  // Return false to stop training. As in Keras, stopping from on_batch still closes the
  // current epoch (its EpochLog over the batches run, and validation) before finishing.
  std::function<bool(const BatchLog&)> on_batch;
  std::function<bool(const EpochLog&)> on_epoch;

  const BatchLog& last_batch() const { return last_; }
  // True when the last run_batches call ended an epoch: history().back() is that epoch.
  bool epoch_ended() const { return epoch_ended_; }
  const std::vector<EpochLog>& history() const { return history_; }
  int batches_per_epoch() const { return batches_; }
  std::size_t train_size() const { return train_.size(); }
  std::size_t validation_size() const { return validation_ ? validation_->size() : 0; }

 private:
  void start_epoch();

  Model<T>& model_;
  optim::Optimizer<T>& optimizer_;
  Dataset<T> train_;
  std::optional<Dataset<T>> validation_;
  FitOptions options_;
  Rng shuffle_rng_, dropout_rng_;
  std::vector<std::size_t> order_;
  int batches_ = 0;
  int epoch_ = 0, batch_ = 0;  // epochs completed; batches done in the current epoch
  double loss_sum_ = 0, correct_ = 0;
  std::size_t epoch_samples_ = 0;
  long long samples_seen_ = 0;
  bool stopped_ = false, epoch_ended_ = false;
  BatchLog last_;
  std::vector<EpochLog> history_;
};

// One-shot Keras fit: runs a Trainer to the end; returns the per-epoch history.
template <class T>
std::vector<EpochLog> fit(Model<T>& model, optim::Optimizer<T>& optimizer,
                          const std::type_identity_t<Dataset<T>>& train, const FitOptions& options,
                          std::optional<std::type_identity_t<Dataset<T>>> validation = std::nullopt,
                          std::function<bool(const BatchLog&)> on_batch = {},
                          std::function<bool(const EpochLog&)> on_epoch = {});

}  // namespace basecamp::nn
