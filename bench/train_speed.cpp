// bench_train: training speed of the MNIST lesson's network (784 → 512 relu → 128 relu → 10
// softmax, categorical cross-entropy, RMSprop lr 1e-3, alpha 0.9, eps 1e-7 — Keras's settings)
// on random uint8 "images", through the same Trainer the page uses. Not a test.
//   usage: bench_train [batches=200] [batch_size=128] [dropout=0] [optimizer=rmsprop]
// Prints samples/s over the timed batches (after 10 warm-up batches that fill the tape's buffers),
// then the same for a hand-written Eigen forward/backward of the same network (no tape, plain
// SGD): the floor the tape's overhead is measured against on the same machine and load.
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "nn.hpp"

using namespace basecamp;

int main(int argc, char** argv) {
  const int batches = argc > 1 ? std::atoi(argv[1]) : 200;
  const int batch_size = argc > 2 ? std::atoi(argv[2]) : 128;
  const double dropout = argc > 3 ? std::atof(argv[3]) : 0.0;
  const std::string optimizer = argc > 4 ? argv[4] : "rmsprop";
  const int warmup = 10, n = 12800, d = 784, k = 10;

  nn::ModelSpec spec;
  spec.inputs = d;
  spec.layers.push_back(nn::LayerSpec::dense(512, nn::Activation::relu));
  if (dropout > 0) spec.layers.push_back(nn::LayerSpec::dropout(dropout));
  spec.layers.push_back(nn::LayerSpec::dense(128, nn::Activation::relu));
  spec.layers.push_back(nn::LayerSpec::dense(k, nn::Activation::softmax));
  spec.loss = nn::Loss::categorical_crossentropy;
  nn::Model<float> model(spec);

  Rng rng(1);
  std::vector<std::uint8_t> pixels(static_cast<std::size_t>(n) * d), labels(n);
  for (auto& p : pixels) p = static_cast<std::uint8_t>(rng.below(256));
  for (auto& l : labels) l = static_cast<std::uint8_t>(rng.below(k));
  const auto data = nn::Dataset<float>::from_bytes(std::move(pixels), n, d, std::move(labels), k);

  optim::OptimizerSettings s;
  s.lr = 1e-3;
  if (optimizer == "rmsprop") {
    s.alpha = 0.9;
    s.eps = 1e-7;
  }
  auto opt = optim::make_optimizer<float>(optimizer, s);
  nn::FitOptions o;
  o.epochs = 1000;
  o.batch_size = batch_size;
  nn::Trainer<float> trainer(model, *opt, data, o);

  for (int i = 0; i < warmup; ++i) trainer.run_batches(1);
  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  long long samples = 0;
  for (int i = 0; i < batches; ++i) {
    trainer.run_batches(1);
    samples += batch_size;  // n is a multiple of 128: every batch is full at the default size
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  // Wall time is what a learner waits; CPU time is the figure to compare on a busy machine.
  std::printf("bench_train: %s, batch %d, %s: %d batches in %.3f s wall (%.0f samples/s), "
              "%.3f s CPU (%.0f samples/s per core); last loss %.4f\n",
              nn::describe(spec).c_str(), batch_size, optimizer.c_str(), batches, seconds, static_cast<double>(samples) / seconds, cpu,
              static_cast<double>(samples) / cpu, trainer.last_batch().batch_loss);

  // The baseline: the same products by hand, buffers allocated once.
  using M = Tensor<float>;
  const int b = batch_size;
  M w1 = model.kernel(0).value, w2 = model.kernel(1).value, w3 = model.kernel(2).value;
  M b1 = M::Zero(1, 512), b2 = M::Zero(1, 128), b3 = M::Zero(1, k);
  M x(b, d), y = M::Zero(b, k), h1(b, 512), h2(b, 128), z(b, k), g3(b, k), g2(b, 128), g1(b, 512);
  M d1(d, 512), d2(512, 128), d3(128, k);
  for (Eigen::Index j = 0; j < x.size(); ++j) x.data()[j] = static_cast<float>(rng.uniform());
  for (int i = 0; i < b; ++i) y(i, i % k) = 1;
  const auto raw_batch = [&] {
    h1.noalias() = x * w1;
    h1 = (h1.rowwise() + b1.row(0)).cwiseMax(0.0f);
    h2.noalias() = h1 * w2;
    h2 = (h2.rowwise() + b2.row(0)).cwiseMax(0.0f);
    z.noalias() = h2 * w3;
    z.rowwise() += b3.row(0);
    for (int i = 0; i < b; ++i) {
      z.row(i).array() = (z.row(i).array() - z.row(i).maxCoeff()).exp();
      z.row(i) /= z.row(i).sum();
    }
    g3 = (z - y) / static_cast<float>(b);
    d3.noalias() = h2.transpose() * g3;
    g2.noalias() = g3 * w3.transpose();
    g2.array() *= (h2.array() > 0.0f).cast<float>();
    d2.noalias() = h1.transpose() * g2;
    g1.noalias() = g2 * w2.transpose();
    g1.array() *= (h1.array() > 0.0f).cast<float>();
    d1.noalias() = x.transpose() * g1;
    w1 -= 1e-3f * d1;
    w2 -= 1e-3f * d2;
    w3 -= 1e-3f * d3;
    b1 -= 1e-3f * g1.colwise().sum();
    b2 -= 1e-3f * g2.colwise().sum();
    b3 -= 1e-3f * g3.colwise().sum();
  };
  for (int i = 0; i < warmup; ++i) raw_batch();
  const auto raw_start = std::chrono::steady_clock::now();
  const std::clock_t raw_cpu_start = std::clock();
  for (int i = 0; i < batches; ++i) raw_batch();
  const double raw_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - raw_start).count();
  const double raw_cpu = static_cast<double>(std::clock() - raw_cpu_start) / CLOCKS_PER_SEC;
  std::printf("baseline (hand-written Eigen, SGD): %.3f s wall (%.0f samples/s), %.3f s CPU (%.0f samples/s per core)\n",
              raw_seconds, static_cast<double>(samples) / raw_seconds, raw_cpu, static_cast<double>(samples) / raw_cpu);
  return 0;
}
