// Saving and loading a model's weights: a small binary format, all numbers little-endian.
//   offset  size  field
//   0       4     magic "BCNN"
//   4       4     u32 version (1)
//   8       4     u32 inputs
//   12      4     u32 layer count L
//   16      6·L   per layer: u8 kind (0 dense, 1 dropout), u8 activation (index in
//                 activation_names()), u32 units (0 for dropout)  — dropout rates are not stored
//   ..      1     u8 loss (index in loss_names())
//   ..      4     u32 tensor count P (2 per Dense layer: kernel, bias)
//   ..            P × { u32 rows, u32 cols, rows·cols f32 row-major }
//   end−4   4     u32 FNV-1a hash of every byte before it
// load_weights checks everything before it touches the model: magic, version, truncation,
// trailing bytes, the hash, the architecture against the model's (inputs, layers, units,
// activations, loss; not the initializer, seed, penalties or dropout rates, which do not
// change what the weights mean), the shapes, and that every weight is finite.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "nn/model.hpp"

namespace basecamp::nn {

inline constexpr std::uint32_t kWeightsVersion = 1;

template <class T>
std::vector<std::uint8_t> save_weights(const Model<T>& model);

// Error("load: ...") naming the problem; the model is unchanged on error.
template <class T>
void load_weights(Model<T>& model, std::span<const std::uint8_t> bytes);

}  // namespace basecamp::nn
