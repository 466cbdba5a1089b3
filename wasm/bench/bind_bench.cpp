// Embind declarations for `npm run bench` only (its own modules, basecamp_bench_*: the page's
// modules do not carry them): time the training step of bench/mlp_step.hpp (the MNIST network
// from the autodiff ops, random data) and of bench/convnet_step.hpp in this build.
#include <emscripten/bind.h>

#include "../../bench/convnet_step.hpp"
#include "../../bench/mlp_step.hpp"

using namespace emscripten;

EMSCRIPTEN_BINDINGS(basecamp_bench) {
  // samples/s over `batches` batches of 128 with `threads` threads (clamped to what the build has)
  function("benchTrainStep", optional_override([](int batches, int threads) {
             basecamp::bench::MlpStep step(128);
             return step.samples_per_second(batches, threads);
           }));
  // the same for the Keras book's convnet, batches of 64
  function("benchConvnetStep", optional_override([](int batches, int threads) {
             basecamp::bench::ConvnetStep step(64);
             return step.samples_per_second(batches, threads);
           }));
}
