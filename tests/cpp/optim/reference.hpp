// Replays tests/data/optim_reference.json (written by tools/gen_optim_reference.py from the
// per-element torch.optim rules) through make_optimizer and compares every step.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <fstream>
#include <sstream>

#include "json.hpp"
#include "optim/factory.hpp"
#include "optim/read.hpp"

namespace optim_test {

using basecamp::Param;
using basecamp::Tensor;
namespace optim = basecamp::optim;

using basecamp::Value;

// The fixture, read with the core's JSON reader (numbers with strtod: Python's repr floats come
// back exactly); its settings objects are the page's, read by optim::settings_from.
inline const Value& reference() {
  static const Value doc = [] {
    std::ifstream in(std::string(BASECAMP_TEST_DATA_DIR) + "/optim_reference.json");
    std::stringstream text;
    text << in.rdbuf();
    return basecamp::parse_json(text.str());
  }();
  return doc;
}

inline const Value& at(const Value& v, const char* key) {
  const Value* member = v.find(key);
  REQUIRE(member != nullptr);
  return *member;
}

// Runs every fixture case of `optimizer_name` in precision T; returns the number of cases.
// |actual − expected| ≤ rel·max(|actual|, |expected|) + abs at every element of every step.
template <class T>
int check_reference(const std::string& optimizer_name, double rel, double abs) {
  const auto& doc = reference();
  const auto& problem = at(doc, "problem");
  const long rows = static_cast<long>(at(problem, "rows").number), cols = static_cast<long>(at(problem, "cols").number);
  const auto& theta0 = at(problem, "theta0").items;
  const auto& c_target = at(problem, "c").items;
  int cases = 0;
  for (const auto& c : at(doc, "cases").items) {
    if (at(c, "optimizer").text != optimizer_name) continue;
    ++cases;
    INFO("case " << at(c, "name").text);
    auto opt = optim::make_optimizer<T>(optimizer_name, optim::settings_from(at(c, "settings")));
    Param<T> p{"theta", Tensor<T>(rows, cols), Tensor<T>(rows, cols)};
    for (long i = 0; i < rows * cols; ++i) p.value(i / cols, i % cols) = static_cast<T>(theta0[static_cast<std::size_t>(i)].number);
    const auto& values = at(c, "values").items;
    for (std::size_t t = 1; t < values.size(); ++t) {
      for (long i = 0; i < rows * cols; ++i) {
        const double theta = static_cast<double>(p.value(i / cols, i % cols));
        const double noise = static_cast<double>((7 * static_cast<long>(t) + 3 * i) % 11 - 5) / 10;
        p.grad(i / cols, i % cols) = static_cast<T>(2 * (theta - c_target[static_cast<std::size_t>(i)].number) + noise);
      }
      opt->step({&p});
      for (long i = 0; i < rows * cols; ++i) {
        const double actual = static_cast<double>(p.value(i / cols, i % cols));
        const double expected = values[t].items[static_cast<std::size_t>(i)].number;
        INFO("step " << t << ", element " << i << ": " << actual << " vs " << expected);
        REQUIRE(std::abs(actual - expected) <=
                rel * std::max(std::abs(actual), std::abs(expected)) + abs);
      }
    }
  }
  return cases;
}

// Both precisions: double to 1e-12 relative; float (the networks' type) loosely, as a check
// that the float instantiation runs the same rule.
inline void check_reference_both(const std::string& optimizer_name, int expected_cases) {
  SECTION("double, relative 1e-12") {
    CHECK(check_reference<double>(optimizer_name, 1e-12, 1e-15) == expected_cases);
  }
  SECTION("float, relative 1e-4") {
    CHECK(check_reference<float>(optimizer_name, 1e-4, 1e-5) == expected_cases);
  }
}

// Expects make_optimizer(name, s) to throw basecamp::Error whose message contains each of
// `parts` (the parameter name and the value).
inline void expect_invalid(const std::string& name, const optim::OptimizerSettings& s,
                           std::initializer_list<std::string> parts) {
  try {
    optim::make_optimizer<double>(name, s);
    FAIL("no error for " << name);
  } catch (const basecamp::Error& e) {
    const std::string msg = e.what();
    INFO(msg);
    for (const auto& part : parts) CHECK(msg.find(part) != std::string::npos);
  }
}

}  // namespace optim_test
