// Native vs wasm agreement: a small fixed network (8 → 16 relu → dropout 0.2 → 3 softmax,
// glorot_uniform, L2 1e-3) trains 3 epochs with Adam from seed 2024 on seeded blobs; its
// per-batch losses and per-epoch validation losses must match tests/data/nn_reference_curve.txt
// (written natively by the hidden test below) to 1e-5 relative. The wasm suite runs the same
// test against the same file, so the two builds are compared through it.
//   regenerate: basecamp_tests "[.generate]"   (native build; then check the diff in)
#include <fstream>
#include <sstream>

#include "helpers.hpp"

using namespace nn_test;

namespace {

const std::string kPath = std::string(BASECAMP_TEST_DATA_DIR) + "/nn_reference_curve.txt";

std::vector<double> reference_run() {
  auto s = spec(8, {dense(16, Activation::relu), LayerSpec::dropout(0.2), dense(3, Activation::softmax)},
                Loss::categorical_crossentropy, Init::glorot_uniform, 2024);
  s.l2 = 1e-3;
  Model<float> m(s);
  auto opt = optim::make_optimizer<float>("adam", lr(0.01));
  FitOptions o;
  o.epochs = 3;
  o.batch_size = 10;
  o.validation_split = 0.25;  // 60 train (6 batches), 20 validation
  std::vector<double> curve;
  const auto history = fit(m, *opt, blobs(80, 8, 3, 17), o, std::nullopt, [&](const BatchLog& b) {
    curve.push_back(b.batch_loss);
    return true;
  });
  for (const auto& e : history) curve.push_back(e.val_loss);
  return curve;
}

}  // namespace

TEST_CASE("training curve matches the native reference file (1e-5 relative)", "[nn]") {
  std::ifstream in(kPath);
  REQUIRE(in.good());
  std::vector<double> expected;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    expected.push_back(std::stod(line));
  }
  const auto curve = reference_run();
  REQUIRE(curve.size() == 3 * 6 + 3);
  REQUIRE(expected.size() == curve.size());
  for (std::size_t i = 0; i < curve.size(); ++i) {
    INFO("value " << i << ": got " << curve[i] << ", reference " << expected[i]);
    CHECK(std::abs(curve[i] - expected[i]) <= 1e-5 * std::abs(expected[i]));
  }
  CHECK(curve.back() < curve[18]);  // and it learns
}

TEST_CASE("write tests/data/nn_reference_curve.txt", "[.generate]") {
  const auto curve = reference_run();
  std::ofstream out(kPath);
  out << "# Basecamp nn reference: per-batch training losses (18), then validation losses (3).\n"
         "# Written natively by `basecamp_tests \"[.generate]\"` (tests/cpp/nn/reference.test.cpp).\n";
  out.precision(17);
  for (double v : curve) out << v << '\n';
  REQUIRE(out.good());
}
