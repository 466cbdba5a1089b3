// RMSprop against the per-element reference rule (torch defaults, Keras-like, momentum,
// centered), its state names, and its hyperparameter checks.
#include "reference.hpp"

using namespace optim_test;

TEST_CASE("RMSprop matches torch.optim.RMSprop's rule step by step", "[optim]") {
  check_reference_both("rmsprop", 4);
}

TEST_CASE("RMSprop names its state like torch", "[optim]") {
  optim::RMSprop<double> opt({.momentum = 0.9, .centered = true});
  Param<double> p{"w", Tensor<double>::Zero(1, 3), Tensor<double>::Constant(1, 3, 1.0)};
  opt.step({&p});
  const auto st = opt.state(0);
  REQUIRE(st.size() == 3);
  CHECK(st[0].first == "square_avg");
  CHECK(st[1].first == "momentum_buffer");
  CHECK(st[2].first == "grad_avg");
  CHECK((*st[0].second)(0, 0) == Approx(0.01));
}

TEST_CASE("RMSprop rejects bad hyperparameters, naming them", "[optim]") {
  expect_invalid("rmsprop", {.lr = 0}, {"RMSprop", "lr", "0"});
  expect_invalid("rmsprop", {.alpha = 1}, {"alpha", "1"});
  expect_invalid("rmsprop", {.alpha = -0.1}, {"alpha", "-0.1"});
  expect_invalid("rmsprop", {.eps = -1e-8}, {"eps", "-1e-08"});
  expect_invalid("rmsprop", {.momentum = -1}, {"momentum", "-1"});
  expect_invalid("rmsprop", {.weight_decay = -3}, {"weight_decay", "-3"});
}
