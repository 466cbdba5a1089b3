// "Export as Keras": the Python (Keras 3) script that builds, compiles and trains the network
// the learner built in the boundary lesson: the same input features, Dense layers with their
// activations, initializer, L1/L2 and dropout, the loss of the task, the optimizer with every
// hyperparameter spelled out, batch size and epochs, reading the points the page exports as
// CSV. Written in the core (not in the page) so that the page and `basecamp boundary --keras`
// give the same text, and the golden-file tests run natively and in wasm; the optimizer's
// hyperparameters come from the optimizer the factory builds, so no default is written twice.
#pragma once

#include <string>
#include <vector>

#include "boundary/lab.hpp"

namespace basecamp::boundary {

struct KerasExport {
  LabSettings settings;
  int classes = 2;                       // 0: regression
  std::vector<std::string> class_names;  // as in the CSV's label column
  int epochs = 100;
  double test_ratio = 0.5;               // Keras's validation_split
  std::string csv_file = "points.csv";
};

// Error when the settings are invalid (validate_lab_settings).
std::string keras_code(const KerasExport& e);

}  // namespace basecamp::boundary
