// Changing the momentum while training (the MNIST lesson's live momentum field): after
// set_momentum the next step follows the published rule with the new μ on the buffer the
// optimizer kept (torch's rule, sgd.hpp and rmsprop.hpp), and bad values are refused with the
// core's codes, leaving the optimizer as it was.
#include "reference.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <string>

using namespace optim_test;

namespace {

// One parameter of two numbers; each step gets the gradient `g` (the same for both numbers).
struct Scalar {
  Param<double> p{"w", Tensor<double>::Constant(1, 2, 1.0), Tensor<double>::Zero(1, 2)};
  void step(optim::Optimizer<double>& opt, double g) {
    p.grad.setConstant(g);
    opt.step({&p});
  }
  double value() const { return p.value(0, 0); }
};

std::string code_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const basecamp::Error& e) {
    return e.info().code + ":" + e.info().field;
  }
  return "no error";
}

}  // namespace

TEST_CASE("SGD: a new momentum applies from the next step, on the kept buffer", "[optim]") {
  const double lr = 0.1, g[] = {0.5, -0.2, 0.3, 0.8, -0.4};
  optim::SGD<double> sgd({.lr = lr, .momentum = 0.9});
  REQUIRE(sgd.momentum() == 0.9);
  Scalar w;
  // torch: b₁ = g₁, then b ← μ·b + g; θ ← θ − lr·b.
  double b = 0, theta = 1;
  for (int t = 0; t < 3; ++t) {
    b = t == 0 ? g[t] : 0.9 * b + g[t];
    theta -= lr * b;
    w.step(sgd, g[t]);
  }
  CHECK(w.value() == Approx(theta).epsilon(1e-14));
  sgd.set_momentum(0.5);
  CHECK(sgd.momentum() == 0.5);
  CHECK(sgd.options().momentum == 0.5);
  b = 0.5 * b + g[3];
  theta -= lr * b;
  w.step(sgd, g[3]);
  CHECK(w.value() == Approx(theta).epsilon(1e-14));
  CHECK((*sgd.state(0)[0].second)(0, 0) == Approx(b).epsilon(1e-14));

  // μ = 0: a plain step, the buffer left as it was; back to μ > 0 it resumes from that buffer.
  sgd.set_momentum(0);
  theta -= lr * g[4];
  w.step(sgd, g[4]);
  CHECK(w.value() == Approx(theta).epsilon(1e-14));
  CHECK((*sgd.state(0)[0].second)(0, 0) == Approx(b).epsilon(1e-14));
  sgd.set_momentum(0.8);
  b = 0.8 * b + g[0];
  theta -= lr * b;
  w.step(sgd, g[0]);
  CHECK(w.value() == Approx(theta).epsilon(1e-14));
}

TEST_CASE("SGD with Nesterov: the new momentum in both places of the look-ahead step", "[optim]") {
  const double lr = 0.05;
  optim::SGD<double> sgd({.lr = lr, .momentum = 0.9, .nesterov = true});
  Scalar w;
  w.step(sgd, 0.4);  // b = g = 0.4, θ = 1 − lr·(g + μ·b)
  double b = 0.4, theta = 1 - lr * (0.4 + 0.9 * 0.4);
  sgd.set_momentum(0.3);
  b = 0.3 * b + (-0.6);
  theta -= lr * (-0.6 + 0.3 * b);
  w.step(sgd, -0.6);
  CHECK(w.value() == Approx(theta).epsilon(1e-14));
  // Nesterov needs μ > 0: 0 is refused and the momentum stays.
  CHECK(code_of([&] { sgd.set_momentum(0); }) == "nesterov_needs_momentum:nesterov");
  CHECK(sgd.momentum() == 0.3);
}

TEST_CASE("RMSprop: a new momentum applies from the next step, on the kept buffer", "[optim]") {
  const double lr = 0.01, alpha = 0.9, eps = 1e-8, g[] = {0.5, -0.2, 0.3, 0.7};
  optim::RMSprop<double> rms({.lr = lr, .alpha = alpha, .eps = eps, .momentum = 0.9, .centered = true});
  REQUIRE(rms.momentum() == 0.9);
  Scalar w;
  // v ← α·v + (1 − α)·g²; ḡ ← α·ḡ + (1 − α)·g; b ← μ·b + g / (√(v − ḡ²) + ε); θ ← θ − lr·b.
  double v = 0, mean = 0, b = 0, theta = 1;
  auto reference_step = [&](double mu, double grad) {
    v = alpha * v + (1 - alpha) * grad * grad;
    mean = alpha * mean + (1 - alpha) * grad;
    const double step = grad / (std::sqrt(v - mean * mean) + eps);
    if (mu > 0) {
      b = mu * b + step;
      theta -= lr * b;
    } else {
      theta -= lr * step;
    }
  };
  for (int t = 0; t < 2; ++t) {
    reference_step(0.9, g[t]);
    w.step(rms, g[t]);
  }
  rms.set_momentum(0.2);
  reference_step(0.2, g[2]);
  w.step(rms, g[2]);
  CHECK(w.value() == Approx(theta).epsilon(1e-12));
  // The state keeps its layout (square_avg, momentum_buffer, grad_avg) whatever μ becomes.
  rms.set_momentum(0);
  reference_step(0, g[3]);
  w.step(rms, g[3]);
  CHECK(w.value() == Approx(theta).epsilon(1e-12));
  const auto st = rms.state(0);
  REQUIRE(st.size() == 3);
  CHECK(st[1].first == "momentum_buffer");
  CHECK((*st[1].second)(0, 0) == Approx(b).epsilon(1e-12));
  CHECK((*st[2].second)(0, 0) == Approx(mean).epsilon(1e-12));
}

TEST_CASE("set_momentum refuses bad values and optimizers without a momentum buffer", "[optim]") {
  optim::SGD<double> sgd({.lr = 0.1, .momentum = 0.9});
  CHECK(code_of([&] { sgd.set_momentum(-0.1); }) == "out_of_range:momentum");
  CHECK(code_of([&] { sgd.set_momentum(std::numeric_limits<double>::quiet_NaN()); }) == "not_finite:momentum");
  CHECK(sgd.momentum() == 0.9);
  optim::RMSprop<double> rms({.momentum = 0.5});
  CHECK(code_of([&] { rms.set_momentum(-1); }) == "out_of_range:momentum");
  CHECK(rms.momentum() == 0.5);

  // Made without momentum there is no buffer to keep, and Adam's beta1 is not a momentum here.
  optim::SGD<double> plain({.lr = 0.1});
  CHECK_FALSE(plain.momentum().has_value());
  CHECK(code_of([&] { plain.set_momentum(0.9); }) == "not_a_setting:momentum");
  CHECK_FALSE(optim::RMSprop<double>().momentum().has_value());
  const auto adam = optim::make_optimizer<double>("adam", {});
  CHECK_FALSE(adam->momentum().has_value());
  try {
    adam->set_momentum(0.9);
    FAIL("no error");
  } catch (const basecamp::Error& e) {
    CHECK(e.info().code == "not_a_setting");
    CHECK(e.info().text == "Adam");
  }
}
