// SGD against the per-element reference rule, its state, and its hyperparameter checks.
#include "reference.hpp"

#include <cmath>
#include <limits>

using namespace optim_test;

TEST_CASE("SGD matches torch.optim.SGD's rule step by step", "[optim]") {
  check_reference_both("sgd", 6);
}

TEST_CASE("SGD momentum_buffer starts as the first gradient", "[optim]") {
  optim::SGD<double> sgd({.lr = 0.1, .momentum = 0.9});
  Param<double> p{"w", Tensor<double>::Constant(1, 2, 1.0), Tensor<double>::Constant(1, 2, 0.5)};
  CHECK(sgd.state(0).empty());
  sgd.step({&p});
  const auto st = sgd.state(0);
  REQUIRE(st.size() == 1);
  CHECK(st[0].first == "momentum_buffer");
  CHECK((*st[0].second)(0, 0) == 0.5);
  CHECK(p.value(0, 1) == Approx(0.95));
  CHECK(sgd.step_count == 1);
  CHECK(optim::SGD<double>().lr == 1e-3);  // torch's default
}

TEST_CASE("SGD rejects bad hyperparameters, naming them", "[optim]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  expect_invalid("sgd", {.lr = -1}, {"SGD", "lr", "-1"});
  expect_invalid("sgd", {.lr = 0}, {"lr", "0"});
  expect_invalid("sgd", {.lr = nan}, {"lr", "nan"});
  expect_invalid("sgd", {.lr = INFINITY}, {"lr", "inf"});
  expect_invalid("sgd", {.momentum = -0.5}, {"momentum", "-0.5"});
  expect_invalid("sgd", {.dampening = 1.5}, {"dampening", "1.5"});
  expect_invalid("sgd", {.dampening = -0.1}, {"dampening", "-0.1"});
  expect_invalid("sgd", {.weight_decay = -1e-4}, {"weight_decay", "-0.0001"});
  expect_invalid("sgd", {.nesterov = true}, {"nesterov", "momentum 0"});
  expect_invalid("sgd", {.momentum = 0.9, .dampening = 0.1, .nesterov = true},
                 {"nesterov", "dampening 0.1"});
  try {
    optim::SGD<double>({.lr = -1});
    FAIL("no error");
  } catch (const basecamp::Error& e) {
    CHECK(std::string(e.what()) == "SGD: lr must be a finite number > 0, got -1");
  }
}
