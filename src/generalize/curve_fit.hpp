// Fitting a curve to a few points by gradient descent, recording how the error on the training
// points and on held-out points moves with training time: the lesson-7 experiments on
// overfitting, early stopping, L2/L1 penalties and dropout. The network is src/nn's Model (a
// Dense stack with MSE loss, penalties and dropout) and the update is src/optim's optimizer;
// this file only wires them to 1-D data and records. Two models:
//   poly: a polynomial of degree d = Dense(1) on the Legendre features P_1(x) … P_d(x) (the
//         bias is the P_0 coefficient); kernels start at zero.
//   mlp:  x → [Dense(hidden, activation) → Dropout(rate)] × depth → Dense(1); Glorot init.
// Every step is full-batch (all training points). Errors recorded are data MSEs with dropout
// off and without the penalty; the penalty is reported on its own.
#pragma once

#include <cmath>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "generalize/curve_data.hpp"
#include "nn/spec.hpp"
#include "tensor.hpp"

namespace basecamp::generalize {

enum class ModelKind { poly, mlp };
enum class Penalty { none, l2, l1 };

struct FitSpec {
  ModelKind model = ModelKind::poly;
  int degree = 10;                                // poly: 1 … kMaxDegree
  int hidden = 32;                                // mlp: units per hidden layer, 1 … 512
  int depth = 2;                                  // mlp: hidden layers, 1 … 4
  nn::Activation activation = nn::Activation::tanh;  // mlp hidden layers
  double dropout = 0.0;                           // mlp: rate after each hidden layer, [0, 0.9]
  Penalty penalty = Penalty::none;
  // The source's convention: L2 adds R = ½·λ·Σw² (nn's l2 = λ/2); L1 adds R = λ·Σ|w|. Kernels
  // only (biases are not penalised), as Keras's kernel_regularizer.
  double lambda = 0.0;
  std::string optimizer = "adam";
  double lr = 0.01;
  int steps = 1000;       // 0 … 100000
  int record_every = 10;  // ≥ 1; step 0 and the last step are always recorded
  int grid = 101;         // points of the drawn curve on [−1, 1], 2 … 2001
  std::uint64_t seed = 1;  // initial weights (mlp) and dropout masks
};

// "poly" | "mlp", "none" | "l2" | "l1": Error naming the value and the valid ones.
ModelKind parse_model_kind(const std::string& name);
Penalty parse_penalty(const std::string& name);

// Error naming the first bad field.
void validate_fit_spec(const FitSpec& spec);

struct FitResult {
  std::vector<int> steps;                 // the recorded steps: 0, r, 2r, …, last
  std::vector<double> train_mse, val_mse;  // at each recorded step; val empty without val data
  double test_mse = 0;                    // after the last step; NaN without test data
  int best = -1;                          // index into steps of the smallest val_mse (first)
  int diverged_at = -1;                   // first step whose training loss was not finite
  std::vector<double> grid_x;             // the curve's x
  std::vector<double> curves;             // steps.size() x grid: the fitted curve at each record
  std::vector<double> weights;            // final kernel weights, layer by layer, row-major
  double sum_sq = 0, sum_abs = 0;         // Σw², Σ|w| over those weights
  double penalty = 0;                     // R at the end (½λΣw², λΣ|w| or 0)
  int parameters = 0;                     // trainable numbers, biases included

  template <class F>
  void fields(F&& f) const {
    f("steps", steps), f("trainMse", train_mse), f("valMse", val_mse);
    f("testMse", std::isnan(test_mse) ? std::optional<double>() : test_mse);
    f("best", best), f("divergedAt", diverged_at), f("gridX", grid_x), f("curves", curves);
    f("weights", weights), f("sumSq", sum_sq), f("sumAbs", sum_abs), f("penalty", penalty);
    f("parameters", parameters);
  }
};

// A fit that can run a few steps at a time (the page trains in chunks between animation frames)
// with the same result as one uninterrupted run. Recording stops at divergence (the last record
// is the last finite one). result()'s weights, sums, penalty and test_mse describe the current
// weights. Error on a bad spec or empty training data.
class FitRun {
 public:
  FitRun(const CurveData& train, const CurveData& val, const CurveData& test, const FitSpec& spec);
  ~FitRun();
  FitRun(const FitRun&) = delete;
  FitRun& operator=(const FitRun&) = delete;
  // Up to n more steps; returns true while steps remain (false once done or diverged).
  bool advance(int n);
  bool done() const;
  int step() const;
  const FitResult& result();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// One uninterrupted run: FitRun(...).advance(spec.steps).
FitResult fit_curve(const CurveData& train, const CurveData& val, const CurveData& test, const FitSpec& spec);

// Values at x of the polynomial Σ c_k·P_k(x) (c[0] multiplies P_0 = 1).
std::vector<double> poly_values(const std::vector<double>& coefficients, const std::vector<double>& x);
// Mean of (prediction − y)² with a polynomial of Legendre coefficients c (c[0] is P_0's).
double poly_mse(const std::vector<double>& coefficients, const CurveData& data);

}  // namespace basecamp::generalize
