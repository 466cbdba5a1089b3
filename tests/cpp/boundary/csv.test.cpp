// The points CSV reader: what it accepts, every refusal with its line and problem, and the
// writer's round trip.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "boundary/csv.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::boundary;

namespace {
ErrorInfo refused(const std::string& text, const std::string& problem, const std::string& field = "line") {
  return boundary_test::expect_error([&] { parse_points_csv(text); }, code::parse_error, field, problem);
}
}  // namespace

TEST_CASE("boundary csv: integer labels with a header, classes in numeric order", "[boundary]") {
  const CsvPoints c = parse_points_csv("x1,x2,label\n1,2,1\n-3.5, 4e-1 ,-1\r\n\n0,0,1\n");
  REQUIRE(c.points.size() == 3);
  CHECK(c.classes == 2);
  CHECK(c.class_names == std::vector<std::string>{"-1", "1"});
  CHECK(c.points.x1 == std::vector<double>{1, -3.5, 0});
  CHECK(c.points.x2 == std::vector<double>{2, 0.4, 0});
  CHECK(c.points.label == std::vector<double>{1, 0, 1});
}

TEST_CASE("boundary csv: name labels without a header, classes in order of appearance", "[boundary]") {
  const CsvPoints c = parse_points_csv("\xEF\xBB\xBF" "0,0,\"dog\"\n1,1,cat\n2,2,bird\n3,3,cat");
  CHECK(c.classes == 3);
  CHECK(c.class_names == std::vector<std::string>{"dog", "cat", "bird"});
  CHECK(c.points.label == std::vector<double>{0, 1, 2, 1});
}

TEST_CASE("boundary csv: integers written differently are one class", "[boundary]") {
  const CsvPoints c = parse_points_csv("0,0,+01\n1,1,1\n2,2,2\n");
  CHECK(c.class_names == std::vector<std::string>{"1", "2"});
  CHECK(c.points.label == std::vector<double>{0, 0, 1});
}

TEST_CASE("boundary csv: every malformed case names its line and problem", "[boundary]") {
  CHECK(std::isnan(refused("", "empty", "file").value));  // no line
  refused("x1,x2,label\n\n", "empty", "file");
  CHECK(refused("1,2,0\n1,2\n", "columns").value == 2);
  CHECK(refused("x1,x2,label\n1,2,0,5\n", "columns").value == 2);
  CHECK(refused("1,2,0\n3,abc,1\n", "not_a_number").value == 2);
  CHECK(refused("1,2,0\n3,,1\n", "not_a_number").value == 2);
  CHECK(refused("1,2,0\n3,4x,1\n", "not_a_number").value == 2);
  CHECK(refused("1,2,0\nNaN,1,1\n", "not_finite").value == 2);
  CHECK(refused("1,inf,0\n", "not_finite").value == 1);
  CHECK(refused("1,2,0\n3,4,\n", "empty_label").value == 2);
  CHECK(refused("1,2," + std::string(65, 'a') + "\n", "label_too_long").value == 1);
  const ErrorInfo one = refused("1,2,0\n3,4,0\n", "one_class", "file");
  CHECK(one.min == 2);

  std::string many;
  for (int i = 0; i < 10001; ++i) many += std::to_string(i) + ",0," + std::to_string(i % 2) + "\n";
  const ErrorInfo rows = refused("x1,x2,label\n" + many, "too_many_rows");
  CHECK(rows.value == 10002);
  CHECK(rows.max == 10000);

  std::string classes;
  for (int i = 0; i < 11; ++i) classes += "0,0,c" + std::to_string(i) + "\n";
  const ErrorInfo k = refused(classes, "too_many_classes");
  CHECK(k.value == 11);
  CHECK(k.max == 10);
}

TEST_CASE("boundary csv: 10000 rows and 10 classes are accepted", "[boundary]") {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += std::to_string(i * 0.001) + ",1," + std::to_string(i % 10) + "\n";
  const CsvPoints c = parse_points_csv(text);
  CHECK(c.points.size() == 10000);
  CHECK(c.classes == 10);
}

TEST_CASE("boundary csv: the writer's text reads back to the same points", "[boundary]") {
  Points p;
  p.add(0.1, -2.0 / 3.0, 1);
  p.add(1e-9, 5, 0);
  const std::string text = write_points_csv(p, {"no", "yes"});
  CHECK(text.rfind("x1,x2,label\n0.1,", 0) == 0);
  const CsvPoints c = parse_points_csv(text);
  CHECK(c.points.x1 == p.x1);
  CHECK(c.points.x2 == p.x2);
  CHECK(c.class_names == std::vector<std::string>{"yes", "no"});  // order of appearance
  CHECK(c.points.label == std::vector<double>{0, 1});
}
