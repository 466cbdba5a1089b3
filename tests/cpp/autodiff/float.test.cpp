// The float instantiation (what the networks train with): a small MLP step in float gives the
// same loss and gradients as in double, to float precision.
#include <catch2/catch.hpp>

#include "autodiff.hpp"
#include "helpers.hpp"

using namespace basecamp;
using namespace basecamp::ad;

namespace {

struct Result {
  double loss;
  Tensor<double> grad_w1, grad_b1, grad_w2;
};

// x (8x5) → matmul w1 (5x6) + b1 → relu → dropout → matmul w2 (6x3) → softmax CE, plus extras.
template <class T>
Result run() {
  Rng rng(21);
  Tape<T> t;
  const auto x = t.constant(basecamp::test::uniform<T>(rng, 8, 5), "x");
  const auto w1 = t.leaf(basecamp::test::uniform<T>(rng, 5, 6), "w1");
  const auto b1 = t.leaf(basecamp::test::uniform<T>(rng, 1, 6), "b1");
  const auto w2 = t.leaf(basecamp::test::uniform<T>(rng, 6, 3), "w2");
  Tensor<T> y = Tensor<T>::Zero(8, 3);
  for (int i = 0; i < 8; ++i) y(i, i % 3) = T(1);
  Rng drop(4);
  const auto h = dropout(relu(add_bias(matmul(x, w1), b1)), T(0.2), true, drop);
  const auto logits = matmul(h, w2);
  const auto extra =
      T(0.1) * (mean(square(w1)) + sum(abs(b1)) + mean(sigmoid(logits)) + mean(tanh(logits)) +
                mse(softmax(logits), t.constant(y)) + mean(exp(neg(log_softmax(logits)))) +
                mean(pow(w2 * w2, T(1.5))) + mean(log(square(b1) + square(b1) / square(b1))) +
                sigmoid_binary_cross_entropy(logits, t.constant(y)) +
                sum(sub(transpose(w2), transpose(w2))));
  const auto loss = softmax_cross_entropy(logits, t.constant(y, "y")) + extra;
  t.backward(loss);
  return {static_cast<double>(loss.value()(0, 0)), w1.grad().template cast<double>(),
          b1.grad().template cast<double>(), w2.grad().template cast<double>()};
}

}  // namespace

TEST_CASE("float: the same network in float and double agrees", "[autodiff][float]") {
  const Result f = run<float>();
  const Result d = run<double>();
  CHECK(f.loss == Approx(d.loss).epsilon(1e-5));
  CHECK(f.grad_w1.isApprox(d.grad_w1, 1e-4));
  CHECK(f.grad_b1.isApprox(d.grad_b1, 1e-4));
  CHECK(f.grad_w2.isApprox(d.grad_w2, 1e-4));
  CHECK(!d.grad_w1.isZero());
}
