// The worker pool behind parallel_for: the caller and its helpers claim pieces of a job from one
// shared ticket until none is left. Helpers spin briefly on the ticket (a product follows another
// within microseconds during training), then sleep on a condition variable.
// In wasm the helpers are pthreads from Emscripten's pre-spawned pool (-sPTHREAD_POOL_SIZE):
// never start more than that pool holds, or the caller blocks forever waiting for them.
#include "linalg/parallel.hpp"

#include <algorithm>

#if !defined(__EMSCRIPTEN__) || defined(__EMSCRIPTEN_PTHREADS__)
#define BASECAMP_HAVE_THREADS 1
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>
#else
#define BASECAMP_HAVE_THREADS 0
#endif

namespace basecamp::linalg {

#if BASECAMP_HAVE_THREADS

namespace {

#ifdef __EMSCRIPTEN__
constexpr int kPoolLimit = 2;  // = -sPTHREAD_POOL_SIZE of the threaded build (CMakeLists.txt)
#else
constexpr int kPoolLimit = 64;
#endif

int hardware() {
  const unsigned n = std::thread::hardware_concurrency();
  return std::clamp(static_cast<int>(n == 0 ? 1 : n), 1, kPoolLimit);
}

// One job at a time: pieces [0, pieces) of fn, claimed one by one from a shared ticket by the
// caller and by every helper that is awake. Whoever is running takes the next piece, so a helper
// that the system has preempted (in a browser, two training threads share two cores with the
// page's own threads) delays the product by at most the piece it holds, not by half the work.
class Pool {
 public:
  ~Pool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stop_ = true;
    }
    stop_flag_.store(true);
    wake_.notify_all();
    for (std::thread& w : workers_) w.join();
  }

  void run(int pieces, int helpers, const std::function<void(int)>& fn) {
    bool expected = false;
    if (!busy_.compare_exchange_strong(expected, true)) {  // nested or concurrent: serial
      for (int p = 0; p < pieces; ++p) fn(p);
      return;
    }
    while (static_cast<int>(workers_.size()) < helpers) {
      const int id = static_cast<int>(workers_.size()) + 1;
      workers_.emplace_back([this, id] { loop(id); });
    }
    job_.store(&fn, std::memory_order_relaxed);
    helpers_.store(helpers, std::memory_order_relaxed);
    done_.store(0, std::memory_order_relaxed);
    const std::uint64_t ticket = Ticket::first(++generation_, pieces);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      ticket_.store(ticket, std::memory_order_release);
    }
    wake_.notify_all();
    claim_and_run(fn, ticket);
    // Only pieces that a helper already holds are left.
    while (done_.load(std::memory_order_acquire) != pieces) {
    }
    busy_.store(false, std::memory_order_release);
  }

 private:
  // ticket_ packs the job's generation (high 32 bits), its piece count (16) and the next
  // unclaimed piece (low 16): one compare-exchange claims a piece of the job it was read for.
  struct Ticket {
    static std::uint64_t first(std::uint32_t generation, int pieces) {
      return (static_cast<std::uint64_t>(generation) << 32) |
             (static_cast<std::uint64_t>(pieces) << 16);
    }
    static std::uint32_t generation(std::uint64_t t) { return static_cast<std::uint32_t>(t >> 32); }
    static int pieces(std::uint64_t t) { return static_cast<int>((t >> 16) & 0xffff); }
    static int next(std::uint64_t t) { return static_cast<int>(t & 0xffff); }
  };

  // Runs pieces of the job ticket t belongs to while any is unclaimed. A failed exchange reloads
  // t; once t names a later job, this one is complete and fn may be gone: stop.
  void claim_and_run(const std::function<void(int)>& fn, std::uint64_t t) {
    const std::uint32_t generation = Ticket::generation(t);
    while (Ticket::generation(t) == generation && Ticket::next(t) < Ticket::pieces(t)) {
      if (ticket_.compare_exchange_weak(t, t + 1, std::memory_order_acq_rel,
                                        std::memory_order_acquire)) {
        fn(Ticket::next(t));
        done_.fetch_add(1, std::memory_order_release);
        t = ticket_.load(std::memory_order_acquire);
      }
    }
  }

  void loop(int id) {
    std::uint32_t seen = 0;
    for (;;) {
      // Spin first: during training the next product arrives within microseconds. Not long:
      // a spinning helper takes a core from the caller's serial work on a busy machine.
      for (int spin = 0; spin < 20000 && Ticket::generation(ticket_.load(std::memory_order_acquire)) == seen &&
                         !stop_flag_.load(std::memory_order_relaxed);
           ++spin) {
      }
      if (Ticket::generation(ticket_.load(std::memory_order_acquire)) == seen) {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] {
          return stop_ || Ticket::generation(ticket_.load(std::memory_order_acquire)) != seen;
        });
        if (stop_) return;
      }
      const std::uint64_t t = ticket_.load(std::memory_order_acquire);
      seen = Ticket::generation(t);
      // job_ and helpers_ were stored before the ticket's release: they belong to t's job, or
      // to a later one, in which case t's job is complete and claim_and_run claims nothing.
      if (id <= helpers_.load(std::memory_order_relaxed))
        claim_and_run(*job_.load(std::memory_order_relaxed), t);
    }
  }

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::uint32_t generation_ = 0;  // the caller's count of jobs
  std::atomic<std::uint64_t> ticket_{0};
  std::atomic<int> done_{0};
  std::atomic<bool> busy_{false};
  std::atomic<bool> stop_flag_{false};
  bool stop_ = false;
  std::atomic<const std::function<void(int)>*> job_{nullptr};
  std::atomic<int> helpers_{0};
};

Pool& pool() {
  static Pool p;
  return p;
}

#ifdef __EMSCRIPTEN__
std::atomic<int> g_threads{hardware()};
#else
std::atomic<int> g_threads{1};
#endif

}  // namespace

bool threads_available() { return true; }
int max_threads() { return hardware(); }
int threads() { return g_threads.load(std::memory_order_relaxed); }
void set_threads(int n) { g_threads.store(std::clamp(n, 1, max_threads())); }

void parallel_for(int pieces, const std::function<void(int)>& fn) {
  const int helpers = std::min(pieces, threads()) - 1;
  if (helpers <= 0 || pieces > 0xffff) {
    for (int p = 0; p < pieces; ++p) fn(p);
    return;
  }
  pool().run(pieces, helpers, fn);
}

#else  // single-thread build

bool threads_available() { return false; }
int max_threads() { return 1; }
int threads() { return 1; }
void set_threads(int) {}
void parallel_for(int parts, const std::function<void(int)>& fn) {
  for (int p = 0; p < parts; ++p) fn(p);
}

#endif

void parallel_ranges(std::ptrdiff_t size,
                     const std::function<void(std::ptrdiff_t, std::ptrdiff_t)>& fn,
                     std::ptrdiff_t min_piece) {
  if (size <= 0) return;
  constexpr std::ptrdiff_t kAlign = 16;
  const std::ptrdiff_t most = std::max<std::ptrdiff_t>(1, size / std::max<std::ptrdiff_t>(1, min_piece));
  const int parts =
      threads() == 1 ? 1
                     : static_cast<int>(std::min<std::ptrdiff_t>(threads() * kPiecesPerThread, most));
  if (parts <= 1) {
    fn(0, size);
    return;
  }
  const std::ptrdiff_t step = ((size + parts - 1) / parts + kAlign - 1) / kAlign * kAlign;
  parallel_for(parts, [&](int p) {
    const std::ptrdiff_t begin = std::min(size, p * step), end = std::min(size, (p + 1) * step);
    if (begin < end) fn(begin, end);
  });
}

}  // namespace basecamp::linalg
