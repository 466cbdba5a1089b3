// The convnet training step `npm run bench` times: the Keras book's convnet (the core's preset,
// nn/presets.hpp: 28×28×1 → Conv2D 32 → MaxPooling → Conv2D 64 → MaxPooling → Conv2D 64 →
// Flatten → Dense 64 → Dense 10; 93,322 parameters), batch 64, RMSprop with Keras's settings,
// through nn::Model as the lesson and the CLI train it, on RANDOM images and labels (speed only).
// Shared by bench/train_convnet.cpp (native) and wasm/bench/bind_bench.cpp (node and the browser).
#pragma once

#include <memory>
#include <vector>

#include "nn.hpp"
#include "random.hpp"
#include "time_steps.hpp"

namespace basecamp::bench {

class ConvnetStep {
 public:
  explicit ConvnetStep(int batch = 64, std::uint64_t seed = 1)
      : batch_(batch), model_(nn::keras_mnist_convnet().spec()), rng_(seed) {
    const nn::TrainingPreset& preset = nn::keras_mnist_convnet();
    opt_ = optim::make_optimizer<float>(preset.optimizer, preset.settings);
    x_.resize(batch, preset.inputs);
    for (Eigen::Index i = 0; i < x_.size(); ++i) x_.data()[i] = static_cast<float>(rng_.uniform());
    y_ = Tensor<float>::Zero(batch, preset.outputs);
    for (int i = 0; i < batch; ++i) y_(i, static_cast<int>(rng_.below(static_cast<std::uint64_t>(preset.outputs)))) = 1.f;
    params_ = model_.params();
  }

  // One batch: forward, backward, optimizer step. Returns the loss.
  double step() {
    const nn::BatchResult r = model_.compute_gradients(x_, y_, rng_);
    opt_->step(params_);
    return r.loss;
  }

  // Samples per second over `batches` timed batches, after 3 warm-up batches.
  double samples_per_second(int batches, int threads) {
    return time_steps([this] { step(); }, batch_, batches, threads, 3);
  }

 private:
  int batch_;
  nn::Model<float> model_;
  Rng rng_;
  std::unique_ptr<optim::Optimizer<float>> opt_;
  std::vector<Param<float>*> params_;
  Tensor<float> x_, y_;
};

}  // namespace basecamp::bench
