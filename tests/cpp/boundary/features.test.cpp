// Feature maps: values, order, names and the checks.
#include <catch2/catch.hpp>

#include <cmath>

#include "boundary/features.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::boundary;
using boundary_test::expect_error;

TEST_CASE("boundary features: each map's value", "[boundary]") {
  const double a = 1.5, b = -2.0;
  CHECK(feature_value(Feature::x1, a, b) == 1.5);
  CHECK(feature_value(Feature::x2, a, b) == -2.0);
  CHECK(feature_value(Feature::x1sq, a, b) == 2.25);
  CHECK(feature_value(Feature::x2sq, a, b) == 4.0);
  CHECK(feature_value(Feature::x1x2, a, b) == -3.0);
  CHECK(feature_value(Feature::sinx1, a, b) == std::sin(1.5));
  CHECK(feature_value(Feature::sinx2, a, b) == std::sin(-2.0));
}

TEST_CASE("boundary features: a list in any order becomes the fixed order; the matrix follows it", "[boundary]") {
  const auto f = parse_feature_list("sinx2,x1,x1x2");
  REQUIRE(f == std::vector<Feature>{Feature::x1, Feature::x1x2, Feature::sinx2});
  const Tensor<double> m = feature_matrix({1, 2}, {3, 4}, f);
  REQUIRE(m.rows() == 2);
  REQUIRE(m.cols() == 3);
  CHECK(m(1, 0) == 2);
  CHECK(m(1, 1) == 8);
  CHECK(m(1, 2) == std::sin(4.0));
  CHECK(name_of(Feature::x2sq) == "x2sq");
  CHECK(feature_names().size() == 7);
}

TEST_CASE("boundary features: unknown, repeated or no features are refused", "[boundary]") {
  expect_error([] { parse_feature_list("x1,x3"); }, code::unknown_name, "feature", "x3");
  expect_error([] { parse_feature_list("x1,x1"); }, code::invalid, "features", "x1");
  expect_error([] { parse_feature_list(""); }, code::empty, "features");
}
