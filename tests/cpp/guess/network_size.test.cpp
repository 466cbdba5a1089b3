// Layer sizes → parameters, with the source's 784-15-10 network, and every rejection reason.
#include <catch2/catch.hpp>

#include <cmath>

#include "error.hpp"
#include "guess/network_size.hpp"

using namespace basecamp::guess;

TEST_CASE("the source's MNIST network has 11,935 parameters", "[guess]") {
  const auto n = count_parameters({784, 15, 10});
  CHECK(n.weights == 784 * 15 + 15 * 10);
  CHECK(n.weights == 11910);
  CHECK(n.biases == 25);
  CHECK(n.parameters == 11935);
  REQUIRE(n.layers.size() == 2);
  CHECK(n.layers[0].weights == 11760);
  CHECK(n.layers[1].biases == 10);
  CHECK(probe_forward_passes(n.parameters) == 23870);
  // The Keras run of the other source: 784-512-128-10.
  CHECK(count_parameters({784, 512, 128, 10}).parameters == 784 * 512 + 512 + 512 * 128 + 128 + 128 * 10 + 10);
}

TEST_CASE("bad layer sizes are named, not counted", "[guess]") {
  const auto problem = [](std::vector<double> s) { return check_layers(s).problem; };
  CHECK(problem({784, 15, 10}) == LayerProblem::none);
  CHECK(problem({}) == LayerProblem::too_few_layers);
  CHECK(problem({784}) == LayerProblem::too_few_layers);
  CHECK(problem({784, NAN, 10}) == LayerProblem::not_a_number);
  CHECK(check_layers({784, NAN, 10}).index == 1);
  CHECK(problem({784, 1.5}) == LayerProblem::not_an_integer);
  CHECK(problem({784, 0, 10}) == LayerProblem::not_positive);
  CHECK(problem({784, -3}) == LayerProblem::not_positive);
  CHECK(problem({784, 2e9}) == LayerProblem::too_wide);
  CHECK(problem({1e9, 1e9}) == LayerProblem::too_many_parameters);
  CHECK(problem(std::vector<double>(1001, 2)) == LayerProblem::too_many_layers);
  CHECK(std::string(layer_problem_name(LayerProblem::not_positive)) == "not_positive");
  CHECK_THROWS_AS(count_parameters({784, 0}), basecamp::Error);
  CHECK_THROWS_AS(probe_forward_passes(-1), basecamp::Error);
}
