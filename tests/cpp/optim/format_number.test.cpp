// format_number (optim/optimizer.hpp): the shortest text that reads back as the same double,
// for every kind of double, subnormals included (a value such as 1e-320 can come from a URL).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <limits>

#include "optim/optimizer.hpp"

using basecamp::optim::format_number;

TEST_CASE("format_number: shortest round-trip text, subnormals and extremes included", "[optim]") {
  CHECK(format_number(-1) == "-1");
  CHECK(format_number(0.001) == "0.001");
  CHECK(format_number(0.1 + 0.2) == "0.30000000000000004");
  for (double v : {1e-320, -1e-320, std::numeric_limits<double>::denorm_min(), std::numeric_limits<double>::min(),
                   std::numeric_limits<double>::max(), -std::numeric_limits<double>::max(), 1e308, 5e-324}) {
    const std::string text = format_number(v);
    CHECK(std::strtod(text.c_str(), nullptr) == v);
  }
  CHECK(format_number(std::numeric_limits<double>::infinity()) == "inf");
  CHECK(format_number(std::numeric_limits<double>::quiet_NaN()) == "nan");
}
