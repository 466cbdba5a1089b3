// The core's error type. Every error carries a stable code, the field it is about, the offending
// value and the limits that were broken (ErrorInfo), so the page can say it in the learner's
// language from its own strings; what() keeps an English sentence for the CLI and the tests.
#pragma once

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace basecamp {

// The codes an error can carry. Stable: the page's strings are keyed by them.
namespace code {
inline constexpr const char* invalid = "invalid";                 // a check with no finer code
inline constexpr const char* out_of_range = "out_of_range";       // value outside [min, max]
inline constexpr const char* not_finite = "not_finite";           // NaN or ±infinity
inline constexpr const char* not_integer = "not_integer";         // a count that is fractional
inline constexpr const char* unknown_name = "unknown_name";       // a name not in a list (text)
inline constexpr const char* not_a_setting = "not_a_setting";     // a setting the thing lacks
inline constexpr const char* shape_mismatch = "shape_mismatch";   // sizes that do not fit
inline constexpr const char* empty = "empty";                     // nothing where something is needed
inline constexpr const char* too_large = "too_large";             // over a memory or size limit
inline constexpr const char* malformed_file = "malformed_file";   // a file that does not parse
inline constexpr const char* parse_error = "parse_error";         // text that does not parse
inline constexpr const char* out_of_memory = "out_of_memory";     // the allocator said no
inline constexpr const char* busy = "busy";                       // a state that refuses the call
// Rules between settings (field: the setting that breaks it; text: a name it is about).
inline constexpr const char* nesterov_needs_momentum = "nesterov_needs_momentum";  // momentum > 0, dampening 0
inline constexpr const char* loss_needs_output = "loss_needs_output";  // field: loss, text: the activation it needs
inline constexpr const char* last_layer_dense = "last_layer_dense";    // the output layer is a Dropout
inline constexpr const char* dense_needs_flatten = "dense_needs_flatten";  // a Dense after a Conv2D/MaxPool2D, no Flatten
inline constexpr const char* needs_image_input = "needs_image_input";  // a Conv2D/MaxPool2D on a flat input
inline constexpr const char* sum_too_large = "sum_too_large";          // fractions adding up to more than max
inline constexpr const char* missing = "missing";                      // a setting that must be given
inline constexpr const char* all_equal = "all_equal";                  // values that must differ (x of a line fit)
}  // namespace code

// Every code above, for the page's test that each has a string in both languages.
const std::vector<std::string>& error_codes();

struct ErrorInfo {
  std::string code = code::invalid;
  std::string field;  // the setting or input it is about ("beta1", "batch_size", "line 4"…)
  double value = std::numeric_limits<double>::quiet_NaN();
  double min = std::numeric_limits<double>::quiet_NaN();  // NaN: no lower limit
  double max = std::numeric_limits<double>::quiet_NaN();  // NaN: no upper limit
  bool min_open = false;  // true: value must be > min (not >=)
  bool max_open = false;  // true: value must be < max (not <=)
  std::string text;       // a name or a detail that is data, not a sentence ("adamx", "line 7")
};

class Error : public std::runtime_error {
 public:
  // A plain message: code "invalid", no field.
  explicit Error(const std::string& message) : std::runtime_error(message) {}
  Error(const std::string& message, ErrorInfo info)
      : std::runtime_error(message), info_(std::move(info)) {}

  const ErrorInfo& info() const { return info_; }

 private:
  ErrorInfo info_;
};

// Shortest text that reads back as the same double: "-1", "0.001", "nan", "inf".
std::string format_number(double v);

// Throws Error("<where>: <what>") when `ok` is false. A template so that string literals are
// turned into std::string only on failure: checks run inside every op of every training step.
template <class Where, class What>
inline void require(bool ok, const Where& where, const What& what) {
  if (!ok) throw Error(std::string(where) + ": " + std::string(what));
}

// The same with a code and fields for the page; `info` is built only on failure.
template <class Where, class What, class MakeInfo>
inline void require(bool ok, const Where& where, const What& what, MakeInfo&& make_info) {
  if (!ok) throw Error(std::string(where) + ": " + std::string(what), make_info());
}

// Interval limits of a numeric setting: [min, max], each end closed or open, NaN = unbounded.
struct Range {
  double min = -std::numeric_limits<double>::infinity();
  double max = std::numeric_limits<double>::infinity();
  bool min_open = false;
  bool max_open = false;

  bool contains(double v) const {
    if (!std::isfinite(v)) return false;
    const bool above = min_open ? v > min : v >= min;
    const bool below = max_open ? v < max : v <= max;
    return above && below;
  }
  // "in [0, 1)", "a finite number > 0": the English form of the limits.
  std::string describe() const;
};

// Common limits.
namespace limits {
inline constexpr double inf = std::numeric_limits<double>::infinity();
inline constexpr Range positive{0, inf, true, false};      // (0, inf)
inline constexpr Range non_negative{0, inf, false, false}; // [0, inf)
inline constexpr Range unit_open{0, 1, false, true};       // [0, 1)
inline constexpr Range unit_closed{0, 1, false, false};    // [0, 1]
inline constexpr Range flag{0, 1, false, false};           // a yes/no setting as 0 or 1
// [lo, hi] for a count.
constexpr Range count(double lo, double hi = inf) { return Range{lo, hi, false, false}; }
}  // namespace limits

// Throws out_of_range (or not_finite) for `field` of `who` when `value` is not in `range`.
void require_in_range(double value, const Range& range, const std::string& who,
                      const std::string& field);

// Throws unknown_name for `name`, listing `valid` in the English text.
[[noreturn]] void throw_unknown_name(const std::string& who, const std::string& field,
                                     const std::string& name, const std::string& valid_list);
[[noreturn]] void throw_unknown_name(const std::string& who, const std::string& field,
                                     const std::string& name, const std::vector<std::string>& valid);

// Throws `code` about `field` with an English message "<who>: <what>"; `value` and `text` as
// ErrorInfo has them (NaN / empty when they do not apply).
[[noreturn]] void throw_error(const char* code, const std::string& who, const std::string& field,
                              const std::string& what, double value = std::numeric_limits<double>::quiet_NaN(),
                              const std::string& text = "");

// The same when `ok` is false; `what` is built only on failure (a callable returning the text).
template <class What>
inline void require_code(bool ok, const char* code, const std::string& who, const std::string& field,
                         What&& what, double value = std::numeric_limits<double>::quiet_NaN()) {
  if (!ok) throw_error(code, who, field, what(), value);
}

// Joins names with ", " (the English lists of valid names).
std::string join_names(const std::vector<std::string>& names);

}  // namespace basecamp
