// nn/classification: the confusion matrix, per-cell sample lists (most confident first) and the
// most confident mistakes, on a hand-checked example; bad input refused with a message.
#include <catch2/catch.hpp>

#include "error.hpp"
#include "nn/classification.hpp"

using namespace basecamp::nn;
using Catch::Matchers::Contains;

TEST_CASE("a hand-checked three-class report", "[classification]") {
  // sample: true label, probabilities → predicted (confidence)
  //   0: 0, (.7 .2 .1) → 0 (.7)     1: 1, (.1 .3 .6) → 2 (.6)
  //   2: 2, (.2 .2 .6) → 2 (.6)     3: 1, (.05 .9 .05) → 1 (.9)
  //   4: 0, (.1 .8 .1) → 1 (.8)     5: 1, (.2 .2 .6) → 2 (.6)  (a tie with sample 1: index order)
  //   6: 2, (.4 .4 .2) → 0 (.4)  (argmax tie: the first class)
  const std::vector<float> p = {.7f, .2f, .1f, .1f, .3f, .6f, .2f, .2f, .6f, .05f, .9f, .05f,
                                .1f, .8f, .1f, .2f, .2f, .6f, .4f, .4f, .2f};
  const std::vector<std::uint8_t> y = {0, 1, 2, 1, 0, 1, 2};
  const auto r = classification_report(p, 7, 3, y, 3);
  CHECK(r.samples == 7);
  CHECK(r.correct == 3);
  CHECK(r.accuracy == Approx(3.0 / 7));
  CHECK(r.predicted == std::vector<std::uint8_t>{0, 2, 2, 1, 1, 2, 0});
  CHECK(r.confidence[4] == Approx(0.8f));
  // rows = true class, columns = predicted
  CHECK(r.confusion == std::vector<long long>{1, 1, 0, 0, 1, 2, 1, 0, 1});
  CHECK(r.cell_start == std::vector<std::int32_t>{0, 1, 2, 2, 2, 3, 5, 6, 6, 7});
  // cell (1, 2) holds samples 1 and 5, equally confident: lower index first
  CHECK(r.order[3] == 1);
  CHECK(r.order[4] == 5);
  CHECK(r.order[5] == 6);  // cell (2, 0)
  // mistakes by confidence: 4 (.8), 1 (.6), 5 (.6); sample 6 (.4) beyond k = 3
  CHECK(r.mistakes == std::vector<std::int32_t>{4, 1, 5});
  CHECK(classification_report(p, 7, 3, y, 10).mistakes.size() == 4);
  CHECK(classification_report(p, 7, 3, y, 0).mistakes.empty());
}

TEST_CASE("bad input is refused with a message", "[classification]") {
  const std::vector<float> p = {.5f, .5f, 1, 0};
  const std::vector<std::uint8_t> y = {0, 1};
  CHECK_THROWS_WITH(classification_report(p, 2, 3, y, 1), Contains("expected 2 x 3"));
  CHECK_THROWS_WITH(classification_report(p, 2, 2, std::vector<std::uint8_t>{0}, 1), Contains("labels hold 1"));
  CHECK_THROWS_WITH(classification_report(p, 2, 2, std::vector<std::uint8_t>{0, 2}, 1), Contains("label 2 at index 1"));
  CHECK_THROWS_WITH(classification_report(p, 2, 2, y, -1), Contains("k must be >= 0"));
  CHECK_THROWS_WITH(classification_report(p, 0, 2, y, 1), Contains("at least one sample"));
  const std::vector<float> nan = {std::numeric_limits<float>::quiet_NaN(), 0, 1, 0};
  CHECK_THROWS_WITH(classification_report(nan, 2, 2, y, 1), Contains("not finite"));
}
