// Image shapes for the convolution and pooling ops. An image batch is an ordinary tensor of
// n rows × (height·width·channels) columns, each row one image in channels-last order (Keras's
// (batch, height, width, channels), row-major): pixel (y, x) channel c is column (y·width + x)·
// channels + c. Flatten is therefore free: the row already IS the flat vector Dense reads.
// The geometry structs say how an op maps input pixels to output pixels; the *_geometry()
// functions check the settings (coded errors) and work out the output size and padding.
#pragma once

#include <algorithm>
#include <string>

#include "../error.hpp"

namespace basecamp::ad {

enum class Padding { valid, same };

struct ImageShape {
  int height = 0, width = 0, channels = 0;
  long long size() const { return static_cast<long long>(height) * width * channels; }
  bool operator==(const ImageShape&) const = default;
};

// Limits the ops accept (the model spec adds its own memory limit on top).
inline constexpr int kMaxImageSide = 4096;
inline constexpr int kMaxChannels = 4096;
inline constexpr int kMaxStride = 2;

// Conv2D over an image: `filters` kernels of kernel_h × kernel_w × in.channels.
// Output side, as TensorFlow: valid ⌊(in − k)/s⌋ + 1; same ⌈in/s⌉, padded with zeros,
// pad_total = max((out − 1)·s + k − in, 0), pad_top = ⌊pad_total/2⌋ (the extra row at the bottom).
struct Conv2DGeometry {
  ImageShape in;
  int kernel_h = 0, kernel_w = 0, filters = 0, stride = 1;
  Padding padding = Padding::valid;
  int out_h = 0, out_w = 0, pad_top = 0, pad_left = 0;  // derived

  ImageShape out() const { return {out_h, out_w, filters}; }
  // Numbers in one im2col row (one receptive field): the kernel's rows.
  int patch() const { return kernel_h * kernel_w * in.channels; }
};

// MaxPooling2D: pool × pool windows moved by stride, valid padding (Keras's default):
// out = ⌊(in − pool)/stride⌋ + 1 per side; channels unchanged.
struct Pool2DGeometry {
  ImageShape in;
  int pool = 2, stride = 2;
  int out_h = 0, out_w = 0;  // derived

  ImageShape out() const { return {out_h, out_w, in.channels}; }
};

namespace detail {

inline void check_image(const ImageShape& in, const std::string& who) {
  require_in_range(in.height, limits::count(1, kMaxImageSide), who, "height");
  require_in_range(in.width, limits::count(1, kMaxImageSide), who, "width");
  require_in_range(in.channels, limits::count(1, kMaxChannels), who, "channels");
}

inline int same_padding_before(int in, int out, int k, int stride) {
  return std::max((out - 1) * stride + k - in, 0) / 2;
}

}  // namespace detail

// Error (out_of_range, field named) for: an image side or channel count outside its limits; no
// filters; a stride other than 1 or 2; a kernel side larger than the input's (for either padding:
// a kernel that mostly covers zeros is a mistake, not a model).
inline Conv2DGeometry conv2d_geometry(ImageShape in, int kernel_h, int kernel_w, int filters,
                                      int stride, Padding padding, const std::string& who = "conv2d") {
  detail::check_image(in, who);
  require_in_range(filters, limits::count(1, kMaxChannels), who, "filters");
  require_in_range(stride, limits::count(1, kMaxStride), who, "stride");
  require_in_range(kernel_h, limits::count(1, in.height), who, "kernel_h");
  require_in_range(kernel_w, limits::count(1, in.width), who, "kernel_w");
  Conv2DGeometry g;
  g.in = in;
  g.kernel_h = kernel_h, g.kernel_w = kernel_w, g.filters = filters, g.stride = stride;
  g.padding = padding;
  if (padding == Padding::valid) {
    g.out_h = (in.height - kernel_h) / stride + 1;
    g.out_w = (in.width - kernel_w) / stride + 1;
  } else {
    g.out_h = (in.height + stride - 1) / stride;
    g.out_w = (in.width + stride - 1) / stride;
    g.pad_top = detail::same_padding_before(in.height, g.out_h, kernel_h, stride);
    g.pad_left = detail::same_padding_before(in.width, g.out_w, kernel_w, stride);
  }
  return g;
}

// Error (out_of_range) for a bad image, a pool side outside [1, min(height, width)], or a stride
// outside [1, pool] (stride 0 means "= pool", Keras's default).
inline Pool2DGeometry maxpool2d_geometry(ImageShape in, int pool, int stride = 0,
                                         const std::string& who = "maxpool2d") {
  detail::check_image(in, who);
  require_in_range(pool, limits::count(1, std::min(in.height, in.width)), who, "pool");
  if (stride == 0) stride = pool;
  require_in_range(stride, limits::count(1, pool), who, "stride");
  Pool2DGeometry g;
  g.in = in;
  g.pool = pool, g.stride = stride;
  g.out_h = (in.height - pool) / stride + 1;
  g.out_w = (in.width - pool) / stride + 1;
  return g;
}

}  // namespace basecamp::ad
