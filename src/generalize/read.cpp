#include "generalize/read.hpp"

#include <cmath>

#include "nn/spec.hpp"

namespace basecamp::generalize {

namespace {
constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 - 1: exact as a JS number
int whole(const Fields& f, const char* key, int fallback) {
  return static_cast<int>(f.integer(key, -2e9, 2e9, fallback));
}
std::vector<double> numbers(const Value& v, const std::string& what) {
  return numbers_of(v, "generalize", what);
}
}  // namespace

CurveData curve_data_from(const Value& v, const std::string& what) {
  CurveData d;
  if (v.absent()) return d;
  require(v.kind == Value::Kind::object, "generalize", what + " must be {x, y}");
  const Fields f(v, "generalize");
  d.x = numbers(f["x"], what + ".x");
  d.y = numbers(f["y"], what + ".y");
  require(d.x.size() == d.y.size(), "generalize", what + ": x and y differ in length");
  return d;
}

FitSpec fit_spec_from(const Value& v) {
  const Fields f(v, "fit");
  FitSpec s;
  s.model = parse_model_kind(f.text("model", "poly"));
  s.degree = whole(f, "degree", s.degree);
  s.hidden = whole(f, "hidden", s.hidden);
  s.depth = whole(f, "depth", s.depth);
  s.activation = nn::parse_activation(f.text("activation", "tanh"));
  s.dropout = f.number("dropout", s.dropout);
  s.penalty = parse_penalty(f.text("penalty", "none"));
  s.lambda = f.number("lambda", s.lambda);
  s.optimizer = f.text("optimizer", s.optimizer);
  s.lr = f.number("lr", s.lr);
  s.steps = whole(f, "steps", s.steps);
  s.record_every = whole(f, "recordEvery", s.record_every);
  s.grid = whole(f, "grid", s.grid);
  s.seed = static_cast<std::uint64_t>(f.integer("seed", 0, kMaxSeed, 1));
  validate_fit_spec(s);
  return s;
}

InitSpec init_spec_from(const Value& v) {
  const Fields f(v, "init");
  InitSpec s;
  s.rule = parse_init_rule(f.text("rule", "xavier"));
  s.activation = f.text("activation", s.activation);
  s.layers = whole(f, "layers", s.layers);
  s.units = whole(f, "units", s.units);
  s.samples = whole(f, "samples", s.samples);
  s.bins = whole(f, "bins", s.bins);
  s.seed = static_cast<std::uint64_t>(f.integer("seed", 0, kMaxSeed, 1));
  return s;
}

std::vector<int> integers_from(const Value& v, const std::string& what) {
  std::vector<int> out;
  for (double d : numbers(v, what)) {
    require(std::isfinite(d) && d == std::floor(d) && std::abs(d) < 1e9, "generalize", what + " must hold integers");
    out.push_back(static_cast<int>(d));
  }
  return out;
}

std::vector<Role> roles_from(const Value& v) {
  std::vector<Role> roles;
  for (int r : integers_from(v, "roles")) {
    require(r >= 0 && r <= 2, "split", "a role must be 0 (train), 1 (validation) or 2 (test)");
    roles.push_back(static_cast<Role>(r));
  }
  return roles;
}

}  // namespace basecamp::generalize
