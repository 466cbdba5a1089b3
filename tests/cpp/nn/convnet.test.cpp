// nn with Conv2D, MaxPooling2D and Flatten layers: the book's convnet preset (93,322
// parameters), the layer-order rules with their codes, the memory estimate, Keras's conv
// fan-out in glorot_uniform, a whole-model gradient check, and a small convnet that learns.
#include "helpers.hpp"

using namespace nn_test;
using Catch::Matchers::Contains;

namespace {

ErrorInfo info_of(const ModelSpec& s) {
  try {
    validate_spec(s);
  } catch (const Error& e) {
    return e.info();
  }
  ErrorInfo none;
  none.code = "none";
  return none;
}

ModelSpec image_spec(ImageShape image, std::vector<LayerSpec> layers, Loss loss = Loss::categorical_crossentropy) {
  ModelSpec s = spec(static_cast<int>(image.size()), std::move(layers), loss);
  s.image = image;
  return s;
}

}  // namespace

TEST_CASE("the Keras book's convnet: 93,322 parameters, its shapes and settings", "[nn][conv]") {
  const TrainingPreset& p = keras_mnist_convnet();
  const ModelSpec s = p.spec();
  CHECK_NOTHROW(validate_spec(s));
  CHECK(parameter_count(s) == 93322);
  CHECK(describe(s) == "28x28x1 → conv2d 32 3x3 relu → maxpool2d 2 → conv2d 64 3x3 relu → maxpool2d 2 → "
                       "conv2d 64 3x3 relu → flatten → dense 64 relu → dense 10 softmax; categorical_crossentropy");
  const std::vector<LayerShape> shapes = layer_shapes(s);
  REQUIRE(shapes.size() == 9);
  CHECK(shapes[1].image == ImageShape{26, 26, 32});
  CHECK(shapes[2].image == ImageShape{13, 13, 32});
  CHECK(shapes[3].image == ImageShape{11, 11, 64});
  CHECK(shapes[4].image == ImageShape{5, 5, 64});
  CHECK(shapes[5].image == ImageShape{3, 3, 64});
  CHECK((!shapes[6].is_image && shapes[6].size == 576));
  CHECK(p.batch_size == 64);
  CHECK(p.epochs == 5);
  CHECK(p.optimizer == "rmsprop");
  CHECK(*p.settings.lr == 1e-3);
  CHECK(*p.settings.alpha == 0.9);
  CHECK(*p.settings.eps == 1e-7);
  Model<float> m(s);
  CHECK(m.parameter_count() == 93322);
  REQUIRE(m.dense_count() == 5);
  CHECK(m.kernel(0).name == "conv1.kernel");
  CHECK(m.kernel(0).value.rows() == 9);
  CHECK(m.kernel(0).value.cols() == 32);
  CHECK(m.kernel(1).value.rows() == 288);
  CHECK(m.kernel(3).name == "dense1.kernel");
  CHECK(m.kernel(3).value.rows() == 576);
  long long total = 0;
  for (const Param<float>* q : m.params()) total += q->value.size();
  CHECK(total == 93322);
}

TEST_CASE("layer order: Dense needs a Flatten after images, Conv2D and pooling need an image", "[nn][conv]") {
  const ImageShape mnist{28, 28, 1};
  // A Dense after a Conv2D (or a pool) without Flatten.
  ModelSpec s = image_spec(mnist, {LayerSpec::conv2d(8, 3, 3, Activation::relu), dense(10, Activation::softmax)});
  CHECK_THROWS_WITH(validate_spec(s), Contains("model: layer 2 (dense) follows an image of 26x26x8: put a flatten layer before it"));
  ErrorInfo e = info_of(s);
  CHECK(e.code == code::dense_needs_flatten);
  CHECK(e.field == "layers");
  CHECK(e.value == 2);
  s = image_spec(mnist, {LayerSpec::maxpool2d(2), LayerSpec::dropout(0.5), dense(10, Activation::softmax)});
  CHECK(info_of(s).code == code::dense_needs_flatten);
  CHECK(info_of(s).value == 3);
  // ... and directly on an image input.
  CHECK(info_of(image_spec(mnist, {dense(10, Activation::softmax)})).code == code::dense_needs_flatten);
  // With the Flatten, fine.
  s = image_spec(mnist, {LayerSpec::conv2d(8, 3, 3, Activation::relu), LayerSpec::flatten(), dense(10, Activation::softmax)});
  CHECK_NOTHROW(validate_spec(s));
  // A Conv2D after Flatten, or on a flat input.
  s = image_spec(mnist, {LayerSpec::flatten(), LayerSpec::conv2d(8, 3, 3), dense(10, Activation::softmax)});
  CHECK_THROWS_WITH(validate_spec(s), Contains("layer 2 (conv2d) needs an image input"));
  CHECK(info_of(s).code == code::needs_image_input);
  s = spec(784, {LayerSpec::maxpool2d(2), LayerSpec::flatten(), dense(10, Activation::softmax)},
           Loss::categorical_crossentropy);
  CHECK(info_of(s).code == code::needs_image_input);
  CHECK(info_of(s).value == 1);
  // The last layer must still be Dense.
  s = image_spec(mnist, {LayerSpec::conv2d(8, 3, 3), LayerSpec::flatten()});
  CHECK_THROWS_WITH(validate_spec(s), Contains("the last layer must be Dense, not Flatten"));
  CHECK(info_of(s).code == code::last_layer_dense);
  // The image must be the inputs.
  s = image_spec(mnist, {LayerSpec::flatten(), dense(10, Activation::softmax)});
  s.inputs = 785;
  CHECK_THROWS_WITH(validate_spec(s), Contains("an image of 28x28x1 has 784 numbers, inputs is 785"));
  CHECK(info_of(s).code == code::shape_mismatch);
  s.inputs = 784;
  s.image.channels = 0;
  CHECK(info_of(s).field == "channels");
}

TEST_CASE("a Conv2D or MaxPooling2D that does not fit its input is refused with a coded error", "[nn][conv]") {
  const ImageShape small{7, 5, 2};
  const auto with = [&](LayerSpec l) { return image_spec(small, {l, LayerSpec::flatten(), dense(2, Activation::softmax)}); };
  CHECK_THROWS_WITH(validate_spec(with(LayerSpec::conv2d(4, 3, 6))), Contains("model: layer 1: kernel_w must be") && Contains("got 6"));
  CHECK(info_of(with(LayerSpec::conv2d(4, 8, 3))).field == "kernel_h");
  CHECK(info_of(with(LayerSpec::conv2d(4, 8, 3))).code == code::out_of_range);
  CHECK(info_of(with(LayerSpec::conv2d(4, 3, 3, Activation::relu, 3))).field == "stride");
  CHECK(info_of(with(LayerSpec::conv2d(0, 3, 3))).field == "filters");
  CHECK(info_of(with(LayerSpec::maxpool2d(6))).field == "pool");
  CHECK(info_of(with(LayerSpec::maxpool2d(2, 3))).field == "stride");
  // A second layer that no longer fits the shrunken image.
  ModelSpec s = image_spec(small, {LayerSpec::conv2d(4, 3, 3), LayerSpec::conv2d(4, 3, 3), LayerSpec::conv2d(4, 3, 3),
                                   LayerSpec::flatten(), dense(2, Activation::softmax)});
  CHECK_THROWS_WITH(validate_spec(s), Contains("layer 3: kernel_w must be in [1, 1], got 3"));
  // Huge layer outputs are refused before anything is allocated.
  s = image_spec({1024, 1024, 1}, {LayerSpec::conv2d(64, 3, 3, Activation::relu, 1, Padding::same),
                                   LayerSpec::flatten(), dense(2, Activation::softmax)});
  CHECK(info_of(s).code == code::too_large);
  CHECK(info_of(s).field == "layer_outputs");
}

TEST_CASE("padding names, and describe shows stride and padding when not the default", "[nn][conv]") {
  CHECK(parse_padding("same") == Padding::same);
  CHECK(name_of(Padding::valid) == "valid");
  CHECK_THROWS_WITH(parse_padding("full"), Contains("'full'") && Contains("valid, same"));
  const ModelSpec s = image_spec({7, 5, 2}, {LayerSpec::conv2d(3, 2, 3, Activation::tanh, 2, Padding::same),
                                             LayerSpec::maxpool2d(2, 1), LayerSpec::flatten(),
                                             dense(2, Activation::softmax)});
  CHECK(describe(s) == "7x5x2 → conv2d 3 2x3 stride 2 same tanh → maxpool2d 2 stride 1 → flatten → dense 2 softmax; "
                       "categorical_crossentropy");
  // 7x5x2 → 4x3x3 → 3x2x3 → 18 → 2
  CHECK(parameter_count(s) == (2 * 3 * 2 * 3 + 3) + (18 * 2 + 2));
}

TEST_CASE("the memory estimate counts im2col patches, conv and pool outputs", "[nn][conv]") {
  const ModelSpec s = keras_mnist_convnet().spec();
  const MemoryEstimate m = estimate_memory(s, 64, 1);
  CHECK(m.parameters == 93322);
  CHECK(m.weight_bytes == 93322.0 * 4);
  // Largest kernel: the Dense 576 x 64 (36,864) > conv3's 576 x 64 (36,864, equal) > conv2's 288 x 64.
  CHECK(m.optimizer_bytes == (93322.0 + 2.0 * 576 * 64) * 4);
  const double per_row = 784                                   // input
                         + 2.0 * 676 * 9 + 4.0 * 676 * 32      // conv1: patches, conv + relu (with grads)
                         + 2.0 * 13 * 13 * 32                  // pool1
                         + 2.0 * 121 * 288 + 4.0 * 121 * 64    // conv2
                         + 2.0 * 5 * 5 * 64                    // pool2
                         + 2.0 * 9 * 576 + 4.0 * 9 * 64        // conv3
                         + 6.0 * 64 + 6.0 * 10 + 2.0 * 10;     // dense layers, targets, softmax
  CHECK(m.activation_bytes == per_row * 64 * 4);
  CHECK(m.total_bytes < 64e6);  // about 59 MB at batch 64, mostly conv1 and conv2 activations
  // Evaluation holds fewer rows of a convnet than of the dense network.
  CHECK(forward_numbers_per_sample(s) > 50000);
  CHECK(forward_numbers_per_sample(keras_mnist().spec()) == 784 + 3 * (512 + 128 + 10));
}

TEST_CASE("glorot_uniform on a Conv2D kernel uses Keras's fan-out kh·kw·filters", "[nn][conv]") {
  ModelSpec s = image_spec({28, 28, 1}, {LayerSpec::conv2d(32, 3, 3, Activation::relu), LayerSpec::flatten(),
                                         dense(2, Activation::softmax)});
  const Model<double> m(s);
  const Tensor<double>& k = m.kernel(0).value;
  const double limit = std::sqrt(6.0 / (9 * 1 + 9 * 32));  // fan_in 9, fan_out 288
  CHECK(k.cwiseAbs().maxCoeff() <= limit);
  CHECK(k.cwiseAbs().maxCoeff() > 0.95 * limit);  // 288 draws reach near the edge
}

TEST_CASE("gradcheck: a whole convnet model (conv same + pool + conv stride 2 + dense)", "[nn][conv]") {
  ModelSpec s = image_spec({7, 5, 2}, {LayerSpec::conv2d(3, 3, 3, Activation::tanh, 1, Padding::same),
                                       LayerSpec::maxpool2d(2), LayerSpec::conv2d(2, 2, 2, Activation::sigmoid, 2),
                                       LayerSpec::flatten(), dense(3, Activation::softmax)});
  s.l2 = 0.01;
  s.seed = 3;
  Model<double> m(s);
  Rng rng(4);
  Tensor<double> x(4, 70), y = Tensor<double>::Zero(4, 3);
  for (Eigen::Index k = 0; k < x.size(); ++k) x.data()[k] = rng.uniform(-1, 1);
  for (int i = 0; i < 4; ++i) y(i, i % 3) = 1;
  Rng none(1);
  m.compute_gradients(x, y, none);
  const double h = 1e-6;
  for (Param<double>* p : m.params()) {
    const Tensor<double> analytic = p->grad;
    for (Eigen::Index k = 0; k < p->value.size(); ++k) {
      const double keep = p->value.data()[k];
      p->value.data()[k] = keep + h;
      const double up = m.compute_gradients(x, y, none).loss;
      p->value.data()[k] = keep - h;
      const double down = m.compute_gradients(x, y, none).loss;
      p->value.data()[k] = keep;
      const double numeric = (up - down) / (2 * h);
      INFO(p->name << "[" << k << "]: analytic " << analytic.data()[k] << ", numeric " << numeric);
      CHECK(std::abs(analytic.data()[k] - numeric) <= 1e-5 + 1e-3 * std::abs(numeric));
    }
  }
}

TEST_CASE("a small convnet learns where a pattern sits in an image", "[nn][conv]") {
  // 8x8x1 images of noise with a bright 2x2 square in one of the four quadrants; the class is
  // the quadrant. A conv + pool network finds it from a few hundred images.
  Rng rng(21);
  const int n = 400;
  Tensor<float> x(n, 64), y = Tensor<float>::Zero(n, 4);
  for (int i = 0; i < n; ++i) {
    for (int k = 0; k < 64; ++k) x(i, k) = static_cast<float>(rng.uniform(0, 0.3));
    const int q = i % 4;
    const int top = (q / 2) * 4 + static_cast<int>(rng.uniform(0, 3)), left = (q % 2) * 4 + static_cast<int>(rng.uniform(0, 3));
    for (int dy = 0; dy < 2; ++dy)
      for (int dx = 0; dx < 2; ++dx) x(i, (top + dy) * 8 + left + dx) = 1.0f;
    y(i, q) = 1;
  }
  ModelSpec s = image_spec({8, 8, 1}, {LayerSpec::conv2d(4, 3, 3, Activation::relu, 1, Padding::same),
                                       LayerSpec::maxpool2d(2), LayerSpec::flatten(), dense(4, Activation::softmax)});
  s.seed = 2;
  Model<float> m(s);
  auto opt = optim::make_optimizer<float>("adam", lr(0.01));
  const auto data = Dataset<float>::from_tensors(x, y);
  const double before = m.evaluate(data).metric;
  fit(m, *opt, data, FitOptions{30, 16, true, 0.0, {}});
  const Evaluation after = m.evaluate(data);
  INFO("accuracy " << before << " → " << after.metric);
  CHECK(after.metric > 0.95);
  // predict and evaluate agree, and predict's rows are distributions.
  const Tensor<float> p = m.predict(x);
  CHECK(p.rows() == n);
  CHECK(std::abs(p.row(0).sum() - 1.0f) < 1e-5f);
}

TEST_CASE("layer_outputs: one output per layer, in its shape; a ReLU conv's maps are its conv plus relu; the last is predict's", "[nn][conv]") {
  const ImageShape image{7, 6, 2};
  ModelSpec s = image_spec(image, {LayerSpec::conv2d(3, 3, 2, Activation::relu), LayerSpec::maxpool2d(2),
                                   LayerSpec::flatten(), dense(4, Activation::softmax)});
  Model<double> m(s);
  Rng rng(5);
  Tensor<double> x(3, image.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) x.data()[i] = rng.uniform(-1, 1);
  const std::vector<Tensor<double>> out = m.layer_outputs(x);
  const std::vector<LayerShape> shapes = layer_shapes(s);
  REQUIRE(out.size() == s.layers.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    CHECK(out[i].rows() == 3);
    CHECK(out[i].cols() == shapes[i + 1].size);
  }
  // The conv's output, by the definition: relu(Σ x·k + b) at (row r, col c, filter f), channels-last.
  const Tensor<double>& k = m.kernel(0).value;  // (kh·kw·c) x filters, Keras's (kh, kw, c, f) order
  const Tensor<double>& b = m.bias(0).value;
  const ImageShape o = shapes[1].image;
  for (int n = 0; n < 3; ++n)
    for (int r = 0; r < o.height; ++r)
      for (int c = 0; c < o.width; ++c)
        for (int f = 0; f < o.channels; ++f) {
          double sum = b(0, f);
          for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 2; ++j)
              for (int ch = 0; ch < image.channels; ++ch)
                sum += x(n, ((r + i) * image.width + (c + j)) * image.channels + ch) * k((i * 2 + j) * image.channels + ch, f);
          CHECK(out[0](n, (r * o.width + c) * o.channels + f) == Approx(std::max(0.0, sum)).margin(1e-12));
        }
  CHECK(out[2] == out[1]);  // Flatten changes nothing in the numbers
  const Tensor<double> p = m.predict(x);
  for (Eigen::Index i = 0; i < p.size(); ++i) CHECK(out.back().data()[i] == Approx(p.data()[i]).margin(1e-12));
}
