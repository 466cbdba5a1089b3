// A Sequential network: Dense and Dropout layers from a ModelSpec, its loss (fused with the
// output activation for the cross-entropies), L1/L2 kernel penalties, and one training batch:
// forward on a tape, backward, gradients into each Param's grad. Also predict and evaluate in
// Keras's sense. Not the training loop (trainer.hpp) and not an optimizer (optim/).
//
// Layers, per Dense layer k (kernel W (fan_in x units), bias b (1 x units)):
//   h ← act(h·W + b)        Dropout: h ← dropout(h, rate) in training, h in predict/evaluate.
// Losses (means over the batch, as Keras):
//   mse                       (1/(n·k)) Σ (p − y)²
//   categorical_crossentropy  −(1/n) Σ y·log softmax(z): the output softmax is not applied in
//                             training; softmax_cross_entropy works on the logits z (stable).
//   binary_crossentropy       mean of −y log σ(z) − (1−y) log(1−σ(z)), on the logits z.
// Penalties (Keras kernel_regularizer, on kernels only, never biases):
//   loss += l1·Σ|W| + l2·ΣW²   (gradient l1·sign(W) + 2·l2·W)
// They are part of the loss: the reported loss includes them, and their gradient flows through
// the optimizer's normalisation (Adam, RMSprop divide it by √v like any other gradient). An
// optimizer's weight_decay λ instead adds λ·θ to the gradient of EVERY parameter, biases
// included, inside step() and is never seen in the loss; for plain SGD, weight_decay λ equals
// l2 = λ/2 on all parameters; for Adam it does not (AdamW's decoupled decay differs again).
// Metric: accuracy = argmax match for categorical_crossentropy, per-output (p > 0.5) == (y > 0.5)
// for binary_crossentropy, none (NaN) for mse.
// Speed: inputs and targets are tape constants (no gradient), weights are MOVED onto the tape for
// the pass and back after (no copy), leaf gradients are swapped into Param::grad (no copy), and
// the tape recycles its buffers between batches.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "autodiff.hpp"
#include "nn/dataset.hpp"
#include "nn/spec.hpp"
#include "random.hpp"

namespace basecamp::nn {

struct BatchResult {
  double loss = 0;     // mean data loss over the batch + penalties
  double correct = 0;  // samples counted correct (fractional for multi-output binary); 0 if none
};

struct Evaluation {
  double loss = 0;    // mean data loss over all samples + penalties
  double metric = 0;  // accuracy in [0, 1], NaN when the loss has no metric (mse)
};

// Rows per forward pass in predict/evaluate (bounds activation memory; results do not depend
// on it beyond float rounding).
inline constexpr int kEvalBatch = 512;

template <class T>
class Model {
 public:
  // Validates the spec (Error naming the problem) and draws the initial weights from spec.seed.
  explicit Model(const ModelSpec& spec);
  Model(const Model&) = delete;  // owns a tape
  Model& operator=(const Model&) = delete;

  const ModelSpec& spec() const { return spec_; }
  int dense_count() const { return static_cast<int>(kernels_.size()); }
  // Kernel (fan_in x units) and bias (1 x units) of Dense layer i (0-based, Dropouts not counted).
  Param<T>& kernel(int i);
  Param<T>& bias(int i);
  const Param<T>& kernel(int i) const;
  const Param<T>& bias(int i) const;
  // Every parameter, the order optimizers and save files use: kernel 0, bias 0, kernel 1, ...
  std::vector<Param<T>*> params();
  long long parameter_count() const { return nn::parameter_count(spec_); }
  bool has_metric() const { return spec_.loss != Loss::mse; }

  // Re-draws every kernel from the spec's initializer with Rng(seed); biases to zero.
  void initialize(std::uint64_t seed);

  // One training pass over the listed rows of data (dropout on, masks from dropout_rng):
  // sets every Param::grad to d loss / d param (overwrites; no zero_grad needed) and returns the
  // batch's loss (with penalties) and its correct count. Does not step.
  BatchResult compute_gradients(const Dataset<T>& data, std::span<const std::size_t> rows,
                                Rng& dropout_rng);
  // The same for tensors x (n x inputs) and y (n x outputs).
  BatchResult compute_gradients(const Tensor<T>& x, const Tensor<T>& y, Rng& dropout_rng);

  // Outputs (n x outputs, after the output activation) with dropout off.
  Tensor<T> predict(const Tensor<T>& x);
  Tensor<T> predict(const Dataset<T>& data);  // its x only
  // Loss (with penalties) and metric over all samples, dropout off.
  Evaluation evaluate(const Dataset<T>& data);
  Evaluation evaluate(const Tensor<T>& x, const Tensor<T>& y);
  // l1·Σ|W| + l2·ΣW² over the kernels (0 when both are 0).
  double penalty() const;

 private:
  struct Pass;  // moves the weights onto the tape and back
  ad::Var<T> forward(Pass& pass, ad::Var<T> x, bool training, Rng* rng, bool logits);
  ad::Var<T> data_loss(ad::Var<T> out, ad::Var<T> y);
  double count_correct(const Tensor<T>& out, const Tensor<T>& y) const;
  BatchResult train_on(Tensor<T> x, Tensor<T> y, Rng& dropout_rng);
  void check_x(Eigen::Index cols, const char* who) const;
  template <class Visit>
  void in_batches(const Dataset<T>& data, bool with_targets, Visit&& visit);

  ModelSpec spec_;
  std::vector<Param<T>> kernels_, biases_;
  ad::Tape<T> tape_;
};

}  // namespace basecamp::nn
