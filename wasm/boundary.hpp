// The boundary lesson as seen from JS: point sets {x1, x2, label} (arrays or typed arrays),
// data sets {train, test, classes, classNames}, lab settings as a plain object, and the Lab's
// pictures as Float32Array copies. Conversion only; every number comes from src/boundary.
//   settings: {features: ['x1', …], hidden: [4, 2], activations: ['tanh', …] or activation,
//              initializer, l1, l2, dropout, optimizer, optimizerSettings: {momentum: …}, lr,
//              batchSize, seed}
#pragma once

#include <emscripten/val.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "boundary/csv.hpp"
#include "boundary/datasets.hpp"
#include "boundary/keras.hpp"
#include "boundary/lab.hpp"
#include "convert.hpp"
#include "optim/factory.hpp"
#include "guard.hpp"

namespace basecamp::wasm::boundary_js {

using namespace basecamp::boundary;

inline bool has(const val& o, const char* key) {
  return !o.isUndefined() && !o.isNull() && o.hasOwnProperty(key) && !o[key].isUndefined() && !o[key].isNull();
}

inline std::vector<double> numbers(const val& array, const std::string& what) {
  require(!array.isUndefined() && !array.isNull() && array["length"].typeOf().as<std::string>() == "number",
          "boundary", what + " must be an array of numbers");
  return emscripten::convertJSArrayToNumberVector<double>(array);
}

inline val doubles(const std::vector<double>& v) {
  return val(emscripten::typed_memory_view(v.size(), v.data())).call<val>("slice");
}
inline val floats(const std::vector<double>& v) {
  const std::vector<float> f(v.begin(), v.end());
  return val(emscripten::typed_memory_view(f.size(), f.data())).call<val>("slice");
}
inline val strings(const std::vector<std::string>& v) {
  val out = val::array();
  for (const auto& s : v) out.call<void>("push", s);
  return out;
}
inline std::vector<std::string> strings_from(const val& array) {
  std::vector<std::string> out;
  if (array.isUndefined() || array.isNull()) return out;
  const int n = array["length"].as<int>();
  for (int i = 0; i < n; ++i) out.push_back(array[i].as<std::string>());
  return out;
}

inline double number(const val& o, const char* key, double fallback) {
  if (!has(o, key)) return fallback;
  require(o[key].typeOf().as<std::string>() == "number", "boundary", std::string(key) + " must be a number");
  return o[key].as<double>();  // finiteness and limits: the core's checks
}
inline std::string text(const val& o, const char* key, const std::string& fallback) {
  if (!has(o, key)) return fallback;
  return o[key].as<std::string>();
}

inline Points points(const val& js) {
  Points p;
  if (js.isUndefined() || js.isNull()) return p;
  p.x1 = numbers(js["x1"], "x1");
  p.x2 = numbers(js["x2"], "x2");
  p.label = numbers(js["label"], "label");
  return p;
}
inline val points_js(const Points& p) {
  val out = val::object();
  out.set("x1", doubles(p.x1));
  out.set("x2", doubles(p.x2));
  out.set("label", doubles(p.label));
  return out;
}

inline DataSet dataset(const val& js) {
  DataSet d;
  d.train = points(js["train"]);
  d.test = points(js["test"]);
  d.classes = static_cast<int>(number(js, "classes", 2));
  d.class_names = has(js, "classNames") ? strings_from(js["classNames"]) : numbered_classes(d.classes);
  validate(d);
  return d;
}
inline val dataset_js(const DataSet& d) {
  val out = val::object();
  out.set("train", points_js(d.train));
  out.set("test", points_js(d.test));
  out.set("classes", d.classes);
  out.set("classNames", strings(d.class_names));
  return out;
}

inline optim::OptimizerSettings optimizer_settings(const val& js) {
  optim::OptimizerSettings s;
  if (js.isUndefined() || js.isNull()) return s;
  const val keys = val::global("Object").call<val>("keys", js);
  for (int i = 0; i < keys["length"].as<int>(); ++i) {
    const std::string k = keys[i].as<std::string>();
    const val v = js[k];
    const double d = v.typeOf().as<std::string>() == "boolean" ? (v.as<bool>() ? 1.0 : 0.0) : v.as<double>();
    s.set(k, d);  // not_a_setting for a name no optimizer has
  }
  return s;
}

inline LabSettings settings(const val& js) {
  LabSettings s;
  if (js.isUndefined() || js.isNull()) return s;
  if (has(js, "features")) {
    std::vector<Feature> f;
    for (const auto& name : strings_from(js["features"])) f.push_back(parse_feature(name));
    s.features = normalize_features(f);
  }
  if (has(js, "hidden")) {
    s.hidden.clear();
    for (double u : numbers(js["hidden"], "hidden")) s.hidden.push_back(static_cast<int>(u));
  }
  if (has(js, "activations"))
    for (const auto& a : strings_from(js["activations"])) s.activations.push_back(nn::parse_activation(a));
  s.activation = nn::parse_activation(text(js, "activation", nn::name_of(s.activation)));
  s.initializer = nn::parse_initializer(text(js, "initializer", nn::name_of(s.initializer)));
  s.l1 = number(js, "l1", s.l1);
  s.l2 = number(js, "l2", s.l2);
  s.dropout = number(js, "dropout", s.dropout);
  s.optimizer = text(js, "optimizer", s.optimizer);
  if (has(js, "optimizerSettings")) s.optimizer_settings = optimizer_settings(js["optimizerSettings"]);
  s.lr = number(js, "lr", s.lr);
  s.batch_size = static_cast<int>(number(js, "batchSize", s.batch_size));
  s.seed = static_cast<std::uint64_t>(std::max(0.0, number(js, "seed", 1)));
  return s;
}

inline val record_js(const EpochRecord& r) {
  val out = val::object();
  out.set("epoch", r.epoch);
  out.set("trainLoss", r.train_loss);
  out.set("testLoss", r.test_loss);
  out.set("trainAccuracy", r.train_accuracy);
  out.set("testAccuracy", r.test_accuracy);
  return out;
}

inline val matrix_js(const Tensor<double>& t) { return tensor_to_js(t); }

// The Lab, driven from JS: every method returns plain values or a guarded Error.
class BoundaryLab {
 public:
  BoundaryLab(const val& data, const val& settings) {
    try {
      lab_ = std::make_unique<Lab>(dataset(data), boundary_js::settings(settings));
    } catch (const Error& e) {
      error_ = e.what();
      info_ = e.info();
    } catch (const std::exception& e) {
      error_ = e.what();
    }
  }
  // A constructor cannot return an Error: JS asks for it right after `new`.
  val error() const { return lab_ ? val::null() : error_to_js(error_, info_); }

  Lab& lab() {
    require(lab_ != nullptr, "boundary", "the lab was not built: " + error_);
    return *lab_;
  }

  val history() {
    val out = val::object();
    const auto& h = lab().history();
    std::vector<double> epoch, tl, vl, ta, va;
    for (const auto& r : h) {
      epoch.push_back(r.epoch);
      tl.push_back(r.train_loss);
      vl.push_back(r.test_loss);
      ta.push_back(r.train_accuracy);
      va.push_back(r.test_accuracy);
    }
    out.set("epoch", doubles(epoch));
    out.set("trainLoss", doubles(tl));
    out.set("testLoss", doubles(vl));
    out.set("trainAccuracy", doubles(ta));
    out.set("testAccuracy", doubles(va));
    return out;
  }

  val heatmaps(int size, double lo, double hi) {
    const Heatmaps h = lab().heatmaps(GridSpec{size, lo, hi});
    val out = val::object();
    out.set("size", h.size);
    out.set("lo", h.lo);
    out.set("hi", h.hi);
    val units = val::array(), layers = val::array();
    for (std::size_t i = 0; i < h.layers.size(); ++i) {
      units.call<void>("push", h.units[i]);
      layers.call<void>("push", floats(h.layers[i]));
    }
    out.set("units", units);
    out.set("layers", layers);
    return out;
  }

  val predict(const val& x1, const val& x2) { return tensor_to_js(lab().predict(numbers(x1, "x1"), numbers(x2, "x2"))); }
  val hidden_space(int layer, bool test) { return tensor_to_js(lab().hidden_space(layer, test)); }
  val parameters() { return doubles(lab().parameters()); }
  val spec_units() {
    std::vector<double> units;
    units.push_back(lab().spec().inputs);
    for (const auto& l : lab().spec().layers)
      if (l.kind == nn::LayerSpec::Kind::dense) units.push_back(l.units);
    return doubles(units);
  }

 private:
  std::unique_ptr<Lab> lab_;
  std::string error_;
  ErrorInfo info_;
};

inline val csv_js(const std::string& text) {
  const CsvPoints c = parse_points_csv(text);
  val out = val::object();
  out.set("points", points_js(c.points));
  out.set("classes", c.classes);
  out.set("classNames", strings(c.class_names));
  return out;
}

inline std::string keras_js(const val& js) {
  KerasExport e;
  e.settings = settings(js["settings"]);
  e.classes = static_cast<int>(number(js, "classes", 2));
  e.class_names = has(js, "classNames") ? strings_from(js["classNames"]) : numbered_classes(e.classes);
  e.epochs = static_cast<int>(number(js, "epochs", 100));
  e.test_ratio = number(js, "testRatio", 0.5);
  return keras_code(e);
}

}  // namespace basecamp::wasm::boundary_js
