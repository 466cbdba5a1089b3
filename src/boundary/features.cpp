#include "boundary/features.hpp"

#include <algorithm>
#include <cmath>

#include "boundary/error_info.hpp"
#include "error.hpp"

namespace basecamp::boundary {

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> names{"x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"};
  return names;
}

Feature parse_feature(const std::string& name) {
  const auto& names = feature_names();
  for (std::size_t i = 0; i < names.size(); ++i)
    if (names[i] == name) return static_cast<Feature>(i);
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  throw_unknown_name("features", "feature", name, list);
}

const std::string& name_of(Feature f) { return feature_names()[static_cast<std::size_t>(f)]; }

std::vector<Feature> normalize_features(std::vector<Feature> features) {
  require(!features.empty(), "features", "choose at least one input feature",
          [] { return error_info(code::empty, "features"); });
  std::sort(features.begin(), features.end());
  const auto twice = std::adjacent_find(features.begin(), features.end());
  require(twice == features.end(), "features", "a feature is listed twice", [&] {
    ErrorInfo e = error_info(code::invalid, "features");
    e.text = name_of(*twice);
    return e;
  });
  return features;
}

std::vector<Feature> parse_feature_list(const std::string& text) {
  std::vector<Feature> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    const std::string item = text.substr(start, comma - start);
    if (!item.empty()) out.push_back(parse_feature(item));
    start = comma + 1;
  }
  return normalize_features(std::move(out));
}

double feature_value(Feature f, double x1, double x2) {
  switch (f) {
    case Feature::x1: return x1;
    case Feature::x2: return x2;
    case Feature::x1sq: return x1 * x1;
    case Feature::x2sq: return x2 * x2;
    case Feature::x1x2: return x1 * x2;
    case Feature::sinx1: return std::sin(x1);
    case Feature::sinx2: return std::sin(x2);
  }
  return 0;
}

Tensor<double> feature_matrix(const std::vector<double>& x1, const std::vector<double>& x2,
                              const std::vector<Feature>& features) {
  require(x1.size() == x2.size(), "features", "x1 and x2 differ in length");
  Tensor<double> m(static_cast<Eigen::Index>(x1.size()), static_cast<Eigen::Index>(features.size()));
  for (std::size_t i = 0; i < x1.size(); ++i)
    for (std::size_t j = 0; j < features.size(); ++j)
      m(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = feature_value(features[j], x1[i], x2[i]);
  return m;
}

}  // namespace basecamp::boundary
