// Settings as they come from outside the core: a JSON-like tree (a JS object on the page, turned
// into a Value by the one generic conversion in wasm/convert.hpp). `Fields` reads an object's
// keys with the type checks every settings reader needs, so each lesson's reader (nn/read.hpp,
// boundary/read.hpp, ...) says only which key goes where; ranges and rules stay with the
// settings' own validate functions. Not a JSON library: no writer beyond error messages.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace basecamp {

struct Value {
  enum class Kind { undefined, null, boolean, number, string, array, object };
  struct Member;  // a key and its value (not a std::pair: clang with libstdc++ refuses a
                  // pair of this still incomplete type)
  Kind kind = Kind::undefined;
  bool flag = false;
  double number = 0;
  std::string text;
  std::vector<Value> items;     // an array's elements
  std::vector<Member> members;  // an object's keys, in order

  static Value of(double v);
  static Value of(bool v);
  static Value of(std::string v);

  // undefined or null: "not given" (the key keeps its default).
  bool absent() const { return kind == Kind::undefined || kind == Kind::null; }
  // The member `key` when given (not absent), else nullptr.
  const Value* find(std::string_view key) const;
  // "number", "string", "boolean", "array", "object", "null", "undefined" (as JS's typeof would
  // say, arrays and null told apart).
  std::string kind_name() const;
  // JSON-like text for messages: {"units":3}.
  std::string json() const;
};

struct Value::Member {
  Member(std::string key, Value v) : first(std::move(key)), second(std::move(v)) {}
  std::string first;
  Value second;
};

inline Value Value::of(double v) {
  Value out;
  out.kind = Kind::number;
  out.number = v;
  return out;
}
inline Value Value::of(bool v) {
  Value out;
  out.kind = Kind::boolean;
  out.flag = v;
  return out;
}
inline Value Value::of(std::string v) {
  Value out;
  out.kind = Kind::string;
  out.text = std::move(v);
  return out;
}

// A number that may be missing (NaN) as an optional: what fields() hands out for "none" (null
// on the page).
inline std::optional<double> unless_nan(double v) { return v == v ? std::optional<double>(v) : std::nullopt; }

// An element read with a type check: "<who>: <what> must be a number, got <json>".
double number_of(const Value& v, const std::string& who, const std::string& what);
std::string text_of(const Value& v, const std::string& who, const std::string& what);
// A whole number in [lo, hi]: "<who>: <what> must be an integer in [lo, hi], got x".
long long integer_of(const Value& v, const std::string& who, const std::string& what, double lo, double hi);
// An array (or typed array) of numbers: "<who>: <what> must be an array of numbers".
std::vector<double> numbers_of(const Value& v, const std::string& who, const std::string& what);

// An array of strings: "<who>: <what> must be a string, got <json>" for an element.
std::vector<std::string> texts_of(const Value& v, const std::string& who, const std::string& what);

// A seed given as a number (a JS number is exact up to 2^53): a whole number in [0, 2^53 - 1];
// out_of_range or not_integer naming `field` otherwise.
std::uint64_t seed_of(double v, const std::string& who, const std::string& field = "seed");

// An object's keys (or nothing when the Value is absent); anything else is an error naming `who`.
class Fields {
 public:
  Fields(const Value& object, std::string who);

  bool has(const char* key) const { return value_.find(key) != nullptr; }
  // The member, or an undefined Value when absent.
  const Value& operator[](const char* key) const;
  const Value& value() const { return value_; }
  const std::string& who() const { return who_; }

  double number(const char* key, double fallback) const;
  long long integer(const char* key, double lo, double hi, long long fallback) const;
  std::string text(const char* key, const std::string& fallback) const;
  bool flag(const char* key, bool fallback) const;
  // An array (or typed array) of numbers / of strings; empty when absent.
  std::vector<double> numbers(const char* key) const;
  std::vector<std::string> texts(const char* key) const;
  // Every key with a number (a boolean as 0 / 1) except `skip`: settings by name, such as an
  // optimizer's; a key holding anything else is an `invalid` error naming the key.
  std::vector<std::pair<std::string, double>> named_numbers(const char* skip = "") const;

 private:
  static const Value& checked(const Value& v, const std::string& who);
  const Value& value_;
  std::string who_;
};

}  // namespace basecamp
