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

// Throws Error("<where>: <what>") when `ok` is false. A template so that string literals are
// turned into std::string only on failure: checks run inside every op of every training step.
template <class Where, class What>
inline void require(bool ok, const Where& where, const What& what) {
  if (!ok) throw Error(std::string(where) + ": " + std::string(what));
}

}  // namespace basecamp
