// The training step `npm run bench` times, built from the autodiff ops directly: the MNIST
// lesson's network 784 → 512 relu → 128 relu → 10, softmax cross-entropy, RMSprop with Keras's
// settings (lr 1e-3, alpha 0.9, eps 1e-7), on RANDOM inputs and labels (speed only: the values
// do not matter, the shapes and the work do). Shared by bench/train_ad.cpp (native) and
// wasm/bench/bind_bench.cpp (node and the browser), so every runtime times the same code.
#pragma once

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "autodiff.hpp"
#include "optim/rmsprop.hpp"
#include "random.hpp"
#include "time_steps.hpp"

namespace basecamp::bench {

class MlpStep {
 public:
  explicit MlpStep(int batch = 128, std::uint64_t seed = 1) : batch_(batch) {
    Rng rng(seed);
    const int sizes[] = {784, 512, 128, 10};
    for (int l = 0; l < 3; ++l) {
      const double limit = std::sqrt(6.0 / (sizes[l] + sizes[l + 1]));  // Glorot uniform
      Param<float> w{"w" + std::to_string(l + 1), Tensor<float>(sizes[l], sizes[l + 1]), {}};
      for (Eigen::Index i = 0; i < w.value.size(); ++i)
        w.value.data()[i] = static_cast<float>(rng.uniform(-limit, limit));
      w.grad = Tensor<float>::Zero(sizes[l], sizes[l + 1]);
      params_.push_back(std::move(w));
      params_.push_back(Param<float>{"b" + std::to_string(l + 1), Tensor<float>::Zero(1, sizes[l + 1]),
                                     Tensor<float>::Zero(1, sizes[l + 1])});
    }
    x_.resize(batch, 784);
    for (Eigen::Index i = 0; i < x_.size(); ++i) x_.data()[i] = static_cast<float>(rng.uniform());
    y_ = Tensor<float>::Zero(batch, 10);
    for (int i = 0; i < batch; ++i) y_(i, static_cast<int>(rng.below(10))) = 1.f;
    optim::RmspropOptions o;
    o.lr = 1e-3;
    o.alpha = 0.9;
    o.eps = 1e-7;
    opt_ = std::make_unique<optim::RMSprop<float>>(o);
    for (auto& p : params_) ptrs_.push_back(&p);
  }

  // One batch: forward, backward, optimizer step. Returns the loss. As nn::Model does, the
  // weights and the batch are moved onto the tape and back, and the gradients swapped out: no
  // copies (the tape recycles every other buffer after the first batch).
  float step() {
    tape_.clear();
    std::vector<ad::Var<float>> v;
    for (auto& p : params_) v.push_back(tape_.leaf(std::move(p.value)));
    const auto x = tape_.constant(std::move(x_)), y = tape_.constant(std::move(y_));
    auto h = ad::relu(ad::add_bias(ad::matmul(x, v[0]), v[1]));
    h = ad::relu(ad::add_bias(ad::matmul(h, v[2]), v[3]));
    const auto loss = ad::softmax_cross_entropy(ad::add_bias(ad::matmul(h, v[4]), v[5]), y);
    tape_.backward(loss);
    for (std::size_t i = 0; i < params_.size(); ++i) {
      params_[i].value = std::move(tape_.node(v[i].id).value);
      std::swap(params_[i].grad, tape_.node(v[i].id).grad);
    }
    x_ = std::move(tape_.node(x.id).value);
    y_ = std::move(tape_.node(y.id).value);
    opt_->step(ptrs_);
    return loss.value()(0, 0);
  }

  // Samples per second over `batches` timed batches, after 5 warm-up batches (buffers, caches).
  double samples_per_second(int batches, int threads) {
    return time_steps([this] { step(); }, batch_, batches, threads, 5);
  }

 private:
  int batch_;
  std::vector<Param<float>> params_;
  std::vector<Param<float>*> ptrs_;
  Tensor<float> x_, y_;
  ad::Tape<float> tape_;
  std::unique_ptr<optim::RMSprop<float>> opt_;
};

}  // namespace basecamp::bench
