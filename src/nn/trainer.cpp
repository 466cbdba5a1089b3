// Trainer: batches, epochs, shuffling, validation, callbacks; fit() on top.
#include "nn/trainer.hpp"

#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "error.hpp"

namespace basecamp::nn {

void validate_fit_options(const FitOptions& o) {
  require_in_range(o.epochs, limits::count(1), "fit", "epochs");
  require_in_range(o.batch_size, limits::count(1), "fit", "batch_size");
  require_in_range(o.validation_split, limits::unit_open, "fit", "validation_split");
}

namespace {
constexpr std::uint64_t kShuffleStream = 0x53485546464C4531ULL;  // "SHUFFLE1"
constexpr std::uint64_t kDropoutStream = 0x44524F504F555431ULL;  // "DROPOUT1"
}  // namespace

template <class T>
Trainer<T>::Trainer(Model<T>& model, optim::Optimizer<T>& optimizer, Dataset<T> train,
                    const FitOptions& options, std::optional<Dataset<T>> validation)
    : model_(model),
      optimizer_(optimizer),
      train_(std::move(train)),
      validation_(std::move(validation)),
      options_(options),
      shuffle_rng_(options.seed.value_or(model.spec().seed) ^ kShuffleStream),
      dropout_rng_(options.seed.value_or(model.spec().seed) ^ kDropoutStream) {
  validate_fit_options(options_);
  const auto check = [&](const Dataset<T>& d, const char* what) {
    require_code(d.size() >= 1, code::empty, "fit", what, [&] { return std::string(what) + " data is empty"; });
    require(d.x_cols() == model_.spec().inputs, "fit",
            std::string(what) + " x has " + std::to_string(d.x_cols()) + " columns, the model takes " +
                std::to_string(model_.spec().inputs) + " inputs");
    require(d.y_cols() == output_size(model_.spec()), "fit",
            std::string(what) + " y has " + std::to_string(d.y_cols()) + " columns, the model has " +
                std::to_string(output_size(model_.spec())) + " outputs");
  };
  check(train_, "training");
  if (validation_) {
    check(*validation_, "validation");
  } else if (options_.validation_split > 0) {
    const std::size_t n = train_.size();
    const auto split_at = static_cast<std::size_t>(std::floor(static_cast<double>(n) * (1.0 - options_.validation_split)));
    require_code(split_at >= 1 && split_at < n, code::empty, "fit", "validation_split", [&] {
      return "validation_split " + optim::format_number(options_.validation_split) + " of " + std::to_string(n) +
             " samples leaves " + std::to_string(split_at) + " for training and " + std::to_string(n - split_at) +
             " for validation; both need at least 1";
    }, options_.validation_split);
    validation_ = train_.slice(split_at, n - split_at);
    train_ = train_.slice(0, split_at);
  }
  const std::size_t n = train_.size(), bs = static_cast<std::size_t>(options_.batch_size);
  batches_ = static_cast<int>((n + bs - 1) / bs);
  order_.resize(n);
}

template <class T>
void Trainer<T>::start_epoch() {
  std::iota(order_.begin(), order_.end(), std::size_t{0});
  if (options_.shuffle) shuffle(order_, shuffle_rng_);
  loss_sum_ = correct_ = 0;
  epoch_samples_ = 0;
}

template <class T>
bool Trainer<T>::run_batches(int n) {
  require(n >= 1, "fit", "run_batches needs n >= 1, got " + std::to_string(n));
  epoch_ended_ = false;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  for (int done = 0; done < n && !finished(); ++done) {
    if (batch_ == 0) start_epoch();
    const std::size_t bs = static_cast<std::size_t>(options_.batch_size);
    const std::size_t first = static_cast<std::size_t>(batch_) * bs;
    const std::size_t count = std::min(bs, order_.size() - first);
    const std::span<const std::size_t> rows(order_.data() + first, count);

    const BatchResult r = model_.compute_gradients(train_, rows, dropout_rng_);
    optimizer_.step(model_.params());

    ++batch_;
    loss_sum_ += r.loss * static_cast<double>(count);
    correct_ += r.correct;
    epoch_samples_ += count;
    samples_seen_ += static_cast<long long>(count);
    const double seen = static_cast<double>(epoch_samples_);
    last_ = {epoch_ + 1, batch_, batches_, r.loss, loss_sum_ / seen,
             model_.has_metric() ? correct_ / seen : nan, samples_seen_, batch_ == batches_};
    const bool go_on = on_batch ? on_batch(last_) : true;

    // Like Keras, a stop request ends the epoch early, still with its log and validation.
    if (batch_ == batches_ || !go_on) {
      last_.epoch_end = true;
      EpochLog e{epoch_ + 1, last_.loss, last_.metric, false, nan, nan};
      if (validation_) {
        const Evaluation v = model_.evaluate(*validation_);
        e.has_validation = true;
        e.val_loss = v.loss;
        e.val_metric = v.metric;
      }
      history_.push_back(e);
      ++epoch_;
      batch_ = 0;
      epoch_ended_ = true;
      if (!go_on) stopped_ = true;
      if (on_epoch && !on_epoch(e)) stopped_ = true;
    }
    if (epoch_ended_) break;
  }
  return !finished();
}

template <class T>
std::vector<EpochLog> fit(Model<T>& model, optim::Optimizer<T>& optimizer,
                          const std::type_identity_t<Dataset<T>>& train, const FitOptions& options,
                          std::optional<std::type_identity_t<Dataset<T>>> validation,
                          std::function<bool(const BatchLog&)> on_batch,
                          std::function<bool(const EpochLog&)> on_epoch) {
  Trainer<T> trainer(model, optimizer, train, options, std::move(validation));
  trainer.on_batch = std::move(on_batch);
  trainer.on_epoch = std::move(on_epoch);
  while (trainer.run_batches(1 << 20)) {
  }
  return trainer.history();
}

template class Trainer<float>;
template class Trainer<double>;
template std::vector<EpochLog> fit(Model<float>&, optim::Optimizer<float>&, const Dataset<float>&,
                                   const FitOptions&, std::optional<Dataset<float>>,
                                   std::function<bool(const BatchLog&)>, std::function<bool(const EpochLog&)>);
template std::vector<EpochLog> fit(Model<double>&, optim::Optimizer<double>&, const Dataset<double>&,
                                   const FitOptions&, std::optional<Dataset<double>>,
                                   std::function<bool(const BatchLog&)>, std::function<bool(const EpochLog&)>);

}  // namespace basecamp::nn
