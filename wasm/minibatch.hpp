// The mini-batch walker as seen from JS: a regression problem ({x, y}, or {} for the lesson's 7
// points), an optimizer by name and settings, a batch size and a seed, for descent::MinibatchRun.
// Conversion only.
#pragma once

#include <emscripten/val.h>

#include <memory>
#include <string>

#include "descent.hpp"

namespace basecamp::wasm {

class MinibatchDescent : public Held<descent::MinibatchRun> {
 public:
  MinibatchDescent(const val& spec, const std::string& optimizer, const val& settings, int batch_size, double seed,
                   double m0, double b0, const val& schedule)
      : Held([&] {
          const std::uint64_t checked_seed = seed_of(seed, "mini-batch");
          return std::make_unique<descent::MinibatchRun>(surfaces::regression_from(value_from_js(spec)), optimizer,
                                                         settings_from_js(settings), batch_size, checked_seed, m0, b0,
                                                         schedule_from_js(schedule));
        }) {}
  // The indices of the points in the last batch (sorted), as a plain array.
  val last_batch() const { return vector_to_js(get().last_batch()); }
};

}  // namespace basecamp::wasm
