// Finite-difference check of a small Dense network's parameter gradients, in double: every
// activation, every loss (fused and not), dropout (a fixed mask: the Rng is re-seeded for each
// evaluation) and L1 + L2 penalties. Central differences, step 1e-6; an element passes when
// |analytic − numeric| ≤ 1e-5 + 1e-3·|numeric| (STYLE.md).
#include "helpers.hpp"

using namespace nn_test;

namespace {

void check_gradients(const ModelSpec& s, const Dataset<double>& data) {
  Model<double> m(s);
  std::vector<std::size_t> rows(data.size());
  std::iota(rows.begin(), rows.end(), std::size_t{0});
  const auto loss = [&] {
    Rng rng(99);
    return m.compute_gradients(data, rows, rng).loss;
  };
  loss();
  std::vector<Tensor<double>> analytic;
  for (Param<double>* p : m.params()) analytic.push_back(p->grad);
  const double h = 1e-6;
  int checked = 0;
  for (std::size_t k = 0; k < analytic.size(); ++k) {
    Param<double>& p = *m.params()[k];
    for (Eigen::Index j = 0; j < p.value.size(); ++j) {
      const double saved = p.value.data()[j];
      p.value.data()[j] = saved + h;
      const double up = loss();
      p.value.data()[j] = saved - h;
      const double down = loss();
      p.value.data()[j] = saved;
      const double numeric = (up - down) / (2 * h);
      const double a = analytic[k].data()[j];
      INFO(describe(s) << ": " << p.name << "[" << j << "] analytic " << a << " numeric " << numeric);
      CHECK(std::abs(a - numeric) <= 1e-5 + 1e-3 * std::abs(numeric));
      ++checked;
    }
  }
  CHECK(checked == parameter_count(s));
}

Dataset<double> regression_data(int n, int in, int out) {
  Rng rng(5);
  Tensor<double> x(n, in), y(n, out);
  for (Eigen::Index k = 0; k < x.size(); ++k) x.data()[k] = rng.uniform(-1, 1);
  for (Eigen::Index k = 0; k < y.size(); ++k) y.data()[k] = rng.uniform(0.05, 0.95);
  return Dataset<double>::from_tensors(x, y);
}

}  // namespace

TEST_CASE("gradcheck: tanh/sigmoid hidden layers, mse, L1 + L2", "[nn]") {
  auto s = spec(3, {dense(4, Activation::tanh), dense(3, Activation::sigmoid), dense(2, Activation::linear)}, Loss::mse);
  s.l1 = 0.01;
  s.l2 = 0.02;
  check_gradients(s, regression_data(5, 3, 2));
}

TEST_CASE("gradcheck: relu + dropout, softmax fused with categorical cross-entropy", "[nn]") {
  auto s = spec(4, {dense(6, Activation::relu), LayerSpec::dropout(0.3), dense(3, Activation::softmax)},
                Loss::categorical_crossentropy, Init::he_normal);
  s.l2 = 0.05;
  check_gradients(s, blobs<double>(6, 4, 3));
}

TEST_CASE("gradcheck: sigmoid fused with binary cross-entropy", "[nn]") {
  auto s = spec(3, {dense(5, Activation::tanh), dense(2, Activation::sigmoid)}, Loss::binary_crossentropy);
  s.l1 = 0.003;
  check_gradients(s, regression_data(4, 3, 2));
}

TEST_CASE("gradcheck: softmax output with mse (not fused)", "[nn]") {
  const auto s = spec(2, {dense(3, Activation::sigmoid), dense(3, Activation::softmax)}, Loss::mse);
  check_gradients(s, regression_data(4, 2, 3));
}
