// The optimizer form: every optimizer's hyperparameters with the factory's defaults, and
// name/value pairs back into settings the factory accepts.
#include <catch2/catch.hpp>

#include "boundary/optimizer_form.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::boundary;

TEST_CASE("boundary optimizer form: each optimizer's hyperparameters and defaults round-trip through the factory", "[boundary]") {
  for (const std::string& name : optim::optimizer_names()) {
    INFO(name);
    const auto hp = optimizer_hyperparameters(name);
    REQUIRE(!hp.empty());
    optim::OptimizerSettings s;
    for (const auto& h : hp) set_optimizer_setting(s, h.name, h.value);
    CHECK_NOTHROW(optim::make_optimizer<double>(name, s));  // every name is the optimizer's own
  }
  const auto adamw = optimizer_hyperparameters("adamw");
  CHECK(adamw[3].name == "weight_decay");
  CHECK(adamw[3].value == 0.01);
  CHECK(optimizer_hyperparameters("adam")[3].value == 0.0);
  CHECK(optimizer_hyperparameters("rmsprop")[0].value == 0.99);
  CHECK(optimizer_hyperparameters("sgd")[2].flag);
}

TEST_CASE("boundary optimizer form: unknown names are refused", "[boundary]") {
  optim::OptimizerSettings s;
  boundary_test::expect_error([&] { set_optimizer_setting(s, "gamma", 1); }, code::unknown_name, "hyperparameter", "gamma");
  CHECK_THROWS_AS(optimizer_hyperparameters("adamx"), Error);
}
