// Embind declarations for the boundary lesson: data sets, the CSV reader and writer, the Keras
// export, the optimizer form, and BoundaryLab (the network being trained, its pictures).
// Declarations only; conversions in boundary.hpp, the work in src/boundary.
#include <emscripten/bind.h>

#include "boundary.hpp"
#include "guard.hpp"

using namespace emscripten;
using basecamp::wasm::guarded;
namespace bj = basecamp::wasm::boundary_js;
namespace bd = basecamp::boundary;

EMSCRIPTEN_BINDINGS(basecamp_boundary) {
  function("boundaryDatasetNames", optional_override([] { return guarded([] { return bj::strings(bd::dataset_names()); }); }));
  function("boundaryDatasetClasses", optional_override([](const std::string& name) {
             return guarded([&] { return bd::dataset_classes(name); });
           }));
  function("boundaryFeatureNames", optional_override([] { return guarded([] { return bj::strings(bd::feature_names()); }); }));
  function("boundaryMakeData", optional_override([](const val& spec) {
             return guarded([&] {
               bd::DataSpec s;
               s.name = bj::text(spec, "name", s.name);
               s.points = static_cast<int>(bj::number(spec, "points", s.points));
               s.noise = bj::number(spec, "noise", s.noise);
               s.test_ratio = bj::number(spec, "testRatio", s.test_ratio);
               s.seed = static_cast<std::uint64_t>(std::max(0.0, bj::number(spec, "seed", 1)));
               return bj::dataset_js(bd::make_dataset(s));
             });
           }));
  function("boundarySplit", optional_override([](const val& points, double ratio, double seed, const val& names) {
             return guarded([&] {
               const auto n = bj::strings_from(names);
               return bj::dataset_js(bd::split(bj::points(points), ratio, static_cast<std::uint64_t>(std::max(0.0, seed)),
                                               static_cast<int>(n.size()), n));
             });
           }));
  function("boundaryParseCsv", optional_override([](const std::string& text) { return guarded([&] { return bj::csv_js(text); }); }));
  function("boundaryWriteCsv", optional_override([](const val& points, const val& names) {
             return guarded([&] { return bd::write_points_csv(bj::points(points), bj::strings_from(names)); });
           }));
  function("boundaryKeras", optional_override([](const val& js) { return guarded([&] { return bj::keras_js(js); }); }));

  class_<bj::BoundaryLab>("BoundaryLab")
      .constructor<const val&, const val&>()
      .function("error", &bj::BoundaryLab::error)
      .function("step", optional_override([](bj::BoundaryLab& l, int n) { return guarded([&] { l.lab().step(n); }); }))
      .function("epoch", optional_override([](bj::BoundaryLab& l) { return guarded([&] { return l.lab().epoch(); }); }))
      .function("current", optional_override([](bj::BoundaryLab& l) { return guarded([&] { return bj::record_js(l.lab().current()); }); }))
      .function("history", optional_override([](bj::BoundaryLab& l) { return guarded([&] { return l.history(); }); }))
      .function("units", optional_override([](bj::BoundaryLab& l) { return guarded([&] { return l.spec_units(); }); }))
      .function("setLearningRate", optional_override([](bj::BoundaryLab& l, double v) { return guarded([&] { l.lab().set_learning_rate(v); }); }))
      .function("setBatchSize", optional_override([](bj::BoundaryLab& l, double v) {
                  return guarded([&] {
                    basecamp::require_in_range(v, basecamp::Range{1, 10000}, "training", "batch_size");
                    l.lab().set_batch_size(static_cast<int>(v));
                  });
                }))
      .function("setOptimizer", optional_override([](bj::BoundaryLab& l, const std::string& name, const val& s) {
                  return guarded([&] { l.lab().set_optimizer(name, bj::optimizer_settings(s)); });
                }))
      .function("setRegularization", optional_override([](bj::BoundaryLab& l, double l1, double l2) {
                  return guarded([&] { l.lab().set_regularization(l1, l2); });
                }))
      .function("setDropout", optional_override([](bj::BoundaryLab& l, double r) { return guarded([&] { l.lab().set_dropout(r); }); }))
      .function("setData", optional_override([](bj::BoundaryLab& l, const val& d) { return guarded([&] { l.lab().set_data(bj::dataset(d)); }); }))
      .function("weight", optional_override([](bj::BoundaryLab& l, int layer, int from, int to) {
                  return guarded([&] { return l.lab().weight(layer, from, to); });
                }))
      .function("bias", optional_override([](bj::BoundaryLab& l, int layer, int to) { return guarded([&] { return l.lab().bias(layer, to); }); }))
      .function("setWeight", optional_override([](bj::BoundaryLab& l, int layer, int from, int to, double v) {
                  return guarded([&] { l.lab().set_weight(layer, from, to, v); });
                }))
      .function("setBias", optional_override([](bj::BoundaryLab& l, int layer, int to, double v) {
                  return guarded([&] { l.lab().set_bias(layer, to, v); });
                }))
      .function("parameters", optional_override([](bj::BoundaryLab& l) { return guarded([&] { return l.parameters(); }); }))
      .function("predict", optional_override([](bj::BoundaryLab& l, const val& x1, const val& x2) {
                  return guarded([&] { return l.predict(x1, x2); });
                }))
      .function("heatmaps", optional_override([](bj::BoundaryLab& l, int size, double lo, double hi) {
                  return guarded([&] { return l.heatmaps(size, lo, hi); });
                }))
      .function("hiddenSpace", optional_override([](bj::BoundaryLab& l, int layer, bool test) {
                  return guarded([&] { return l.hidden_space(layer, test); });
                }));
}
