// The pieces of Python that both "Export as Keras" scripts write (the boundary lesson's,
// boundary/keras.hpp, and the MNIST lesson's, nn/keras.hpp): numbers and strings in Python's
// spelling, the initializer and regularizer arguments, one line per layer, and the optimizer
// with every hyperparameter read from the optimizer the factory builds (so no default is
// written twice). Text only; each exporter decides what the script does with its data.
#pragma once

#include <ostream>
#include <string>

#include "nn/spec.hpp"
#include "optim/factory.hpp"

namespace basecamp::nn::keras {

std::string number(double v);          // the core's shortest round-trip form: 0.001, 1e-07
std::string boolean(bool b);           // True / False
std::string quoted(const std::string& s);  // "text", with " and \ escaped
std::string initializer(Init i);       // "glorot_uniform", keras.initializers.RandomNormal(stddev=0.01), ...

// A layer of keras.Sequential([...]), indented by four spaces, without the trailing ",\n".
// Kernel penalties are written as a kernel_regularizer when l1 or l2 is positive.
std::string dense(int units, Activation a, Init init, double l1, double l2);
std::string dropout(double rate);
// Conv2D with its kernel, stride, padding and activation; MaxPooling2D (stride 0: the pool);
// Flatten.
std::string layer(const LayerSpec& l, Init init, double l1, double l2);

// "# notes…\noptimizer = keras.optimizers.X(learning_rate=…, …)\n": the optimizer `name` with
// `settings` (lr included) as the factory builds it, every hyperparameter spelled out, and a
// comment for each place where torch's rule (the core's) and Keras's differ. Error (the
// factory's) for an unknown name or a refused setting.
void write_optimizer(std::ostream& out, const std::string& name, const optim::OptimizerSettings& settings);

}  // namespace basecamp::nn::keras
