// data/digit_image: a drawn digit becomes an MNIST-style 28 x 28 image — its bounding box scaled
// into 20 x 20 keeping the aspect ratio, ink preserved by area averaging, centre of mass at
// (14, 14); an empty drawing gives zeros; bad sizes are refused with a message.
#include <catch2/catch.hpp>

#include <numeric>

#include "data/digit_image.hpp"
#include "error.hpp"

using namespace basecamp::data;
using Catch::Matchers::Contains;
using Bytes = std::vector<std::uint8_t>;

namespace {
Bytes canvas(int w, int h) { return Bytes(static_cast<std::size_t>(w) * h, 0); }
void fill(Bytes& b, int w, int x0, int y0, int x1, int y1, std::uint8_t v = 255) {
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) b[static_cast<std::size_t>(y) * w + x] = v;
}
// Bounding box of the non-zero pixels of a 28 x 28 image: {x0, y0, width, height}.
std::array<int, 4> bbox(const Bytes& p) {
  int x0 = 28, y0 = 28, x1 = -1, y1 = -1;
  for (int y = 0; y < 28; ++y)
    for (int x = 0; x < 28; ++x)
      if (p[y * 28 + x]) x0 = std::min(x0, x), x1 = std::max(x1, x), y0 = std::min(y0, y), y1 = std::max(y1, y);
  return {x0, y0, x1 - x0 + 1, y1 - y0 + 1};
}
double total(const Bytes& p) { return std::accumulate(p.begin(), p.end(), 0.0); }
}  // namespace

TEST_CASE("a tall bar in a corner is scaled to 20 pixels high and centred", "[digit]") {
  // 200 x 200 drawing, a solid 40 x 160 bar near the top-left corner.
  auto b = canvas(200, 200);
  fill(b, 200, 10, 5, 50, 165);
  const DigitImage d = mnist_preprocess(b, 200, 200);
  REQUIRE_FALSE(d.empty);
  CHECK(d.box_x == 10);
  CHECK(d.box_y == 5);
  CHECK(d.box_width == 40);
  CHECK(d.box_height == 160);
  const auto box = bbox(d.pixels);
  CHECK(box[2] == 5);   // 40 · 20/160
  CHECK(box[3] == 20);  // 160 · 20/160
  // Uniform ink stays uniform (exact 8:1 area averaging), and the bar sits at the centre.
  for (int y = box[1]; y < box[1] + box[3]; ++y)
    for (int x = box[0]; x < box[0] + box[2]; ++x) CHECK(d.pixels[y * 28 + x] == 255);
  CHECK(d.center_x == Approx(14).margin(0.5));
  CHECK(d.center_y == Approx(14).margin(0.5));
  CHECK(box[0] == 12);  // 14 − 2.5, rounded: columns 12..16 (centre 14.5)
  CHECK(box[1] == 4);
}

TEST_CASE("area averaging keeps the ink's total in proportion to the area", "[digit]") {
  // A 3-pixel-wide stroke across a 60-pixel-wide box: scale 1/3, so each output pixel on the
  // stroke averages 3 x 3 source pixels, all ink → 255; off-grid strokes give grey pixels.
  auto b = canvas(90, 90);
  fill(b, 90, 0, 0, 60, 60, 0);
  fill(b, 90, 0, 29, 60, 31);       // 2 rows thick: after 1/3 scaling, partial coverage
  fill(b, 90, 0, 0, 1, 60, 1);      // a faint left edge so the box is 60 x 60
  const DigitImage d = mnist_preprocess(b, 90, 90);
  const double source = 60.0 * 2 * 255;  // the stroke's ink (the faint edge adds 60)
  CHECK(total(d.pixels) == Approx((source + 60) / 9).epsilon(0.03));
  bool grey = false;
  for (auto v : d.pixels) grey = grey || (v > 0 && v < 255);
  CHECK(grey);
}

TEST_CASE("a wide shape keeps its aspect ratio; a single dot becomes one 20 x 20 box", "[digit]") {
  auto b = canvas(300, 100);
  fill(b, 300, 0, 40, 300, 70);  // 300 x 30
  const auto wide = mnist_preprocess(b, 300, 100);
  const auto box = bbox(wide.pixels);
  CHECK(box[2] == 20);
  CHECK(box[3] == 2);
  auto dot = canvas(10, 10);
  dot[55] = 200;
  const auto one = mnist_preprocess(dot, 10, 10);
  const auto dbox = bbox(one.pixels);
  CHECK(dbox[2] == 20);
  CHECK(dbox[3] == 20);
  CHECK(one.pixels[14 * 28 + 14] == 200);
}

TEST_CASE("the centre of mass, not the box centre, goes to (14, 14)", "[digit]") {
  // An L (a 10-px stem, a 10-px foot): the mass sits low and left (x 5.7, y 14.3 of the
  // 20 x 20 box), so the box is moved right (to x 8) and stays at the top (y 0).
  auto b = canvas(100, 100);
  fill(b, 100, 0, 0, 10, 100);
  fill(b, 100, 10, 90, 100, 100);
  const auto d = mnist_preprocess(b, 100, 100);
  CHECK(d.center_x == Approx(14).margin(0.5));
  CHECK(d.center_y == Approx(14).margin(0.5));
  const auto box = bbox(d.pixels);
  CHECK(box[0] == 8);  // a box-centred placement would start at 4
  CHECK(box[1] == 0);
}

TEST_CASE("an empty drawing gives zeros; bad sizes are refused", "[digit]") {
  const auto d = mnist_preprocess(canvas(50, 40), 50, 40);
  CHECK(d.empty);
  CHECK(d.pixels.size() == 784);
  CHECK(total(d.pixels) == 0);
  const Bytes three(3, 0);
  CHECK_THROWS_WITH(mnist_preprocess(three, 2, 2), Contains("holds 3 pixels, expected 2 x 2"));
  CHECK_THROWS_WITH(mnist_preprocess(three, 0, 3), Contains("1 to 4096 pixels"));
  CHECK_THROWS_AS(mnist_preprocess(three, 3, -1), basecamp::Error);
}
