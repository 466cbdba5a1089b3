// What a network is, as data: input size, a list of layers (Dense or Dropout), a loss, an
// initializer, L1/L2 kernel penalties and a seed. Validated once (validate_spec) with messages
// that name the bad value and list the valid ones. Also the memory estimate the page checks
// before it allocates. Not the network itself (model.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "optim/factory.hpp"

namespace basecamp::nn {

enum class Activation { linear, relu, sigmoid, tanh, softmax };
enum class Loss { mse, categorical_crossentropy, binary_crossentropy };
enum class Init { random_normal, glorot_uniform, he_normal, zeros };

// Keras's names: "linear", "relu", "sigmoid", "tanh", "softmax"; "mse" (also
// "mean_squared_error"), "categorical_crossentropy", "binary_crossentropy"; "random_normal"
// (σ = 0.01), "glorot_uniform" (U(−l, l), l = √(6/(fan_in + fan_out))), "he_normal"
// (N(0, 2/fan_in), untruncated as PyTorch's kaiming_normal_; Keras truncates at 2σ and rescales),
// "zeros". Biases always start at zero. Draws: kernels in layer order, row-major, Rng(seed).
const std::vector<std::string>& activation_names();
const std::vector<std::string>& loss_names();
const std::vector<std::string>& initializer_names();
Activation parse_activation(const std::string& name);  // Error naming it and listing the valid
Loss parse_loss(const std::string& name);
Init parse_initializer(const std::string& name);
const std::string& name_of(Activation a);
const std::string& name_of(Loss l);
const std::string& name_of(Init i);

struct LayerSpec {
  enum class Kind { dense, dropout };
  Kind kind = Kind::dense;
  int units = 0;                              // dense
  Activation activation = Activation::linear;  // dense
  double rate = 0.0;                          // dropout: fraction of units zeroed in training

  static LayerSpec dense(int units, Activation a = Activation::linear) {
    return {Kind::dense, units, a, 0.0};
  }
  static LayerSpec dropout(double rate) { return {Kind::dropout, 0, Activation::linear, rate}; }
};

struct ModelSpec {
  int inputs = 0;
  std::vector<LayerSpec> layers;
  Loss loss = Loss::mse;
  Init initializer = Init::glorot_uniform;  // kernels; biases always start at zero
  double l1 = 0.0;                          // loss += l1·Σ|W| over every Dense kernel
  double l2 = 0.0;                          // loss += l2·ΣW²  (biases are not penalised)
  std::uint64_t seed = 42;                  // initial weights (and, by default, fit's shuffles)
};

// Limits: what the lab accepts before it allocates anything.
inline constexpr int kMaxInputs = 1 << 20;
inline constexpr int kMaxUnits = 16384;
inline constexpr int kMaxLayers = 64;
inline constexpr long long kMaxParameters = 64LL << 20;  // 256 MB of float weights

// Throws Error("model: ...") on: inputs or units outside [1, max]; no layers or too many; a
// dropout rate outside [0, 1); a last layer that is not Dense; categorical_crossentropy without
// a softmax output, or binary_crossentropy without a sigmoid output (the loss is fused with that
// activation); l1/l2 negative or not finite; more than kMaxParameters parameters.
void validate_spec(const ModelSpec& spec);

// Number of outputs (units of the last Dense layer).
int output_size(const ModelSpec& spec);
// Trainable numbers: Σ (fan_in·units + units) over Dense layers.
long long parameter_count(const ModelSpec& spec);
// "784 → dense 512 relu → dropout 0.2 → dense 10 softmax; categorical_crossentropy".
std::string describe(const ModelSpec& spec);

// Approximate memory of training (float32 unless bytes_per_number says otherwise):
//   weights + grads + optimizer state (optimizer_slots tensors per parameter) + per-step
//   optimizer temporaries + activations of one batch (values, gradients and dropout masks).
// The data set itself is not included: the caller knows its size.
struct MemoryEstimate {
  long long parameters = 0;
  double weight_bytes = 0, grad_bytes = 0, optimizer_bytes = 0, activation_bytes = 0;
  double total_bytes = 0;
};
// Tensors of state per parameter that make_optimizer(name, settings) will keep (sgd 0, or 1 with
// momentum; adagrad 1; rmsprop 1 + momentum + centered; adadelta 2; adam/adamw 2, 3 with amsgrad).
// Error with the optimizer factory's message for an unknown name or a setting it refuses.
int optimizer_state_slots(const std::string& name, const optim::OptimizerSettings& settings);
MemoryEstimate estimate_memory(const ModelSpec& spec, int batch_size, int optimizer_slots,
                               int bytes_per_number = 4);

}  // namespace basecamp::nn
