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

// Pinned sums of every set (100 points, noise 0.2, seed 3), computed natively: the wasm build
// runs the same test, so the page draws the same points as the CLI. (It caught a call whose two
// random draws were evaluated in a different order by g++ and clang.)
TEST_CASE("boundary datasets: the same points natively and in wasm (pinned sums)", "[boundary]") {
  struct Pin {
    const char* name;
    double x1, x2_weighted, label_weighted;
  };
  const Pin pins[] = {
      {"gauss", 12.540715834135044, 5497.1814807829605, 148},
      {"circle", 21.432761747589108, 843.66515858948787, 148},
      {"xor", -20.96149149806082, -847.47876102882833, 148},
      {"spiral", -4.1705097695574844, 1185.1732495137351, 148},
      {"above-line", -20.192008218648589, 6171.958230526001, 148},
      {"above-sine", -5.8584869462470532, 6988.7331385233592, 148},
      {"above-parabola", -7.6313953694345891, 3729.0487418100615, 148},
      {"spiral3", -4.2114879467534729, 771.09048106907892, 296},
      {"spiral4", -4.1705097695575004, 633.34862835938497, 449},
      {"spiral5", -4.1705097695574986, 548.43152648867181, 600},
      {"blobs3", 8.6217421359677822, -5371.937731961717, 296},
      {"blobs4", 8.6217421359678301, -4033.1877319617151, 449},
      {"blobs5", 8.6217421359677946, -3158.1877319617138, 600},
      {"plane", 12.817785094176116, -743.43620146225123, -7.3560597760301487},
      {"multigauss", 12.817785094176116, -743.43620146225123, -14.184048792216196},
  };
  for (const Pin& pin : pins) {
    DataSpec s;
    s.name = pin.name;
    s.points = 100;
    s.noise = 0.2;
    s.seed = 3;
    const Points p = generate(s);
    double a = 0, b = 0, l = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
      a += p.x1[i];
      b += p.x2[i] * static_cast<double>(i + 1);
      l += p.label[i] * static_cast<double>(i % 7);
    }
    INFO(pin.name);
    CHECK(a == Approx(pin.x1).epsilon(1e-9));  // libm's sin/cos/log may differ in the last bit
    CHECK(b == Approx(pin.x2_weighted).epsilon(1e-9));
    CHECK(l == Approx(pin.label_weighted).epsilon(1e-9));
  }
}
