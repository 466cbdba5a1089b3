// A tiny persistent worker pool for the big matrix products: parallel_for(parts, fn) runs
// fn(0) on the caller and fn(1..parts-1) on parked workers, and returns when all are done.
// Without threads (the single-thread wasm build) or with threads() == 1 it is a plain loop.
// Not a general task system: one caller at a time, no nesting (a nested call runs serially).
#pragma once

#include <functional>

namespace basecamp::linalg {

// True when this build can run threads (native, or wasm built with -pthread).
bool threads_available();

// Threads the products use: 1 by default, except in the threaded wasm build where it is
// min(2, cores) (the page's pthread pool holds 2 workers). set_threads clamps to [1, max_threads()].
int threads();
int max_threads();
void set_threads(int n);

// Runs fn(part) for part in [0, parts); part 0 on the calling thread. parts <= threads().
void parallel_for(int parts, const std::function<void(int part)>& fn);

}  // namespace basecamp::linalg
