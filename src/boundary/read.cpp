#include "boundary/read.hpp"

#include <algorithm>

#include "optim/read.hpp"

namespace basecamp::boundary {

namespace {
std::uint64_t seed_of(const Fields& f) { return static_cast<std::uint64_t>(std::max(0.0, f.number("seed", 1))); }

std::vector<std::string> class_names(const Fields& f, int classes) {
  return f.has("classNames") ? f.texts("classNames") : numbered_classes(classes);
}
}  // namespace

std::vector<std::string> texts_from(const Value& v) {
  return v.absent() ? std::vector<std::string>{} : texts_of(v, "boundary", "class names");
}

Points points_from(const Value& v) {
  const Fields f(v, "boundary");
  Points p;
  if (v.absent()) return p;
  p.x1 = numbers_of(f["x1"], "boundary", "x1");
  p.x2 = numbers_of(f["x2"], "boundary", "x2");
  p.label = numbers_of(f["label"], "boundary", "label");
  return p;
}

DataSet dataset_from(const Value& v) {
  const Fields f(v, "boundary");
  DataSet d;
  d.train = points_from(f["train"]);
  d.test = points_from(f["test"]);
  d.classes = static_cast<int>(f.number("classes", 2));
  d.class_names = class_names(f, d.classes);
  validate(d);
  return d;
}

DataSpec data_spec_from(const Value& v) {
  const Fields f(v, "boundary");
  DataSpec s;
  s.name = f.text("name", s.name);
  s.points = static_cast<int>(f.number("points", s.points));
  s.noise = f.number("noise", s.noise);
  s.test_ratio = f.number("testRatio", s.test_ratio);
  s.seed = seed_of(f);
  return s;
}

LabSettings lab_settings_from(const Value& v) {
  const Fields f(v, "boundary");
  LabSettings s;
  if (f.has("features")) {
    std::vector<Feature> features;
    for (const auto& name : f.texts("features")) features.push_back(parse_feature(name));
    s.features = normalize_features(features);
  }
  if (f.has("hidden")) {
    s.hidden.clear();
    for (double units : f.numbers("hidden")) s.hidden.push_back(static_cast<int>(units));
  }
  for (const auto& a : f.texts("activations")) s.activations.push_back(nn::parse_activation(a));
  s.activation = nn::parse_activation(f.text("activation", nn::name_of(s.activation)));
  s.initializer = nn::parse_initializer(f.text("initializer", nn::name_of(s.initializer)));
  s.l1 = f.number("l1", s.l1);
  s.l2 = f.number("l2", s.l2);
  s.dropout = f.number("dropout", s.dropout);
  s.optimizer = f.text("optimizer", s.optimizer);
  s.optimizer_settings = optim::settings_from(f["optimizerSettings"]);
  s.lr = f.number("lr", s.lr);
  s.batch_size = static_cast<int>(f.number("batchSize", s.batch_size));
  s.seed = seed_of(f);
  return s;
}

KerasExport keras_export_from(const Value& v) {
  const Fields f(v, "boundary");
  KerasExport e;
  e.settings = lab_settings_from(f["settings"]);
  e.classes = static_cast<int>(f.number("classes", 2));
  e.class_names = class_names(f, e.classes);
  e.epochs = static_cast<int>(f.number("epochs", 100));
  e.test_ratio = f.number("testRatio", 0.5);
  return e;
}

}  // namespace basecamp::boundary
