// linalg's worker pool: every piece of a job runs exactly once whoever claims it, jobs that follow
// each other by microseconds do not mix (a helper still finishing job g must not claim a piece of
// job g + 1 with job g's function), a nested call runs serially, parallel_ranges covers a range
// once in 16-aligned pieces, and what runs on the pool gives the same bits on any thread count.
#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

#include "linalg/parallel.hpp"
#include "optim/factory.hpp"
#include "random.hpp"

using namespace basecamp;

namespace {

// Restores one thread (every other test's assumption) when a test case ends, passed or not.
struct ThreadCount {
  explicit ThreadCount(int n) { linalg::set_threads(n); }
  ~ThreadCount() { linalg::set_threads(1); }
};

}  // namespace

TEST_CASE("parallel_for runs every piece exactly once, more pieces than threads included",
          "[linalg][parallel]") {
  for (const int threads : {1, 2, linalg::max_threads()}) {
    ThreadCount use(threads);
    for (const int pieces : {1, 2, 3, 7, 8, 64, 1000}) {
      std::vector<std::atomic<int>> runs(static_cast<std::size_t>(pieces));
      linalg::parallel_for(pieces, [&](int p) { runs[static_cast<std::size_t>(p)].fetch_add(1); });
      int wrong = 0;
      for (const auto& r : runs) wrong += r.load() != 1;
      CAPTURE(threads, pieces);
      CHECK(wrong == 0);
    }
  }
}

TEST_CASE("back-to-back jobs of different sizes never run a piece twice or with the wrong job",
          "[linalg][parallel]") {
  ThreadCount use(linalg::max_threads());
  // Each job adds its own number to its own counter: a piece that ran under a later job's
  // function, or twice, shows up as a wrong total.
  constexpr int kJobs = 20000;
  std::vector<long long> totals(kJobs, 0);
  long long want_sum = 0, got_sum = 0;
  for (int job = 0; job < kJobs; ++job) {
    const int pieces = 1 + job % 9;
    std::atomic<long long> total{0};
    linalg::parallel_for(pieces, [&total, job](int p) { total.fetch_add(job * 16 + p); });
    totals[static_cast<std::size_t>(job)] = total.load();
    want_sum += static_cast<long long>(job) * 16 * pieces + pieces * (pieces - 1) / 2;
  }
  for (const long long t : totals) got_sum += t;
  CHECK(got_sum == want_sum);
}

TEST_CASE("a parallel_for inside a piece runs serially and completes", "[linalg][parallel]") {
  ThreadCount use(linalg::max_threads());
  std::atomic<int> inner{0};
  linalg::parallel_for(4, [&](int) { linalg::parallel_for(5, [&](int) { inner.fetch_add(1); }); });
  CHECK(inner.load() == 20);
}

TEST_CASE("parallel_ranges covers the range once, in pieces that start at multiples of 16",
          "[linalg][parallel]") {
  for (const int threads : {1, 2, linalg::max_threads()}) {
    ThreadCount use(threads);
    for (const std::ptrdiff_t size : {1, 15, 16, 1000, 1 << 14, (1 << 16) + 3, 401408, 1 << 20}) {
      std::vector<std::atomic<int>> hits(static_cast<std::size_t>(size));
      std::atomic<int> pieces{0}, misaligned{0};
      linalg::parallel_ranges(size, [&](std::ptrdiff_t begin, std::ptrdiff_t end) {
        pieces.fetch_add(1);
        if (begin % 16 != 0) misaligned.fetch_add(1);
        for (std::ptrdiff_t i = begin; i < end; ++i) hits[static_cast<std::size_t>(i)].fetch_add(1);
      });
      int wrong = 0;
      for (const auto& h : hits) wrong += h.load() != 1;
      CAPTURE(threads, size);
      CHECK(wrong == 0);
      CHECK(misaligned.load() == 0);
      CHECK(pieces.load() <= threads * linalg::kPiecesPerThread);
      if (threads == 1 || size < 2 * linalg::kMinPiece) CHECK(pieces.load() == 1);
    }
  }
}

TEST_CASE("an optimizer's split update gives the same bits on 1 thread and on all of them",
          "[linalg][parallel]") {
  // The first layer of the MNIST network: 784 x 512, big enough to split in many pieces.
  for (const char* name : {"sgd", "adam", "adamw", "adagrad", "adadelta", "rmsprop"}) {
    std::vector<Tensor<float>> results;
    for (const int threads : {1, linalg::max_threads()}) {
      ThreadCount use(threads);
      Rng rng(7);
      Param<float> p{"w", Tensor<float>(784, 512), Tensor<float>(784, 512)};
      for (Eigen::Index i = 0; i < p.value.size(); ++i)
        p.value.data()[i] = static_cast<float>(rng.uniform(-1, 1));
      auto opt = optim::make_optimizer<float>(name);
      for (int step = 0; step < 3; ++step) {
        for (Eigen::Index i = 0; i < p.grad.size(); ++i)
          p.grad.data()[i] = static_cast<float>(rng.uniform(-1, 1));
        opt->step({&p});
      }
      results.push_back(p.value);
    }
    CAPTURE(name);
    CHECK((results[0].array() == results[1].array()).all());
  }
}
