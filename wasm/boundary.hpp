// The boundary lesson as seen from JS: data sets, settings and point sets are read by the core
// (boundary/read.hpp) from Values; the Lab's history, pictures and points leave as typed-array
// copies (pictures as Float32Array). Conversion only; every number comes from src/boundary.
#pragma once

#include <emscripten/val.h>

#include <string>
#include <vector>

#include "boundary/csv.hpp"
#include "boundary/read.hpp"
#include "convert.hpp"
#include "guard.hpp"
#include "optim/read.hpp"

namespace basecamp::wasm::boundary_js {

using namespace basecamp::boundary;

inline val floats(const std::vector<double>& v) { return typed_copy(std::vector<float>(v.begin(), v.end())); }

inline val dataset_js(const DataSet& d) {
  return object("train", to_js(d.train), "test", to_js(d.test), "classes", d.classes,
                "classNames", vector_to_js(d.class_names));
}

// The Lab, driven from JS: Held's methods, plus the conversions of its pictures.
class BoundaryLab : public Held<Lab> {
 public:
  BoundaryLab(const val& data, const val& settings)
      : Held([&] { return std::make_unique<Lab>(dataset_from(value_from_js(data)), lab_settings_from(value_from_js(settings))); }) {}

  // {epoch, trainLoss, testLoss, trainAccuracy, testAccuracy}, each a Float64Array.
  val history() const {
    std::vector<double> columns[5];
    for (const EpochRecord& r : get().history()) {
      int i = 0;
      r.fields([&](const char*, double v) { columns[i++].push_back(v); });
    }
    val out = val::object();
    int i = 0;
    EpochRecord{}.fields([&](const char* name, double) { out.set(name, typed_copy(columns[i++])); });
    return out;
  }

  val heatmaps(int size, double lo, double hi) const {
    const Heatmaps h = get().heatmaps(GridSpec{size, lo, hi});
    val layers = val::array();
    for (const auto& layer : h.layers) layers.call<void>("push", floats(layer));
    return object("size", h.size, "lo", h.lo, "hi", h.hi, "units", vector_to_js(h.units), "layers", layers);
  }

  val predict(const val& x1, const val& x2) { return to_js(get().predict(numbers_from_js(x1), numbers_from_js(x2))); }
  void set_optimizer(const std::string& name, const val& s) { get().set_optimizer(name, optim::settings_from(value_from_js(s))); }
  void set_data(const val& d) { get().set_data(dataset_from(value_from_js(d))); }
};

}  // namespace basecamp::wasm::boundary_js
