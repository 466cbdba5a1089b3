// fit_curve: an nn::Model and an optimizer on 1-D data, with error curves and curve snapshots.
#include "generalize/curve_fit.hpp"

#include <cmath>
#include <limits>
#include <memory>

#include "error.hpp"
#include "nn/model.hpp"
#include "optim/factory.hpp"
#include "random.hpp"

namespace basecamp::generalize {

namespace {

const char* kWho = "fit";

nn::ModelSpec model_spec(const FitSpec& s) {
  nn::ModelSpec m;
  m.loss = nn::Loss::mse;
  m.seed = s.seed;
  if (s.model == ModelKind::poly) {
    m.inputs = s.degree;
    m.initializer = nn::Init::zeros;
  } else {
    m.inputs = 1;
    m.initializer = nn::Init::glorot_uniform;
    for (int i = 0; i < s.depth; ++i) {
      m.layers.push_back(nn::LayerSpec::dense(s.hidden, s.activation));
      if (s.dropout > 0) m.layers.push_back(nn::LayerSpec::dropout(s.dropout));
    }
  }
  m.layers.push_back(nn::LayerSpec::dense(1, nn::Activation::linear));
  if (s.penalty == Penalty::l2) m.l2 = s.lambda / 2.0;  // nn adds l2·Σw²; the source writes ½λΣw²
  if (s.penalty == Penalty::l1) m.l1 = s.lambda;
  return m;
}

Tensor<double> inputs(const FitSpec& s, const std::vector<double>& x) {
  if (s.model == ModelKind::poly) return legendre_features(x, s.degree);
  Tensor<double> t(static_cast<Eigen::Index>(x.size()), 1);
  for (std::size_t i = 0; i < x.size(); ++i) t(static_cast<Eigen::Index>(i), 0) = x[i];
  return t;
}

Tensor<double> column(const std::vector<double>& y) {
  Tensor<double> t(static_cast<Eigen::Index>(y.size()), 1);
  for (std::size_t i = 0; i < y.size(); ++i) t(static_cast<Eigen::Index>(i), 0) = y[i];
  return t;
}

double mse(nn::Model<double>& m, const Tensor<double>& x, const Tensor<double>& y) {
  return (m.predict(x) - y).squaredNorm() / static_cast<double>(y.rows());
}

void check_data(const CurveData& d, const char* name) {
  require(d.x.size() == d.y.size(), kWho,
          std::string(name) + ": " + std::to_string(d.x.size()) + " x values but " + std::to_string(d.y.size()) + " y values");
  for (std::size_t i = 0; i < d.x.size(); ++i)
    require(std::isfinite(d.x[i]) && std::isfinite(d.y[i]), kWho, std::string(name) + ": point " + std::to_string(i + 1) + " is not finite");
}

}  // namespace

ModelKind parse_model_kind(const std::string& name) {
  if (name == "poly") return ModelKind::poly;
  if (name == "mlp") return ModelKind::mlp;
  throw_unknown_name("fit", "model", name, "poly, mlp");
}

Penalty parse_penalty(const std::string& name) {
  if (name == "none") return Penalty::none;
  if (name == "l2") return Penalty::l2;
  if (name == "l1") return Penalty::l1;
  throw_unknown_name("fit", "penalty", name, "none, l2, l1");
}

void validate_fit_spec(const FitSpec& s) {
  if (s.model == ModelKind::poly) {
    require_in_range(s.degree, limits::count(1, kMaxDegree), kWho, "degree");
  } else {
    require_in_range(s.hidden, limits::count(1, 512), kWho, "hidden");
    require_in_range(s.depth, limits::count(1, 4), kWho, "depth");
    require_in_range(s.dropout, Range{0, 0.9}, kWho, "dropout");
  }
  require_in_range(s.lambda, Range{0, 1e6}, kWho, "lambda");
  require_in_range(s.lr, Range{1e-9, 1e3}, kWho, "lr");
  require_in_range(s.steps, limits::count(0, 100000), kWho, "steps");
  require_in_range(s.record_every, limits::count(1), kWho, "record_every");
  require_in_range(s.grid, limits::count(2, 2001), kWho, "grid");
}

struct FitRun::State {
  FitSpec s;
  nn::Model<double> model;
  std::unique_ptr<optim::Optimizer<double>> optimizer;
  Rng dropout_rng;
  Tensor<double> xt, yt, xv, yv, xg, xs, ys;
  bool has_val = false, has_test = false;
  int step = 0;
  bool stopped = false;
  FitResult r;

  State(const CurveData& train, const CurveData& val, const CurveData& test, const FitSpec& spec)
      : s(spec), model(model_spec(spec)), dropout_rng(spec.seed ^ 0x5DEECE66DULL) {
    optim::OptimizerSettings settings;
    settings.lr = s.lr;
    optimizer = optim::make_optimizer<double>(s.optimizer, settings);
    xt = inputs(s, train.x);
    yt = column(train.y);
    has_val = !val.x.empty();
    if (has_val) {
      xv = inputs(s, val.x);
      yv = column(val.y);
    }
    has_test = !test.x.empty();
    if (has_test) {
      xs = inputs(s, test.x);
      ys = column(test.y);
    }
    r.grid_x = linspace(-1.0, 1.0, s.grid);
    xg = inputs(s, r.grid_x);
    r.parameters = static_cast<int>(model.parameter_count());
    record();
  }

  void record() {
    r.steps.push_back(step);
    r.train_mse.push_back(mse(model, xt, yt));
    if (has_val) r.val_mse.push_back(mse(model, xv, yv));
    const Tensor<double> g = model.predict(xg);
    r.curves.insert(r.curves.end(), g.data(), g.data() + g.size());
    if (!std::isfinite(r.train_mse.back()) || !g.allFinite()) {  // the last record must be finite
      r.diverged_at = step;
      stopped = true;
      r.steps.pop_back();
      r.train_mse.pop_back();
      if (has_val) r.val_mse.pop_back();
      r.curves.resize(r.curves.size() - r.grid_x.size());
    }
  }

  void summarize() {
    if (has_val && !r.val_mse.empty()) {
      r.best = 0;
      for (std::size_t i = 1; i < r.val_mse.size(); ++i)
        if (r.val_mse[i] < r.val_mse[static_cast<std::size_t>(r.best)]) r.best = static_cast<int>(i);
    }
    r.test_mse = has_test ? mse(model, xs, ys) : std::numeric_limits<double>::quiet_NaN();
    r.weights.clear();
    for (int i = 0; i < model.dense_count(); ++i) {
      const Tensor<double>& w = model.kernel(i).value;
      r.weights.insert(r.weights.end(), w.data(), w.data() + w.size());
    }
    r.sum_sq = r.sum_abs = 0;
    for (double w : r.weights) {
      r.sum_sq += w * w;
      r.sum_abs += std::abs(w);
    }
    r.penalty = s.penalty == Penalty::l2 ? 0.5 * s.lambda * r.sum_sq : s.penalty == Penalty::l1 ? s.lambda * r.sum_abs : 0.0;
  }
};

namespace {
const FitSpec& checked(const CurveData& train, const CurveData& val, const CurveData& test, const FitSpec& s) {
  validate_fit_spec(s);
  check_data(train, "training data");
  check_data(val, "validation data");
  check_data(test, "test data");
  require(!train.x.empty(), kWho, "no training points");
  return s;
}
}  // namespace

FitRun::FitRun(const CurveData& train, const CurveData& val, const CurveData& test, const FitSpec& spec)
    : state_(std::make_unique<State>(train, val, test, checked(train, val, test, spec))) {}

FitRun::~FitRun() = default;

bool FitRun::done() const { return state_->stopped || state_->step >= state_->s.steps; }
int FitRun::step() const { return state_->step; }

bool FitRun::advance(int n) {
  require(n >= 0, kWho, "steps to advance must be >= 0, got " + std::to_string(n));
  State& st = *state_;
  for (int i = 0; i < n && !done(); ++i) {
    const double loss = st.model.compute_gradients(st.xt, st.yt, st.dropout_rng).loss;
    ++st.step;
    if (!std::isfinite(loss)) {
      st.r.diverged_at = st.step;
      st.stopped = true;
      break;
    }
    st.optimizer->step(st.model.params());
    if (st.step % st.s.record_every == 0 || st.step == st.s.steps) st.record();
  }
  return !done();
}

const FitResult& FitRun::result() {
  state_->summarize();
  return state_->r;
}

FitResult fit_curve(const CurveData& train, const CurveData& val, const CurveData& test, const FitSpec& spec) {
  FitRun run(train, val, test, spec);
  run.advance(spec.steps);
  return run.result();
}

std::vector<double> poly_values(const std::vector<double>& c, const std::vector<double>& x) {
  require(!c.empty() && static_cast<int>(c.size()) <= kMaxDegree + 1, "poly_values",
          "expected 1 to " + std::to_string(kMaxDegree + 1) + " coefficients, got " + std::to_string(c.size()));
  const int degree = static_cast<int>(c.size()) - 1;
  std::vector<double> out(x.size(), c[0]);
  if (degree >= 1 && !x.empty()) {
    const Tensor<double> f = legendre_features(x, degree);
    for (std::size_t i = 0; i < x.size(); ++i)
      for (int k = 0; k < degree; ++k) out[i] += c[static_cast<std::size_t>(k) + 1] * f(static_cast<Eigen::Index>(i), k);
  }
  return out;
}

double poly_mse(const std::vector<double>& c, const CurveData& d) {
  require(!d.x.empty() && d.x.size() == d.y.size(), "poly_mse", "no data, or x and y differ in length");
  const std::vector<double> p = poly_values(c, d.x);
  double total = 0;
  for (std::size_t i = 0; i < d.x.size(); ++i) total += (p[i] - d.y[i]) * (p[i] - d.y[i]);
  return total / static_cast<double>(d.x.size());
}

}  // namespace basecamp::generalize
