// bench_train_ad: samples/s of one training step of the MNIST network built from the autodiff
// ops (bench/mlp_step.hpp), natively. Not a test. `npm run bench` runs it (and its -sse2 twin).
//   usage: bench_train_ad [batches=100] [threads=1] [repeats=5]
// Prints one line per repeat: "samples_per_second <S>".
#include <malloc.h>

#include <cstdio>
#include <cstdlib>

#include "mlp_step.hpp"

int main(int argc, char** argv) {
  // glibc returns large freed blocks to the OS (trim/mmap thresholds), so every product's and
  // every optimizer step's temporary of a few hundred KB came back as fresh page faults: about 4x
  // the CPU time of the step. Keep freed memory in the process, as wasm's allocator does.
  mallopt(M_MMAP_THRESHOLD, 256 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
  const int batches = argc > 1 ? std::atoi(argv[1]) : 100;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 1;
  const int repeats = argc > 3 ? std::atoi(argv[3]) : 5;
  basecamp::bench::MlpStep step(128);
  for (int r = 0; r < repeats; ++r)
    std::printf("samples_per_second %.1f\n", step.samples_per_second(batches, threads));
  return 0;
}
