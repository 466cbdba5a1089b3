// The mini-batch walker as seen from JS: a regression problem (the default 7 points or given
// ones), an optimizer by name and settings, a batch size and a seed. Conversion and ownership
// only; the stepping is descent::MinibatchWalker's.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>
#include <vector>

#include "descent.hpp"
#include "descent/minibatch.hpp"

namespace basecamp::wasm {

class MinibatchDescent : public Fallible {
 public:
  // spec: {x: [...], y: [...]} or {} for the default points.
  MinibatchDescent(const val& spec, const std::string& optimizer, const val& settings, int batch_size,
                   double seed, double m0, double b0, const val& schedule) {
    attempt([&] {
      require_in_range(seed, limits::count(0, 9007199254740991.0), "mini-batch", "seed");
      require_code(seed == std::floor(seed), code::not_integer, "mini-batch", "seed",
                   [&] { return "seed must be a whole number, got " + format_number(seed); }, seed);
      if (!spec.isUndefined() && !spec.isNull() && spec.hasOwnProperty("x")) {
        problem_ = std::make_unique<surfaces::Regression>(
            emscripten::convertJSArrayToNumberVector<double>(spec["x"]),
            emscripten::convertJSArrayToNumberVector<double>(spec["y"]));
      } else {
        problem_ = std::make_unique<surfaces::Regression>();
      }
      optimizer_ = optim::make_optimizer<double>(optimizer, settings_from_js(settings));
      walker_ = std::make_unique<descent::MinibatchWalker>(*problem_, *optimizer_, batch_size,
                                                         static_cast<std::uint64_t>(seed), m0, b0,
                                                         schedule_from_js(schedule));
    });
  }

  // Up to n steps; the new rows as a flat Float64Array [m, b, loss, samples, batchLoss, ...].
  val step(int n) {
    std::vector<double> rows;
    for (int i = 0; i < n && walker().step(); ++i) {
      rows.insert(rows.end(), {walker().m(), walker().b(), walker().loss(),
                               static_cast<double>(walker().samples()), walker().batch_loss()});
    }
    return typed_copy(rows);
  }

  double m() const { return walker().m(); }
  double b() const { return walker().b(); }
  double loss() const { return walker().loss(); }
  double batch_loss() const { return walker().batch_loss(); }
  int steps() const { return static_cast<int>(walker().steps()); }
  double samples() const { return static_cast<double>(walker().samples()); }
  int epoch() const { return static_cast<int>(walker().epoch()); }
  int batch_size() const { return static_cast<int>(walker().batch_size()); }
  int diverged_at() const { return walker().diverged_at() ? static_cast<int>(*walker().diverged_at()) : -1; }
  // The indices of the points in the last batch (sorted).
  val last_batch() const { return vector_to_js(walker().last_batch()); }

 private:
  descent::MinibatchWalker& walker() const {
    require_built(walker_ != nullptr, "mini-batch");
    return *walker_;
  }

  std::unique_ptr<surfaces::Regression> problem_;
  std::unique_ptr<optim::Optimizer<double>> optimizer_;
  std::unique_ptr<descent::MinibatchWalker> walker_;
};

}  // namespace basecamp::wasm
