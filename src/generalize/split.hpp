// Train / validation / test splits, k-fold cross-validation and model selection by degree, for
// lesson 7's second experiment. Here each candidate model is the exact least-squares polynomial
// of its degree (Legendre basis, solved by QR), so a score depends only on the data a model saw,
// not on how long it trained. Shuffles come from Rng(seed). Not the gradient-descent fits
// (curve_fit.hpp).
#pragma once

#include <cstdint>
#include <vector>

#include "generalize/curve_data.hpp"

namespace basecamp::generalize {

enum class Role { train = 0, val = 1, test = 2 };

// A shuffled split of n samples: round(n·train_frac) for training, round(n·val_frac) for
// validation, the rest for test. Error when a fraction is outside [0, 1], they sum above 1, or
// fewer than 2 training samples would remain.
std::vector<Role> split_roles(int n, double train_frac, double val_frac, std::uint64_t seed);

// The samples of `data` whose role matches (order kept).
CurveData select(const CurveData& data, const std::vector<Role>& roles, Role role);

// Least-squares Legendre coefficients c_0 … c_d (c_0 multiplies P_0 = 1). With fewer points
// than coefficients the minimum-norm solution is returned (it interpolates). Error on empty data.
std::vector<double> fit_poly_least_squares(const CurveData& data, int degree);

// Train and validation MSE of the least-squares polynomial of each degree 1 … max_degree fitted
// on train; `best_degree` has the smallest validation MSE (the first one on ties).
struct DegreeScan {
  std::vector<int> degree;
  std::vector<double> train_mse, val_mse;
  int best_degree = 0;
  // f(name, member) per member: how the page names them (wasm/convert.hpp's to_js).
  template <class F>
  void fields(F&& f) const {
    f("degree", degree), f("trainMse", train_mse), f("valMse", val_mse), f("bestDegree", best_degree);
  }
};
DegreeScan scan_degrees(const CurveData& train, const CurveData& val, int max_degree);

// Fold of each of n samples for k-fold cross-validation: a shuffled order cut into k folds whose
// sizes differ by at most one. Error when k < 2 or k > n.
std::vector<int> kfold_assign(int n, int k, std::uint64_t seed);

// One fold: fit on the samples not in `fold`, score on those in it.
struct FoldScore {
  int fold = 0, n_train = 0, n_val = 0;
  double train_mse = 0, val_mse = 0;
  std::vector<double> coefficients;
  template <class F>
  void fields(F&& f) const {
    f("fold", fold), f("nTrain", n_train), f("nVal", n_val), f("trainMse", train_mse), f("valMse", val_mse);
    f("coefficients", coefficients);
  }
};
FoldScore cross_validate_fold(const CurveData& data, const std::vector<int>& folds, int fold, int degree);

// Mean and sample standard deviation (n − 1; 0 for a single value) of the fold scores.
struct Summary {
  double mean = 0, stddev = 0;
  template <class F>
  void fields(F&& f) const {
    f("mean", mean), f("stddev", stddev);
  }
};
Summary summarize(const std::vector<double>& values);

}  // namespace basecamp::generalize
