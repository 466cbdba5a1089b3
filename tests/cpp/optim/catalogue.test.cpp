// The catalogue: every optimizer's hyperparameters with defaults and limits, read from the
// options structs; make_optimizer checks exactly those limits, and each error carries its code,
// field, value and limits (the page words it from them).
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "optim/catalogue.hpp"
#include "optim/factory.hpp"
#include "optim/schedule.hpp"

namespace optim = basecamp::optim;
namespace code = basecamp::code;

namespace {
// The ErrorInfo of what make_optimizer(name, {field: value}) throws (code "none" if nothing).
basecamp::ErrorInfo error_of(const std::string& name, const std::string& field, double value) {
  optim::OptimizerSettings s;
  s.set(field, value);
  try {
    optim::make_optimizer<double>(name, s);
  } catch (const basecamp::Error& e) {
    return e.info();
  }
  basecamp::ErrorInfo none;
  none.code = "none";
  return none;
}
}  // namespace

TEST_CASE("the catalogue lists each optimizer with the defaults its struct has", "[optim]") {
  const auto& sgd = optim::optimizer_info("sgd");
  CHECK(sgd.label == "SGD");
  REQUIRE(sgd.find("lr"));
  CHECK(sgd.find("lr")->default_value == optim::SgdOptions{}.lr);
  CHECK(sgd.find("nesterov")->flag);
  CHECK(optim::optimizer_info("adamw").find("weight_decay")->default_value == 1e-2);
  CHECK(optim::optimizer_info("adam").find("weight_decay")->default_value == 0);
  CHECK(optim::optimizer_info("rmsprop").find("alpha")->range.max_open);
  CHECK(optim::optimizer_names() ==
        std::vector<std::string>{"sgd", "adagrad", "rmsprop", "adadelta", "adam", "adamw"});
  try {
    optim::optimizer_info("adamax");
    FAIL("no error");
  } catch (const basecamp::Error& e) {
    CHECK(e.info().code == code::unknown_name);
    CHECK(e.info().field == "optimizer");
    CHECK(e.info().text == "adamax");
  }
}

TEST_CASE("every hyperparameter's limits are what make_optimizer checks, with codes", "[optim]") {
  for (const auto& o : optim::optimizer_catalogue()) {
    for (const auto& h : o.hyperparameters) {
      INFO(o.name << " " << h.name);
      if (h.flag) continue;
      // The default builds.
      CHECK(error_of(o.name, h.name, h.default_value).code == "none");
      // Just below the lower limit, and at an open one.
      const double below = h.range.min_open ? h.range.min : h.range.min - 0.5;
      const auto low = error_of(o.name, h.name, below);
      CHECK(low.code == code::out_of_range);
      CHECK(low.field == h.name);
      CHECK(low.value == below);
      CHECK(low.min == h.range.min);
      CHECK(low.min_open == h.range.min_open);
      if (std::isfinite(h.range.max)) {
        const double above = h.range.max_open ? h.range.max : h.range.max + 0.5;
        const auto high = error_of(o.name, h.name, above);
        CHECK(high.code == code::out_of_range);
        CHECK(high.max == h.range.max);
        CHECK(high.max_open == h.range.max_open);
      } else {
        CHECK(std::isnan(low.max));  // no upper limit travels as NaN
      }
      const auto nan = error_of(o.name, h.name, std::numeric_limits<double>::quiet_NaN());
      CHECK(nan.code == code::not_finite);
      CHECK(nan.field == h.name);
    }
  }
}

TEST_CASE("foreign settings and the nesterov rule carry their codes", "[optim]") {
  const auto foreign = error_of("adam", "momentum", 0.9);
  CHECK(foreign.code == code::not_a_setting);
  CHECK(foreign.field == "momentum");
  CHECK(foreign.text == "Adam");
  CHECK_THROWS_AS(optim::OptimizerSettings{}.set("learning_rate", 1), basecamp::Error);
  const auto nesterov = error_of("sgd", "nesterov", 1);
  CHECK(nesterov.code == code::nesterov_needs_momentum);
  CHECK(nesterov.field == "nesterov");
}

TEST_CASE("schedules are checked against the catalogue's limits", "[optim]") {
  CHECK(optim::schedule_info("step").parameters.size() == 2);
  try {
    optim::Schedule::named("exponential", {{"gamma", 0}});
    FAIL("no error");
  } catch (const basecamp::Error& e) {
    CHECK(e.info().code == code::out_of_range);
    CHECK(e.info().field == "gamma");
  }
  try {
    optim::Schedule::named("step", {{"gamma", 0.5}});
    FAIL("no error");
  } catch (const basecamp::Error& e) {
    CHECK(e.info().code == code::missing);
    CHECK(e.info().field == "step_size");
  }
  try {
    optim::Schedule::named("constant", {{"decay", 1}});
    FAIL("no error");
  } catch (const basecamp::Error& e) {
    CHECK(e.info().code == code::not_a_setting);
  }
  CHECK(optim::Schedule::named("step", {{"step_size", 10}, {"gamma", 0.5}}).lr_at(1, 10) == 0.5);
}
