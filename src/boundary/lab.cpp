#include "boundary/lab.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "boundary/error_info.hpp"
#include "error.hpp"

namespace basecamp::boundary {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::unique_ptr<optim::Optimizer<double>> make(const LabSettings& s) {
  optim::OptimizerSettings o = s.optimizer_settings;
  o.lr = s.lr;
  return optim::make_optimizer<double>(s.optimizer, o);
}

// The targets the loss wants: a 0/1 column (2 classes), one-hot rows (K classes), the value.
Tensor<double> targets(const Points& p, int classes) {
  const Eigen::Index n = static_cast<Eigen::Index>(p.size());
  if (classes <= 2) {
    Tensor<double> y(n, 1);
    for (Eigen::Index i = 0; i < n; ++i) y(i, 0) = p.label[static_cast<std::size_t>(i)];
    return y;
  }
  Tensor<double> y = Tensor<double>::Zero(n, classes);
  for (Eigen::Index i = 0; i < n; ++i) y(i, static_cast<Eigen::Index>(p.label[static_cast<std::size_t>(i)])) = 1.0;
  return y;
}

nn::Dataset<double> to_dataset(const Points& p, int classes, const std::vector<Feature>& features) {
  if (p.size() == 0) return {};
  return nn::Dataset<double>::from_tensors(feature_matrix(p.x1, p.x2, features), targets(p, classes));
}

void apply(nn::Activation a, Tensor<double>& h) {
  switch (a) {
    case nn::Activation::linear: break;
    case nn::Activation::relu: h = h.cwiseMax(0.0); break;
    case nn::Activation::tanh: h = h.array().tanh().matrix(); break;
    case nn::Activation::sigmoid: h = (1.0 / (1.0 + (-h.array()).exp())).matrix(); break;
    case nn::Activation::softmax:
      for (Eigen::Index i = 0; i < h.rows(); ++i) {  // row-wise, shifted by the row's max
        auto row = h.row(i);
        row = (row.array() - row.maxCoeff()).exp().matrix();
        row /= row.sum();
      }
      break;
  }
}

}  // namespace

std::vector<nn::Activation> hidden_activations(const LabSettings& s) {
  if (!s.activations.empty()) return s.activations;
  return std::vector<nn::Activation>(s.hidden.size(), s.activation);
}

void validate_lab_settings(const LabSettings& s) {
  normalize_features(s.features);
  require_in_range(static_cast<double>(s.hidden.size()), Range{0, kMaxHiddenLayers}, "network", "hidden_layers");
  for (int units : s.hidden) require_in_range(units, Range{1, kMaxUnits}, "network", "units");
  require(s.activations.empty() || s.activations.size() == s.hidden.size(), "network",
          "one activation per hidden layer", [] { return error_info(code::shape_mismatch, "activations"); });
  for (nn::Activation a : hidden_activations(s))
    require(a != nn::Activation::softmax, "network", "softmax is only for the output layer", [] {
      ErrorInfo e = error_info(code::invalid, "activation");
      e.text = "softmax";
      return e;
    });
  require_in_range(s.l1, Range{0, 10}, "network", "l1");
  require_in_range(s.l2, Range{0, 10}, "network", "l2");
  require_in_range(s.dropout, Range{0, 0.9}, "network", "dropout");
  require_in_range(s.lr, Range{0, 10, true, false}, "optimizer", "lr");
  require_in_range(s.batch_size, Range{1, static_cast<double>(kMaxPoints)}, "training", "batch_size");
  make(s);  // the factory's checks of the optimizer and its hyperparameters
}

nn::ModelSpec model_spec(const LabSettings& s, int classes) {
  nn::ModelSpec spec;
  spec.inputs = static_cast<int>(normalize_features(s.features).size());
  const std::vector<nn::Activation> acts = hidden_activations(s);
  for (std::size_t i = 0; i < s.hidden.size(); ++i) {
    spec.layers.push_back(nn::LayerSpec::dense(s.hidden[i], acts[i]));
    if (s.dropout > 0) spec.layers.push_back(nn::LayerSpec::dropout(s.dropout));
  }
  if (classes == 0) {
    spec.layers.push_back(nn::LayerSpec::dense(1, nn::Activation::linear));
    spec.loss = nn::Loss::mse;
  } else if (classes == 2) {
    spec.layers.push_back(nn::LayerSpec::dense(1, nn::Activation::sigmoid));
    spec.loss = nn::Loss::binary_crossentropy;
  } else {
    spec.layers.push_back(nn::LayerSpec::dense(classes, nn::Activation::softmax));
    spec.loss = nn::Loss::categorical_crossentropy;
  }
  spec.initializer = s.initializer;
  spec.l1 = s.l1;
  spec.l2 = s.l2;
  spec.seed = s.seed;
  return spec;
}

Lab::Lab(const DataSet& data, const LabSettings& settings)
    : settings_(settings), shuffle_rng_(settings.seed ^ 0x5f0ff1e5ULL), dropout_rng_(settings.seed ^ 0xd40b0a7ULL) {
  validate_lab_settings(settings_);
  settings_.features = normalize_features(settings_.features);
  validate(data);
  data_ = data;
  train_ = to_dataset(data_.train, data_.classes, settings_.features);
  test_ = to_dataset(data_.test, data_.classes, settings_.features);
  model_ = std::make_unique<nn::Model<double>>(model_spec(settings_, data_.classes));
  optimizer_ = make(settings_);
  history_.push_back(evaluate());
}

Lab::~Lab() = default;

const nn::ModelSpec& Lab::spec() const { return model_->spec(); }

EpochRecord Lab::evaluate() {
  EpochRecord r;
  r.epoch = epoch_;
  const nn::Evaluation train = model_->evaluate(train_);
  r.train_loss = train.loss;
  r.train_accuracy = train.metric;
  r.test_loss = r.test_accuracy = kNaN;
  if (test_.size() > 0) {
    const nn::Evaluation test = model_->evaluate(test_);
    r.test_loss = test.loss;
    r.test_accuracy = test.metric;
  }
  return r;
}

void Lab::evaluate_now() { history_.back() = evaluate(); }

void Lab::step(int epochs) {
  require_in_range(epochs, Range{1, 10000}, "training", "epochs");
  const std::size_t n = train_.size();
  const std::size_t b = static_cast<std::size_t>(settings_.batch_size);
  order_.resize(n);
  for (int e = 0; e < epochs; ++e) {
    std::iota(order_.begin(), order_.end(), std::size_t{0});
    for (std::size_t i = n; i > 1; --i) std::swap(order_[i - 1], order_[shuffle_rng_.below(i)]);
    for (std::size_t first = 0; first < n; first += b) {
      const std::span<const std::size_t> rows(order_.data() + first, std::min(b, n - first));
      model_->compute_gradients(train_, rows, dropout_rng_);
      optimizer_->step(model_->params());
    }
    ++epoch_;
    history_.push_back(evaluate());
  }
}

void Lab::set_learning_rate(double lr) {
  require_in_range(lr, Range{0, 10, true, false}, "optimizer", "lr");
  settings_.lr = lr;
  optimizer_->lr = optimizer_->initial_lr = lr;
}

std::vector<double> Lab::units() const {
  std::vector<double> units{static_cast<double>(spec().inputs)};
  for (const auto& l : spec().layers)
    if (l.kind == nn::LayerSpec::Kind::dense) units.push_back(l.units);
  return units;
}

void Lab::set_batch_size(double batch_size) {
  require_in_range(batch_size, Range{1, static_cast<double>(kMaxPoints)}, "training", "batch_size");
  settings_.batch_size = static_cast<int>(batch_size);
}

void Lab::set_optimizer(const std::string& name, const optim::OptimizerSettings& settings) {
  LabSettings next = settings_;
  next.optimizer = name;
  next.optimizer_settings = settings;
  next.optimizer_settings.lr.reset();
  optimizer_ = make(next);  // throws before anything changes
  settings_ = next;
}

void Lab::set_regularization(double l1, double l2) {
  require_in_range(l1, Range{0, 10}, "network", "l1");
  require_in_range(l2, Range{0, 10}, "network", "l2");
  settings_.l1 = l1;
  settings_.l2 = l2;
  rebuild_model();
}

void Lab::set_dropout(double rate) {
  require_in_range(rate, Range{0, 0.9}, "network", "dropout");
  settings_.dropout = rate;
  rebuild_model();
}

void Lab::rebuild_model() {
  auto next = std::make_unique<nn::Model<double>>(model_spec(settings_, data_.classes));
  for (int i = 0; i < model_->dense_count(); ++i) {
    next->kernel(i).value = model_->kernel(i).value;
    next->bias(i).value = model_->bias(i).value;
  }
  model_ = std::move(next);
  evaluate_now();
}

void Lab::set_data(const DataSet& data) {
  validate(data);
  require(data.classes == data_.classes, "data", "the new points have another number of classes", [&] {
    ErrorInfo e = error_info(code::shape_mismatch, "classes");
    e.value = data.classes;
    e.min = e.max = data_.classes;
    return e;
  });
  data_ = data;
  train_ = to_dataset(data_.train, data_.classes, settings_.features);
  test_ = to_dataset(data_.test, data_.classes, settings_.features);
  evaluate_now();
}

void Lab::check_dense(int layer, int from, int to) const {
  require_in_range(layer, Range{0, static_cast<double>(model_->dense_count() - 1)}, "weights", "layer");
  const Tensor<double>& w = model_->kernel(layer).value;
  require_in_range(from, Range{0, static_cast<double>(w.rows() - 1)}, "weights", "from");
  require_in_range(to, Range{0, static_cast<double>(w.cols() - 1)}, "weights", "to");
}

double Lab::weight(int layer, int from, int to) const {
  check_dense(layer, from, to);
  return model_->kernel(layer).value(from, to);
}

double Lab::bias(int layer, int to) const {
  check_dense(layer, 0, to);
  return model_->bias(layer).value(0, to);
}

void Lab::set_weight(int layer, int from, int to, double value) {
  check_dense(layer, from, to);
  require_in_range(value, Range{-1000, 1000}, "weights", "weight");
  model_->kernel(layer).value(from, to) = value;
  evaluate_now();
}

void Lab::set_bias(int layer, int to, double value) {
  check_dense(layer, 0, to);
  require_in_range(value, Range{-1000, 1000}, "weights", "bias");
  model_->bias(layer).value(0, to) = value;
  evaluate_now();
}

std::vector<double> Lab::parameters() const {
  std::vector<double> out;
  for (int i = 0; i < model_->dense_count(); ++i) {
    const Tensor<double>& w = model_->kernel(i).value;
    const Tensor<double>& b = model_->bias(i).value;
    out.insert(out.end(), w.data(), w.data() + w.size());
    out.insert(out.end(), b.data(), b.data() + b.size());
  }
  return out;
}

Tensor<double> Lab::predict(const std::vector<double>& x1, const std::vector<double>& x2) {
  return model_->predict(feature_matrix(x1, x2, settings_.features));
}

void Lab::forward_all(const Tensor<double>& x, std::vector<Tensor<double>>& out) const {
  out.clear();
  out.push_back(x);
  int k = 0;
  for (const nn::LayerSpec& l : model_->spec().layers) {
    if (l.kind != nn::LayerSpec::Kind::dense) continue;  // dropout is off outside training
    Tensor<double> h = out.back() * model_->kernel(k).value;
    h.rowwise() += model_->bias(k).value.row(0);
    apply(l.activation, h);
    out.push_back(std::move(h));
    ++k;
  }
}

Heatmaps Lab::heatmaps(const GridSpec& grid) const {
  require_in_range(grid.size, Range{2, 200}, "heatmap", "size");
  require_in_range(grid.lo, Range{-1e6, 1e6}, "heatmap", "lo");
  require_in_range(grid.hi, Range{grid.lo, 1e6, true, false}, "heatmap", "hi");
  const int n = grid.size;
  const double cell = (grid.hi - grid.lo) / n;
  std::vector<double> x1(static_cast<std::size_t>(n) * n), x2(x1.size());
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      x1[static_cast<std::size_t>(r) * n + c] = grid.lo + (c + 0.5) * cell;
      x2[static_cast<std::size_t>(r) * n + c] = grid.hi - (r + 0.5) * cell;
    }
  std::vector<Tensor<double>> layers;
  forward_all(feature_matrix(x1, x2, settings_.features), layers);
  Heatmaps out;
  out.size = n;
  out.lo = grid.lo;
  out.hi = grid.hi;
  for (const Tensor<double>& h : layers) {
    out.units.push_back(static_cast<int>(h.cols()));
    // Neuron-major: the row-major (points x units) matrix transposed.
    std::vector<double> values(static_cast<std::size_t>(h.size()));
    Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(values.data(), h.cols(), h.rows()) = h.transpose();
    out.layers.push_back(std::move(values));
  }
  return out;
}

Tensor<double> Lab::hidden_space(int layer, bool test) const {
  require_in_range(layer, Range{0, static_cast<double>(settings_.hidden.size()) - 1}, "hidden_space", "layer");
  const Points& p = test ? data_.test : data_.train;
  std::vector<Tensor<double>> layers;
  forward_all(feature_matrix(p.x1, p.x2, settings_.features), layers);
  return layers[static_cast<std::size_t>(layer) + 1];
}

}  // namespace basecamp::boundary
