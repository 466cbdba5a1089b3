// Confusion matrix, per-cell sample lists and confident mistakes (see classification.hpp).
#include "nn/classification.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "error.hpp"

namespace basecamp::nn {

ClassificationReport classification_report(std::span<const float> probs, int rows, int classes,
                                           std::span<const std::uint8_t> labels, int k) {
  const std::string where = "classification";
  require(rows >= 1, where, "need at least one sample, got " + std::to_string(rows));
  require(classes >= 2 && classes <= 255, where, "classes must be in [2, 255], got " + std::to_string(classes));
  require(probs.size() == static_cast<std::size_t>(rows) * static_cast<std::size_t>(classes), where,
          "probabilities hold " + std::to_string(probs.size()) + " values, expected " + std::to_string(rows) +
              " x " + std::to_string(classes));
  require(labels.size() == static_cast<std::size_t>(rows), where,
          "labels hold " + std::to_string(labels.size()) + " values, expected " + std::to_string(rows));
  require(k >= 0, where, "k must be >= 0, got " + std::to_string(k));

  ClassificationReport r;
  r.classes = classes;
  r.samples = rows;
  r.predicted.resize(rows);
  r.confidence.resize(rows);
  r.confusion.assign(static_cast<std::size_t>(classes) * classes, 0);
  for (int i = 0; i < rows; ++i) {
    const float* p = probs.data() + static_cast<std::size_t>(i) * classes;
    require(labels[i] < classes, where,
            "label " + std::to_string(labels[i]) + " at index " + std::to_string(i) + " is not below " +
                std::to_string(classes));
    int best = 0;
    for (int c = 0; c < classes; ++c) {
      require(std::isfinite(p[c]), where, "probability at row " + std::to_string(i) + " is not finite");
      if (p[c] > p[best]) best = c;
    }
    r.predicted[i] = static_cast<std::uint8_t>(best);
    r.confidence[i] = p[best];
    ++r.confusion[static_cast<std::size_t>(labels[i]) * classes + best];
    if (best == labels[i]) ++r.correct;
  }
  r.accuracy = static_cast<double>(r.correct) / static_cast<double>(rows);

  // Most confident first; a stable sort keeps lower indices first among equal confidences.
  std::vector<std::int32_t> by_confidence(rows);
  std::iota(by_confidence.begin(), by_confidence.end(), 0);
  std::stable_sort(by_confidence.begin(), by_confidence.end(),
                   [&](std::int32_t a, std::int32_t b) { return r.confidence[a] > r.confidence[b]; });

  // Counting sort of that order into cells (stable, so each cell stays most confident first).
  const std::size_t cells = static_cast<std::size_t>(classes) * classes;
  r.cell_start.assign(cells + 1, 0);
  for (std::size_t c = 0; c < cells; ++c) r.cell_start[c + 1] = r.cell_start[c] + static_cast<std::int32_t>(r.confusion[c]);
  std::vector<std::int32_t> next(r.cell_start.begin(), r.cell_start.end() - 1);
  r.order.resize(rows);
  for (const std::int32_t i : by_confidence) {
    const std::size_t cell = static_cast<std::size_t>(labels[i]) * classes + r.predicted[i];
    r.order[next[cell]++] = i;
    if (r.predicted[i] != labels[i] && static_cast<int>(r.mistakes.size()) < k) r.mistakes.push_back(i);
  }
  return r;
}

}  // namespace basecamp::nn
