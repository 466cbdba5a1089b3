// Learning-rate schedules: values at given steps and their application to an optimizer.
#include <catch2/catch.hpp>

#include "optim/factory.hpp"
#include "optim/schedule.hpp"

using basecamp::optim::Schedule;

TEST_CASE("schedules give lr at step t", "[optim]") {
  CHECK(Schedule::constant().lr_at(0.1, 1000) == 0.1);
  const Schedule step = Schedule::step_decay(10, 0.5);
  CHECK(step.lr_at(0.1, 0) == 0.1);
  CHECK(step.lr_at(0.1, 9) == 0.1);
  CHECK(step.lr_at(0.1, 10) == Approx(0.05));
  CHECK(step.lr_at(0.1, 25) == Approx(0.025));
  CHECK(Schedule::exponential(0.9).lr_at(1.0, 2) == Approx(0.81));
  CHECK(Schedule::inverse_time(0.5).lr_at(1.0, 4) == Approx(1.0 / 3));
  CHECK_THROWS_WITH(Schedule::step_decay(0, 0.5), Catch::Contains("step_size must be a finite number >= 1, got 0"));
  CHECK_THROWS_WITH(Schedule::exponential(-1), Catch::Contains("gamma"));
  CHECK_THROWS_WITH(Schedule::inverse_time(-1), Catch::Contains("decay"));
}

TEST_CASE("a schedule sets the optimizer's lr before each step", "[optim]") {
  auto opt = basecamp::optim::make_optimizer<double>("sgd", {.lr = 1.0});
  basecamp::Param<double> p{"w", basecamp::Tensor<double>::Zero(1, 1),
                            basecamp::Tensor<double>::Ones(1, 1)};
  const Schedule s = Schedule::inverse_time(1.0);
  double expected = 0;
  for (int t = 0; t < 3; ++t) {
    s.apply(*opt);
    CHECK(opt->lr == Approx(1.0 / (1 + t)));
    opt->step({&p});
    expected -= 1.0 / (1 + t);
  }
  CHECK(p.value(0, 0) == Approx(expected));
  opt->lr = 0.3;
  Schedule::constant().apply(*opt);  // leaves a manual lr alone
  CHECK(opt->lr == 0.3);
}
