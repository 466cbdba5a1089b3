// Adam against the per-element reference rule (defaults, amsgrad, weight decay, low betas
// that take lerp's second branch), its state names, and its hyperparameter checks.
#include "reference.hpp"

using namespace optim_test;

TEST_CASE("Adam matches torch.optim.Adam's rule step by step", "[optim]") {
  check_reference_both("adam", 4);
}

TEST_CASE("Adam's first step moves each coordinate by about lr", "[optim]") {
  optim::Adam<double> opt({.lr = 0.01, .amsgrad = true});
  Param<double> p{"w", Tensor<double>::Zero(1, 2), Tensor<double>(1, 2)};
  p.grad << 3.0, -0.001;
  opt.step({&p});
  CHECK(p.value(0, 0) == Approx(-0.01).epsilon(1e-6));
  CHECK(p.value(0, 1) == Approx(0.01).epsilon(1e-4));
  const auto st = opt.state(0);
  REQUIRE(st.size() == 3);
  CHECK(st[0].first == "exp_avg");
  CHECK(st[1].first == "exp_avg_sq");
  CHECK(st[2].first == "max_exp_avg_sq");
  CHECK(opt.name() == "Adam");
}

TEST_CASE("Adam rejects bad hyperparameters, naming them", "[optim]") {
  expect_invalid("adam", {.lr = -1e-3}, {"Adam", "lr", "-0.001"});
  expect_invalid("adam", {.eps = 0}, {"eps", "0"});
  expect_invalid("adam", {.beta1 = 1}, {"beta1", "1"});
  expect_invalid("adam", {.beta2 = -0.5}, {"beta2", "-0.5"});
  expect_invalid("adam", {.weight_decay = -1}, {"weight_decay", "-1"});
}
