// The lessons' settings readers (nn/read.hpp, optim/read.hpp, boundary/read.hpp,
// generalize/read.hpp, surfaces/read.hpp, backprop/read.hpp): a JSON text in, the core's struct
// out, every error structured. The page sends the same objects (wasm/convert.hpp: value_from_js).
#include <catch2/catch.hpp>

#include "../boundary/helpers.hpp"
#include "backprop/read.hpp"
#include "boundary/read.hpp"
#include "generalize/read.hpp"
#include "json.hpp"
#include "nn/read.hpp"
#include "optim/read.hpp"
#include "surfaces/read.hpp"

using namespace basecamp;
using boundary_test::expect_error;

TEST_CASE("nn::spec_from: dense, dropout and image layers; the spec's own checks", "[settings]") {
  const nn::ModelSpec s = nn::spec_from(parse_json(R"({"inputs": 4, "layers": [{"units": 8, "activation": "relu"},
      {"dropout": 0.5}, {"units": 3, "activation": "softmax"}], "loss": "categorical_crossentropy", "l2": 0.01, "seed": 7})"));
  CHECK(s.inputs == 4);
  REQUIRE(s.layers.size() == 3);
  CHECK(s.layers[0].units == 8);
  CHECK(s.layers[0].activation == nn::Activation::relu);
  CHECK(s.layers[1].kind == nn::LayerSpec::Kind::dropout);
  CHECK(s.l2 == 0.01);
  CHECK(s.seed == 7);
  const nn::ModelSpec c = nn::spec_from(parse_json(R"({"inputs": 36, "image": [6, 6, 1], "layers": [
      {"conv2d": 2, "kernel": [3, 2], "activation": "relu"}, {"maxpool2d": 2}, {"flatten": true},
      {"units": 3, "activation": "softmax"}], "loss": "categorical_crossentropy"})"));
  CHECK(c.image.height == 6);
  CHECK(c.layers[0].kernel_h == 3);
  CHECK(c.layers[0].kernel_w == 2);
  CHECK(c.layers[1].kind == nn::LayerSpec::Kind::maxpool2d);

  CHECK_THROWS_WITH(nn::spec_from(parse_json(R"({"inputs": 0, "layers": []})")),
                    "model: inputs must be an integer in [1, 1048576], got 0");
  CHECK_THROWS_WITH(nn::spec_from(parse_json("42")), "model: expected a spec object {inputs, layers, loss, ...}");
  CHECK_THROWS_WITH(nn::spec_from(parse_json(R"({"inputs": 2, "layers": [{"units": 2.5}]})")),
                    "model: layer 1 units must be an integer in [1, 16384], got 2.5");
  CHECK_THROWS_WITH(nn::spec_from(parse_json(R"({"inputs": 2, "layers": [{"pool": 2}]})")),
                    Catch::Contains("layer 1 must be {units, activation}"));
  expect_error([] { nn::spec_from(parse_json(R"({"inputs": 2, "layers": [{"units": 2, "activation": "swish"}]})")); },
               code::unknown_name, "activation", "swish");
  expect_error([] { nn::spec_from(parse_json(R"({"inputs": 2, "layers": [{"units": 2}], "l2": -1})")); },
               code::out_of_range, "l2");
}

TEST_CASE("nn::fit_options_from and the Keras request", "[settings]") {
  const nn::FitOptions o = nn::fit_options_from(parse_json(R"({"epochs": 3, "batchSize": 16, "shuffle": false, "seed": 5})"));
  CHECK(o.epochs == 3);
  CHECK(o.batch_size == 16);
  CHECK_FALSE(o.shuffle);
  CHECK(o.seed == 5u);
  CHECK(nn::fit_options_from(Value{}).batch_size == 32);
  expect_error([] { nn::fit_options_from(parse_json(R"({"validationSplit": 1})")); }, code::out_of_range, "validation_split");
  const nn::MnistKerasExport e = nn::keras_request_from(parse_json(R"({"spec": {"inputs": 784, "layers":
      [{"units": 10, "activation": "softmax"}], "loss": "categorical_crossentropy"}, "optimizer": "adam",
      "settings": {"lr": 0.002}, "validation": "split", "trainSize": 1000})"));
  CHECK(e.optimizer == "adam");
  CHECK(e.settings.lr == 0.002);
  CHECK(e.fit.validation_split == 0.1);  // 'split' without a split: the worker's 0.1
  CHECK(e.train_size == 1000);
}

TEST_CASE("optim::settings_from and schedule_from", "[settings]") {
  const optim::OptimizerSettings s = optim::settings_from(parse_json(R"({"lr": 0.1, "nesterov": true, "momentum": 0.9})"));
  CHECK(s.lr == 0.1);
  CHECK(s.nesterov == true);
  expect_error([] { optim::settings_from(parse_json(R"({"betaa": 0.9})")); }, code::not_a_setting, "betaa");
  expect_error([] { optim::settings_from(parse_json(R"({"lr": "x"})")); }, code::invalid, "lr");
  const optim::Schedule step = optim::schedule_from(parse_json(R"({"kind": "step", "step_size": 10, "gamma": 0.5})"));
  CHECK(step.lr_at(1.0, 10) == 0.5);
  CHECK(optim::schedule_from(Value{}).lr_at(1.0, 100) == 1.0);
}

TEST_CASE("boundary readers: points, data sets, lab settings", "[settings]") {
  const boundary::DataSet d = boundary::dataset_from(parse_json(R"({"train": {"x1": [0, 1], "x2": [1, 0], "label": [0, 1]},
      "test": {"x1": [0.5], "x2": [0.5], "label": [1]}, "classes": 2})"));
  CHECK(d.train.size() == 2);
  CHECK(d.class_names == std::vector<std::string>{"0", "1"});
  CHECK_THROWS_WITH(boundary::points_from(parse_json(R"({"x1": [0], "x2": [0]})")), "boundary: label must be an array of numbers");
  const boundary::LabSettings s = boundary::lab_settings_from(parse_json(R"({"features": ["x2", "x1"], "hidden": [3],
      "activations": ["relu"], "optimizer": "adam", "optimizerSettings": {"beta1": 0.8}, "lr": 0.01, "batchSize": 5})"));
  CHECK(s.features == std::vector<boundary::Feature>{boundary::Feature::x1, boundary::Feature::x2});
  CHECK(s.hidden == std::vector<int>{3});
  CHECK(s.optimizer_settings.beta1 == 0.8);
  CHECK(s.batch_size == 5);
  expect_error([] { boundary::lab_settings_from(parse_json(R"({"features": ["x9"]})")); }, code::unknown_name, "feature", "x9");
  CHECK(boundary::data_spec_from(parse_json(R"({"name": "xor", "points": 50, "seed": -3})")).seed == 0);
}

TEST_CASE("generalize readers: points, fit spec, init spec, roles", "[settings]") {
  CHECK(generalize::curve_data_from(parse_json(R"({"x": [0, 1], "y": [2, 3]})"), "train").y[1] == 3);
  CHECK_THROWS_WITH(generalize::curve_data_from(parse_json(R"({"x": [0, 1], "y": [2]})"), "train"),
                    "generalize: train: x and y differ in length");
  const generalize::FitSpec f = generalize::fit_spec_from(parse_json(R"({"model": "mlp", "hidden": 8, "penalty": "l2", "lambda": 0.1, "recordEvery": 5})"));
  CHECK(f.model == generalize::ModelKind::mlp);
  CHECK(f.hidden == 8);
  CHECK(f.record_every == 5);
  expect_error([] { generalize::fit_spec_from(parse_json(R"({"degree": 99})")); }, code::out_of_range, "degree");
  expect_error([] { generalize::fit_spec_from(parse_json(R"({"penalty": "l9"})")); }, code::unknown_name, "penalty", "l9");
  CHECK(generalize::init_spec_from(parse_json(R"({"rule": "he", "units": 10})")).units == 10);
  CHECK(generalize::roles_from(parse_json("[0, 2, 1]"))[1] == generalize::Role::test);
  CHECK_THROWS_WITH(generalize::roles_from(parse_json("[3]")), Catch::Contains("a role must be"));
}

TEST_CASE("surfaces and the comparison settings", "[settings]") {
  CHECK(surfaces::surface_from(parse_json(R"({"surface": "bowl"})"))->name == "bowl");
  const auto r = surfaces::surface_from(parse_json(R"({"surface": "regression", "x": [0, 1, 2], "y": [1, 3, 5]})"));
  CHECK(r->minima.at(0).x == Approx(2));
  expect_error([] { surfaces::surface_from(parse_json(R"({"surface": "volcano"})")); }, code::unknown_name, "surface", "volcano");
  CHECK(surfaces::regression_from(parse_json("{}"))->fit().m > 0);
  const backprop::FdSettings fd = backprop::fd_settings_from(parse_json(R"({"batch": 4, "fdSample": 100})"));
  CHECK(fd.batch == 4);
  CHECK(fd.fd_sample == 100);
}
