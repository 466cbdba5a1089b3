// activation_stats: random inputs through Dense layers drawn by an initialization rule.
#include "generalize/init_stats.hpp"

#include <Eigen/Core>
#include <algorithm>
#include <cmath>

#include "error.hpp"
#include "optim/optimizer.hpp"  // format_number
#include "random.hpp"

namespace basecamp::generalize {

const std::vector<std::string>& init_rule_names() {
  static const std::vector<std::string> n{"normal_0.01", "normal_1", "xavier", "he"};
  return n;
}

InitRule parse_init_rule(const std::string& name) {
  const auto& n = init_rule_names();
  for (std::size_t i = 0; i < n.size(); ++i)
    if (n[i] == name) return static_cast<InitRule>(i);
  throw_unknown_name("init", "rule", name, n);
}

double init_stddev(InitRule rule, int fan_in) {
  require(fan_in >= 1, "init", "fan_in must be >= 1, got " + std::to_string(fan_in));
  switch (rule) {
    case InitRule::normal_0_01: return 0.01;
    case InitRule::normal_1: return 1.0;
    case InitRule::xavier: return 1.0 / std::sqrt(static_cast<double>(fan_in));
    case InitRule::he: return std::sqrt(2.0 / fan_in);
  }
  return 1.0;
}

Histogram histogram(const std::vector<double>& values, int bins, double lo, double hi) {
  require(bins >= 1 && bins <= 100000, "histogram", "bins must be in [1, 100000], got " + std::to_string(bins));
  require(std::isfinite(lo) && std::isfinite(hi) && lo < hi, "histogram",
          "the range must be finite with lo < hi, got [" + optim::format_number(lo) + ", " + optim::format_number(hi) + "]");
  Histogram h{lo, hi, std::vector<int>(static_cast<std::size_t>(bins), 0)};
  const double width = (hi - lo) / bins;
  for (double v : values) {
    if (std::isnan(v)) continue;
    const double k = std::floor((v - lo) / width);
    const int bin = k < 0 ? 0 : k >= bins ? bins - 1 : static_cast<int>(k);
    ++h.counts[static_cast<std::size_t>(bin)];
  }
  return h;
}

std::vector<LayerStats> activation_stats(const InitSpec& s) {
  require_in_range(s.layers, limits::count(1, 10), "init", "layers");
  require_in_range(s.units, limits::count(1, 500), "init", "units");
  require_in_range(s.samples, limits::count(1, 5000), "init", "samples");
  require_in_range(s.bins, limits::count(1, 200), "init", "bins");
  enum { sigmoid, tanh_, relu } act;
  if (s.activation == "sigmoid") act = sigmoid;
  else if (s.activation == "tanh") act = tanh_;
  else if (s.activation == "relu") act = relu;
  else throw_unknown_name("init", "activation", s.activation, "sigmoid, tanh, relu");

  using M = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  Rng rng(s.seed);
  const auto normal = [&](Eigen::Index r, Eigen::Index c, double sd) {
    M m(r, c);
    for (Eigen::Index i = 0; i < m.size(); ++i) m.data()[i] = rng.normal(0.0, sd);
    return m;
  };
  M h = normal(s.samples, s.units, 1.0);
  std::vector<M> w, z, a;
  for (int l = 0; l < s.layers; ++l) {
    w.push_back(normal(s.units, s.units, init_stddev(s.rule, s.units)));
    z.push_back(h * w.back());
    M out = z.back();
    switch (act) {
      case sigmoid: out = (1.0 / (1.0 + (-out.array()).exp())).matrix(); break;
      case tanh_: out = out.array().tanh().matrix(); break;
      case relu: out = out.cwiseMax(0.0); break;
    }
    a.push_back(out);
    h = a.back();
  }
  // act′(z) from z and a = act(z).
  const auto derivative = [&](const M& zl, const M& al) -> M {
    switch (act) {
      case sigmoid: return (al.array() * (1.0 - al.array())).matrix();
      case tanh_: return (1.0 - al.array().square()).matrix();
      case relu: break;
    }
    return (zl.array() > 0.0).cast<double>().matrix();
  };
  const double max_derivative = act == sigmoid ? 0.25 : 1.0;

  double lo = act == relu ? 0.0 : act == tanh_ ? -1.0 : 0.0;
  double hi = 1.0;
  if (act == relu) {
    hi = 0.0;
    for (const M& al : a) hi = std::max(hi, al.maxCoeff());
    if (!std::isfinite(hi)) hi = 1e300;
    hi = std::max(hi, 1e-12);
  }

  std::vector<LayerStats> out(static_cast<std::size_t>(s.layers));
  M upstream = normal(s.samples, s.units, 1.0);  // d loss / d (last activations)
  for (int l = s.layers - 1; l >= 0; --l) {
    const M d = derivative(z[l], a[l]);
    const M dz = upstream.cwiseProduct(d);
    LayerStats& st = out[static_cast<std::size_t>(l)];
    const double n = static_cast<double>(a[l].size());
    st.mean = a[l].mean();
    st.stddev = std::sqrt((a[l].array() - st.mean).square().sum() / n);
    st.saturated = static_cast<double>((d.array() < 0.01 * max_derivative).count()) / n;
    const double gm = dz.mean();
    st.grad_stddev = std::sqrt((dz.array() - gm).square().sum() / n);
    st.activations = histogram(std::vector<double>(a[l].data(), a[l].data() + a[l].size()), s.bins, lo, hi);
    upstream = dz * w[l].transpose();
  }
  return out;
}

}  // namespace basecamp::generalize
