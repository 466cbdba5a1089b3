// bench_train_ad: samples/s of one training step of the MNIST network built from the autodiff
// ops (bench/mlp_step.hpp), natively. Not a test. `npm run bench` runs it (and its -sse2 twin).
//   usage: bench_train_ad [batches=100] [threads=1] [repeats=5]
// Prints one line per repeat: "samples_per_second <S>".
#include <cstdio>
#include <cstdlib>

#include "mlp_step.hpp"

int main(int argc, char** argv) {
  // No mallopt: a step allocates no large temporary (the tape recycles its buffers, the
  // optimizers update in place), so glibc's default thresholds cost nothing here.
  const int batches = argc > 1 ? std::atoi(argv[1]) : 100;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 1;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 5;
  basecamp::bench::MlpStep step(128);
  for (int r = 0; r < repeats; ++r)
    std::printf("samples_per_second %.1f\n", step.samples_per_second(batches, threads));
  return 0;
}
