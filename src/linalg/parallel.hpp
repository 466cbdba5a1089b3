// A tiny persistent worker pool for the big matrix products, the optimizers' updates and large
// elementwise work: parallel_for(pieces, fn) runs fn(0..pieces-1) on the caller and up to
// threads() - 1 parked helpers, each taking the next unclaimed piece, and returns when all are
// done; parallel_ranges splits an index range. More pieces than threads keep both cores busy
// when the system preempts one of the threads (a browser shares the cores with its own threads).
// Without threads (the single-thread wasm build) or with threads() == 1 it is a plain loop.
// Not a general task system: one caller at a time, no nesting (a nested call runs serially).
#pragma once

#include <cstddef>
#include <functional>

namespace basecamp::linalg {

// Below this many elements per thread, handing work to a worker costs more than it saves
// (wake-up and cache traffic): a 2-thread split of a simple elementwise loop pays from ~32K up.
inline constexpr std::ptrdiff_t kMinPiece = 1 << 14;

// True when this build can run threads (native, or wasm built with -pthread).
bool threads_available();

// Threads the products use: 1 by default, except in the threaded wasm build where it is
// min(2, cores) (the page's pthread pool holds 2 workers). set_threads clamps to [1, max_threads()].
int threads();
int max_threads();
void set_threads(int n);

// Pieces per thread that parallel_ranges and the products aim for.
inline constexpr int kPiecesPerThread = 4;

// Runs fn(piece) for every piece in [0, pieces), on the caller and min(pieces, threads()) - 1
// helpers; which thread runs a piece is not fixed, so fn must not depend on it. fn must not
// throw: a piece is plain arithmetic on buffers whose shapes were checked before the split.
void parallel_for(int pieces, const std::function<void(int piece)>& fn);

// Runs fn(begin, end) over contiguous pieces that cover [0, size): kPiecesPerThread per thread
// when every piece gets at least min_piece elements, fewer when not, one (on the caller) with
// one thread or a small range. Piece boundaries are multiples of 16, so vectorised code over an
// aligned buffer (Eigen's packets, 4 to 16 lanes) treats every element as it would in one piece:
// results do not depend on the split.
void parallel_ranges(std::ptrdiff_t size,
                     const std::function<void(std::ptrdiff_t begin, std::ptrdiff_t end)>& fn,
                     std::ptrdiff_t min_piece = kMinPiece);

}  // namespace basecamp::linalg
