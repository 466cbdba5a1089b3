#include "boundary/datasets.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "error.hpp"
#include "random.hpp"

namespace basecamp::boundary {

namespace {

constexpr double kRadius = 5.0;  // most points lie within this radius
constexpr double kPi = std::numbers::pi;

struct Named {
  const char* name;
  int classes;
};
constexpr Named kSets[] = {
    {"gauss", 2},   {"circle", 2},  {"xor", 2},    {"spiral", 2},     {"above-line", 2},
    {"above-sine", 2}, {"above-parabola", 2}, {"spiral3", 3}, {"spiral4", 4}, {"spiral5", 5},
    {"blobs3", 3},  {"blobs4", 4},  {"blobs5", 5}, {"plane", 0},      {"multigauss", 0},
};

// How many of n points class c gets when k classes share them (the first n % k get one more).
int share(int n, int k, int c) { return n / k + (c < n % k ? 1 : 0); }

// A point moved by up to noise·radius in each coordinate.
void jitter(Rng& rng, double noise, double& a, double& b) {
  a += noise * kRadius * rng.uniform(-1, 1);
  b += noise * kRadius * rng.uniform(-1, 1);
}

void gauss(Points& out, const DataSpec& s, Rng& rng) {
  const double sigma = 0.8 + 4.0 * s.noise;
  for (int c = 0; c < 2; ++c) {
    const double centre = c == 1 ? 2.0 : -2.0;
    for (int i = 0; i < share(s.points, 2, c); ++i) {
      // Two statements: the order of a call's arguments is unspecified (g++ and clang differ,
      // and the page must draw the same points as the CLI).
      const double a = rng.normal(centre, sigma);
      const double b = rng.normal(centre, sigma);
      out.add(a, b, c);
    }
  }
}

// Class 1 inside radius R/2, class 0 in the ring from 0.7R to R.
void circle(Points& out, const DataSpec& s, Rng& rng) {
  for (int c = 0; c < 2; ++c) {
    for (int i = 0; i < share(s.points, 2, c); ++i) {
      const double r = c == 1 ? rng.uniform(0, 0.5 * kRadius) : rng.uniform(0.7 * kRadius, kRadius);
      const double angle = rng.uniform(0, 2 * kPi);
      double a = r * std::sin(angle), b = r * std::cos(angle);
      jitter(rng, s.noise, a, b);
      out.add(a, b, c);
    }
  }
}

// A point of the square [−R, R]², kept a little away from the axes so that XOR's quadrants and
// the label of each point are clear before noise.
void uniform_point(Rng& rng, double& a, double& b, double padding) {
  a = rng.uniform(-kRadius, kRadius);
  b = rng.uniform(-kRadius, kRadius);
  a += a > 0 ? padding : -padding;
  b += b > 0 ? padding : -padding;
}

// Two classes in equal shares: draw(a, b) places a point and returns its class (0 or 1); points
// are drawn until each class has its share (a full class's draws are dropped), jittered, and
// added class 0 first.
template <class Draw>
void two_equal_classes(Points& out, const DataSpec& s, Rng& rng, Draw draw) {
  const int want[2] = {share(s.points, 2, 0), share(s.points, 2, 1)};
  Points by_class[2];
  while (static_cast<int>(by_class[0].size()) < want[0] || static_cast<int>(by_class[1].size()) < want[1]) {
    double a = 0, b = 0;
    const int c = draw(a, b);
    if (static_cast<int>(by_class[c].size()) >= want[c]) continue;
    jitter(rng, s.noise, a, b);
    by_class[c].add(a, b, c);
  }
  for (int c = 0; c < 2; ++c)
    for (std::size_t i = 0; i < by_class[c].size(); ++i)
      out.add(by_class[c].x1[i], by_class[c].x2[i], c);
}

// A quadrant's class is its sign product.
void xor_set(Points& out, const DataSpec& s, Rng& rng) {
  two_equal_classes(out, s, rng, [&](double& a, double& b) {
    uniform_point(rng, a, b, 0.3);
    return a * b > 0 ? 1 : 0;
  });
}

// k arms, each turning 1.75 times around the centre as the radius grows to R.
void spiral(Points& out, const DataSpec& s, Rng& rng, int k) {
  for (int c = 0; c < k; ++c) {
    const int n = share(s.points, k, c);
    for (int i = 0; i < n; ++i) {
      const double t = static_cast<double>(i) / n;
      const double r = kRadius * t;
      const double angle = 1.75 * 2 * kPi * t + 2 * kPi * c / k;
      double a = r * std::sin(angle), b = r * std::cos(angle);
      jitter(rng, s.noise, a, b);
      out.add(a, b, c);
    }
  }
}

// k round clouds with centres on a circle of radius 3.5.
void blobs(Points& out, const DataSpec& s, Rng& rng, int k) {
  const double sigma = 0.6 + 2.5 * s.noise;
  for (int c = 0; c < k; ++c) {
    const double angle = 2 * kPi * c / k + kPi / 2;
    const double ca = 3.5 * std::cos(angle), cb = 3.5 * std::sin(angle);
    for (int i = 0; i < share(s.points, k, c); ++i) {
      const double a = rng.normal(ca, sigma);  // two statements: see gauss()
      const double b = rng.normal(cb, sigma);
      out.add(a, b, c);
    }
  }
}

// Class 1 where x2 > f(x1), class 0 below.
template <class F>
void above(Points& out, const DataSpec& s, Rng& rng, F f) {
  two_equal_classes(out, s, rng, [&](double& a, double& b) {
    a = rng.uniform(-kRadius, kRadius);
    b = rng.uniform(-kRadius, kRadius);
    return b > f(a) ? 1 : 0;
  });
}

// Regression values lie in [−1, 1] before noise; noise adds up to ±2·noise.
void plane(Points& out, const DataSpec& s, Rng& rng) {
  for (int i = 0; i < s.points; ++i) {
    const double a = rng.uniform(-kRadius, kRadius), b = rng.uniform(-kRadius, kRadius);
    out.add(a, b, (a + b) / (2 * kRadius) + 2 * s.noise * rng.uniform(-1, 1));
  }
}

void multigauss(Points& out, const DataSpec& s, Rng& rng) {
  struct Bump { double a, b, sign; };
  constexpr Bump bumps[] = {{-3, 2.5, 1}, {0, 2.5, -1}, {3, 2.5, 1}, {-3, -2.5, -1}, {0, -2.5, 1}, {3, -2.5, -1}};
  for (int i = 0; i < s.points; ++i) {
    const double a = rng.uniform(-kRadius, kRadius), b = rng.uniform(-kRadius, kRadius);
    double v = 0;
    for (const Bump& u : bumps)
      v += u.sign * std::exp(-((a - u.a) * (a - u.a) + (b - u.b) * (b - u.b)) / (2 * 1.3 * 1.3));
    v = std::clamp(v, -1.0, 1.0);
    out.add(a, b, v + 2 * s.noise * rng.uniform(-1, 1));
  }
}

std::string name_list() {
  std::string list;
  for (const Named& n : kSets) list += (list.empty() ? "" : ", ") + std::string(n.name);
  return list;
}

}  // namespace

const std::vector<std::string>& dataset_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> v;
    for (const Named& n : kSets) v.push_back(n.name);
    return v;
  }();
  return names;
}

int dataset_classes(const std::string& name) {
  for (const Named& n : kSets)
    if (name == n.name) return n.classes;
  throw_unknown_name("data", "data", name, name_list());
}

void validate_data_spec(const DataSpec& s) {
  dataset_classes(s.name);
  require_in_range(s.points, Range{10, static_cast<double>(kMaxPoints)}, "data", "points");
  require_in_range(s.noise, Range{0.0, 0.5}, "data", "noise");
  require_in_range(s.test_ratio, Range{0.0, 0.9}, "data", "test_ratio");
}

Points generate(const DataSpec& s) {
  validate_data_spec(s);
  Rng rng(s.seed);
  Points out;
  const std::string& n = s.name;
  if (n == "gauss") gauss(out, s, rng);
  else if (n == "circle") circle(out, s, rng);
  else if (n == "xor") xor_set(out, s, rng);
  else if (n == "spiral") spiral(out, s, rng, 2);
  else if (n == "spiral3" || n == "spiral4" || n == "spiral5") spiral(out, s, rng, n.back() - '0');
  else if (n == "blobs3" || n == "blobs4" || n == "blobs5") blobs(out, s, rng, n.back() - '0');
  else if (n == "above-line") above(out, s, rng, [](double a) { return 0.6 * a; });
  else if (n == "above-sine") above(out, s, rng, [](double a) { return 2.5 * std::sin(1.2 * a); });
  else if (n == "above-parabola") above(out, s, rng, [](double a) { return 0.3 * a * a - 3.0; });
  else if (n == "plane") plane(out, s, rng);
  else if (n == "multigauss") multigauss(out, s, rng);
  return out;
}

DataSet make_dataset(const DataSpec& s) {
  const int classes = dataset_classes(s.name);
  return split(generate(s), s.test_ratio, s.seed, classes, numbered_classes(classes));
}

}  // namespace basecamp::boundary
