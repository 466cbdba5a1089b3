// The network the learner is training in the boundary lesson, as one stateful object: built
// from the chosen features, hidden layers (each with its own activation), initializer, L1/L2,
// dropout and optimizer; trained an epoch at a time; its settings changed between epochs; one
// weight set by hand; and the pictures: every neuron's output over a grid of the plane from ONE
// batched forward pass, and the points as a hidden layer sees them.
//
// The network is src/nn's Model<double> (Dense layers, fused losses, penalties, dropout) and the
// update src/optim's make_optimizer. Output and loss follow the task: 2 classes → Dense 1
// sigmoid + binary cross-entropy; K > 2 classes → Dense K softmax + categorical cross-entropy;
// regression → Dense 1 linear + MSE. One step = one epoch: the training points reshuffled, then
// every batch of batch_size (the last one partial), as TensorFlow Playground's "step" and
// Keras's fit with shuffle. Losses are Keras's evaluate: mean data loss with dropout off, plus
// the L1/L2 penalty.
//
// What changes take effect how: lr and batch size apply from the next step; another optimizer
// or other optimizer hyperparameters make a fresh optimizer (its state starts again, weights
// kept); L1/L2 and dropout rebuild the model around the same weights; features, layers,
// activations, initializer or seed are a new Lab (the page's "reset").
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "boundary/features.hpp"
#include "boundary/points.hpp"
#include "nn/model.hpp"
#include "nn/spec.hpp"
#include "optim/factory.hpp"
#include "random.hpp"

namespace basecamp::boundary {

inline constexpr int kMaxHiddenLayers = 10;
inline constexpr int kMaxUnits = 32;

struct LabSettings {
  std::vector<Feature> features{Feature::x1, Feature::x2};
  std::vector<int> hidden{4, 2};                  // units per hidden layer (0 layers allowed)
  std::vector<nn::Activation> activations{};      // per hidden layer; empty: all `activation`
  nn::Activation activation = nn::Activation::tanh;
  nn::Init initializer = nn::Init::glorot_uniform;
  double l1 = 0.0, l2 = 0.0;                      // Keras kernel_regularizer L1L2(l1, l2)
  double dropout = 0.0;                           // after every hidden layer, [0, 0.9]
  std::string optimizer = "sgd";
  optim::OptimizerSettings optimizer_settings{};  // lr is `lr` below, not in here
  double lr = 0.03;
  int batch_size = 10;                            // 1 … kMaxPoints
  std::uint64_t seed = 1;                         // weights, shuffles, dropout masks
};

// Error naming the first bad field (and what a Model or the optimizer factory would refuse).
void validate_lab_settings(const LabSettings& s);

// The hidden layers' activations, one per layer (the list, or `activation` repeated).
std::vector<nn::Activation> hidden_activations(const LabSettings& s);

// The ModelSpec the settings describe for a task of `classes` (0: regression).
nn::ModelSpec model_spec(const LabSettings& s, int classes);

struct EpochRecord {
  int epoch = 0;
  double train_loss = 0, test_loss = 0;          // test NaN without test points
  double train_accuracy = 0, test_accuracy = 0;  // NaN for regression (and without test points)

  template <class F>
  void fields(F&& f) const {
    f("epoch", epoch), f("trainLoss", train_loss), f("testLoss", test_loss);
    f("trainAccuracy", train_accuracy), f("testAccuracy", test_accuracy);
  }
};

// A square grid over [lo, hi]²: row r from the top (x2 = hi) down, column c from the left
// (x1 = lo); the value at pixel centres.
struct GridSpec {
  int size = 50;  // 2 … 200 per side
  double lo = -6.0, hi = 6.0;
};

// Every neuron's output over a grid, from one forward pass: layers[0] are the input features,
// then each hidden layer, then the output layer (after its sigmoid/softmax). Each layer's
// values are neuron-major: neuron j's picture is values[j·n² … (j+1)·n²).
struct Heatmaps {
  int size = 0;
  double lo = 0, hi = 0;
  std::vector<int> units;                   // per layer
  std::vector<std::vector<double>> layers;  // per layer: units·size² values
};

class Lab {
 public:
  // Error on bad settings or data (validate / validate_lab_settings).
  Lab(const DataSet& data, const LabSettings& settings);
  ~Lab();
  Lab(const Lab&) = delete;
  Lab& operator=(const Lab&) = delete;

  const LabSettings& settings() const { return settings_; }
  const DataSet& data() const { return data_; }
  const nn::ModelSpec& spec() const;
  // Units per layer: the inputs (features), each hidden layer, the outputs.
  std::vector<double> units() const;
  int epoch() const { return epoch_; }
  // Loss and accuracy now and after each epoch so far (history()[0] is epoch 0, before training).
  const std::vector<EpochRecord>& history() const { return history_; }
  const EpochRecord& current() const { return history_.back(); }

  // Trains n ≥ 1 epochs (≤ 10000 per call).
  void step(int epochs);

  // Between steps.
  void set_learning_rate(double lr);
  void set_batch_size(double batch_size);  // a whole number in [1, kMaxPoints]
  void set_optimizer(const std::string& name, const optim::OptimizerSettings& settings);
  void set_regularization(double l1, double l2);
  void set_dropout(double rate);
  // New points with the same task (classes); the network and the epoch count stay; the current
  // record is re-evaluated. Error when the classes differ or the points are bad.
  void set_data(const DataSet& data);

  // Dense layer `layer` (0 = first hidden layer … last = output), weight from input/neuron
  // `from` to neuron `to`; the bias of neuron `to`. Values in [−1000, 1000]. Setting one
  // re-evaluates the current record.
  double weight(int layer, int from, int to) const;
  double bias(int layer, int to) const;
  void set_weight(int layer, int from, int to, double value);
  void set_bias(int layer, int to, double value);
  // Every weight and bias, layer by layer: kernel (row-major, fan_in x units), then bias.
  std::vector<double> parameters() const;

  // Outputs for points (n x outputs after the output activation), via Model::predict.
  Tensor<double> predict(const std::vector<double>& x1, const std::vector<double>& x2);
  // Every neuron's output over the grid in one batched forward pass.
  Heatmaps heatmaps(const GridSpec& grid) const;
  // The training points (or test points when `test`) as hidden layer `layer` (0-based) sees
  // them: n x units of that layer, dropout off.
  Tensor<double> hidden_space(int layer, bool test) const;

 private:
  // Forward pass of x through every Dense layer with plain matrix products (no tape): each
  // layer's output appended to `out` (the input itself first).
  void forward_all(const Tensor<double>& x, std::vector<Tensor<double>>& out) const;
  void rebuild_model();  // after a spec change that keeps the weights
  void evaluate_now();   // replaces the current record's numbers (epoch unchanged)
  EpochRecord evaluate() ;
  void check_dense(int layer, int from, int to) const;

  DataSet data_;
  LabSettings settings_;
  nn::Dataset<double> train_, test_;
  std::unique_ptr<nn::Model<double>> model_;
  std::unique_ptr<optim::Optimizer<double>> optimizer_;
  Rng shuffle_rng_, dropout_rng_;
  std::vector<std::size_t> order_;
  int epoch_ = 0;
  std::vector<EpochRecord> history_;
};

}  // namespace basecamp::boundary
