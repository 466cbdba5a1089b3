#include "error.hpp"

#include <sstream>

namespace basecamp {

namespace {
std::string number(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  std::ostringstream out;
  out << v;
  return out.str();
}
}  // namespace

std::string Range::describe() const {
  return std::string(min_open ? "(" : "[") + number(min) + ", " + number(max) +
         (max_open ? ")" : "]");
}

void require_in_range(double value, const Range& range, const std::string& who,
                      const std::string& field) {
  if (range.contains(value)) return;
  ErrorInfo info;
  info.code = std::isfinite(value) ? code::out_of_range : code::not_finite;
  info.field = field;
  info.value = value;
  // Unbounded ends travel as NaN ("no limit"), so the page never prints an infinity.
  info.min = std::isinf(range.min) ? std::numeric_limits<double>::quiet_NaN() : range.min;
  info.max = std::isinf(range.max) ? std::numeric_limits<double>::quiet_NaN() : range.max;
  info.min_open = range.min_open;
  info.max_open = range.max_open;
  info.text = who;
  throw Error(who + ": " + field + " must be in " + range.describe() + ", got " + number(value),
              std::move(info));
}

void throw_unknown_name(const std::string& who, const std::string& field, const std::string& name,
                        const std::string& valid_list) {
  ErrorInfo info;
  info.code = code::unknown_name;
  info.field = field;
  info.text = name;
  throw Error(who + ": unknown " + field + " '" + name + "' (valid: " + valid_list + ")",
              std::move(info));
}

}  // namespace basecamp
