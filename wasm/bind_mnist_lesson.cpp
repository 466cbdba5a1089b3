// Embind declarations for the MNIST lesson: the classification report (confusion matrix, images
// per cell, confident mistakes) and MNIST-style preprocessing of a drawn digit. Declarations only.
#include <emscripten/bind.h>

#include "guard.hpp"
#include "mnist_lesson.hpp"

using namespace emscripten;
using namespace basecamp;
using basecamp::wasm::guard;
using basecamp::wasm::guarded;

EMSCRIPTEN_BINDINGS(basecamp_mnist_lesson) {
  function("classificationReport", guard<&wasm::classification_report_js>);
  function("mnistPreprocess", guard<&wasm::mnist_preprocess_js>);
}
