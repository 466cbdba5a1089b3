// Parameters of a fully connected network from its layer sizes: between layers of sizes a and b
// there are a·b weights and b biases (784-15-10: 784·15 + 15·10 = 11,910 weights + 25 biases =
// 11,935 parameters). Also what sizes are acceptable, and what probing weights one at a time
// costs. Counting only; no network is built.
#pragma once

#include <string>
#include <vector>

namespace basecamp::guess {

inline constexpr int kMaxLayers = 1000;
inline constexpr double kMaxLayerWidth = 1e9;
inline constexpr long long kMaxParameters = 1'000'000'000'000'000LL;  // 10^15: exact in a double

// Why a list of sizes is not a network; the page turns the code into a sentence in its language.
enum class LayerProblem { none, too_few_layers, too_many_layers, not_a_number, not_an_integer,
                          not_positive, too_wide, too_many_parameters };
const char* layer_problem_name(LayerProblem p);  // "none", "too_few_layers", …

struct LayerCheck {
  LayerProblem problem = LayerProblem::none;
  int index = -1;  // the offending size (0-based), -1 when it is about the whole list

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("problem", std::string(layer_problem_name(problem))), f("index", index);
  }
};

// Checks sizes as typed (NaN for what was not a number): ≥ 2 layers, each a whole number
// 1 … 10^9, at most 1000 layers and 10^15 parameters.
LayerCheck check_layers(const std::vector<double>& sizes);

struct LayerCount {
  long long inputs, outputs, weights, biases;

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("inputs", inputs), f("outputs", outputs), f("weights", weights), f("biases", biases);
  }
};

struct NetworkSize {
  std::vector<LayerCount> layers;  // one per connection between consecutive layers
  long long weights = 0, biases = 0, parameters = 0;

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("weights", weights), f("biases", biases), f("parameters", parameters), f("layers", layers);
  }
};

// Error (with check_layers' reason) when the sizes are not acceptable.
NetworkSize count_parameters(const std::vector<double>& sizes);

// Probing each parameter up and down (0.3 → 0.35 and 0.25) costs two forward passes per
// parameter for one step: 2·P.
long long probe_forward_passes(long long parameters);

}  // namespace basecamp::guess
