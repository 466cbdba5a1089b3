// Golden-file checks for the Catch2 tests (the Keras exporters): `text` must equal the file at
// `path` byte for byte. BASECAMP_UPDATE_GOLDEN=1 in the environment rewrites the file first
// (then review the diff before committing it).
#pragma once

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

inline void check_golden_file(const std::string& path, const std::string& text) {
  if (std::getenv("BASECAMP_UPDATE_GOLDEN")) std::ofstream(path, std::ios::binary) << text;
  std::ifstream in(path, std::ios::binary);
  INFO("golden file " << path);
  REQUIRE(in.good());
  std::ostringstream want;
  want << in.rdbuf();
  CHECK(text == want.str());
}
