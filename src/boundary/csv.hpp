// The lesson's CSV reader and writer for points: lines "x1,x2,label", an optional header line,
// labels as integers (classes in numeric order) or names (classes in order of first
// appearance). Our own small parser rather than a JS library: the page and the `basecamp
// boundary` command read files through this one function, with the same errors, and it is
// fuzzed (tests/fuzz/points_csv_fuzz.cpp). Not a general CSV reader: no quoted commas, no
// other separators.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "boundary/points.hpp"

namespace basecamp::boundary {

struct CsvPoints {
  Points points;                         // labels are class indices 0…classes−1
  int classes = 0;                       // 2…kMaxClasses
  std::vector<std::string> class_names;  // as written in the file ("-1", "1", "cat", …)
};

// Limits the reader enforces.
inline constexpr std::size_t kMaxCsvRows = kMaxPoints;
inline constexpr std::size_t kMaxLabelLength = 64;

// Parses the text; refuses it with Error{code parse_error, field "line" (value = the 1-based
// line number) or "file", text = the problem}. Problems: "empty" (no data line), "columns" (not
// 3 values), "not_a_number" (x1 or x2), "not_finite" (NaN or infinity), "empty_label",
// "label_too_long", "too_many_rows" (max = 10000), "too_many_classes" (max = 10), "one_class".
// Blank lines are skipped; spaces around values, a UTF-8 byte-order mark, CR line ends and
// double quotes around a value are accepted.
CsvPoints parse_points_csv(std::string_view text);

// "x1,x2,label" then one line per point, the label written as its class name (regression: the
// value). Numbers in the shortest form that reads back exactly.
std::string write_points_csv(const Points& points, const std::vector<std::string>& class_names);

}  // namespace basecamp::boundary
