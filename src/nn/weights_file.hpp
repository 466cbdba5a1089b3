// Saving and loading a model's weights: a small binary format, all numbers little-endian.
// Version 2 (written since Conv2D; version 1 files still load):
//   offset  size  field
//   0       4     magic "BCNN"
//   4       4     u32 version (2)
//   8       4     u32 inputs
//   12      12    u32 height, u32 width, u32 channels of an image input (0, 0, 0: flat)
//   24      4     u32 layer count L
//   28      16·L  per layer: u8 kind (0 dense, 1 dropout, 2 conv2d, 3 maxpool2d, 4 flatten),
//                 u8 activation (index in activation_names(); 0 when none), u8 stride (conv2d,
//                 maxpool2d; else 0), u8 padding (index in padding_names(); conv2d, else 0),
//                 u32 units (dense units, conv2d filters, maxpool2d pool; else 0),
//                 u32 kernel_h, u32 kernel_w (conv2d; else 0) — dropout rates are not stored
//   ..      1     u8 loss (index in loss_names())
//   ..      4     u32 tensor count P (2 per Dense or Conv2D layer: kernel, bias)
//   ..            P × { u32 rows, u32 cols, rows·cols f32 row-major }
//   end−4   4     u32 FNV-1a hash of every byte before it
// Version 1 (Dense and Dropout only): no image field, and 6 bytes per layer: u8 kind (0 dense,
// 1 dropout), u8 activation, u32 units; the rest as version 2.
// load_weights checks everything before it touches the model: magic, version, truncation,
// trailing bytes, the hash, the architecture against the model's (inputs, image, layers and
// their settings, loss; not the initializer, seed, penalties or dropout rates, which do not
// change what the weights mean), the shapes, and that every weight is finite.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "nn/model.hpp"

namespace basecamp::nn {

inline constexpr std::uint32_t kWeightsVersion = 2;
inline constexpr std::uint32_t kOldestWeightsVersion = 1;  // still read

template <class T>
std::vector<std::uint8_t> save_weights(const Model<T>& model);

// Error("load: ...") naming the problem; the model is unchanged on error.
template <class T>
void load_weights(Model<T>& model, std::span<const std::uint8_t> bytes);

}  // namespace basecamp::nn
