// Adagrad against the per-element reference rule, its state, and its hyperparameter checks.
#include "reference.hpp"

using namespace optim_test;

TEST_CASE("Adagrad matches torch.optim.Adagrad's rule step by step", "[optim]") {
  check_reference_both("adagrad", 3);
}

TEST_CASE("Adagrad's sum starts at initial_accumulator_value", "[optim]") {
  optim::Adagrad<double> opt({.lr = 0.1, .initial_accumulator_value = 0.25});
  Param<double> p{"w", Tensor<double>::Zero(2, 2), Tensor<double>::Constant(2, 2, 2.0)};
  opt.step({&p});
  const auto st = opt.state(0);
  REQUIRE(st.size() == 1);
  CHECK(st[0].first == "sum");
  CHECK((*st[0].second)(1, 1) == 4.25);
}

TEST_CASE("Adagrad rejects bad hyperparameters, naming them", "[optim]") {
  expect_invalid("adagrad", {.lr = -0.01}, {"Adagrad", "lr", "-0.01"});
  expect_invalid("adagrad", {.eps = 0}, {"eps", "0"});
  expect_invalid("adagrad", {.weight_decay = -1}, {"weight_decay", "-1"});
  expect_invalid("adagrad", {.lr_decay = -0.5}, {"lr_decay", "-0.5"});
  expect_invalid("adagrad", {.initial_accumulator_value = -2},
                 {"initial_accumulator_value", "-2"});
}
