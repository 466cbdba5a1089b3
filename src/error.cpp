#include "error.hpp"

#include <cstdlib>
#include <sstream>

namespace basecamp {

const std::vector<std::string>& error_codes() {
  static const std::vector<std::string> codes{
      code::invalid, code::out_of_range, code::not_finite, code::not_integer, code::unknown_name,
      code::not_a_setting, code::shape_mismatch, code::empty, code::too_large,
      code::malformed_file, code::parse_error, code::out_of_memory, code::busy,
      code::nesterov_needs_momentum, code::loss_needs_output, code::last_layer_dense,
      code::dense_needs_flatten, code::needs_image_input,
      code::sum_too_large, code::all_equal, code::missing};
  return codes;
}

std::string format_number(double v) {
  if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
  // Whole numbers in full ("30", not "3e+01"), up to where doubles stop being exact integers.
  if (v == std::floor(v) && std::abs(v) < 1e15) return std::to_string(static_cast<long long>(v));
  for (int precision = 1; precision <= 17; ++precision) {
    std::ostringstream out;
    out.precision(precision);
    out << v;
    // strtod, not stod: stod throws on a subnormal such as 1e-320 (a value from a URL).
    if (!std::isfinite(v) || std::strtod(out.str().c_str(), nullptr) == v) return out.str();
  }
  return std::to_string(v);
}

std::string join_names(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::string Range::describe() const {
  const auto number = format_number;
  if (std::isinf(max) && !std::isinf(min))
    return std::string("a finite number ") + (min_open ? "> " : ">= ") + number(min);
  if (std::isinf(min) && !std::isinf(max))
    return std::string("a finite number ") + (max_open ? "< " : "<= ") + number(max);
  if (std::isinf(min) && std::isinf(max)) return "a finite number";
  return std::string("in ") + (min_open ? "(" : "[") + number(min) + ", " + number(max) +
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
  throw Error(who + ": " + field + " must be " + range.describe() + ", got " + format_number(value),
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

void throw_unknown_name(const std::string& who, const std::string& field, const std::string& name,
                        const std::vector<std::string>& valid) {
  throw_unknown_name(who, field, name, join_names(valid));
}

void throw_error(const char* code_, const std::string& who, const std::string& field,
                 const std::string& what, double value, const std::string& text) {
  ErrorInfo info;
  info.code = code_;
  info.field = field;
  info.value = value;
  info.text = text;
  throw Error(who + ": " + what, std::move(info));
}

}  // namespace basecamp
