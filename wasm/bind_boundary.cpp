// Embind declarations for the boundary lesson: data sets, the CSV reader and writer, the Keras
// export, and BoundaryLab (the network being trained, its pictures). Declarations only;
// conversions in boundary.hpp, the work in src/boundary.
#include <emscripten/bind.h>

#include "boundary.hpp"
#include "boundary/keras.hpp"
#include "guard.hpp"

using namespace emscripten;
using namespace basecamp::wasm;
using boundary_js::BoundaryLab;
namespace bd = basecamp::boundary;

namespace {
val make_data(const val& spec) { return to_js(bd::make_dataset(bd::data_spec_from(value_from_js(spec)))); }
val split(const val& points, double ratio, double seed, const val& names) {
  const auto n = bd::texts_from(value_from_js(names));
  return to_js(bd::split(bd::points_from(value_from_js(points)), ratio, static_cast<std::uint64_t>(std::max(0.0, seed)),
                         static_cast<int>(n.size()), n));
}
val parse_csv(const std::string& text) {
  const bd::CsvPoints c = bd::parse_points_csv(text);
  return object("points", to_js(c.points), "classes", c.classes, "classNames", vector_to_js(c.class_names));
}
std::string write_csv(const val& points, const val& names) {
  return bd::write_points_csv(bd::points_from(value_from_js(points)), bd::texts_from(value_from_js(names)));
}
std::string keras(const val& request) { return bd::keras_code(bd::keras_export_from(value_from_js(request))); }
}  // namespace

EMSCRIPTEN_BINDINGS(basecamp_boundary) {
  function("boundaryDatasetNames", optional_override([] { return guarded(&bd::dataset_names); }));
  function("boundaryDatasetClasses", guard<&bd::dataset_classes>);
  function("boundaryFeatureNames", optional_override([] { return guarded(&bd::feature_names); }));
  function("boundaryMakeData", guard<&make_data>);
  function("boundarySplit", guard<&split>);
  function("boundaryParseCsv", guard<&parse_csv>);
  function("boundaryWriteCsv", guard<&write_csv>);
  function("boundaryKeras", guard<&keras>);

  class_<BoundaryLab>("BoundaryLab")
      .constructor<const val&, const val&>()
      .function("error", &error_of<BoundaryLab>)
      .function("step", held<BoundaryLab, &bd::Lab::step>)
      .function("epoch", held<BoundaryLab, &bd::Lab::epoch>)
      .function("current", held<BoundaryLab, &bd::Lab::current>)
      .function("history", method<&BoundaryLab::history>)
      .function("units", held<BoundaryLab, &bd::Lab::units>)
      .function("setLearningRate", held<BoundaryLab, &bd::Lab::set_learning_rate>)
      .function("setBatchSize", held<BoundaryLab, &bd::Lab::set_batch_size>)
      .function("setOptimizer", method<&BoundaryLab::set_optimizer>)
      .function("setRegularization", held<BoundaryLab, &bd::Lab::set_regularization>)
      .function("setDropout", held<BoundaryLab, &bd::Lab::set_dropout>)
      .function("setData", method<&BoundaryLab::set_data>)
      .function("weight", held<BoundaryLab, &bd::Lab::weight>)
      .function("bias", held<BoundaryLab, &bd::Lab::bias>)
      .function("setWeight", held<BoundaryLab, &bd::Lab::set_weight>)
      .function("setBias", held<BoundaryLab, &bd::Lab::set_bias>)
      .function("parameters", held<BoundaryLab, &bd::Lab::parameters>)
      .function("predict", method<&BoundaryLab::predict>)
      .function("heatmaps", method<&BoundaryLab::heatmaps>)
      .function("hiddenSpace", held<BoundaryLab, &bd::Lab::hidden_space>);
}
