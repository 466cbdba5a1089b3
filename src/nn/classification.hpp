// What a classifier got right and wrong on a labelled set, from its output probabilities: the
// predicted class of each sample (argmax, the first on ties, as the accuracy metric), its
// confidence (that class's probability), the confusion matrix (row = true class, column =
// predicted), every sample's index grouped by cell (so a page can list the images behind a cell),
// and the k most confident mistakes. Not a metric used in training (model.hpp counts accuracy).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace basecamp::nn {

struct ClassificationReport {
  int classes = 0;
  long long samples = 0, correct = 0;
  double accuracy = 0;                     // correct / samples
  std::vector<std::uint8_t> predicted;     // per sample, argmax of its row
  std::vector<float> confidence;           // per sample, the probability of its predicted class
  std::vector<long long> confusion;        // classes x classes, row-major: [true][predicted]
  // Sample indices grouped by cell: cell c = true·classes + predicted holds
  // order[cell_start[c] .. cell_start[c + 1]), most confident first (ties: lower index first).
  std::vector<std::int32_t> order;
  std::vector<std::int32_t> cell_start;    // classes² + 1 offsets into order
  // Up to k wrong predictions, most confident first (ties: lower index first).
  std::vector<std::int32_t> mistakes;

  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("classes", classes), f("samples", samples), f("correct", correct), f("accuracy", accuracy);
    f("predicted", predicted), f("confidence", confidence), f("confusion", confusion), f("order", order);
    f("cellStart", cell_start), f("mistakes", mistakes);
  }
};

// probs: rows x classes row-major; labels: rows values < classes. Error("classification: ...")
// on rows < 1, classes outside [2, 255], wrong lengths, a label ≥ classes, a non-finite
// probability, or k < 0.
ClassificationReport classification_report(std::span<const float> probs, int rows, int classes,
                                           std::span<const std::uint8_t> labels, int k);

}  // namespace basecamp::nn
