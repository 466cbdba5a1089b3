// nn/spec: names, validation messages (each names the bad value), parameter count, memory.
#include "helpers.hpp"

using namespace nn_test;
using Catch::Matchers::Contains;

TEST_CASE("unknown names are refused with the value and the valid list", "[nn]") {
  CHECK_THROWS_WITH(parse_activation("swish"), Contains("'swish'") && Contains("relu, sigmoid, tanh, softmax"));
  CHECK_THROWS_WITH(parse_loss("hinge"), Contains("'hinge'") && Contains("categorical_crossentropy"));
  CHECK_THROWS_WITH(parse_initializer("orthogonal"), Contains("'orthogonal'") && Contains("he_normal"));
  CHECK(parse_loss("mean_squared_error") == Loss::mse);
  for (const auto& n : activation_names()) CHECK(name_of(parse_activation(n)) == n);
  for (const auto& n : loss_names()) CHECK(name_of(parse_loss(n)) == n);
  for (const auto& n : initializer_names()) CHECK(name_of(parse_initializer(n)) == n);
}

TEST_CASE("validate_spec names the bad value", "[nn]") {
  const auto ok = spec(3, {dense(4, Activation::relu), LayerSpec::dropout(0.5), dense(2, Activation::softmax)},
                       Loss::categorical_crossentropy);
  CHECK_NOTHROW(validate_spec(ok));
  auto s = ok;
  s.inputs = 0;
  CHECK_THROWS_WITH(validate_spec(s), Contains("inputs") && Contains("got 0"));
  s = ok;
  s.layers[0].units = 0;
  CHECK_THROWS_WITH(validate_spec(s), Contains("layer 1") && Contains("units") && Contains("got 0"));
  s.layers[0].units = kMaxUnits + 1;
  CHECK_THROWS_WITH(validate_spec(s), Contains("got 16385"));
  s = ok;
  s.layers[1].rate = 1.0;
  CHECK_THROWS_WITH(validate_spec(s), Contains("layer 2") && Contains("dropout must be in [0, 1)") && Contains("got 1"));
  s.layers[1].rate = -0.1;
  CHECK_THROWS_WITH(validate_spec(s), Contains("got -0.1"));
  s = ok;
  s.layers.clear();
  CHECK_THROWS_WITH(validate_spec(s), Contains("layers must be in [1, 64], got 0"));
  s = ok;
  s.layers.push_back(LayerSpec::dropout(0.1));
  CHECK_THROWS_WITH(validate_spec(s), Contains("last layer must be Dense"));
  s = ok;
  s.layers.back().activation = Activation::linear;
  CHECK_THROWS_WITH(validate_spec(s), Contains("categorical_crossentropy needs a softmax") && Contains("linear"));
  s = ok;
  s.loss = Loss::binary_crossentropy;
  CHECK_THROWS_WITH(validate_spec(s), Contains("binary_crossentropy needs a sigmoid") && Contains("softmax"));
  s = ok;
  s.l2 = -1;
  CHECK_THROWS_WITH(validate_spec(s), Contains("l2") && Contains("-1"));
  s = ok;
  s.l1 = NAN;
  CHECK_THROWS_WITH(validate_spec(s), Contains("l1") && Contains("nan"));
  s = spec(kMaxInputs, {dense(kMaxUnits, Activation::relu), dense(1, Activation::linear)}, Loss::mse);
  CHECK_THROWS_WITH(validate_spec(s), Contains("network too large") && Contains("parameters"));
  // The Model constructor validates too.
  s = ok;
  s.inputs = -5;
  CHECK_THROWS_WITH(Model<float>(s), Contains("got -5"));
}

TEST_CASE("fit options are validated", "[nn]") {
  FitOptions o;
  CHECK_NOTHROW(validate_fit_options(o));
  o.epochs = 0;
  CHECK_THROWS_WITH(validate_fit_options(o), Contains("epochs") && Contains("got 0"));
  o = {};
  o.batch_size = 0;
  CHECK_THROWS_WITH(validate_fit_options(o), Contains("batch_size") && Contains("got 0"));
  o = {};
  o.validation_split = 1.0;
  CHECK_THROWS_WITH(validate_fit_options(o), Contains("validation_split") && Contains("got 1"));
}

TEST_CASE("parameter count, description and memory estimate of the MNIST network", "[nn]") {
  const auto s = spec(784, {dense(512, Activation::relu), LayerSpec::dropout(0.2), dense(128, Activation::relu),
                            dense(10, Activation::softmax)},
                      Loss::categorical_crossentropy);
  CHECK(parameter_count(s) == 784 * 512 + 512 + 512 * 128 + 128 + 128 * 10 + 10);  // 468,874
  CHECK(output_size(s) == 10);
  CHECK(describe(s) == "784 → dense 512 relu → dropout 0.2 → dense 128 relu → dense 10 softmax; categorical_crossentropy");
  optim::OptimizerSettings rms;
  CHECK(optimizer_state_slots("rmsprop", rms) == 1);
  rms.momentum = 0.9;
  rms.centered = true;
  CHECK(optimizer_state_slots("rmsprop", rms) == 3);
  CHECK(optimizer_state_slots("adam", {}) == 2);
  CHECK(optimizer_state_slots("sgd", {}) == 0);
  CHECK_THROWS_WITH(optimizer_state_slots("lbfgs", {}), Contains("'lbfgs'"));
  // A setting the optimizer refuses is refused here too, before memory is planned for it.
  optim::OptimizerSettings adam;
  adam.beta1 = 1.5;
  CHECK_THROWS_WITH(optimizer_state_slots("adam", adam), Contains("beta1"));
  const MemoryEstimate m = estimate_memory(s, 128, 1);
  CHECK(m.parameters == 468874);
  CHECK(m.weight_bytes == 468874.0 * 4);
  CHECK(m.grad_bytes == m.weight_bytes);
  CHECK(m.optimizer_bytes == (468874.0 + 2.0 * 784 * 512) * 4);
  CHECK(m.activation_bytes == (784 + 6 * 512 + 3 * 512 + 6 * 128 + 6 * 10 + 2 * 10) * 128.0 * 4);
  CHECK(m.total_bytes == m.weight_bytes + m.grad_bytes + m.optimizer_bytes + m.activation_bytes);
  CHECK(m.total_bytes < 16e6);  // about 10 MB: fits any page
  CHECK(estimate_memory(s, 60000, 1).total_bytes > estimate_memory(s, 128, 1).total_bytes);
  CHECK_THROWS_WITH(estimate_memory(s, 0, 1), Contains("batch_size") && Contains("got 0"));
}
