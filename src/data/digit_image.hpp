// A hand-drawn digit turned into an MNIST-style 28 x 28 image, the way the MNIST set itself was
// made (LeCun et al.): the ink's bounding box is scaled to fit a 20 x 20 box keeping its aspect
// ratio (area averaging, so thin strokes become grey, anti-aliased pixels), then placed in the
// 28 x 28 field so that its centre of mass sits at the field's centre (14, 14). Not a classifier
// and not a canvas reader: the page hands over one ink byte per pixel (0 = paper, 255 = ink).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace basecamp::data {

inline constexpr int kDigitSide = 28;  // MNIST's field
inline constexpr int kDigitBox = 20;   // the box the ink's bounding box is scaled into
inline constexpr int kMaxDrawingSide = 4096;

struct DigitImage {
  std::vector<std::uint8_t> pixels;  // 28 x 28, row-major, 0..255 (all 0 when no ink)
  bool empty = true;                 // no pixel had ink
  int box_x = 0, box_y = 0, box_width = 0, box_height = 0;  // the ink's bounding box (drawing px)
  double center_x = 0, center_y = 0;  // centre of mass in the 28 x 28 result (pixel centres at +0.5)
};

// ink: width x height bytes, row-major. Error("digit: ...") on sizes outside [1, 4096] or a
// length that does not match.
DigitImage mnist_preprocess(std::span<const std::uint8_t> ink, int width, int height);

}  // namespace basecamp::data
