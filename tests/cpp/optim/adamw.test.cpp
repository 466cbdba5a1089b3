// AdamW against the per-element reference rule, its decoupled decay and default, and its
// hyperparameter checks.
#include "reference.hpp"

using namespace optim_test;

TEST_CASE("AdamW matches torch.optim.AdamW's rule step by step", "[optim]") {
  check_reference_both("adamw", 2);
}

TEST_CASE("AdamW decays the weights directly, by lr * weight_decay", "[optim]") {
  optim::AdamW<double> opt({.lr = 0.1, .weight_decay = 0.5});
  CHECK(opt.name() == "AdamW");
  CHECK(optim::AdamWOptions{}.weight_decay == 1e-2);
  Param<double> p{"w", Tensor<double>::Constant(1, 1, 2.0), Tensor<double>::Zero(1, 1)};
  opt.step({&p});  // zero gradient: only the decay acts
  CHECK(p.value(0, 0) == Approx(2.0 * (1 - 0.1 * 0.5)));
}

TEST_CASE("AdamW rejects bad hyperparameters, naming them", "[optim]") {
  expect_invalid("adamw", {.lr = 0}, {"AdamW", "lr", "0"});
  expect_invalid("adamw", {.beta1 = 1.5}, {"beta1", "1.5"});
  expect_invalid("adamw", {.weight_decay = -0.01}, {"weight_decay", "-0.01"});
}
