// The worker pool behind parallel_for: workers spin briefly on a generation counter (a product
// follows another within microseconds during training), then sleep on a condition variable.
// In wasm the workers are pthreads from Emscripten's pre-spawned pool (-sPTHREAD_POOL_SIZE):
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

  void run(int parts, const std::function<void(int)>& fn) {
    bool expected = false;
    if (!busy_.compare_exchange_strong(expected, true)) {  // nested or concurrent: serial
      for (int p = 0; p < parts; ++p) fn(p);
      return;
    }
    while (static_cast<int>(workers_.size()) < parts - 1) {
      const int id = static_cast<int>(workers_.size()) + 1;
      workers_.emplace_back([this, id] { loop(id); });
    }
    job_.store(&fn, std::memory_order_relaxed);
    parts_.store(parts, std::memory_order_relaxed);
    pending_.store(parts - 1, std::memory_order_relaxed);
    {
      std::lock_guard<std::mutex> lock(mutex_);
      generation_.fetch_add(1, std::memory_order_release);
    }
    wake_.notify_all();
    fn(0);
    while (pending_.load(std::memory_order_acquire) != 0) {
    }
    busy_.store(false, std::memory_order_release);
  }

 private:
  void loop(int id) {
    std::uint64_t seen = 0;
    for (;;) {
      // Spin first: the next product usually arrives within microseconds.
      for (int spin = 0; spin < 200000 && generation_.load(std::memory_order_acquire) == seen &&
                         !stop_flag_.load(std::memory_order_relaxed);
           ++spin) {
      }
      if (generation_.load(std::memory_order_acquire) == seen) {
        std::unique_lock<std::mutex> lock(mutex_);
        wake_.wait(lock, [&] { return stop_ || generation_.load(std::memory_order_acquire) != seen; });
        if (stop_) return;
      }
      seen = generation_.load(std::memory_order_acquire);
      if (id < parts_.load(std::memory_order_relaxed)) {
        (*job_.load(std::memory_order_relaxed))(id);
        pending_.fetch_sub(1, std::memory_order_release);
      }
    }
  }

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<int> pending_{0};
  std::atomic<bool> busy_{false};
  std::atomic<bool> stop_flag_{false};
  bool stop_ = false;
  // Published by the release increment of generation_, read after its acquire load.
  std::atomic<const std::function<void(int)>*> job_{nullptr};
  std::atomic<int> parts_{0};
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

void parallel_for(int parts, const std::function<void(int)>& fn) {
  if (parts <= 1) {
    if (parts == 1) fn(0);
    return;
  }
  pool().run(parts, fn);
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
  const int parts = static_cast<int>(std::min<std::ptrdiff_t>(threads(), most));
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
