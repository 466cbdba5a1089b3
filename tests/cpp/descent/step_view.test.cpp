// step_view: displacement, effective per-coordinate step, velocity and look-ahead of a Walker.
#include <catch2/catch.hpp>

#include "optim/factory.hpp"
#include "descent/step_view.hpp"
#include "surfaces/surface.hpp"

using namespace basecamp;
using optim::make_optimizer;
using descent::step_view;
using descent::Walker;
using surfaces::find_surface;

TEST_CASE("before the first step: no step, no effective lr, no velocity", "[step_view]") {
  auto opt = make_optimizer<double>("sgd", {.lr = 0.1, .momentum = 0.9});
  Walker w(find_surface("bowl"), *opt, -7, 2);
  const auto v = step_view(w);
  CHECK(v.step.isZero());
  CHECK(std::isnan(v.effective_lr[0]));
  CHECK_FALSE(v.velocity.has_value());
  CHECK_FALSE(v.lookahead.has_value());
}

TEST_CASE("plain SGD: the effective step is lr on both axes", "[step_view]") {
  auto opt = make_optimizer<double>("sgd", {.lr = 0.95});
  Walker w(find_surface("bowl"), *opt, -7, 2);
  for (int i = 0; i < 5; ++i) {
    const double x = w.x(), y = w.y();
    REQUIRE(w.step());
    const auto v = step_view(w);
    CHECK(v.step[0] == w.x() - x);
    CHECK(v.step[1] == w.y() - y);
    CHECK(v.effective_lr[0] == Approx(0.95).epsilon(1e-12));
    CHECK(v.effective_lr[1] == Approx(0.95).epsilon(1e-12));
    CHECK_FALSE(v.velocity.has_value());
  }
}

TEST_CASE("Adagrad: the effective step is lr/(√sum + eps) per coordinate", "[step_view]") {
  auto opt = make_optimizer<double>("adagrad", {.lr = 1.5});
  Walker w(find_surface("bowl"), *opt, -7, 2);
  double sum_x = 0, sum_y = 0;
  for (int i = 0; i < 6; ++i) {
    const Eigen::Vector2d g = find_surface("bowl").grad(w.x(), w.y());
    sum_x += g.x() * g.x();
    sum_y += g.y() * g.y();
    REQUIRE(w.step());
    const auto v = step_view(w);
    CHECK(v.effective_lr[0] == Approx(1.5 / (std::sqrt(sum_x) + 1e-10)).epsilon(1e-9));
    CHECK(v.effective_lr[1] == Approx(1.5 / (std::sqrt(sum_y) + 1e-10)).epsilon(1e-9));
  }
  // The steep axis (y) gets the smaller step: that is how Adagrad tames the zig-zag.
  const auto v = step_view(w);
  CHECK(v.effective_lr[1] < v.effective_lr[0]);
}

TEST_CASE("a zero gradient coordinate has no effective step", "[step_view]") {
  auto opt = make_optimizer<double>("adam", {.lr = 0.1});
  Walker w(find_surface("bowl"), *opt, 3, 0);  // ∂f/∂y = 0 on the x axis
  REQUIRE(w.step());
  const auto v = step_view(w);
  CHECK(v.effective_lr[0] > 0);
  CHECK(std::isnan(v.effective_lr[1]));
}

TEST_CASE("momentum: velocity −lr·b and look-ahead θ − lr·μ·b from torch's buffer", "[step_view]") {
  for (const bool nesterov : {false, true}) {
    auto opt = make_optimizer<double>("sgd", {.lr = 0.1, .momentum = 0.9, .nesterov = nesterov});
    Walker w(find_surface("bowl"), *opt, -7, 2);
    // Heavy ball by hand in parameter units (Keras form): v ← μv − lr·g, θ ← θ + v.
    double vx = 0, vy = 0, x = -7, y = 2;
    for (int i = 0; i < 8; ++i) {
      REQUIRE(w.step());
      const auto view = step_view(w);
      REQUIRE(view.velocity.has_value());
      REQUIRE(view.lookahead.has_value());
      const auto state = w.optimizer().state(0);
      const Tensor<double>& b = *state[0].second;
      CHECK((*view.velocity)[0] == -0.1 * b(0, 0));
      CHECK((*view.velocity)[1] == -0.1 * b(0, 1));
      CHECK((*view.lookahead)[0] == w.x() - 0.1 * 0.9 * b(0, 0));
      CHECK((*view.lookahead)[1] == w.y() - 0.1 * 0.9 * b(0, 1));
      if (!nesterov) {
        const Eigen::Vector2d g = find_surface("bowl").grad(x, y);
        vx = 0.9 * vx - 0.1 * g.x();
        vy = 0.9 * vy - 0.1 * g.y();
        x += vx;
        y += vy;
        // The velocity is the heavy ball's displacement, and the step equals it.
        CHECK((*view.velocity)[0] == Approx(vx).epsilon(1e-12));
        CHECK((*view.velocity)[1] == Approx(vy).epsilon(1e-12));
        CHECK(view.step[0] == Approx(vx).epsilon(1e-9));
      }
    }
  }
  // No momentum, no velocity; RMSprop's momentum_buffer is not SGD's.
  auto rms = make_optimizer<double>("rmsprop", {.lr = 0.01, .momentum = 0.9});
  Walker w(find_surface("bowl"), *rms, -7, 2);
  REQUIRE(w.step());
  CHECK_FALSE(step_view(w).velocity.has_value());
}
