// The lesson's data generators: seeded, deterministic point clouds on the square [−6, 6]²
// (most points within radius 5). Classification: two Gaussians, circle, XOR, spiral, "x2 above
// f(x1)" for a few f, and 3–5 class spirals and blobs; regression: a tilted plane and a sum of
// Gaussian bumps. Noise in [0, 0.5] (a fraction, like Playground's 0–50 %) moves the points
// (classification) or the values (regression). Written for this lab; the shapes follow
// TensorFlow Playground's data sets in spirit, not in formula.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "boundary/points.hpp"

namespace basecamp::boundary {

// gauss, circle, xor, spiral, above-line, above-sine, above-parabola, spiral3, spiral4,
// spiral5, blobs3, blobs4, blobs5, plane, multigauss.
const std::vector<std::string>& dataset_names();
// Classes of a named set (0: regression). Error (unknown_name) for a name not listed.
int dataset_classes(const std::string& name);

struct DataSpec {
  std::string name = "circle";
  int points = 500;          // 10 … kMaxPoints, training and test together
  double noise = 0.0;        // [0, 0.5]
  double test_ratio = 0.5;   // [0, 0.9]
  std::uint64_t seed = 1;
};

// Error naming the first bad field.
void validate_data_spec(const DataSpec& spec);

// All points of a named set, before the split (classes in equal shares, class 0 first).
Points generate(const DataSpec& spec);

// generate + split, the same seed.
DataSet make_dataset(const DataSpec& spec);

}  // namespace basecamp::boundary
