// Data generators: counts, labels, class shares, determinism from the seed, the split, limits.
#include <catch2/catch.hpp>

#include <cmath>
#include <set>

#include "boundary/datasets.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::boundary;
using boundary_test::expect_error;

TEST_CASE("boundary datasets: every set has its count, its labels and equal class shares", "[boundary]") {
  for (const std::string& name : dataset_names()) {
    DataSpec s;
    s.name = name;
    s.points = 301;
    s.noise = 0.2;
    const Points p = generate(s);
    INFO(name);
    REQUIRE(p.size() == 301);
    REQUIRE(p.x2.size() == 301);
    REQUIRE(p.label.size() == 301);
    const int k = dataset_classes(name);
    for (std::size_t i = 0; i < p.size(); ++i) {
      REQUIRE(std::isfinite(p.x1[i]));
      REQUIRE(std::isfinite(p.x2[i]));
      REQUIRE(std::abs(p.x1[i]) < 12);
      REQUIRE(std::abs(p.x2[i]) < 12);
    }
    if (k == 0) {
      for (double v : p.label) REQUIRE(std::abs(v) <= 1.0 + 2 * 0.2 + 1e-12);
      continue;
    }
    std::vector<int> counts(static_cast<std::size_t>(k), 0);
    for (double l : p.label) {
      REQUIRE(l == std::floor(l));
      REQUIRE(l >= 0);
      REQUIRE(l < k);
      ++counts[static_cast<std::size_t>(l)];
    }
    for (int c = 0; c < k; ++c) CHECK(std::abs(counts[static_cast<std::size_t>(c)] - 301.0 / k) <= 1);
  }
}

TEST_CASE("boundary datasets: the same seed gives the same points, another seed others", "[boundary]") {
  DataSpec s;
  s.name = "spiral";
  s.noise = 0.1;
  const Points a = generate(s), b = generate(s);
  CHECK(a.x1 == b.x1);
  CHECK(a.x2 == b.x2);
  CHECK(a.label == b.label);
  s.seed = 2;
  CHECK(generate(s).x1 != a.x1);
}

TEST_CASE("boundary datasets: noiseless sets follow their rule", "[boundary]") {
  DataSpec s;
  s.noise = 0;
  s.name = "xor";
  Points p = generate(s);
  for (std::size_t i = 0; i < p.size(); ++i) CHECK((p.x1[i] * p.x2[i] > 0) == (p.label[i] == 1));
  s.name = "circle";
  p = generate(s);
  for (std::size_t i = 0; i < p.size(); ++i) CHECK((std::hypot(p.x1[i], p.x2[i]) < 3) == (p.label[i] == 1));
  s.name = "above-sine";
  p = generate(s);
  for (std::size_t i = 0; i < p.size(); ++i) CHECK((p.x2[i] > 2.5 * std::sin(1.2 * p.x1[i])) == (p.label[i] == 1));
  s.name = "plane";
  p = generate(s);
  for (std::size_t i = 0; i < p.size(); ++i) CHECK(p.label[i] == Approx((p.x1[i] + p.x2[i]) / 10));
}

TEST_CASE("boundary datasets: the split keeps every point once, round(n·ratio) for test", "[boundary]") {
  DataSpec s;
  s.name = "blobs4";
  s.points = 203;
  s.test_ratio = 0.3;
  const DataSet d = make_dataset(s);
  CHECK(d.classes == 4);
  CHECK(d.class_names == std::vector<std::string>{"0", "1", "2", "3"});
  CHECK(d.test.size() == 61);
  CHECK(d.train.size() == 142);
  const Points all = generate(s);
  std::multiset<double> before(all.x1.begin(), all.x1.end()), after(d.train.x1.begin(), d.train.x1.end());
  after.insert(d.test.x1.begin(), d.test.x1.end());
  CHECK(before == after);
  s.test_ratio = 0;
  CHECK(make_dataset(s).test.size() == 0);
}

TEST_CASE("boundary datasets: bad specs are refused with their field", "[boundary]") {
  DataSpec s;
  s.name = "moons";
  expect_error([&] { generate(s); }, code::unknown_name, "data", "moons");
  s.name = "circle";
  s.points = 9;
  expect_error([&] { generate(s); }, code::out_of_range, "points");
  s.points = 10001;
  expect_error([&] { generate(s); }, code::out_of_range, "points");
  s.points = 100;
  s.noise = 0.6;
  expect_error([&] { generate(s); }, code::out_of_range, "noise");
  s.noise = NAN;
  expect_error([&] { generate(s); }, code::not_finite, "noise");
  s.noise = 0;
  s.test_ratio = 0.95;
  expect_error([&] { make_dataset(s); }, code::out_of_range, "test_ratio");
}

TEST_CASE("boundary datasets: validate refuses labels that are not classes", "[boundary]") {
  DataSet d;
  d.classes = 2;
  d.class_names = numbered_classes(2);
  d.train.add(0, 0, 0);
  d.train.add(1, 1, 2);
  expect_error([&] { validate(d); }, code::out_of_range, "label");
  d.train.label[1] = 1;
  d.test.add(NAN, 0, 1);
  expect_error([&] { validate(d); }, code::not_finite, "test");
  d.test = {};
  validate(d);
  d.train = {};
  expect_error([&] { validate(d); }, code::empty, "train");
}
