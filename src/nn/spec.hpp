// What a network is, as data: input size (and, for image models, its height × width ×
// channels), a list of layers (Dense, Dropout, Conv2D, MaxPooling2D, Flatten), a loss, an
// initializer, L1/L2 kernel penalties and a seed. Validated once (validate_spec) with messages
// that name the bad value and list the valid ones. Also the memory estimate the page checks
// before it allocates. Not the network itself (model.hpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "autodiff/image_geometry.hpp"
#include "optim/factory.hpp"

namespace basecamp::nn {

enum class Activation { linear, relu, sigmoid, tanh, softmax };
enum class Loss { mse, categorical_crossentropy, binary_crossentropy };
enum class Init { random_normal, glorot_uniform, he_normal, zeros };
using ad::ImageShape;
using ad::Padding;

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
// "valid", "same" (Keras's padding names).
const std::vector<std::string>& padding_names();
Padding parse_padding(const std::string& name);
const std::string& name_of(Padding p);

// One layer. Which fields count depends on the kind:
//   dense      units, activation
//   dropout    rate
//   conv2d     filters, kernel_h × kernel_w, stride (1 or 2), padding, activation; its kernel
//              is (kernel_h·kernel_w·channels × filters), Keras's (kh, kw, c, filters) row-major
//   maxpool2d  pool (pool × pool windows), stride (0: = pool, Keras's default); valid padding
//   flatten    nothing: the image rows are already flat (channels-last), so it only marks
//              where the image ends — a Dense layer after Conv2D/MaxPooling2D needs one.
struct LayerSpec {
  enum class Kind { dense, dropout, conv2d, maxpool2d, flatten };
  Kind kind = Kind::dense;
  int units = 0;                              // dense
  Activation activation = Activation::linear;  // dense, conv2d
  double rate = 0.0;                          // dropout: fraction of units zeroed in training
  int filters = 0;                            // conv2d
  int kernel_h = 0, kernel_w = 0;             // conv2d
  int stride = 1;                             // conv2d; maxpool2d (0 = pool)
  Padding padding = Padding::valid;           // conv2d
  int pool = 0;                               // maxpool2d

  static LayerSpec dense(int units, Activation a = Activation::linear) {
    return {Kind::dense, units, a, 0.0};
  }
  static LayerSpec dropout(double rate) { return {Kind::dropout, 0, Activation::linear, rate}; }
  static LayerSpec conv2d(int filters, int kernel_h, int kernel_w, Activation a = Activation::linear,
                          int stride = 1, Padding padding = Padding::valid) {
    LayerSpec l{Kind::conv2d, 0, a, 0.0};
    l.filters = filters, l.kernel_h = kernel_h, l.kernel_w = kernel_w, l.stride = stride;
    l.padding = padding;
    return l;
  }
  static LayerSpec maxpool2d(int pool, int stride = 0) {
    LayerSpec l{Kind::maxpool2d, 0, Activation::linear, 0.0};
    l.pool = pool, l.stride = stride;
    return l;
  }
  static LayerSpec flatten() { return {Kind::flatten, 0, Activation::linear, 0.0}; }
  bool has_weights() const { return kind == Kind::dense || kind == Kind::conv2d; }
};

struct ModelSpec {
  int inputs = 0;
  ImageShape image;  // height × width × channels for image models (inputs = their product); 0s: flat
  std::vector<LayerSpec> layers;
  Loss loss = Loss::mse;
  Init initializer = Init::glorot_uniform;  // kernels; biases always start at zero
  double l1 = 0.0;                          // loss += l1·Σ|W| over every kernel (Dense, Conv2D)
  double l2 = 0.0;                          // loss += l2·ΣW²  (biases are not penalised)
  std::uint64_t seed = 42;                  // initial weights (and, by default, fit's shuffles)

  bool image_input() const { return image.height > 0; }
};

// Limits: what the lab accepts before it allocates anything.
inline constexpr int kMaxInputs = 1 << 20;
inline constexpr int kMaxUnits = 16384;
inline constexpr int kMaxLayers = 64;
inline constexpr long long kMaxParameters = 64LL << 20;  // 256 MB of float weights
inline constexpr long long kMaxLayerOutputs = 1LL << 22;  // numbers out of one layer, per sample

// Throws Error("model: ...") on: inputs or units outside [1, max]; an image whose size is not
// `inputs`; no layers or too many; a dropout rate outside [0, 1); a Conv2D or MaxPooling2D whose
// settings do not fit its input (ad::conv2d_geometry's checks: kernel larger than the image,
// stride not 1 or 2, no filters…); a Conv2D/MaxPooling2D on a flat input (needs_image_input); a
// Dense on an image without a Flatten (dense_needs_flatten); a last layer that is not Dense;
// categorical_crossentropy without a softmax output, or binary_crossentropy without a sigmoid
// output (the loss is fused with that activation); l1/l2 negative or not finite; more than
// kMaxParameters parameters or kMaxLayerOutputs numbers out of a layer.
void validate_spec(const ModelSpec& spec);

// What flows between layers: an image, or a flat row of `size` numbers.
struct LayerShape {
  bool is_image = false;
  ImageShape image;  // when is_image
  long long size = 0;
};
// shapes[0] is the input, shapes[i + 1] the output of layer i. Throws as validate_spec for a
// layer that does not fit its input (validate_spec calls it).
std::vector<LayerShape> layer_shapes(const ModelSpec& spec);
// The geometry of layer i, a Conv2D or MaxPooling2D whose input image is `in`.
ad::Conv2DGeometry conv_geometry(const LayerSpec& l, const ImageShape& in, const std::string& who = "conv2d");
ad::Pool2DGeometry pool_geometry(const LayerSpec& l, const ImageShape& in, const std::string& who = "maxpool2d");

// Number of outputs (units of the last Dense layer).
int output_size(const ModelSpec& spec);
// Trainable numbers: Σ (fan_in·units + units) over Dense layers, Σ (kh·kw·c·filters + filters)
// over Conv2D layers.
long long parameter_count(const ModelSpec& spec);
// "784 → dense 512 relu → dropout 0.2 → dense 10 softmax; categorical_crossentropy";
// "28x28x1 → conv2d 32 3x3 relu → maxpool2d 2 → flatten → dense 10 softmax; …" (stride and
// padding shown when not 1 and valid).
std::string describe(const ModelSpec& spec);

// Approximate memory of training (float32 unless bytes_per_number says otherwise):
//   weights + grads + optimizer state (optimizer_slots tensors per parameter) + per-step
//   optimizer temporaries + activations of one batch (values, gradients and dropout masks).
// The data set itself is not included: the caller knows its size.
struct MemoryEstimate {
  long long parameters = 0;
  double weight_bytes = 0, grad_bytes = 0, optimizer_bytes = 0, activation_bytes = 0;
  double total_bytes = 0;

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("parameters", parameters), f("weightBytes", weight_bytes), f("gradBytes", grad_bytes);
    f("optimizerBytes", optimizer_bytes), f("activationBytes", activation_bytes), f("totalBytes", total_bytes);
  }
};
// Tensors of state per parameter that make_optimizer(name, settings) will keep (sgd 0, or 1 with
// momentum; adagrad 1; rmsprop 1 + momentum + centered; adadelta 2; adam/adamw 2, 3 with amsgrad).
// Error with the optimizer factory's message for an unknown name or a setting it refuses.
int optimizer_state_slots(const std::string& name, const optim::OptimizerSettings& settings);
// Numbers one sample leaves on the tape in a forward pass without gradients (predict, evaluate):
// the input, each layer's outputs, and a Conv2D's im2col patches. Sizes evaluation batches.
double forward_numbers_per_sample(const ModelSpec& spec);
MemoryEstimate estimate_memory(const ModelSpec& spec, int batch_size, int optimizer_slots,
                               int bytes_per_number = 4);

}  // namespace basecamp::nn
