// Replays tests/data/optim_reference.json (written by tools/gen_optim_reference.py from the
// per-element torch.optim rules) through make_optimizer and compares every step.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "json_lite.hpp"
#include "optim/factory.hpp"

namespace optim_test {

using basecamp::Param;
using basecamp::Tensor;
namespace optim = basecamp::optim;

inline const json_lite::Value& reference() {
  static const json_lite::Value doc =
      json_lite::parse_file(std::string(BASECAMP_TEST_DATA_DIR) + "/optim_reference.json");
  return doc;
}

// The fixture's settings object → OptimizerSettings (keys are the struct's field names).
inline optim::OptimizerSettings settings_from(const json_lite::Value& s) {
  optim::OptimizerSettings o;
  for (const auto& [key, v] : s.obj) {
    const double x = v.num;
    const bool b = v.b;
    if (key == "lr") o.lr = x;
    else if (key == "momentum") o.momentum = x;
    else if (key == "dampening") o.dampening = x;
    else if (key == "nesterov") o.nesterov = b;
    else if (key == "alpha") o.alpha = x;
    else if (key == "rho") o.rho = x;
    else if (key == "eps") o.eps = x;
    else if (key == "beta1") o.beta1 = x;
    else if (key == "beta2") o.beta2 = x;
    else if (key == "weight_decay") o.weight_decay = x;
    else if (key == "amsgrad") o.amsgrad = b;
    else if (key == "centered") o.centered = b;
    else if (key == "lr_decay") o.lr_decay = x;
    else if (key == "initial_accumulator_value") o.initial_accumulator_value = x;
    else FAIL("unknown setting in fixture: " << key);
  }
  return o;
}

// Runs every fixture case of `optimizer_name` in precision T; returns the number of cases.
// |actual − expected| ≤ rel·max(|actual|, |expected|) + abs at every element of every step.
template <class T>
int check_reference(const std::string& optimizer_name, double rel, double abs) {
  const auto& doc = reference();
  const auto& problem = doc["problem"];
  const long rows = static_cast<long>(problem["rows"].num), cols = static_cast<long>(problem["cols"].num);
  int cases = 0;
  for (const auto& c : doc["cases"].arr) {
    if (c["optimizer"].str != optimizer_name) continue;
    ++cases;
    INFO("case " << c["name"].str);
    auto opt = optim::make_optimizer<T>(optimizer_name, settings_from(c["settings"]));
    Param<T> p{"theta", Tensor<T>(rows, cols), Tensor<T>(rows, cols)};
    for (long i = 0; i < rows * cols; ++i) p.value(i / cols, i % cols) = static_cast<T>(problem["theta0"][i].num);
    const auto& values = c["values"];
    for (std::size_t t = 1; t < values.size(); ++t) {
      for (long i = 0; i < rows * cols; ++i) {
        const double theta = static_cast<double>(p.value(i / cols, i % cols));
        const double noise = static_cast<double>((7 * static_cast<long>(t) + 3 * i) % 11 - 5) / 10;
        p.grad(i / cols, i % cols) = static_cast<T>(2 * (theta - problem["c"][i].num) + noise);
      }
      opt->step({&p});
      for (long i = 0; i < rows * cols; ++i) {
        const double actual = static_cast<double>(p.value(i / cols, i % cols));
        const double expected = values[t][i].num;
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
