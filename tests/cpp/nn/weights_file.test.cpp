// nn/weights_file: a round trip restores the weights exactly; every malformed, truncated or
// mismatched file is refused with its own message and leaves the model unchanged.
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
  // 4 magic + 4 version + 4 inputs + 4 count + 3·6 layers + 1 loss + 4 tensors
  // + (8 + 12·4) + (8 + 4·4) + (8 + 8·4) + (8 + 2·4) + 4 hash
  CHECK(bytes.size() == 39 + 56 + 24 + 40 + 16 + 4);
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
  put_u32(bad, 4, 2);
  refuse(bad, "unsupported version 2");
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
  bad[60] ^= 0x01;  // a flipped bit in the weights
  refuse(bad, "checksum mismatch");
  bad = good;
  put_u32(bad, 12, 0);
  rehash(bad);
  refuse(bad, "bad layer count 0");
  bad = good;
  bad[16] = 7;
  rehash(bad);
  refuse(bad, "bad layer kind 7");
  bad = good;
  put_u32(bad, 8, 4);
  rehash(bad);
  refuse(bad, "differs from this model's");
  bad = good;
  put_u32(bad, 16 + 2, 5);  // first layer's units
  rehash(bad);
  refuse(bad, "dense 5 relu");
  bad = good;
  bad[39 + 8] = 0x00;       // first weight → NaN (0x7fc00000)
  bad[39 + 9] = 0x00;
  bad[39 + 10] = 0xc0;
  bad[39 + 11] = 0x7f;
  rehash(bad);
  refuse(bad, "non-finite");
  bad = good;
  put_u32(bad, 35, 3);
  rehash(bad);
  refuse(bad, "file has 3 tensors, the model has 4");
  bad = good;
  put_u32(bad, 39, 4);  // kernel 0 rows
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
