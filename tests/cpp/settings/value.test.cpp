// JSON text → Value, and Fields' type checks (src/json.hpp, src/value.hpp): what every settings
// reader relies on.
#include <catch2/catch.hpp>

#include <cmath>

#include "../boundary/helpers.hpp"
#include "json.hpp"
#include "value.hpp"

using namespace basecamp;
using boundary_test::expect_error;

TEST_CASE("parse_json reads every kind, in order, and writes it back", "[settings]") {
  const Value v = parse_json(R"( {"a": [1, -2.5e3, true, false, null], "b": "x\"\u00e9\n", "c": {}} )");
  REQUIRE(v.kind == Value::Kind::object);
  REQUIRE(v.members.size() == 3);
  CHECK(v.members[0].first == "a");
  CHECK(v.find("a")->items[1].number == -2500);
  CHECK(v.find("a")->items[2].flag);
  CHECK(v.find("a")->items[4].kind == Value::Kind::null);
  CHECK(v.find("b")->text == "x\"\xc3\xa9\n");
  CHECK(v.find("missing") == nullptr);
  CHECK(parse_json("[0.1,1e-7,null]").json() == "[0.1,1e-07,null]");
  CHECK(parse_json("0.1").number == 0.1);  // strtod: exact round trip
}

TEST_CASE("parse_json refuses malformed text with parse_error and the offset", "[settings]") {
  for (const char* bad : {"", "{", "[1,]", "{\"a\" 1}", "tru", "01", "1.", "\"\\x\"", "[1] 2", "\"a"}) {
    INFO(bad);
    const ErrorInfo info = expect_error([&] { parse_json(bad); }, code::parse_error, "");
    CHECK(info.value >= 0);
  }
  std::string deep(100, '[');
  expect_error([&] { parse_json(deep); }, code::parse_error, "");
}

TEST_CASE("Fields: defaults when absent, type checks naming the key", "[settings]") {
  const Value v = parse_json(R"({"n": 2.5, "k": 3, "s": "tanh", "b": true, "list": [1, 2], "names": ["a"], "nil": null})");
  const Fields f(v, "who");
  CHECK(f.number("n", 0) == 2.5);
  CHECK(f.number("nil", 7) == 7);  // null: not given
  CHECK(f.integer("k", 1, 5, 0) == 3);
  CHECK(f.text("s", "") == "tanh");
  CHECK(f.flag("b", false));
  CHECK(f.numbers("list") == std::vector<double>{1, 2});
  CHECK(f.texts("names") == std::vector<std::string>{"a"});
  CHECK(f.numbers("absent").empty());
  CHECK_THROWS_WITH(f.integer("n", 1, 5, 0), "who: n must be an integer in [1, 5], got 2.5");
  CHECK_THROWS_WITH(f.integer("k", 4, 5, 0), "who: k must be an integer in [4, 5], got 3");
  CHECK_THROWS_WITH(f.text("k", ""), "who: k must be a string, got 3");
  CHECK_THROWS_WITH(f.number("s", 0), "who: s must be a number, got \"tanh\"");
  CHECK_THROWS_WITH(f.numbers("names"), "who: names must be an array of numbers");
  CHECK_THROWS_WITH(Fields(parse_json("[1]"), "who"), "who: expected an object, got [1]");
  CHECK(Fields(Value{}, "who").numbers("x").empty());
}

TEST_CASE("Fields::named_numbers: numbers and flags by name, anything else refused", "[settings]") {
  const auto named = Fields(parse_json(R"({"lr": 0.1, "nesterov": true, "kind": "step"})"), "opt").named_numbers("kind");
  REQUIRE(named.size() == 2);
  CHECK(named[0] == std::pair<std::string, double>{"lr", 0.1});
  CHECK(named[1] == std::pair<std::string, double>{"nesterov", 1.0});
  expect_error([] { Fields(parse_json(R"({"lr": "fast"})"), "opt").named_numbers(); }, code::invalid, "lr");
}

TEST_CASE("seed_of: a whole number in [0, 2^53 - 1]", "[settings]") {
  CHECK(seed_of(42, "run") == 42);
  expect_error([] { seed_of(-1, "run"); }, code::out_of_range, "seed");
  expect_error([] { seed_of(1.5, "run"); }, code::not_integer, "seed");
  expect_error([] { seed_of(NAN, "run"); }, code::not_finite, "seed");
}
