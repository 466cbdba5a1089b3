// The input features the learner switches on: x1, x2, x1², x2², x1·x2, sin x1, sin x2 of a
// point, in that fixed order; the network's inputs are the chosen ones, in that order too.
#pragma once

#include <string>
#include <vector>

#include "boundary/points.hpp"
#include "tensor.hpp"

namespace basecamp::boundary {

enum class Feature { x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2 };

// "x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2" (the order above).
const std::vector<std::string>& feature_names();
Feature parse_feature(const std::string& name);  // Error (unknown_name) otherwise
const std::string& name_of(Feature f);

// Sorted into the fixed order; Error when empty or when a feature is listed twice.
std::vector<Feature> normalize_features(std::vector<Feature> features);
// "x1,x2,sinx1" → features (normalized). Error naming a bad one.
std::vector<Feature> parse_feature_list(const std::string& comma_separated);

double feature_value(Feature f, double x1, double x2);

// One row per point, one column per feature: the network's input matrix.
Tensor<double> feature_matrix(const std::vector<double>& x1, const std::vector<double>& x2,
                              const std::vector<Feature>& features);

}  // namespace basecamp::boundary
