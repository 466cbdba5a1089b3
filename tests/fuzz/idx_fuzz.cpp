// libFuzzer target for the IDX reader: any byte string must either parse or raise
// basecamp::Error. Any other exception, a crash, or a sanitizer report is a finding.
// Built and run by scripts/fuzz.mjs (clang++ -fsanitize=fuzzer,address,undefined).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

#include "data/idx.hpp"
#include "error.hpp"

using namespace basecamp::data;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::span<const std::uint8_t> input(bytes, size);
  // 1. The whole input as one IDX file, then MNIST's checks on it.
  try {
    const Idx idx = parse_idx(input, "fuzz");
    try {
      validate_mnist_labels(idx, "fuzz");
    } catch (const basecamp::Error&) {
    }
    validate_mnist_images(idx, "fuzz");
  } catch (const basecamp::Error&) {
  }
  // 2. The input as an images + labels pair: 2 big-endian bytes give the images part's length,
  // the rest is the labels part. A valid pair then goes through the tensor conversions.
  if (size >= 2) {
    const std::size_t images_len = std::min<std::size_t>((std::size_t{bytes[0]} << 8) | bytes[1],
                                                         size - 2);
    try {
      const MnistSet set =
          parse_mnist(input.subspan(2, images_len), input.subspan(2 + images_len));
      const std::size_t n = std::min<std::size_t>(set.count, 3);
      const basecamp::Tensor<float> x = mnist_pixels(set, 0, n);
      const basecamp::Tensor<float> y = mnist_one_hot(set, 0, n);
      if (x.rows() != y.rows() || (n > 0 && y.row(0).sum() != 1.0f)) __builtin_trap();
    } catch (const basecamp::Error&) {
    }
  }
  return 0;
}
