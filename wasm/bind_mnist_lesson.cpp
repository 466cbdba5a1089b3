// Embind declarations for the MNIST lesson: the classification report (confusion matrix, images
// per cell, confident mistakes) and MNIST-style preprocessing of a drawn digit. Declarations only.
#include <emscripten/bind.h>

#include "guard.hpp"
#include "mnist_lesson.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_mnist_lesson) {
  function("classificationReport", optional_override([](const val& probs, int rows, int classes, const val& labels, int k) {
             return guarded([&] { return wasm::classification_report_js(probs, rows, classes, labels, k); });
           }));
  function("mnistPreprocess", optional_override([](const val& ink, int width, int height) {
             return guarded([&] { return wasm::mnist_preprocess_js(ink, width, height); });
           }));
}
