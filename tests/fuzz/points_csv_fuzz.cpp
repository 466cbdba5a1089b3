// libFuzzer target for the boundary lesson's CSV reader: any byte string must either parse or
// raise basecamp::Error with code parse_error. What parses must hold to the reader's promises
// (2–10 classes, ≤ 10,000 finite points, labels that are class indices) and survive the
// writer: write_points_csv then parse_points_csv gives the same points and classes.
// Built and run by scripts/fuzz.mjs (target csv) (clang++ -fsanitize=fuzzer,address,undefined).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "boundary/csv.hpp"
#include "error.hpp"

using namespace basecamp::boundary;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  CsvPoints c;
  try {
    c = parse_points_csv(text);
  } catch (const basecamp::Error& e) {
    if (e.info().code != basecamp::code::parse_error) std::abort();
    return 0;
  }
  const Points& p = c.points;
  if (c.classes < 2 || c.classes > kMaxClasses || c.class_names.size() != static_cast<std::size_t>(c.classes)) std::abort();
  if (p.size() == 0 || p.size() > kMaxCsvRows || p.x2.size() != p.size() || p.label.size() != p.size()) std::abort();
  for (std::size_t i = 0; i < p.size(); ++i) {
    if (!std::isfinite(p.x1[i]) || !std::isfinite(p.x2[i])) std::abort();
    if (p.label[i] < 0 || p.label[i] >= c.classes || p.label[i] != std::floor(p.label[i])) std::abort();
  }
  // Round trip. Class numbers may be renumbered (order of appearance), names must not change.
  const CsvPoints back = parse_points_csv(write_points_csv(p, c.class_names));
  if (back.points.x1 != p.x1 || back.points.x2 != p.x2 || back.classes != c.classes) std::abort();
  for (std::size_t i = 0; i < p.size(); ++i)
    if (back.class_names[static_cast<std::size_t>(back.points.label[i])] != c.class_names[static_cast<std::size_t>(p.label[i])])
      std::abort();
  return 0;
}
