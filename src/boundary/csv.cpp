#include "boundary/csv.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "error.hpp"
#include "optim/optimizer.hpp"  // format_number

namespace basecamp::boundary {

namespace {

[[noreturn]] void refuse(const std::string& problem, std::size_t line, double min = NAN, double max = NAN) {
  ErrorInfo e;
  e.code = code::parse_error;
  e.field = line > 0 ? "line" : "file";
  if (line > 0) e.value = static_cast<double>(line);
  e.min = min;
  e.max = max;
  e.text = problem;
  throw Error("csv: " + (line > 0 ? "line " + std::to_string(line) + ": " : std::string()) + problem,
              std::move(e));
}

// Spaces and surrounding double quotes off, repeatedly: a value never starts or ends with either,
// so the writer can print names as they are and they read back the same (found by the fuzzer).
std::string_view trim(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r'; };
  while (true) {
    while (!s.empty() && blank(s.front())) s.remove_prefix(1);
    while (!s.empty() && blank(s.back())) s.remove_suffix(1);
    if (!(s.size() >= 2 && s.front() == '"' && s.back() == '"')) return s;
    s = s.substr(1, s.size() - 2);
  }
}

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    out.push_back(trim(line.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start)));
    if (comma == std::string_view::npos) return out;
    start = comma + 1;
  }
}

// A whole field as a double (strtod must consume all of it); false if it is not a number.
bool to_number(std::string_view s, double& out) {
  if (s.empty() || s.size() > 64) return false;
  const std::string copy(s);
  char* end = nullptr;
  out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size();
}

// An optional sign and 1–9 digits.
bool is_integer(std::string_view s) {
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) s.remove_prefix(1);
  return !s.empty() && s.size() <= 9 && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

CsvPoints parse_points_csv(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::vector<std::string> labels;  // as written, per data row
  std::map<std::string, int> distinct;
  Points raw;
  std::size_t line_no = 0, start = 0;
  bool first = true;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_no;
    if (trim(line).empty()) continue;
    const std::vector<std::string_view> f = fields(line);
    if (f.size() != 3) refuse("columns", line_no);
    double a = 0, b = 0;
    if (first && !to_number(f[0], a) && !to_number(f[1], b)) {  // a header line: x1, x2 not numbers
      first = false;
      continue;
    }
    first = false;
    if (!to_number(f[0], a) || !to_number(f[1], b)) refuse("not_a_number", line_no);
    if (!std::isfinite(a) || !std::isfinite(b)) refuse("not_finite", line_no);
    if (f[2].empty()) refuse("empty_label", line_no);
    if (f[2].size() > kMaxLabelLength) refuse("label_too_long", line_no, NAN, kMaxLabelLength);
    if (raw.size() >= kMaxCsvRows) refuse("too_many_rows", line_no, NAN, kMaxCsvRows);
    std::string label(f[2]);
    if (is_integer(label)) label = std::to_string(std::stol(label));  // "+01" and "1" are one class
    if (!distinct.count(label)) {
      if (distinct.size() >= static_cast<std::size_t>(kMaxClasses)) refuse("too_many_classes", line_no, NAN, kMaxClasses);
      const int next = static_cast<int>(distinct.size());
      distinct.emplace(label, next);
    }
    raw.add(a, b, 0);
    labels.push_back(std::move(label));
  }
  if (raw.size() == 0) refuse("empty", 0);
  if (distinct.size() < 2) refuse("one_class", 0, 2);

  // Class order: numeric when every label is an integer, else first appearance (the map's
  // values already count in that order).
  CsvPoints out;
  out.classes = static_cast<int>(distinct.size());
  out.class_names.resize(distinct.size());
  const bool all_integers = std::all_of(distinct.begin(), distinct.end(), [](const auto& kv) { return is_integer(kv.first); });
  if (all_integers) {
    std::vector<std::pair<long, std::string>> sorted;
    for (const auto& kv : distinct) sorted.emplace_back(std::stol(kv.first), kv.first);
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t c = 0; c < sorted.size(); ++c) distinct[sorted[c].second] = static_cast<int>(c);
  }
  for (const auto& [name, c] : distinct) out.class_names[static_cast<std::size_t>(c)] = name;
  out.points = std::move(raw);
  for (std::size_t i = 0; i < labels.size(); ++i) out.points.label[i] = distinct[labels[i]];
  return out;
}

std::string write_points_csv(const Points& points, const std::vector<std::string>& class_names) {
  std::string out = "x1,x2,label\n";
  for (std::size_t i = 0; i < points.size(); ++i) {
    out += optim::format_number(points.x1[i]) + "," + optim::format_number(points.x2[i]) + ",";
    const double l = points.label[i];
    const bool is_class = !class_names.empty() && l >= 0 && l < static_cast<double>(class_names.size()) && l == std::floor(l);
    out += is_class ? class_names[static_cast<std::size_t>(l)] : optim::format_number(l);
    out += "\n";
  }
  return out;
}

}  // namespace basecamp::boundary
