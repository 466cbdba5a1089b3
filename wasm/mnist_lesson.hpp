// Conversions for the MNIST lesson's helpers (nn/classification, data/digit_image): typed
// arrays in, plain objects with typed-array copies out. No maths here.
#pragma once

#include <emscripten/val.h>

#include <string>

#include "data/digit_image.hpp"
#include "model.hpp"  // bytes_from_js
#include "nn/classification.hpp"

namespace basecamp::wasm {


// The report (nn/classification.hpp) through to_js: predicted Uint8Array, confidence
// Float32Array, confusion Float64Array (classes², [true][predicted]), order, cellStart, mistakes
// Int32Array.
inline nn::ClassificationReport classification_report_js(const val& probs, int rows, int classes, const val& labels, int k) {
  require(rows >= 1 && classes >= 2 && classes <= 255, "classification",
          "rows must be >= 1 and classes in [2, 255], got " + std::to_string(rows) + " x " + std::to_string(classes));
  const Tensor<float> p = floats_from_js(probs, rows, classes, "probabilities");
  return nn::classification_report({p.data(), static_cast<std::size_t>(p.size())}, rows, classes,
                                   bytes_from_js(labels, static_cast<std::size_t>(rows), "labels"), k);
}

// {pixels: Uint8Array(784), empty, box: {x, y, width, height}, centerX, centerY}
inline val mnist_preprocess_js(const val& ink, int width, int height) {
  require(width >= 1 && height >= 1 && width <= data::kMaxDrawingSide && height <= data::kMaxDrawingSide, "digit",
          "the drawing must be 1 to " + std::to_string(data::kMaxDrawingSide) + " pixels on each side, got " +
              std::to_string(width) + " x " + std::to_string(height));
  const auto bytes = bytes_from_js(ink, static_cast<std::size_t>(width) * static_cast<std::size_t>(height), "drawing");
  const data::DigitImage d = data::mnist_preprocess(bytes, width, height);
  const val box = object("x", d.box_x, "y", d.box_y, "width", d.box_width, "height", d.box_height);
  return object("pixels", typed_copy(d.pixels), "empty", d.empty, "box", box,
                "centerX", d.center_x, "centerY", d.center_y);
}

}  // namespace basecamp::wasm
