// Shared by the boundary tests: the error-field matcher.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "error.hpp"

namespace boundary_test {

// Runs f, which must throw basecamp::Error with this code, field and text (text "" = any).
template <class F>
basecamp::ErrorInfo expect_error(F&& f, const std::string& code, const std::string& field,
                                 const std::string& text = "") {
  try {
    f();
  } catch (const basecamp::Error& e) {
    INFO(e.what());
    CHECK(e.info().code == code);
    CHECK(e.info().field == field);
    if (!text.empty()) CHECK(e.info().text == text);
    return e.info();
  }
  FAIL("no error thrown (expected " << code << " " << field << " " << text << ")");
  return {};
}

}  // namespace boundary_test
