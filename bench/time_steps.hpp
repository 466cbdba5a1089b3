// The one timing loop of the benchmark steps (mlp_step.hpp, convnet_step.hpp): samples per
// second over `batches` timed calls of step(), after `warm_up` untimed ones (buffers, caches),
// with the product threads set first.
#pragma once

#include <chrono>

#include "linalg/parallel.hpp"

namespace basecamp::bench {

template <class Step>
double time_steps(Step&& step, int batch, int batches, int threads, int warm_up) {
  linalg::set_threads(threads);
  for (int i = 0; i < warm_up; ++i) step();
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < batches; ++i) step();
  const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return static_cast<double>(batches) * batch / s;
}

}  // namespace basecamp::bench
