// One table-driven finite-difference check of every autodiff op, in double precision.
// Each case maps leaf inputs to an output; a fixed random weighting w reduces it to a scalar
// sum(w ⊙ out), so every output element is exercised. Central differences, step 1e-6; an element
// passes when |analytic − numeric| ≤ 1e-5 + 1e-3·|numeric|. Every input is a leaf, so targets
// of the losses are checked too.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "autodiff.hpp"
#include "helpers.hpp"

namespace {

using namespace basecamp;
using namespace basecamp::ad;
using V = Var<double>;

// How to draw an input so that the op is smooth there (and defined).
enum class Draw {
  Any,              // uniform in [-1, 1)
  Wide,             // uniform in [-3, 3): exercises both tails of sigmoid/tanh
  Positive,         // uniform in [0.5, 2)
  AwayFromZero,     // |v| in [0.2, 1), random sign: relu/abs are not differentiable at 0
  Unit,             // uniform in [0.1, 0.9): binary targets
  RowDistribution,  // each row positive and summing to 1: softmax targets
};

struct Input {
  int rows, cols;
  Draw draw = Draw::Any;
};

struct Case {
  std::string name;  // shown on failure
  std::string op;    // the op under test; "composite" for chains of several
  std::vector<Input> inputs;
  std::function<V(std::vector<V>&)> f;
};

// Every op of the public API. A new op must appear here and in the table below.
const std::vector<std::string> kAllOps = {"add",
                                          "sub",
                                          "mul",
                                          "div",
                                          "neg",
                                          "scale",
                                          "square",
                                          "pow",
                                          "exp",
                                          "log",
                                          "abs",
                                          "matmul",
                                          "transpose",
                                          "add_bias",
                                          "sum",
                                          "mean",
                                          "relu",
                                          "sigmoid",
                                          "tanh",
                                          "softmax",
                                          "log_softmax",
                                          "softmax_cross_entropy",
                                          "sigmoid_binary_cross_entropy",
                                          "mse",
                                          "dropout",
                                          "im2col",
                                          "conv2d",
                                          "maxpool2d"};

// Odd image shapes for the image ops: 7 high, 5 wide, 2 or 3 channels.
Conv2DGeometry conv(ImageShape in, int kh, int kw, int filters, int stride, Padding p) {
  return conv2d_geometry(in, kh, kw, filters, stride, p);
}

std::vector<Case> table() {
  const Input a{3, 4}, b{3, 4};
  return {
      {"add", "add", {a, b}, [](auto& x) { return add(x[0], x[1]); }},
      {"sub", "sub", {a, b}, [](auto& x) { return sub(x[0], x[1]); }},
      {"mul", "mul", {a, b}, [](auto& x) { return mul(x[0], x[1]); }},
      {"div", "div", {a, {3, 4, Draw::AwayFromZero}}, [](auto& x) { return div(x[0], x[1]); }},
      {"neg", "neg", {a}, [](auto& x) { return neg(x[0]); }},
      {"scale", "scale", {a}, [](auto& x) { return scale(x[0], -1.7); }},
      {"square", "square", {a}, [](auto& x) { return square(x[0]); }},
      {"pow integer p, any sign", "pow", {a}, [](auto& x) { return pow(x[0], 3.0); }},
      {"pow fractional p", "pow", {{3, 4, Draw::Positive}}, [](auto& x) { return pow(x[0], 2.5); }},
      {"pow negative p", "pow", {{3, 4, Draw::Positive}}, [](auto& x) { return pow(x[0], -1.5); }},
      {"exp", "exp", {a}, [](auto& x) { return exp(x[0]); }},
      {"log", "log", {{3, 4, Draw::Positive}}, [](auto& x) { return log(x[0]); }},
      {"abs", "abs", {{3, 4, Draw::AwayFromZero}}, [](auto& x) { return abs(x[0]); }},
      {"matmul", "matmul", {{3, 4}, {4, 2}}, [](auto& x) { return matmul(x[0], x[1]); }},
      {"transpose", "transpose", {a}, [](auto& x) { return transpose(x[0]); }},
      {"add_bias", "add_bias", {a, {1, 4}}, [](auto& x) { return add_bias(x[0], x[1]); }},
      {"sum", "sum", {a}, [](auto& x) { return sum(x[0]); }},
      {"mean", "mean", {a}, [](auto& x) { return mean(x[0]); }},
      {"relu", "relu", {{3, 4, Draw::AwayFromZero}}, [](auto& x) { return relu(x[0]); }},
      {"sigmoid", "sigmoid", {{3, 4, Draw::Wide}}, [](auto& x) { return sigmoid(x[0]); }},
      {"tanh", "tanh", {{3, 4, Draw::Wide}}, [](auto& x) { return tanh(x[0]); }},
      {"softmax", "softmax", {{3, 4, Draw::Wide}}, [](auto& x) { return softmax(x[0]); }},
      {"log_softmax",
       "log_softmax",
       {{3, 4, Draw::Wide}},
       [](auto& x) { return log_softmax(x[0]); }},
      {"softmax_cross_entropy",
       "softmax_cross_entropy",
       {{3, 4, Draw::Wide}, {3, 4, Draw::RowDistribution}},
       [](auto& x) { return softmax_cross_entropy(x[0], x[1]); }},
      {"sigmoid_binary_cross_entropy",
       "sigmoid_binary_cross_entropy",
       {{3, 4, Draw::Wide}, {3, 4, Draw::Unit}},
       [](auto& x) { return sigmoid_binary_cross_entropy(x[0], x[1]); }},
      {"mse", "mse", {a, b}, [](auto& x) { return mse(x[0], x[1]); }},
      {"dropout, training (same seed each evaluation)",
       "dropout",
       {a},
       [](auto& x) {
         Rng rng(7);
         return dropout(x[0], 0.4, true, rng);
       }},
      {"dropout, eval",
       "dropout",
       {a},
       [](auto& x) {
         Rng rng(7);
         return dropout(x[0], 0.4, false, rng);
       }},
      {"im2col 7x5x2, 3x3, valid",
       "im2col",
       {{2, 70}},
       [](auto& x) { return im2col(x[0], conv({7, 5, 2}, 3, 3, 1, 1, Padding::valid)); }},
      {"im2col 7x5x3, 2x3, same, stride 2",
       "im2col",
       {{2, 105}},
       [](auto& x) { return im2col(x[0], conv({7, 5, 3}, 2, 3, 1, 2, Padding::same)); }},
      {"conv2d 7x5x2, 3x3, 3 filters, valid, stride 1",
       "conv2d",
       {{2, 70}, {18, 3}, {1, 3}},
       [](auto& x) { return conv2d(x[0], x[1], x[2], conv({7, 5, 2}, 3, 3, 3, 1, Padding::valid)); }},
      {"conv2d 7x5x2, 3x3, 2 filters, valid, stride 2",
       "conv2d",
       {{2, 70}, {18, 2}, {1, 2}},
       [](auto& x) { return conv2d(x[0], x[1], x[2], conv({7, 5, 2}, 3, 3, 2, 2, Padding::valid)); }},
      {"conv2d 7x5x3, 3x3, 2 filters, same, stride 1",
       "conv2d",
       {{2, 105}, {27, 2}, {1, 2}},
       [](auto& x) { return conv2d(x[0], x[1], x[2], conv({7, 5, 3}, 3, 3, 2, 1, Padding::same)); }},
      {"conv2d 7x5x3, 2x3, 3 filters, same, stride 2",
       "conv2d",
       {{2, 105}, {18, 3}, {1, 3}},
       [](auto& x) { return conv2d(x[0], x[1], x[2], conv({7, 5, 3}, 2, 3, 3, 2, Padding::same)); }},
      {"maxpool2d 7x5x3, pool 2",
       "maxpool2d",
       {{2, 105}},
       [](auto& x) { return maxpool2d(x[0], maxpool2d_geometry({7, 5, 3}, 2)); }},
      {"maxpool2d 7x5x2, pool 3, stride 2 (overlapping windows)",
       "maxpool2d",
       {{2, 70}},
       [](auto& x) { return maxpool2d(x[0], maxpool2d_geometry({7, 5, 2}, 3, 2)); }},
      {"maxpool2d 7x5x2, pool 2, stride 1",
       "maxpool2d",
       {{2, 70}},
       [](auto& x) { return maxpool2d(x[0], maxpool2d_geometry({7, 5, 2}, 2, 1)); }},
      // Chains, to catch interactions (fan-out, a constant input skipped in between).
      {"fan-out: x*x + x", "composite", {a}, [](auto& x) { return x[0] * x[0] + x[0]; }},
      {"mlp with a constant batch",
       "composite",
       {{4, 3}, {1, 3}, {3, 2}, {1, 2}},
       [](auto& p) {
         Tape<double>& t = *p[0].tape;
         Rng rng(3);
         const V x = t.constant(basecamp::test::uniform(rng, 5, 4), "x");
         Tensor<double> y = Tensor<double>::Zero(5, 2);
         for (int i = 0; i < 5; ++i) y(i, i % 2) = 1.0;
         const V h = tanh(add_bias(matmul(x, p[0]), p[1]));
         return softmax_cross_entropy(add_bias(matmul(h, p[2]), p[3]), t.constant(y, "y"));
       }},
      {"convnet: conv same → relu → maxpool → conv valid → dense → cross-entropy",
       "composite",
       {{2, 70}, {18, 3}, {1, 3}, {12, 2}, {1, 2}, {4, 3}},
       [](auto& p) {
         Tape<double>& t = *p[0].tape;
         const auto c1 = conv({7, 5, 2}, 3, 3, 3, 1, Padding::same);
         const auto pool = maxpool2d_geometry(c1.out(), 2);              // 3x2x3
         const auto c2 = conv(pool.out(), 2, 2, 2, 1, Padding::valid);   // 2x1x2
         const V h = maxpool2d(relu(conv2d(p[0], p[1], p[2], c1)), pool);
         const V z = conv2d(h, p[3], p[4], c2);                          // flat: 4 numbers
         Tensor<double> y = Tensor<double>::Zero(2, 3);
         y(0, 1) = y(1, 2) = 1.0;
         return softmax_cross_entropy(matmul(z, p[5]), t.constant(y, "y"));
       }},
  };
}

Tensor<double> draw(Rng& rng, const Input& in) {
  Tensor<double> t(in.rows, in.cols);
  for (Eigen::Index i = 0; i < t.rows(); ++i) {
    for (Eigen::Index j = 0; j < t.cols(); ++j) {
      double& v = t(i, j);
      switch (in.draw) {
        case Draw::Any:
          v = rng.uniform(-1, 1);
          break;
        case Draw::Wide:
          v = rng.uniform(-3, 3);
          break;
        case Draw::Positive:
          v = rng.uniform(0.5, 2);
          break;
        case Draw::AwayFromZero:
          v = (rng.uniform() < 0.5 ? -1 : 1) * rng.uniform(0.2, 1);
          break;
        case Draw::Unit:
          v = rng.uniform(0.1, 0.9);
          break;
        case Draw::RowDistribution:
          v = rng.uniform(0.1, 1);
          break;
      }
    }
    if (in.draw == Draw::RowDistribution) t.row(i) /= t.row(i).sum();
  }
  return t;
}

// sum(w ⊙ f(inputs)), all in plain double arithmetic.
double weighted_output(const Case& c, const std::vector<Tensor<double>>& inputs,
                       const Tensor<double>& w) {
  Tape<double> tape;
  std::vector<V> vars;
  for (const auto& in : inputs) vars.push_back(tape.leaf(in));
  return (w.array() * c.f(vars).value().array()).sum();
}

}  // namespace

TEST_CASE("gradcheck: the table covers every op", "[autodiff][gradcheck]") {
  std::set<std::string> in_table;
  for (const Case& c : table()) in_table.insert(c.op);
  for (const std::string& op : kAllOps) {
    INFO("op missing from the gradcheck table: " << op);
    CHECK(in_table.count(op) == 1);
  }
  for (const std::string& op : in_table) {
    INFO("table entry for an op not in kAllOps: " << op);
    CHECK((op == "composite" || std::count(kAllOps.begin(), kAllOps.end(), op) == 1));
  }
}

TEST_CASE("gradcheck: analytic gradients match central differences", "[autodiff][gradcheck]") {
  const double h = 1e-6;
  std::uint64_t seed = 1000;
  for (const Case& c : table()) {
    Rng rng(++seed);
    std::vector<Tensor<double>> inputs;
    for (const Input& in : c.inputs) inputs.push_back(draw(rng, in));

    // Analytic: backward through sum(w ⊙ out), w a constant.
    Tape<double> tape;
    std::vector<V> vars;
    for (const auto& in : inputs) vars.push_back(tape.leaf(in));
    const V out = c.f(vars);
    if (c.op != "composite" && !(c.op == "dropout" && c.name == "dropout, eval")) {
      INFO(c.name);
      CHECK(tape.node(out.id).op == c.op);  // the node is labelled after its op
    }
    const Tensor<double> w = basecamp::test::uniform(rng, int(out.rows()), int(out.cols()), -1, 1);
    tape.backward(sum(mul(out, tape.constant(w, "w"))));

    for (std::size_t k = 0; k < inputs.size(); ++k) {
      const Tensor<double> analytic = vars[k].grad();
      REQUIRE(analytic.rows() == inputs[k].rows());
      REQUIRE(analytic.cols() == inputs[k].cols());
      int failures = 0;
      for (Eigen::Index i = 0; i < inputs[k].rows(); ++i) {
        for (Eigen::Index j = 0; j < inputs[k].cols(); ++j) {
          std::vector<Tensor<double>> plus = inputs, minus = inputs;
          plus[k](i, j) += h;
          minus[k](i, j) -= h;
          const double numeric =
              (weighted_output(c, plus, w) - weighted_output(c, minus, w)) / (2 * h);
          const double err = std::abs(analytic(i, j) - numeric);
          if (err > 1e-5 + 1e-3 * std::abs(numeric)) {
            ++failures;
            FAIL_CHECK(c.name << ": input " << k << " at (" << i << "," << j << "): analytic "
                              << analytic(i, j) << ", numeric " << numeric);
          }
        }
      }
      INFO(c.name << ", input " << k);
      CHECK(failures == 0);
    }
  }
}
