// MNIST-style preprocessing of a drawn digit (see digit_image.hpp).
#include "data/digit_image.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <string>

#include "error.hpp"

namespace basecamp::data {

namespace {

using Matrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Area-averaging weights from n source pixels to m output pixels, each output pixel covering
// n/m source pixels: w[j][c] = |[c, c+1) ∩ [j·n/m, (j+1)·n/m)| / (n/m); each row sums to 1.
Matrix area_weights(int m, int n) {
  Matrix w = Matrix::Zero(m, n);
  const double step = static_cast<double>(n) / m;
  for (int j = 0; j < m; ++j) {
    const double lo = j * step, hi = (j + 1) * step;
    for (int c = static_cast<int>(std::floor(lo)); c < n && c < hi; ++c) {
      const double overlap = std::min<double>(c + 1, hi) - std::max<double>(c, lo);
      if (overlap > 0) w(j, c) = overlap / step;
    }
  }
  return w;
}

}  // namespace

DigitImage mnist_preprocess(std::span<const std::uint8_t> ink, int width, int height) {
  require(width >= 1 && width <= kMaxDrawingSide && height >= 1 && height <= kMaxDrawingSide, "digit",
          "the drawing must be 1 to " + std::to_string(kMaxDrawingSide) + " pixels on each side, got " +
              std::to_string(width) + " x " + std::to_string(height));
  require(ink.size() == static_cast<std::size_t>(width) * static_cast<std::size_t>(height), "digit",
          "the drawing holds " + std::to_string(ink.size()) + " pixels, expected " + std::to_string(width) +
              " x " + std::to_string(height));

  DigitImage out;
  out.pixels.assign(kDigitSide * kDigitSide, 0);
  // The ink's bounding box.
  int x0 = width, y0 = height, x1 = -1, y1 = -1;
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      if (ink[static_cast<std::size_t>(y) * width + x] > 0) {
        x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
      }
  if (x1 < 0) return out;
  out.empty = false;
  const int bw = x1 - x0 + 1, bh = y1 - y0 + 1;
  out.box_x = x0, out.box_y = y0, out.box_width = bw, out.box_height = bh;

  // Scale the longer side to 20 pixels, the shorter in proportion (at least 1 pixel).
  const double scale = static_cast<double>(kDigitBox) / std::max(bw, bh);
  const int ow = std::clamp(static_cast<int>(std::lround(bw * scale)), 1, kDigitBox);
  const int oh = std::clamp(static_cast<int>(std::lround(bh * scale)), 1, kDigitBox);
  Matrix box(bh, bw);
  for (int y = 0; y < bh; ++y)
    for (int x = 0; x < bw; ++x) box(y, x) = ink[static_cast<std::size_t>(y0 + y) * width + (x0 + x)];
  const Matrix small = area_weights(oh, bh) * box * area_weights(ow, bw).transpose();  // oh x ow

  // Centre of mass of the small image (pixel centres at +0.5), moved to the field's centre;
  // the box is kept inside the field.
  const double mass = small.sum();
  double cx = 0, cy = 0;
  for (int y = 0; y < oh; ++y)
    for (int x = 0; x < ow; ++x) cx += small(y, x) * (x + 0.5), cy += small(y, x) * (y + 0.5);
  cx /= mass, cy /= mass;
  const int half = kDigitSide / 2;
  const int dx = std::clamp(static_cast<int>(std::lround(half - cx)), 0, kDigitSide - ow);
  const int dy = std::clamp(static_cast<int>(std::lround(half - cy)), 0, kDigitSide - oh);
  out.center_x = cx + dx, out.center_y = cy + dy;
  for (int y = 0; y < oh; ++y)
    for (int x = 0; x < ow; ++x)
      out.pixels[static_cast<std::size_t>(dy + y) * kDigitSide + (dx + x)] =
          static_cast<std::uint8_t>(std::clamp(std::lround(small(y, x)), 0L, 255L));
  return out;
}

}  // namespace basecamp::data
