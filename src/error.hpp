// The core's error type. Every message names the operation and the offending shapes or values,
// so that a learner (through the page) and a developer (through a test) read the same sentence.
#pragma once

#include <stdexcept>
#include <string>

namespace basecamp {

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws Error("<where>: <what>") when `ok` is false.
inline void require(bool ok, const std::string& where, const std::string& what) {
  if (!ok) throw Error(where + ": " + what);
}

}  // namespace basecamp
