// nn/trainer and nn/model in training: XOR and a 1-D regression with every optimizer; true
// SGD, mini-batch and full batch; Keras's validation_split; callbacks; pause/resume;
// reproducibility; penalties; dropout off in predict/evaluate; evaluate/predict semantics.
#include "helpers.hpp"

using namespace nn_test;
using Catch::Matchers::Contains;

namespace {

struct OptimizerCase {
  std::string label, name;
  optim::OptimizerSettings settings;
};

std::vector<OptimizerCase> optimizer_cases(double scale) {
  const auto with = [](double lr, auto tweak) {
    optim::OptimizerSettings s;
    s.lr = lr;
    tweak(s);
    return s;
  };
  const auto none = [](optim::OptimizerSettings&) {};
  return {
      {"sgd", "sgd", with(0.5 * scale, none)},
      {"sgd+momentum", "sgd", with(0.1 * scale, [](auto& s) { s.momentum = 0.9; })},
      {"adagrad", "adagrad", with(0.3 * scale, none)},
      {"rmsprop", "rmsprop", with(0.01 * scale, none)},
      {"adadelta", "adadelta", with(10.0 * scale, none)},
      {"adam", "adam", with(0.03 * scale, none)},
      {"adamw", "adamw", with(0.03 * scale, none)},
  };
}

FitOptions options(int epochs, int batch_size, bool shuffle = true) {
  FitOptions o;
  o.epochs = epochs;
  o.batch_size = batch_size;
  o.shuffle = shuffle;
  return o;
}

}  // namespace

TEST_CASE("a 2-4-1 network learns XOR with every optimizer", "[nn]") {
  const auto s = spec(2, {dense(4, Activation::tanh), dense(1, Activation::sigmoid)}, Loss::binary_crossentropy,
                      Init::glorot_uniform, 1);
  for (const auto& c : optimizer_cases(1.0)) {
    Model<float> m(s);
    auto opt = optim::make_optimizer<float>(c.name, c.settings);
    const auto history = fit(m, *opt, xor_data(), options(1500, 4));
    const Evaluation e = m.evaluate(xor_data());
    INFO(c.label << ": loss " << e.loss << " accuracy " << e.metric);
    CHECK(e.metric == 1.0);
    CHECK(e.loss < 0.1);
    CHECK(history.size() == 1500);
    CHECK(history.back().loss < history.front().loss);
  }
}

TEST_CASE("a 1-D regression (sin πx, 1-16-1) trains to low loss with every optimizer", "[nn]") {
  const auto s = spec(1, {dense(16, Activation::tanh), dense(1, Activation::linear)}, Loss::mse, Init::glorot_uniform, 2);
  const auto data = sine_data();
  for (const auto& c : optimizer_cases(0.3)) {
    Model<float> m(s);
    const double before = m.evaluate(data).loss;
    auto opt = optim::make_optimizer<float>(c.name, c.settings);
    fit(m, *opt, data, options(400, 16));
    const Evaluation e = m.evaluate(data);
    INFO(c.label << ": mse " << before << " → " << e.loss);
    CHECK(e.loss < 0.02);
    CHECK(std::isnan(e.metric));  // regression: no accuracy
  }
}

TEST_CASE("true SGD, mini-batch and full-batch gradient descent all converge", "[nn]") {
  const auto s = spec(4, {dense(8, Activation::relu), dense(3, Activation::softmax)}, Loss::categorical_crossentropy);
  const auto data = blobs(90, 4, 3);
  for (int batch : {1, 16, 90, 1000}) {
    Model<float> m(s);
    auto opt = optim::make_optimizer<float>("sgd", lr(batch == 1 ? 0.01 : 0.1));
    Trainer<float> t(m, *opt, data, options(batch >= 90 ? 300 : 30, batch));
    CHECK(t.batches_per_epoch() == (batch == 16 ? 6 : batch == 1 ? 90 : 1));  // last partial batch used
    while (t.run_batches(7)) {
    }
    const Evaluation e = m.evaluate(data);
    INFO("batch " << batch << ": loss " << e.loss << " accuracy " << e.metric);
    CHECK(e.loss < 0.2);
    CHECK(e.metric > 0.95);
    CHECK(t.last_batch().samples_seen == static_cast<long long>(t.history().size()) * 90);
  }
}

TEST_CASE("validation_split takes the last fraction, before shuffling", "[nn]") {
  const auto s = spec(2, {dense(2, Activation::softmax)}, Loss::categorical_crossentropy);
  // Rows 0..9; the last 3 (floor(10·0.7) = 7) are the validation set.
  Tensor<float> x(10, 2), y = Tensor<float>::Zero(10, 2);
  for (int i = 0; i < 10; ++i) {
    x(i, 0) = static_cast<float>(i);
    x(i, 1) = 1;
    y(i, i < 7 ? 0 : 1) = 1;
  }
  const auto data = Dataset<float>::from_tensors(x, y);
  Model<float> m(s);
  auto opt = optim::make_optimizer<float>("sgd", lr(0.01));
  FitOptions o = options(1, 4);
  o.validation_split = 0.3;
  Trainer<float> t(m, *opt, data, o);
  CHECK(t.train_size() == 7);
  CHECK(t.validation_size() == 3);
  CHECK(t.batches_per_epoch() == 2);
  // The validation loss equals evaluate() on rows 7..9 after training.
  while (t.run_batches(100)) {
  }
  const Evaluation v = m.evaluate(data.slice(7, 3));
  REQUIRE(t.history().size() == 1);
  CHECK(t.history()[0].has_validation);
  CHECK(t.history()[0].val_loss == v.loss);
  CHECK(t.history()[0].val_metric == v.metric);
  // Explicit validation data wins over the split.
  Model<float> m2(s);
  Trainer<float> t2(m2, *opt, data, o, data.slice(0, 5));
  CHECK(t2.train_size() == 10);
  CHECK(t2.validation_size() == 5);
  // A split that leaves nothing is refused.
  o.validation_split = 0.95;  // floor(10 · 0.05) = 0 for training
  CHECK_THROWS_WITH(Trainer<float>(m, *opt, data, o), Contains("validation_split 0.95") && Contains("leaves 0 for training"));
}

TEST_CASE("callbacks report progress and stop training", "[nn]") {
  const auto s = spec(4, {dense(5, Activation::relu), dense(3, Activation::softmax)}, Loss::categorical_crossentropy);
  const auto data = blobs(50, 4, 3);
  Model<float> m(s);
  auto opt = optim::make_optimizer<float>("adam", lr(0.01));
  std::vector<BatchLog> batches;
  std::vector<EpochLog> epochs;
  FitOptions o = options(10, 16);
  o.validation_split = 0.2;  // 40 train (3 batches: 16, 16, 8), 10 validation
  const auto history = fit(
      m, *opt, data, o, std::nullopt,
      [&](const BatchLog& b) {
        batches.push_back(b);
        return !(b.epoch == 2 && b.batch == 2);  // stop in the middle of epoch 2
      },
      [&](const EpochLog& e) {
        epochs.push_back(e);
        return true;
      });
  REQUIRE(batches.size() == 5);
  CHECK(batches[0].epoch == 1);
  CHECK(batches[0].batch == 1);
  CHECK(batches[0].batches_per_epoch == 3);
  CHECK(batches[0].samples_seen == 16);
  CHECK(batches[2].samples_seen == 40);
  CHECK(batches[2].epoch_end);
  CHECK(batches[3].epoch == 2);
  CHECK(batches[4].samples_seen == 72);
  CHECK(batches[0].loss == batches[0].batch_loss);
  CHECK(batches[1].loss == Approx((batches[0].batch_loss + batches[1].batch_loss) / 2));
  CHECK(batches[2].loss == Approx((16 * batches[0].batch_loss + 16 * batches[1].batch_loss + 8 * batches[2].batch_loss) / 40));
  CHECK(batches[2].metric >= 0);
  // As in Keras, the stopped epoch is closed: its log covers the batches run, with validation.
  REQUIRE(epochs.size() == 2);
  CHECK(history.size() == 2);
  CHECK(epochs[0].loss == batches[2].loss);
  CHECK(epochs[1].loss == batches[4].loss);
  CHECK(epochs[1].has_validation);
  CHECK(std::isfinite(epochs[1].val_loss));

  // on_epoch returning false stops after that epoch.
  Model<float> m2(s);
  int seen = 0;
  const auto h2 = fit(m2, *opt, data, options(10, 16), std::nullopt, {}, [&](const EpochLog&) { return ++seen < 3; });
  CHECK(h2.size() == 3);
}

TEST_CASE("pausing between batches gives the same run as an uninterrupted one", "[nn]") {
  auto s = spec(4, {dense(8, Activation::relu), LayerSpec::dropout(0.25), dense(3, Activation::softmax)},
                Loss::categorical_crossentropy);
  s.l2 = 1e-3;
  const auto data = blobs(70, 4, 3);
  FitOptions o = options(4, 8);
  o.validation_split = 0.2;
  const auto run = [&](int chunk) {
    Model<float> m(s);
    auto opt = optim::make_optimizer<float>("rmsprop", lr(0.01));
    Trainer<float> t(m, *opt, data, o);
    std::vector<double> curve;
    t.on_batch = [&](const BatchLog& b) {
      curve.push_back(b.batch_loss);
      return true;
    };
    int calls = 0;
    while (t.run_batches(chunk)) ++calls;
    for (const auto& e : t.history()) curve.push_back(e.val_loss);
    curve.push_back(m.kernel(0).value.sum());
    CHECK(t.history().size() == 4);
    return curve;
  };
  const auto whole = run(1000);
  CHECK(whole.size() == 4 * 7 + 4 + 1);
  CHECK(run(1) == whole);  // bit for bit
  CHECK(run(3) == whole);
}

TEST_CASE("the same seed reproduces a run bit for bit, another seed does not", "[nn]") {
  const auto s = spec(4, {dense(8, Activation::tanh), LayerSpec::dropout(0.5), dense(3, Activation::softmax)},
                      Loss::categorical_crossentropy, Init::he_normal, 11);
  const auto data = blobs(40, 4, 3);
  const auto run = [&](std::optional<std::uint64_t> seed) {
    Model<float> m(s);
    auto opt = optim::make_optimizer<float>("adam", lr(0.01));
    FitOptions o = options(3, 8);
    o.seed = seed;
    std::vector<double> curve;
    fit(m, *opt, data, o, std::nullopt, [&](const BatchLog& b) {
      curve.push_back(b.batch_loss);
      return true;
    });
    return curve;
  };
  CHECK(run(std::nullopt) == run(std::nullopt));
  CHECK(run(5) == run(5));
  CHECK(run(5) != run(6));
}

TEST_CASE("L1 and L2 penalties add l1·Σ|W| + l2·ΣW² of the kernels to the loss", "[nn]") {
  auto s = spec(2, {dense(2, Activation::linear), dense(1, Activation::linear)}, Loss::mse);
  Model<double> plain(s);
  s.l1 = 0.1;
  s.l2 = 0.5;
  Model<double> penalised(s);
  // Hand-set weights: W1 = [[1, −2], [0.5, 0]], b1 = [3, 3] (biases are not penalised),
  // W2 = [[−1], [2]].   Σ|W| = 1 + 2 + 0.5 + 0 + 1 + 2 = 6.5;  ΣW² = 1 + 4 + 0.25 + 0 + 1 + 4 = 10.25
  for (Model<double>* m : {&plain, &penalised}) {
    m->kernel(0).value << 1, -2, 0.5, 0;
    m->bias(0).value << 3, 3;
    m->kernel(1).value << -1, 2;
  }
  const double expected = 0.1 * 6.5 + 0.5 * 10.25;  // 5.775
  CHECK(penalised.penalty() == Approx(expected).epsilon(1e-12));
  Tensor<double> x(3, 2), y(3, 1);
  x << 1, 2, -1, 0.5, 0, 0;
  y << 1, 0, -1;
  const Evaluation a = plain.evaluate(x, y), b = penalised.evaluate(x, y);
  CHECK(b.loss - a.loss == Approx(expected).epsilon(1e-12));
  // The training loss (on the tape) includes the same amount, and its gradient is
  // l1·sign(W) + 2·l2·W on the kernels and nothing extra on the biases.
  Rng r1(1), r2(1);
  const double la = plain.compute_gradients(x, y, r1).loss, lb = penalised.compute_gradients(x, y, r2).loss;
  CHECK(lb - la == Approx(expected).epsilon(1e-12));
  const Tensor<double> sign = penalised.kernel(0).value.array().sign().matrix();
  const Tensor<double> extra = penalised.kernel(0).grad - plain.kernel(0).grad;
  const Tensor<double> expected_grad = 0.1 * sign + 2 * 0.5 * penalised.kernel(0).value;
  CHECK((extra - expected_grad).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((penalised.bias(0).grad - plain.bias(0).grad).cwiseAbs().maxCoeff() == 0);
  CHECK(a.loss == Approx(plain.evaluate(x, y).loss));  // evaluate is repeatable
}

TEST_CASE("dropout is the identity in predict and evaluate", "[nn]") {
  const auto with = spec(3, {dense(6, Activation::relu), LayerSpec::dropout(0.5), dense(2, Activation::softmax)},
                         Loss::categorical_crossentropy);
  auto without = with;
  without.layers[1].rate = 0.0;
  Model<float> a(with), b(without);
  const auto data = blobs(20, 3, 2);
  Tensor<float> x, y;
  std::vector<std::size_t> all(20);
  std::iota(all.begin(), all.end(), std::size_t{0});
  data.gather(all, x, y);
  CHECK(a.predict(x) == b.predict(x));
  CHECK(a.predict(x) == a.predict(x));
  CHECK(a.evaluate(data).loss == b.evaluate(data).loss);
  // ...and not in training: the same batch gives different losses with and without it.
  std::vector<std::size_t> rows(20);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  Rng r1(3), r2(3);
  CHECK(a.compute_gradients(data, rows, r1).loss != b.compute_gradients(data, rows, r2).loss);
}

TEST_CASE("predict gives probabilities, evaluate's accuracy and loss match predict", "[nn]") {
  const auto s = spec(4, {dense(8, Activation::relu), dense(3, Activation::softmax)}, Loss::categorical_crossentropy);
  const auto data = blobs(1200, 4, 3);  // more rows than kEvalBatch: chunks
  Model<float> m(s);
  auto opt = optim::make_optimizer<float>("adam", lr(0.01));
  fit(m, *opt, data, options(2, 32));
  const Tensor<float> p = m.predict(data);
  REQUIRE(p.rows() == 1200);
  CHECK((p.rowwise().sum().array() - 1).abs().maxCoeff() < 1e-5);
  Tensor<float> x, y;
  std::vector<std::size_t> rows(1200);
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  data.gather(rows, x, y);
  double correct = 0, ce = 0;
  for (int i = 0; i < 1200; ++i) {
    Eigen::Index a = 0, b = 0;
    p.row(i).maxCoeff(&a);
    y.row(i).maxCoeff(&b);
    correct += a == b;
    ce -= std::log(static_cast<double>(p(i, b)));
  }
  const Evaluation e = m.evaluate(data);
  CHECK(e.metric == correct / 1200);
  CHECK(e.loss == Approx(ce / 1200).epsilon(1e-4));
  CHECK(m.predict(x) == p);
  // Binary: accuracy thresholds at 0.5.
  const auto sb = spec(2, {dense(4, Activation::tanh), dense(1, Activation::sigmoid)}, Loss::binary_crossentropy);
  Model<float> mb(sb);
  const Tensor<float> pb = mb.predict(xor_data());
  CHECK(pb.rows() == 4);
  CHECK(((pb.array() > 0) && (pb.array() < 1)).all());
  const Evaluation eb = mb.evaluate(xor_data());
  CHECK(eb.metric >= 0);
  CHECK(eb.metric <= 1);
}

TEST_CASE("byte data (MNIST-like) trains like the same data as floats", "[nn]") {
  Rng rng(8);
  const int n = 30, d = 12, k = 4;
  std::vector<std::uint8_t> pixels(n * d), labels(n);
  Tensor<float> x(n, d), y = Tensor<float>::Zero(n, k);
  for (int i = 0; i < n; ++i) {
    labels[i] = static_cast<std::uint8_t>(rng.below(k));
    y(i, labels[i]) = 1;
    for (int j = 0; j < d; ++j) {
      pixels[i * d + j] = static_cast<std::uint8_t>(rng.below(256));
      x(i, j) = static_cast<float>(pixels[i * d + j]) / 255.0f;
    }
  }
  const auto bytes = Dataset<float>::from_bytes(pixels, n, d, labels, k);
  const auto floats = Dataset<float>::from_tensors(x, y);
  const auto s = spec(d, {dense(6, Activation::relu), dense(k, Activation::softmax)}, Loss::categorical_crossentropy);
  Model<float> a(s), b(s);
  auto oa = optim::make_optimizer<float>("sgd", lr(0.1));
  auto ob = optim::make_optimizer<float>("sgd", lr(0.1));
  const auto ha = fit(a, *oa, bytes, options(3, 7));
  const auto hb = fit(b, *ob, floats, options(3, 7));
  CHECK(ha.back().loss == hb.back().loss);
  CHECK(a.predict(bytes) == b.predict(floats));
  CHECK_THROWS_WITH(Dataset<float>::from_bytes(pixels, n, d, labels, 3), Contains("label 3") && Contains("classes = 3"));
  CHECK_THROWS_WITH(Dataset<float>::from_bytes(pixels, n, d + 1, labels, k), Contains("do not fill"));
}

TEST_CASE("data that does not fit the model is refused with its shape", "[nn]") {
  const auto s = spec(3, {dense(2, Activation::softmax)}, Loss::categorical_crossentropy);
  Model<float> m(s);
  auto opt = optim::make_optimizer<float>("sgd", lr(0.1));
  const auto wrong_x = blobs(10, 4, 2);
  CHECK_THROWS_WITH(Trainer<float>(m, *opt, wrong_x, options(1, 4)), Contains("4 columns") && Contains("3 inputs"));
  const auto wrong_y = blobs(10, 3, 5);
  CHECK_THROWS_WITH(Trainer<float>(m, *opt, wrong_y, options(1, 4)), Contains("5 columns") && Contains("2 outputs"));
  CHECK_THROWS_WITH(m.predict(Tensor<float>::Zero(2, 5)), Contains("5 columns"));
  CHECK_THROWS_WITH(Dataset<float>::from_tensors(Tensor<float>::Zero(2, 3), Tensor<float>::Zero(3, 2)), Contains("same number of rows"));
  FitOptions o = options(1, 0);
  CHECK_THROWS_WITH(Trainer<float>(m, *opt, blobs(10, 3, 2), o), Contains("batch_size") && Contains("got 0"));
  Trainer<float> t(m, *opt, blobs(10, 3, 2), options(1, 4));
  CHECK_THROWS_WITH(t.run_batches(0), Contains("got 0"));
}
