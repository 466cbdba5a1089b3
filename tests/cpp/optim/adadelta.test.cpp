// Adadelta against the per-element reference rule, its state, and its hyperparameter checks.
#include "reference.hpp"

using namespace optim_test;

TEST_CASE("Adadelta matches torch.optim.Adadelta's rule step by step", "[optim]") {
  check_reference_both("adadelta", 2);
}

TEST_CASE("Adadelta keeps square_avg and acc_delta", "[optim]") {
  optim::Adadelta<double> opt;
  Param<double> p{"w", Tensor<double>::Zero(1, 1), Tensor<double>::Constant(1, 1, 1.0)};
  opt.step({&p});
  const auto st = opt.state(0);
  REQUIRE(st.size() == 2);
  CHECK(st[0].first == "square_avg");
  CHECK(st[1].first == "acc_delta");
  CHECK((*st[0].second)(0, 0) == Approx(0.1));
}

TEST_CASE("Adadelta rejects bad hyperparameters, naming them", "[optim]") {
  expect_invalid("adadelta", {.lr = -1}, {"Adadelta", "lr", "-1"});
  expect_invalid("adadelta", {.rho = 1}, {"rho", "1"});
  expect_invalid("adadelta", {.rho = 2}, {"rho", "2"});
  expect_invalid("adadelta", {.eps = 0}, {"eps", "0"});
  expect_invalid("adadelta", {.weight_decay = -0.1}, {"weight_decay", "-0.1"});
}
