#include "boundary/points.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>

#include "boundary/error_info.hpp"
#include "error.hpp"
#include "random.hpp"

namespace basecamp::boundary {

std::vector<std::string> numbered_classes(int k) {
  std::vector<std::string> names;
  for (int c = 0; c < k; ++c) names.push_back(std::to_string(c));
  return names;
}

DataSet split(const Points& all, double test_ratio, unsigned long long seed, int classes,
              std::vector<std::string> class_names) {
  require_in_range(test_ratio, Range{0.0, 0.9}, "data", "test_ratio");
  const std::size_t n = all.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  // Fisher–Yates with the core's Rng (the same order natively and in wasm). The stream is
  // offset from the generator's so that the split does not repeat its draws.
  Rng rng(seed ^ 0x5eed5eedULL);
  for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);
  std::size_t tests = static_cast<std::size_t>(std::llround(static_cast<double>(n) * test_ratio));
  if (test_ratio > 0 && n >= 2) tests = std::clamp<std::size_t>(tests, 1, n - 1);
  if (n < 2) tests = 0;
  DataSet out;
  out.classes = classes;
  out.class_names = std::move(class_names);
  for (std::size_t k = 0; k < n; ++k) {
    const std::size_t i = order[k];
    (k < n - tests ? out.train : out.test).add(all.x1[i], all.x2[i], all.label[i]);
  }
  return out;
}

namespace {
void check_points(const Points& p, int classes, const char* which) {
  require(p.x1.size() == p.x2.size() && p.x1.size() == p.label.size(), "data",
          std::string(which) + ": x1, x2 and label differ in length",
          [&] { return error_info(code::shape_mismatch, which); });
  for (std::size_t i = 0; i < p.size(); ++i) {
    require(std::isfinite(p.x1[i]) && std::isfinite(p.x2[i]) && std::isfinite(p.label[i]), "data",
            std::string(which) + ": point " + std::to_string(i) + " is not finite", [&] {
              ErrorInfo e = error_info(code::not_finite, which);
              e.value = static_cast<double>(i);
              return e;
            });
    if (classes > 0) {
      const double l = p.label[i];
      require(l == std::floor(l) && l >= 0 && l < classes, "data",
              std::string(which) + ": label of point " + std::to_string(i) + " is not a class 0…" +
                  std::to_string(classes - 1),
              [&] {
                ErrorInfo e = error_info(code::out_of_range, "label");
                e.value = l;
                e.min = 0;
                e.max = classes - 1;
                e.text = which;
                return e;
              });
    }
  }
}
}  // namespace

void validate(const DataSet& data) {
  if (data.classes != 0) require_in_range(data.classes, Range{2, kMaxClasses}, "data", "classes");
  require(data.class_names.size() == static_cast<std::size_t>(data.classes), "data",
          "one class name per class", [] { return error_info(code::shape_mismatch, "class_names"); });
  check_points(data.train, data.classes, "train");
  check_points(data.test, data.classes, "test");
  require(data.train.size() >= 1, "data", "no training points",
          [] { return error_info(code::empty, "train"); });
  const std::size_t total = data.train.size() + data.test.size();
  require(total <= kMaxPoints, "data", "more than 10000 points", [&] {
    ErrorInfo e = error_info(code::too_large, "points");
    e.value = static_cast<double>(total);
    e.max = static_cast<double>(kMaxPoints);
    return e;
  });
}

}  // namespace basecamp::boundary
