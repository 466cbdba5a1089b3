// Embind declarations for lesson 2: counting guesses, network sizes, and the race.
#include <emscripten/bind.h>

#include "guard.hpp"
#include "guess.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_guess) {
  function("guessConstants", &wasm::guess_constants_js);
  function("guessReport", guard<&wasm::guess_report_js>);
  function("guessCoverage", optional_override([](double budget, double k, int n_max) {
             return guarded([&] {
               return wasm::typed_copy(guess::log10_coverage(
                   budget, static_cast<std::uint64_t>(wasm::whole_number(k, "segments per axis", 1, 1e6)), n_max));
             });
           }));
  function("checkLayers", guard<&wasm::check_layers_js>);
  function("countParameters", guard<&wasm::count_parameters_js>);
  function("probeForwardPasses", optional_override([](double parameters) {
             return guarded([&] {
               return static_cast<double>(guess::probe_forward_passes(
                   static_cast<long long>(wasm::whole_number(parameters, "parameters", 0, 1e15))));
             });
           }));
  function("guessRace", guard<&wasm::race_js>);
}
