// nn/weights_file: a round trip restores the weights exactly; every malformed, truncated or
// mismatched file is refused with its own message and leaves the model unchanged.
#include <fstream>
#include <iterator>

#include "helpers.hpp"

using namespace nn_test;
using Catch::Matchers::Contains;

namespace {
ModelSpec small() {
  return spec(3, {dense(4, Activation::relu), LayerSpec::dropout(0.2), dense(2, Activation::softmax)},
              Loss::categorical_crossentropy, Init::glorot_uniform, 5);
}
void put_u32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int k = 0; k < 4; ++k) b[at + k] = static_cast<std::uint8_t>(v >> (8 * k));
}
// Recomputes the trailing FNV-1a hash, so that a test reaches the check it aims at.
void rehash(std::vector<std::uint8_t>& b) {
  std::uint32_t h = 2166136261u;
  for (std::size_t i = 0; i + 4 < b.size(); ++i) h = (h ^ b[i]) * 16777619u;
  put_u32(b, b.size() - 4, h);
}
}  // namespace

TEST_CASE("save then load restores the weights exactly", "[nn]") {
  Model<float> a(small());
  auto opt = optim::make_optimizer<float>("adam", lr(0.05));
  fit(a, *opt, blobs(20, 3, 2), FitOptions{2, 5, true, 0.0, {}});
  const auto bytes = save_weights(a);
  // 4 magic + 4 version + 4 inputs + 12 image + 4 count + 3·16 layers + 1 loss + 4 tensors
  // + (8 + 12·4) + (8 + 4·4) + (8 + 8·4) + (8 + 2·4) + 4 hash
  CHECK(bytes.size() == 81 + 56 + 24 + 40 + 16 + 4);
  CHECK(std::string(bytes.begin(), bytes.begin() + 4) == "BCNN");
  auto other = small();
  other.seed = 6;
  other.l2 = 0.1;          // penalties, seed, initializer and dropout rates may differ
  other.layers[1].rate = 0.5;
  Model<float> b(other);
  CHECK(b.kernel(0).value != a.kernel(0).value);
  load_weights(b, bytes);
  for (int i = 0; i < 2; ++i) {
    CHECK(b.kernel(i).value == a.kernel(i).value);
    CHECK(b.bias(i).value == a.bias(i).value);
  }
  CHECK(save_weights(b) == bytes);
  // A double model reads a float file too.
  Model<double> d(small());
  load_weights(d, bytes);
  CHECK(d.kernel(1).value.cast<float>() == a.kernel(1).value);
}

TEST_CASE("malformed weights files are refused, the model unchanged", "[nn]") {
  Model<float> src(small());
  src.initialize(77);
  const auto good = save_weights(src);
  Model<float> m(small());
  const Tensor<float> before = m.kernel(0).value;
  const auto refuse = [&](std::vector<std::uint8_t> bytes, const std::string& message) {
    INFO("expecting: " << message);
    CHECK_THROWS_WITH(load_weights(m, bytes), Contains("load:") && Contains(message));
    CHECK(m.kernel(0).value == before);
  };
  refuse({}, "not a Basecamp weights file (only 0 bytes)");
  refuse({'B', 'C', 'N'}, "only 3 bytes");
  auto bad = good;
  bad[0] = 'X';
  refuse(bad, "bad magic");
  bad = good;
  put_u32(bad, 4, 3);
  refuse(bad, "unsupported version 3 (this build reads versions 1 to 2)");
  bad = good;
  put_u32(bad, 4, 0);
  refuse(bad, "unsupported version 0");
  // Truncated anywhere: in the header, the layers, the weights, just before the hash.
  for (std::size_t cut : {std::size_t{10}, std::size_t{20}, std::size_t{60}, good.size() - 5, good.size() - 1}) {
    refuse(std::vector<std::uint8_t>(good.begin(), good.begin() + static_cast<long>(cut)),
           cut == 10 ? "truncated (header)" : "truncated");
  }
  bad = good;
  bad.push_back(0);
  bad.push_back(0);
  bad.push_back(0);
  bad.push_back(0);
  rehash(bad);
  refuse(bad, "4 trailing bytes");
  bad = good;
  bad[102] ^= 0x01;  // a flipped bit in the weights
  refuse(bad, "checksum mismatch");
  bad = good;
  put_u32(bad, 24, 0);
  rehash(bad);
  refuse(bad, "bad layer count 0");
  bad = good;
  bad[28] = 7;
  rehash(bad);
  refuse(bad, "bad layer kind 7");
  bad = good;
  put_u32(bad, 8, 4);
  rehash(bad);
  refuse(bad, "differs from this model's");
  bad = good;
  put_u32(bad, 28 + 4, 5);  // first layer's units
  rehash(bad);
  refuse(bad, "dense 5 relu");
  bad = good;
  bad[81 + 8] = 0x00;       // first weight → NaN (0x7fc00000)
  bad[81 + 9] = 0x00;
  bad[81 + 10] = 0xc0;
  bad[81 + 11] = 0x7f;
  rehash(bad);
  refuse(bad, "non-finite");
  bad = good;
  put_u32(bad, 77, 3);
  rehash(bad);
  refuse(bad, "file has 3 tensors, the model has 4");
  bad = good;
  put_u32(bad, 81, 4);  // kernel 0 rows
  rehash(bad);
  refuse(bad, "tensor dense1.kernel is (4x4) in the file, (3x4) in the model");
  // A file of another architecture (another loss, another activation, another depth).
  auto s = small();
  s.layers[0].activation = Activation::tanh;
  refuse(save_weights(Model<float>(s)), "the file's network (3 → dense 4 tanh → dropout → dense 2 softmax; categorical_crossentropy) differs from this model's (3 → dense 4 relu");
  s = small();
  s.layers.erase(s.layers.begin() + 1);
  refuse(save_weights(Model<float>(s)), "differs from this model's");
  s = small();
  s.loss = Loss::mse;
  refuse(save_weights(Model<float>(s)), "; mse) differs");
}

TEST_CASE("a version-1 file (saved before Conv2D) still loads", "[nn]") {
  // tests/data/weights_v1_small.bin was written by save_weights at version 1 (the commit before
  // version 2) for small() with seed 5, after setting kernel i's element j (row-major) to
  // ±0.125·(j + 1) + i (minus for odd j) and bias i's element j to −0.5·(j + 1) − i.
  std::ifstream in(std::string(BASECAMP_TEST_DATA_DIR) + "/weights_v1_small.bin", std::ios::binary);
  REQUIRE(in);
  const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE(bytes.size() == 179);
  CHECK(bytes[4] == 1);  // version 1
  Model<float> m(small());
  load_weights(m, bytes);
  for (int i = 0; i < 2; ++i) {
    const Tensor<float>& k = m.kernel(i).value;
    for (Eigen::Index j = 0; j < k.size(); ++j)
      CHECK(k.data()[j] == 0.125f * float(j + 1) * (j % 2 ? -1.f : 1.f) + float(i));
    const Tensor<float>& b = m.bias(i).value;
    for (Eigen::Index j = 0; j < b.size(); ++j) CHECK(b.data()[j] == -0.5f * float(j + 1) - float(i));
  }
  // Saved again, it is a version-2 file of the same weights.
  const auto again = save_weights(m);
  CHECK(again[4] == 2);
  Model<float> other(small());
  load_weights(other, again);
  CHECK(other.kernel(1).value == m.kernel(1).value);
  // A version-1 file cannot describe another network: it is refused like any mismatch.
  auto s = small();
  s.layers[0].units = 5;
  Model<float> wrong(s);
  CHECK_THROWS_WITH(load_weights(wrong, bytes), Contains("differs from this model's"));
}

namespace {
ModelSpec small_convnet() {
  ModelSpec s = spec(7 * 5 * 2,
                     {LayerSpec::conv2d(3, 3, 2, Activation::relu, 1, Padding::same), LayerSpec::maxpool2d(2),
                      LayerSpec::conv2d(4, 2, 2, Activation::tanh, 2), LayerSpec::flatten(),
                      LayerSpec::dropout(0.1), dense(3, Activation::softmax)},
                     Loss::categorical_crossentropy, Init::glorot_uniform, 9);
  s.image = {7, 5, 2};
  return s;
}
}  // namespace

TEST_CASE("a convnet's weights round-trip, and its architecture is checked", "[nn]") {
  Model<float> a(small_convnet());
  a.initialize(123);
  const auto bytes = save_weights(a);
  Model<float> b(small_convnet());
  REQUIRE(a.dense_count() == 3);
  CHECK(b.kernel(0).value != a.kernel(0).value);
  load_weights(b, bytes);
  for (int i = 0; i < 3; ++i) {
    CHECK(b.kernel(i).value == a.kernel(i).value);
    CHECK(b.bias(i).value == a.bias(i).value);
  }
  CHECK(save_weights(b) == bytes);
  const auto refused = [&](ModelSpec s, const std::string& text) {
    Model<float> m(s);
    INFO(text);
    CHECK_THROWS_WITH(load_weights(m, bytes), Contains("the file's network (7x5x2 → conv2d 3 3x2 same relu → "
                                                       "maxpool2d 2 → conv2d 4 2x2 stride 2 tanh → flatten") &&
                                                  Contains(text));
  };
  auto s = small_convnet();
  s.layers[0].padding = Padding::valid;
  refused(s, "this model's (7x5x2 → conv2d 3 3x2 relu");
  s = small_convnet();
  s.layers[2].stride = 1;
  refused(s, "conv2d 4 2x2 tanh → flatten");
  s = small_convnet();
  s.layers[1].stride = 1;
  refused(s, "maxpool2d 2 stride 1");
  s = small_convnet();
  s.layers[0].kernel_w = 3;
  refused(s, "conv2d 3 3x3 same relu");
  s = small_convnet();
  s.image = {5, 7, 2};
  refused(s, "this model's (5x7x2");
}
