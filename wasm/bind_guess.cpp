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
               return guess::log10_coverage(budget, static_cast<std::uint64_t>(guess::whole_number(k, "segments per axis", 1, 1e6)), n_max);
             });
           }));
  function("checkLayers", optional_override([](const val& sizes) { return guarded([&] { return guess::check_layers(wasm::numbers_from_js(sizes)); }); }));
  function("countParameters", optional_override([](const val& sizes) { return guarded([&] { return guess::count_parameters(wasm::numbers_from_js(sizes)); }); }));
  function("probeForwardPasses", optional_override([](double parameters) {
             return guarded([&] { return guess::probe_forward_passes(static_cast<long long>(guess::whole_number(parameters, "parameters", 0, 1e15))); });
           }));
  function("guessRace", guard<&wasm::race_js>);
}
