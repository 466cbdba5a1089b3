// The per-layer signals of a training batch (nn/signals.hpp), each against a direct computation:
// norms and the update ratio from a twin model stepped by hand, the activation statistics from
// the layer's outputs, dead ReLUs from a unit killed on purpose.
#include "helpers.hpp"

using namespace nn_test;

namespace {

double norm(const Tensor<float>& t) { return std::sqrt(t.cast<double>().squaredNorm()); }

FitOptions full_batch(int n) {
  FitOptions f;
  f.batch_size = n;  // one batch of every row, in order: the twin can repeat it
  f.shuffle = false;
  return f;
}

}  // namespace

TEST_CASE("activation statistics: range, mean, spread, histogram and dead units", "[nn][signals]") {
  // Two units, three rows: unit 0 never fires, unit 1 gives 1, 0, 2.
  const float outputs[] = {0, 1, 0, 0, 0, 2};
  LayerSignals s;
  describe_activations(outputs, 6, 2, true, 4, s);
  CHECK(s.activation_min == 0);
  CHECK(s.activation_max == 2);
  CHECK(s.activation_mean == Approx(0.5));
  CHECK(s.activation_std == Approx(std::sqrt(5.0 / 6.0 - 0.25)));
  CHECK(s.histogram == std::vector<double>{4, 0, 1, 1});  // bins of 0.5; the maximum in the last
  CHECK(s.dead_fraction == 0.5);

  describe_activations(outputs, 6, 2, false, 4, s);
  CHECK(std::isnan(s.dead_fraction));  // only ReLU layers have dead units

  const float diverged[] = {1, std::numeric_limits<float>::quiet_NaN()};
  describe_activations(diverged, 2, 1, true, 3, s);
  CHECK(s.histogram == std::vector<double>{0, 0, 0});  // nothing honest to bin
}

TEST_CASE("signals of one batch match a twin model stepped by hand", "[nn][signals]") {
  const ModelSpec s = spec(3, {dense(5, Activation::relu), dense(3, Activation::softmax)},
                           Loss::categorical_crossentropy);
  const Dataset<float> data = blobs<float>(40, 3, 3);
  Network net(s, "sgd", lr(0.1));
  // Unit 2 of the hidden layer is dead on every input: no gradient reaches it, it stays dead.
  net.model().bias(0).value(0, 2) = -1000;
  net.set_training(data);
  net.start_fit(full_batch(40));
  const std::vector<LayerSignals> signals = net.run_batch_with_signals(16);
  REQUIRE(signals.size() == 2);

  Model<float> twin(s);
  twin.bias(0).value(0, 2) = -1000;
  std::vector<std::size_t> rows(40);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  Rng unused(1);
  twin.compute_gradients(data, rows, unused);
  for (int i = 0; i < 2; ++i) {
    const LayerSignals& g = signals[static_cast<std::size_t>(i)];
    const Tensor<float>& before = twin.kernel(i).value;
    const Tensor<float>& after = net.model().kernel(i).value;
    CHECK(g.layer == i);
    CHECK(g.weight_norm == Approx(norm(after)));
    CHECK(g.grad_norm == Approx(norm(twin.kernel(i).grad)));
    // SGD without momentum: ΔW = −lr·∂L/∂W, so the ratio is lr·‖g‖/‖W‖.
    CHECK(g.update_ratio == Approx(norm(after - before) / norm(before)));
    CHECK(g.update_ratio == Approx(0.1 * norm(twin.kernel(i).grad) / norm(before)).epsilon(1e-4));
  }
  CHECK(signals[0].activation == Activation::relu);
  CHECK(signals[0].dead_fraction == Approx(1.0 / 5.0));
  CHECK(std::isnan(signals[1].dead_fraction));

  // The activations are those of the probe (the first 16 rows) after the step, dropout off.
  Tensor<float> probe(16, 3);
  data.gather_x(std::span<const std::size_t>(rows.data(), 16), probe);
  const std::vector<Tensor<float>> out = net.model().layer_outputs(probe);
  CHECK(signals[0].activation_min == Approx(out[0].minCoeff()));
  CHECK(signals[0].activation_max == Approx(out[0].maxCoeff()));
  CHECK(signals[1].activation_mean == Approx(1.0 / 3.0));  // softmax rows sum to 1
  double counted = 0;
  for (double c : signals[1].histogram) counted += c;
  CHECK(counted == 16 * 3);
}

TEST_CASE("signals of a convnet count a Conv2D's filters as its units", "[nn][signals][conv]") {
  ModelSpec s = spec(16, {LayerSpec::conv2d(4, 3, 3, Activation::relu), LayerSpec::flatten(),
                          dense(2, Activation::softmax)},
                     Loss::categorical_crossentropy);
  s.image = ImageShape{4, 4, 1};
  Tensor<float> x = Tensor<float>::Constant(6, 16, 0.5f), y = Tensor<float>::Zero(6, 2);
  for (int i = 0; i < 6; ++i) y(i, i % 2) = 1;
  Network net(s, "adam", lr(0.01));
  // Filter 1 dead: a large negative bias against inputs in [0, 1].
  net.model().bias(0).value(0, 1) = -1000;
  net.set_training(Dataset<float>::from_tensors(x, y));
  net.start_fit(full_batch(6));
  const std::vector<LayerSignals> signals = net.run_batch_with_signals(6);
  REQUIRE(signals.size() == 2);
  CHECK(signals[0].kind == LayerSpec::Kind::conv2d);
  CHECK(signals[0].dead_fraction == Approx(0.25));
  CHECK(signals[1].layer == 2);
  CHECK(net.run_batch_with_signals(6).empty());  // the one-epoch fit is over
  CHECK_THROWS_AS(net.run_batch_with_signals(0), Error);
}
