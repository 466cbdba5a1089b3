// nn/model initialisation: each initializer's statistics on a large layer, zero biases, and
// the same seed giving the same weights (in float and in double, up to rounding).
#include "helpers.hpp"

using namespace nn_test;

namespace {
struct Stats {
  double mean, std, max_abs;
};
Stats stats(const Tensor<float>& w) {
  const double n = static_cast<double>(w.size());
  const double mean = w.cast<double>().sum() / n;
  const double var = (w.cast<double>().array() - mean).square().sum() / n;
  return {mean, std::sqrt(var), static_cast<double>(w.cwiseAbs().maxCoeff())};
}
Model<float> layer(int fan_in, int fan_out, Init init) {
  return Model<float>(spec(fan_in, {dense(fan_out, Activation::relu), dense(1, Activation::linear)}, Loss::mse, init));
}
}  // namespace

TEST_CASE("glorot_uniform: U(−l, l), l = √(6/(fan_in + fan_out))", "[nn]") {
  const auto m = layer(784, 512, Init::glorot_uniform);
  const Stats s = stats(m.kernel(0).value);
  const double limit = std::sqrt(6.0 / (784 + 512));
  CHECK(s.max_abs <= limit);
  CHECK(s.max_abs > 0.999 * limit);
  CHECK(std::abs(s.mean) < 0.01 * limit);
  CHECK(s.std == Approx(limit / std::sqrt(3.0)).epsilon(0.01));
  CHECK(m.bias(0).value.isZero());
  CHECK(m.bias(1).value.isZero());
}

TEST_CASE("he_normal: N(0, 2/fan_in)", "[nn]") {
  const auto m = layer(784, 512, Init::he_normal);
  const Stats s = stats(m.kernel(0).value);
  CHECK(std::abs(s.mean) < 0.01 * std::sqrt(2.0 / 784));
  CHECK(s.std == Approx(std::sqrt(2.0 / 784)).epsilon(0.01));
}

TEST_CASE("random_normal: N(0, 0.01²)", "[nn]") {
  const auto m = layer(784, 512, Init::random_normal);
  const Stats s = stats(m.kernel(0).value);
  CHECK(std::abs(s.mean) < 1e-4);
  CHECK(s.std == Approx(0.01).epsilon(0.01));
}

TEST_CASE("zeros: all zero", "[nn]") {
  const auto m = layer(20, 30, Init::zeros);
  CHECK(m.kernel(0).value.isZero());
  CHECK(m.kernel(1).value.isZero());
}

TEST_CASE("the seed fixes the weights, another seed changes them", "[nn]") {
  const auto s = spec(5, {dense(7, Activation::tanh), dense(3, Activation::softmax)}, Loss::categorical_crossentropy,
                      Init::glorot_uniform, 123);
  Model<float> a(s), b(s);
  Model<double> d(s);
  auto other = s;
  other.seed = 124;
  Model<float> c(other);
  for (int i = 0; i < 2; ++i) {
    CHECK(a.kernel(i).value == b.kernel(i).value);
    CHECK(a.kernel(i).value == d.kernel(i).value.cast<float>());
    CHECK(a.kernel(i).value != c.kernel(i).value);
  }
  a.initialize(124);
  CHECK(a.kernel(0).value == c.kernel(0).value);
  CHECK(a.params().size() == 4);
  CHECK(a.params()[1]->name == "dense1.bias");
  CHECK(a.params()[2]->name == "dense2.kernel");
  CHECK_THROWS_WITH(a.kernel(2), Catch::Matchers::Contains("no layer with weights 2 (it has 2)"));
}
