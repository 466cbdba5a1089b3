// Embind declarations for lesson 5: finite differences against backpropagation on an MLP.
// (The tape itself, with localGrad/contribution/backwardTo, is declared in bindings.cpp.)
#include <emscripten/bind.h>

#include "backprop.hpp"
#include "guard.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_backprop) {
  function("fdPresets", optional_override([] { return wasm::to_js(backprop::fd_presets()); }));
  function("fdDefaults", optional_override([] {
             const backprop::FdSettings s;
             return wasm::object("batch", s.batch, "seed", static_cast<double>(s.seed), "step", s.step,
                                 "relFloor", backprop::FdReport::rel_floor);
           }));
  function("mlpParamCount", optional_override([](const val& layers) {
             return guarded([&] { return backprop::mlp_param_count(wasm::layers_from_js(layers)); });
           }));
  function("compareFdBackprop", guard<&wasm::fd_report_js>);
}
