// Shared by the nn tests: small specs, seeded data sets, and an error-message matcher.
#pragma once

#include <catch2/catch.hpp>

#include <cmath>
#include <numeric>
#include <string>

#include "nn.hpp"
#include "optim/factory.hpp"

namespace nn_test {

using namespace basecamp;
using namespace basecamp::nn;

// Dense layers given as {units, activation}; dropouts as LayerSpec::dropout(rate).
inline ModelSpec spec(int inputs, std::vector<LayerSpec> layers, Loss loss,
                      Init init = Init::glorot_uniform, std::uint64_t seed = 7) {
  ModelSpec s;
  s.inputs = inputs;
  s.layers = std::move(layers);
  s.loss = loss;
  s.initializer = init;
  s.seed = seed;
  return s;
}

inline LayerSpec dense(int units, Activation a) { return LayerSpec::dense(units, a); }

// The four XOR points, targets 0/1 (one column).
template <class T = float>
Dataset<T> xor_data() {
  Tensor<T> x(4, 2), y(4, 1);
  x << 0, 0, 0, 1, 1, 0, 1, 1;
  y << 0, 1, 1, 0;
  return Dataset<T>::from_tensors(x, y);
}

// n points of y = sin(πx) on [-1, 1] (evenly spaced).
template <class T = float>
Dataset<T> sine_data(int n = 64) {
  Tensor<T> x(n, 1), y(n, 1);
  for (int i = 0; i < n; ++i) {
    const double v = -1.0 + 2.0 * i / (n - 1);
    x(i, 0) = static_cast<T>(v);
    y(i, 0) = static_cast<T>(std::sin(3.14159265358979323846 * v));
  }
  return Dataset<T>::from_tensors(x, y);
}

// n samples in `classes` Gaussian blobs in `dims` dimensions, one-hot targets.
template <class T = float>
Dataset<T> blobs(int n, int dims, int classes, std::uint64_t seed = 3) {
  Rng rng(seed);
  Tensor<T> x(n, dims), y = Tensor<T>::Zero(n, classes);
  for (int i = 0; i < n; ++i) {
    const int c = i % classes;
    for (int j = 0; j < dims; ++j)
      x(i, j) = static_cast<T>(rng.normal((j % classes == c) ? 2.0 : 0.0, 0.7));
    y(i, c) = 1;
  }
  return Dataset<T>::from_tensors(x, y);
}

inline optim::OptimizerSettings lr(double v) {
  optim::OptimizerSettings s;
  s.lr = v;
  return s;
}

}  // namespace nn_test
