// JSON text → Value (value.hpp): the same settings as the page's objects, written as text (the
// tests' inputs, a file). Strict JSON (RFC 8259) with \uXXXX escapes for the Basic Multilingual
// Plane; depth limited to 64. parse_error naming the character offset otherwise.
#pragma once

#include <string_view>

#include "value.hpp"

namespace basecamp {

Value parse_json(std::string_view text);

}  // namespace basecamp
