// A short way to make the ErrorInfo of a boundary check: code and field, the rest filled later.
#pragma once

#include <string>

#include "error.hpp"

namespace basecamp::boundary {

inline ErrorInfo error_info(const char* code, std::string field) {
  ErrorInfo e;
  e.code = code;
  e.field = std::move(field);
  return e;
}

}  // namespace basecamp::boundary
