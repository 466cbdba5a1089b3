// bench_train_convnet: samples/s of one training step of the Keras book's convnet
// (bench/convnet_step.hpp), natively. Not a test. `npm run bench` runs it.
//   usage: bench_train_convnet [batches=20] [threads=1] [repeats=3]
// Prints one line per repeat: "samples_per_second <S>".
#include <cstdio>
#include <cstdlib>

#include "convnet_step.hpp"

int main(int argc, char** argv) {
  const int batches = argc > 1 ? std::atoi(argv[1]) : 20;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 1;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 3;
  basecamp::bench::ConvnetStep step(64);
  for (int r = 0; r < repeats; ++r)
    std::printf("samples_per_second %.1f\n", step.samples_per_second(batches, threads));
  return 0;
}
