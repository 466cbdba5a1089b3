// Embind declarations for lesson 2: counting guesses, network sizes, and the race.
#include <emscripten/bind.h>

#include "guard.hpp"
#include "guess.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_guess) {
  function("guessConstants", &wasm::guess_constants_js);
  function("guessReport", optional_override([](double k, double n, double per_second) {
             return guarded([&] { return wasm::guess_report_js(k, n, per_second); });
           }));
  function("guessCoverage", optional_override([](double budget, double k, int n_max) {
             return guarded([&] {
               return wasm::doubles_to_js(guess::log10_coverage(
                   budget, static_cast<std::uint64_t>(wasm::whole_number(k, "segments per axis", 1, 1e6)), n_max));
             });
           }));
  function("checkLayers", optional_override([](const val& sizes) {
             return guarded([&] { return wasm::check_layers_js(sizes); });
           }));
  function("countParameters", optional_override([](const val& sizes) {
             return guarded([&] { return wasm::count_parameters_js(sizes); });
           }));
  function("probeForwardPasses", optional_override([](double parameters) {
             return guarded([&] {
               return static_cast<double>(guess::probe_forward_passes(
                   static_cast<long long>(wasm::whole_number(parameters, "parameters", 0, 1e15))));
             });
           }));
  function("guessRace", optional_override([](double n, double budget, double seed, const std::string& cost) {
             return guarded([&] { return wasm::race_js(n, budget, seed, cost); });
           }));
}
