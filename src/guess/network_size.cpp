// Layer sizes → weights and biases; see network_size.hpp.
#include "guess/network_size.hpp"

#include <cmath>

#include "error.hpp"

namespace basecamp::guess {

const char* layer_problem_name(LayerProblem p) {
  switch (p) {
    case LayerProblem::none: return "none";
    case LayerProblem::too_few_layers: return "too_few_layers";
    case LayerProblem::too_many_layers: return "too_many_layers";
    case LayerProblem::not_a_number: return "not_a_number";
    case LayerProblem::not_an_integer: return "not_an_integer";
    case LayerProblem::not_positive: return "not_positive";
    case LayerProblem::too_wide: return "too_wide";
    case LayerProblem::too_many_parameters: return "too_many_parameters";
  }
  return "unknown";
}

LayerCheck check_layers(const std::vector<double>& sizes) {
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    const double s = sizes[i];
    const int at = static_cast<int>(i);
    if (!std::isfinite(s)) return {LayerProblem::not_a_number, at};
    if (s != std::floor(s)) return {LayerProblem::not_an_integer, at};
    if (s < 1) return {LayerProblem::not_positive, at};
    if (s > kMaxLayerWidth) return {LayerProblem::too_wide, at};
  }
  if (sizes.size() < 2) return {LayerProblem::too_few_layers, -1};
  if (sizes.size() > static_cast<std::size_t>(kMaxLayers)) return {LayerProblem::too_many_layers, -1};
  // Each a·b + b ≤ 10^18 + 10^9 fits in a long long; stop adding once past the limit.
  long long total = 0;
  for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
    const auto a = static_cast<long long>(sizes[i]), b = static_cast<long long>(sizes[i + 1]);
    total += a * b + b;
    if (total > kMaxParameters) return {LayerProblem::too_many_parameters, static_cast<int>(i + 1)};
  }
  return {};
}

NetworkSize count_parameters(const std::vector<double>& sizes) {
  const LayerCheck check = check_layers(sizes);
  require(check.problem == LayerProblem::none, "count parameters",
          std::string("layer sizes not acceptable: ") + layer_problem_name(check.problem) +
              (check.index >= 0 ? " (size " + std::to_string(check.index + 1) + ")" : ""));
  NetworkSize n;
  for (std::size_t i = 0; i + 1 < sizes.size(); ++i) {
    const auto a = static_cast<long long>(sizes[i]), b = static_cast<long long>(sizes[i + 1]);
    n.layers.push_back({a, b, a * b, b});
    n.weights += a * b;
    n.biases += b;
  }
  n.parameters = n.weights + n.biases;
  return n;
}

long long probe_forward_passes(long long parameters) {
  require(parameters >= 0 && parameters <= kMaxParameters, "probe forward passes",
          "parameters must be between 0 and 10^15, got " + std::to_string(parameters));
  return 2 * parameters;
}

}  // namespace basecamp::guess
