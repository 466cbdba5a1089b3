// libFuzzer target for settings as text: any byte string must either parse as JSON (src/json.hpp)
// or raise basecamp::Error with code parse_error; what parses, read as a network spec, fit
// options, optimizer settings and a schedule (nn/read.hpp, optim/read.hpp), must give the
// reader's struct or a basecamp::Error — no other exception, no crash. What parses also writes
// back (Value::json) to text that parses again to the same shape.
// Built and run by scripts/fuzz.mjs (target settings) (clang++ -fsanitize=fuzzer,address,undefined).
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "error.hpp"
#include "json.hpp"
#include "nn/read.hpp"
#include "optim/read.hpp"

using namespace basecamp;

namespace {
bool same_shape(const Value& a, const Value& b) {
  // json() writes a number that is not finite (1e999 reads as inf) as null, as JSON.stringify.
  if (a.kind == Value::Kind::number && !std::isfinite(a.number)) return b.kind == Value::Kind::null;
  if (a.kind != b.kind || a.items.size() != b.items.size() || a.members.size() != b.members.size()) return false;
  for (std::size_t i = 0; i < a.items.size(); ++i)
    if (!same_shape(a.items[i], b.items[i])) return false;
  for (std::size_t i = 0; i < a.members.size(); ++i)
    if (!same_shape(a.members[i].second, b.members[i].second)) return false;
  return true;
}

template <class F>
void read(F&& f) {
  try {
    f();
  } catch (const Error&) {
  }
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* bytes, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(bytes), size);
  Value v;
  try {
    v = parse_json(text);
  } catch (const Error& e) {
    if (e.info().code != code::parse_error) std::abort();
    return 0;
  }
  // Strings are written without escapes: compare shapes when none holds a quote or backslash.
  if (text.find('\\') == std::string_view::npos) {
    try {
      if (!same_shape(v, parse_json(v.json()))) std::abort();
    } catch (const Error&) {
      std::abort();
    }
  }
  read([&] { nn::spec_from(v); });
  read([&] { nn::fit_options_from(v); });
  read([&] { optim::settings_from(v); });
  read([&] { optim::schedule_from(v); });
  if (const Value* spec = v.find("spec")) read([&] { nn::spec_from(*spec); });
  return 0;
}
