// Splits, least-squares polynomials, degree scans and k-fold cross-validation.
#include "generalize/split.hpp"

#include <Eigen/QR>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "error.hpp"
#include "generalize/curve_fit.hpp"
#include "random.hpp"

namespace basecamp::generalize {

namespace {

// 0 … n−1 in a seeded random order.
std::vector<int> shuffled(int n, std::uint64_t seed) {
  std::vector<int> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), 0);
  Rng rng(seed);
  shuffle(order, rng);
  return order;
}

}  // namespace

std::vector<Role> split_roles(int n, double train_frac, double val_frac, std::uint64_t seed) {
  require_in_range(n, limits::count(2, 100000), "split", "n");
  require_in_range(train_frac, limits::unit_closed, "split", "train_fraction");
  require_in_range(val_frac, limits::unit_closed, "split", "val_fraction");
  if (train_frac + val_frac > 1 + 1e-12) {
    ErrorInfo info;
    info.code = code::sum_too_large;
    info.field = "val_fraction";
    info.value = train_frac + val_frac;
    info.max = 1;
    throw Error("split: training and validation fractions add up to more than 1", std::move(info));
  }
  const int n_train = static_cast<int>(std::lround(n * train_frac));
  const int n_val = std::min(n - n_train, static_cast<int>(std::lround(n * val_frac)));
  require_code(n_train >= 2, code::empty, "split", "train_fraction", [&] {
    return "at least 2 training samples are needed, the split leaves " + std::to_string(n_train);
  }, n_train);
  std::vector<Role> roles(static_cast<std::size_t>(n), Role::test);
  const std::vector<int> order = shuffled(n, seed);
  for (int i = 0; i < n_train; ++i) roles[order[i]] = Role::train;
  for (int i = n_train; i < n_train + n_val; ++i) roles[order[i]] = Role::val;
  return roles;
}

CurveData select(const CurveData& data, const std::vector<Role>& roles, Role role) {
  require(roles.size() == data.x.size() && data.x.size() == data.y.size(), "split",
          "roles and data differ in length");
  CurveData out;
  for (std::size_t i = 0; i < roles.size(); ++i)
    if (roles[i] == role) {
      out.x.push_back(data.x[i]);
      out.y.push_back(data.y[i]);
    }
  return out;
}

std::vector<double> fit_poly_least_squares(const CurveData& data, int degree) {
  require(!data.x.empty() && data.x.size() == data.y.size(), "least squares", "no data, or x and y differ in length");
  require(degree >= 0 && degree <= kMaxDegree, "least squares",
          "degree must be in [0, " + std::to_string(kMaxDegree) + "], got " + std::to_string(degree));
  const Eigen::Index n = static_cast<Eigen::Index>(data.x.size());
  Eigen::MatrixXd a(n, degree + 1);
  a.col(0).setOnes();
  if (degree >= 1) a.rightCols(degree) = legendre_features(data.x, degree);
  const Eigen::VectorXd y = Eigen::Map<const Eigen::VectorXd>(data.y.data(), n);
  // Complete orthogonal decomposition: the minimum-norm least-squares solution, also when the
  // system is under-determined (more coefficients than points).
  const Eigen::VectorXd c = a.completeOrthogonalDecomposition().solve(y);
  return {c.data(), c.data() + c.size()};
}

DegreeScan scan_degrees(const CurveData& train, const CurveData& val, int max_degree) {
  require(max_degree >= 1 && max_degree <= kMaxDegree, "degree scan",
          "max degree must be in [1, " + std::to_string(kMaxDegree) + "], got " + std::to_string(max_degree));
  require(!val.x.empty(), "degree scan", "no validation points");
  DegreeScan s;
  for (int d = 1; d <= max_degree; ++d) {
    const std::vector<double> c = fit_poly_least_squares(train, d);
    s.degree.push_back(d);
    s.train_mse.push_back(poly_mse(c, train));
    s.val_mse.push_back(poly_mse(c, val));
    if (s.best_degree == 0 || s.val_mse.back() < s.val_mse[static_cast<std::size_t>(s.best_degree - 1)]) s.best_degree = d;
  }
  return s;
}

std::vector<int> kfold_assign(int n, int k, std::uint64_t seed) {
  require_in_range(k, limits::count(2, n), "k-fold", "k");
  std::vector<int> folds(static_cast<std::size_t>(n));
  const std::vector<int> order = shuffled(n, seed);
  for (int i = 0; i < n; ++i) folds[order[i]] = i % k;
  return folds;
}

FoldScore cross_validate_fold(const CurveData& data, const std::vector<int>& folds, int fold, int degree) {
  require(folds.size() == data.x.size(), "k-fold", "fold list and data differ in length");
  const int k = folds.empty() ? 0 : *std::max_element(folds.begin(), folds.end()) + 1;
  require(fold >= 0 && fold < k, "k-fold", "fold must be in [0, " + std::to_string(k - 1) + "], got " + std::to_string(fold));
  CurveData train, val;
  for (std::size_t i = 0; i < folds.size(); ++i) {
    CurveData& to = folds[i] == fold ? val : train;
    to.x.push_back(data.x[i]);
    to.y.push_back(data.y[i]);
  }
  require(!train.x.empty() && !val.x.empty(), "k-fold", "fold " + std::to_string(fold) + " leaves a part empty");
  FoldScore s;
  s.fold = fold;
  s.n_train = static_cast<int>(train.x.size());
  s.n_val = static_cast<int>(val.x.size());
  s.coefficients = fit_poly_least_squares(train, degree);
  s.train_mse = poly_mse(s.coefficients, train);
  s.val_mse = poly_mse(s.coefficients, val);
  return s;
}

Summary summarize(const std::vector<double>& v) {
  require(!v.empty(), "summary", "no values");
  Summary s;
  s.mean = std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
  if (v.size() > 1) {
    double ss = 0;
    for (double x : v) ss += (x - s.mean) * (x - s.mean);
    s.stddev = std::sqrt(ss / static_cast<double>(v.size() - 1));
  }
  return s;
}

}  // namespace basecamp::generalize
