// The boundary lab: the batched heatmap equals per-point predictions, training learns,
// determinism and resumability, settings changed between steps, weights set by hand, refusals.
#include <catch2/catch.hpp>

#include <cmath>

#include "boundary/datasets.hpp"
#include "boundary/lab.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::boundary;
using boundary_test::expect_error;

namespace {
DataSet data(const std::string& name, int points = 200, double noise = 0.0, std::uint64_t seed = 1) {
  DataSpec s;
  s.name = name;
  s.points = points;
  s.noise = noise;
  s.seed = seed;
  return make_dataset(s);
}

// The heatmap's output layer against Model::predict at every pixel centre.
void heatmap_matches_predict(Lab& lab, int n) {
  GridSpec g;
  g.size = n;
  const Heatmaps h = lab.heatmaps(g);
  REQUIRE(h.layers.size() == lab.settings().hidden.size() + 2);
  std::vector<double> x1, x2;
  const double cell = (g.hi - g.lo) / n;
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      x1.push_back(g.lo + (c + 0.5) * cell);
      x2.push_back(g.hi - (r + 0.5) * cell);
    }
  const Tensor<double> p = lab.predict(x1, x2);
  const std::vector<double>& out = h.layers.back();
  REQUIRE(h.units.back() == p.cols());
  REQUIRE(out.size() == static_cast<std::size_t>(p.size()));
  double worst = 0;
  for (Eigen::Index i = 0; i < p.rows(); ++i)
    for (Eigen::Index j = 0; j < p.cols(); ++j)
      worst = std::max(worst, std::abs(out[static_cast<std::size_t>(j * p.rows() + i)] - p(i, j)));
  CHECK(worst < 1e-12);
  // The input layer is the features themselves: neuron 0 is x1, left to right.
  CHECK(h.layers[0][0] == Approx(g.lo + cell / 2));
  CHECK(h.layers[0][static_cast<std::size_t>(n - 1)] == Approx(g.hi - cell / 2));
}
}  // namespace

TEST_CASE("boundary lab: one batched heatmap equals per-point predictions (2 classes, K classes, regression)", "[boundary]") {
  LabSettings s;
  s.features = {Feature::x1, Feature::x2, Feature::x1sq, Feature::sinx2};
  s.hidden = {5, 3};
  s.activations = {nn::Activation::relu, nn::Activation::sigmoid};
  s.dropout = 0.2;
  s.l2 = 0.001;
  for (const char* name : {"circle", "spiral3", "multigauss"}) {
    INFO(name);
    Lab lab(data(name), s);
    lab.step(3);
    heatmap_matches_predict(lab, 37);
  }
}

TEST_CASE("boundary lab: a network learns the circle with x1, x2 and two tanh layers", "[boundary]") {
  LabSettings s;  // Playground's defaults: 4, 2 tanh, SGD lr 0.03, batch 10
  Lab lab(data("circle", 400, 0.0), s);
  const double before = lab.current().train_loss;
  lab.step(150);
  CHECK(lab.epoch() == 150);
  CHECK(lab.history().size() == 151);
  CHECK(lab.current().train_loss < before / 4);
  CHECK(lab.current().test_accuracy > 0.95);
}

TEST_CASE("boundary lab: a linear model cannot separate XOR, x1·x2 makes it easy", "[boundary]") {
  LabSettings s;
  s.hidden = {};
  s.lr = 0.1;
  Lab plain(data("xor", 300), s);
  plain.step(40);
  CHECK(plain.current().test_accuracy < 0.75);
  s.features = {Feature::x1x2};
  Lab product(data("xor", 300), s);
  product.step(40);
  CHECK(product.current().test_accuracy > 0.97);
}

TEST_CASE("boundary lab: the same seed gives the same run; step(3) equals three step(1)", "[boundary]") {
  LabSettings s;
  s.dropout = 0.1;
  s.optimizer = "adam";
  Lab a(data("spiral"), s), b(data("spiral"), s);
  a.step(3);
  b.step(1);
  b.step(1);
  b.step(1);
  CHECK(a.parameters() == b.parameters());
  CHECK(a.current().test_loss == b.current().test_loss);
  s.seed = 2;
  Lab c(data("spiral"), s);
  c.step(3);
  CHECK(c.parameters() != a.parameters());
}

TEST_CASE("boundary lab: the output and loss follow the task", "[boundary]") {
  LabSettings s;
  CHECK(Lab(data("gauss"), s).spec().loss == nn::Loss::binary_crossentropy);
  const Lab k(data("blobs5"), s);
  CHECK(k.spec().loss == nn::Loss::categorical_crossentropy);
  CHECK(nn::output_size(k.spec()) == 5);
  const Lab r(data("plane"), s);
  CHECK(r.spec().loss == nn::Loss::mse);
  CHECK(std::isnan(r.current().train_accuracy));
}

TEST_CASE("boundary lab: settings changed between steps apply from the next step", "[boundary]") {
  LabSettings s;
  Lab lab(data("circle"), s);
  lab.step(2);
  const std::vector<double> w = lab.parameters();
  lab.set_regularization(0.01, 0.02);  // same weights, the loss now has the penalty
  CHECK(lab.parameters() == w);
  CHECK(lab.spec().l1 == 0.01);
  lab.set_dropout(0.3);
  CHECK(lab.parameters() == w);
  lab.set_learning_rate(0.5);
  lab.set_batch_size(1000);  // full batch: one update per epoch
  optim::OptimizerSettings o;
  o.momentum = 0.9;
  lab.set_optimizer("sgd", o);
  lab.step(1);
  CHECK(lab.settings().lr == 0.5);
  CHECK(lab.parameters() != w);

  // A refused change leaves everything as it was.
  const std::vector<double> w2 = lab.parameters();
  expect_error([&] { lab.set_learning_rate(1e9); }, code::out_of_range, "lr");
  expect_error([&] { lab.set_learning_rate(NAN); }, code::not_finite, "lr");
  expect_error([&] { lab.set_batch_size(0); }, code::out_of_range, "batch_size");
  expect_error([&] { lab.set_dropout(0.95); }, code::out_of_range, "dropout");
  optim::OptimizerSettings bad;
  bad.beta1 = 0.9;
  CHECK_THROWS_AS(lab.set_optimizer("sgd", bad), Error);
  CHECK_THROWS_AS(lab.set_optimizer("adamx", {}), Error);
  CHECK(lab.settings().optimizer == "sgd");
  CHECK(lab.parameters() == w2);
  lab.step(1);
  CHECK(std::isfinite(lab.current().train_loss));
}

TEST_CASE("boundary lab: a weight set by hand changes the picture and the loss", "[boundary]") {
  LabSettings s;
  s.hidden = {3};
  Lab lab(data("gauss"), s);
  const double loss = lab.current().train_loss;
  lab.set_weight(0, 1, 2, 4.5);
  CHECK(lab.weight(0, 1, 2) == 4.5);
  CHECK(lab.current().train_loss != loss);
  lab.set_bias(1, 0, -0.25);
  CHECK(lab.bias(1, 0) == -0.25);
  heatmap_matches_predict(lab, 10);
  expect_error([&] { lab.set_weight(2, 0, 0, 1); }, code::out_of_range, "layer");
  expect_error([&] { lab.set_weight(0, 2, 0, 1); }, code::out_of_range, "from");
  expect_error([&] { lab.set_weight(1, 0, 1, 1); }, code::out_of_range, "to");
  expect_error([&] { lab.set_weight(0, 0, 0, 1e4); }, code::out_of_range, "weight");
}

TEST_CASE("boundary lab: the hidden space is the layer's outputs for the points", "[boundary]") {
  LabSettings s;
  s.hidden = {3, 2};
  Lab lab(data("spiral"), s);
  lab.step(2);
  const Tensor<double> h = lab.hidden_space(1, false);
  REQUIRE(h.rows() == static_cast<Eigen::Index>(lab.data().train.size()));
  REQUIRE(h.cols() == 2);
  // Point 0 by hand: tanh(tanh(x·W0 + b0)·W1 + b1).
  const double x[2] = {lab.data().train.x1[0], lab.data().train.x2[0]};
  double first[3];
  for (int j = 0; j < 3; ++j) first[j] = std::tanh(x[0] * lab.weight(0, 0, j) + x[1] * lab.weight(0, 1, j) + lab.bias(0, j));
  for (int j = 0; j < 2; ++j) {
    double z = lab.bias(1, j);
    for (int i = 0; i < 3; ++i) z += first[i] * lab.weight(1, i, j);
    CHECK(h(0, j) == Approx(std::tanh(z)).epsilon(1e-12));
  }
  CHECK(lab.hidden_space(0, true).rows() == static_cast<Eigen::Index>(lab.data().test.size()));
  expect_error([&] { lab.hidden_space(2, false); }, code::out_of_range, "layer");
}

TEST_CASE("boundary lab: bad settings are refused with their field", "[boundary]") {
  const DataSet d = data("circle");
  LabSettings s;
  s.hidden = std::vector<int>(11, 2);
  expect_error([&] { Lab(d, s); }, code::out_of_range, "hidden_layers");
  s.hidden = {4, 33};
  expect_error([&] { Lab(d, s); }, code::out_of_range, "units");
  s.hidden = {4};
  s.activations = {nn::Activation::softmax};
  expect_error([&] { Lab(d, s); }, code::invalid, "activation");
  s.activations = {nn::Activation::relu, nn::Activation::relu};
  expect_error([&] { Lab(d, s); }, code::shape_mismatch, "activations");
  s.activations = {};
  s.features = {};
  expect_error([&] { Lab(d, s); }, code::empty, "features");
  s.features = {Feature::x1};
  s.l2 = -1;
  expect_error([&] { Lab(d, s); }, code::out_of_range, "l2");
  s.l2 = 0;
  s.lr = 0;
  expect_error([&] { Lab(d, s); }, code::out_of_range, "lr");
}
