// Points on the plane for the boundary lesson: coordinates x1, x2 and a label (a class index
// 0..K−1 for classification, a real value for regression), and a data set = training points,
// test points and what the labels mean. Plain data; generators are in datasets.hpp, the CSV
// reader in csv.hpp.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace basecamp::boundary {

struct Points {
  std::vector<double> x1, x2, label;

  std::size_t size() const { return x1.size(); }
  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("x1", x1), f("x2", x2), f("label", label);
  }
  void add(double a, double b, double l) {
    x1.push_back(a);
    x2.push_back(b);
    label.push_back(l);
  }
};

struct DataSet {
  Points train, test;
  int classes = 2;                       // 2…kMaxClasses; 0 means regression (real labels)
  std::vector<std::string> class_names;  // one per class ("0", "1", or the CSV's names)

  bool regression() const { return classes == 0; }
  template <class F>
  void fields(F&& f) const {
    f("train", train), f("test", test), f("classes", classes), f("classNames", class_names);
  }
};

inline constexpr int kMaxClasses = 10;
inline constexpr std::size_t kMaxPoints = 10000;

// Class names "0", "1", … for k classes.
std::vector<std::string> numbered_classes(int k);

// Splits `all` into training and test points: a seeded shuffle, then round(n·test_ratio) test
// points, at least one of each when n ≥ 2. test_ratio in [0, 0.9] (Error otherwise); 0 gives no
// test points.
DataSet split(const Points& all, double test_ratio, unsigned long long seed, int classes,
              std::vector<std::string> class_names);

// Checks a data set given from outside (the page's edited points): finite coordinates, labels
// that are class indices (or finite values for regression), at most kMaxPoints in all, at least
// one training point, 2…kMaxClasses classes or 0. Error naming the problem.
void validate(const DataSet& data);

}  // namespace basecamp::boundary
