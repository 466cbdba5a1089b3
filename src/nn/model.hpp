// A Sequential network: Dense, Dropout, Conv2D, MaxPooling2D and Flatten layers from a ModelSpec
// (image batches are n × h·w·c rows, channels-last: autodiff/image_geometry.hpp), its loss (fused with the
// output activation for the cross-entropies), L1/L2 kernel penalties, and one training batch:
// forward on a tape, backward, gradients into each Param's grad. Also predict and evaluate in
// Keras's sense. Not the training loop (trainer.hpp) and not an optimizer (optim/).
//
// Layers, per Dense layer k (kernel W (fan_in x units), bias b (1 x units)):
//   h ← act(h·W + b)        Dropout: h ← dropout(h, rate) in training, h in predict/evaluate.
// per Conv2D layer (kernel K (kh·kw·c x filters), bias b (1 x filters)):
//   h ← act(im2col(h)·K + b)   MaxPooling2D: h ← maxpool2d(h)   Flatten: h (already flat rows).
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
#include <functional>
#include <span>
#include <vector>

#include "autodiff.hpp"
#include "nn/dataset.hpp"
#include "nn/spec.hpp"
#include "random.hpp"
#include "value.hpp"

namespace basecamp::nn {

struct BatchResult {
  double loss = 0;     // mean data loss over the batch + penalties
  double correct = 0;  // samples counted correct (fractional for multi-output binary); 0 if none
};

struct Evaluation {
  double loss = 0;    // mean data loss over all samples + penalties
  double metric = 0;  // accuracy in [0, 1], NaN when the loss has no metric (mse)

  template <class F>
  void fields(F&& f) const {
    f("loss", loss), f("accuracy", unless_nan(metric));
  }
};

// Rows per forward pass in predict/evaluate: kEvalBatch, fewer when a row leaves more than
// kEvalNumbers / kEvalBatch numbers on the tape (a convnet's im2col patches), so one pass holds
// at most about kEvalNumbers numbers (bounds activation memory; results do not depend on it
// beyond float rounding).
inline constexpr int kEvalBatch = 512;
inline constexpr double kEvalNumbers = 1 << 23;  // 32 MB of floats

template <class T>
class Model {
 public:
  // Validates the spec (Error naming the problem) and draws the initial weights from spec.seed.
  explicit Model(const ModelSpec& spec);
  Model(const Model&) = delete;  // owns a tape
  Model& operator=(const Model&) = delete;

  const ModelSpec& spec() const { return spec_; }
  // Layers with weights: Dense and Conv2D (the name predates Conv2D).
  int dense_count() const { return static_cast<int>(kernels_.size()); }
  // Kernel (fan_in x units) and bias (1 x units) of weighted layer i (0-based, in layer order;
  // Dropout, MaxPooling2D and Flatten not counted). A Conv2D's kernel is (kh·kw·c x filters).
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
  // What every layer gives for the rows of x (n x inputs), dropout off: outputs[i] is layer i's
  // output (n x layer_shapes(spec)[i + 1].size, after its activation; channels-last for
  // images), for a look inside the network (a Conv2D's feature maps).
  std::vector<Tensor<T>> layer_outputs(const Tensor<T>& x);

 private:
  struct Pass;  // moves the weights onto the tape and back
  // on_layer(i, h): called with each layer's output, in order (layer_outputs records them).
  ad::Var<T> forward(Pass& pass, ad::Var<T> x, bool training, Rng* rng, bool logits,
                     const std::function<void(std::size_t, const ad::Var<T>&)>& on_layer = {});
  ad::Var<T> data_loss(ad::Var<T> out, ad::Var<T> y);
  double count_correct(const Tensor<T>& out, const Tensor<T>& y) const;
  BatchResult train_on(Tensor<T> x, Tensor<T> y, Rng& dropout_rng);
  void check_x(Eigen::Index cols, const char* who) const;
  template <class Visit>
  void in_batches(const Dataset<T>& data, bool with_targets, Visit&& visit);

  ModelSpec spec_;
  int eval_rows() const;

  std::vector<Param<T>> kernels_, biases_;
  std::vector<double> fan_out_;  // per kernel: Keras's fan_out (units; kh·kw·filters for Conv2D)
  // Per layer (index in spec_.layers): the geometry of a Conv2D or MaxPooling2D, else unused.
  std::vector<ad::Conv2DGeometry> conv_;
  std::vector<ad::Pool2DGeometry> pool_;
  ad::Tape<T> tape_;
};

}  // namespace basecamp::nn
