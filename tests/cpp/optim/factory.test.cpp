// make_optimizer: names, defaults, unknown names and settings that do not belong.
#include "reference.hpp"

using namespace optim_test;

TEST_CASE("make_optimizer builds every optimizer with torch's defaults", "[optim]") {
  const std::pair<const char*, double> expected[] = {
      {"sgd", 1e-3}, {"adagrad", 1e-2}, {"rmsprop", 1e-2},
      {"adadelta", 1.0}, {"adam", 1e-3}, {"adamw", 1e-3}};
  for (const auto& [name, lr] : expected) {
    auto f = optim::make_optimizer<float>(name);
    auto d = optim::make_optimizer<double>(name);
    CHECK(d->lr == lr);
    CHECK(f->lr == lr);
    CHECK(d->step_count == 0);
  }
  CHECK(optim::make_optimizer<double>("adamw")->name() == "AdamW");
  CHECK(optim::optimizer_names().size() == 6);
}

TEST_CASE("make_optimizer rejects unknown names and foreign settings", "[optim]") {
  try {
    optim::make_optimizer<double>("adamax");
    FAIL("no error");
  } catch (const basecamp::Error& e) {
    CHECK(std::string(e.what()) ==
          "optimizer: unknown optimizer 'adamax' (valid: sgd, adagrad, rmsprop, adadelta, adam, adamw)");
  }
  expect_invalid("adam", {.momentum = 0.9}, {"momentum", "not a hyperparameter", "Adam"});
  expect_invalid("sgd", {.beta1 = 0.9}, {"beta1"});
}

TEST_CASE("Optimizer::step checks shapes and the parameter list", "[optim]") {
  auto opt = optim::make_optimizer<double>("adam");
  Param<double> a{"a", Tensor<double>::Zero(2, 2), Tensor<double>::Zero(2, 2)};
  Param<double> b{"b", Tensor<double>::Zero(1, 3), Tensor<double>::Zero(3, 1)};
  CHECK_THROWS_WITH(opt->step({&b}), Catch::Contains("grad (3x1) does not match value (1x3)"));
  opt->reset();
  opt->step({&a});
  CHECK_THROWS_WITH(opt->step({&a, &a}), Catch::Contains("must not change"));
  CHECK(opt->state(0).size() == 2);
  CHECK(opt->state(7).empty());
}
