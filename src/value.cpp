#include "value.hpp"

#include <cmath>

#include "error.hpp"

namespace basecamp {

const Value* Value::find(std::string_view key) const {
  for (const auto& [name, member] : members)
    if (name == key) return member.absent() ? nullptr : &member;
  return nullptr;
}

std::string Value::kind_name() const {
  switch (kind) {
    case Kind::undefined: return "undefined";
    case Kind::null: return "null";
    case Kind::boolean: return "boolean";
    case Kind::number: return "number";
    case Kind::string: return "string";
    case Kind::array: return "array";
    case Kind::object: return "object";
  }
  return "undefined";
}

std::string Value::json() const {
  switch (kind) {
    case Kind::undefined: return "undefined";
    case Kind::null: return "null";
    case Kind::boolean: return flag ? "true" : "false";
    case Kind::number: return std::isfinite(number) ? format_number(number) : "null";
    case Kind::string: return "\"" + text + "\"";
    case Kind::array: {
      std::string out = "[";
      for (const auto& item : items) out += (out.size() > 1 ? "," : "") + item.json();
      return out + "]";
    }
    case Kind::object: {
      std::string out = "{";
      for (const auto& [name, member] : members) {
        if (member.kind == Kind::undefined) continue;
        out += (out.size() > 1 ? ",\"" : "\"") + name + "\":" + member.json();
      }
      return out + "}";
    }
  }
  return "";
}

double number_of(const Value& v, const std::string& who, const std::string& what) {
  require(v.kind == Value::Kind::number, who, what + " must be a number, got " + v.json());
  return v.number;
}

std::string text_of(const Value& v, const std::string& who, const std::string& what) {
  require(v.kind == Value::Kind::string, who, what + " must be a string, got " + v.json());
  return v.text;
}

long long integer_of(const Value& v, const std::string& who, const std::string& what, double lo, double hi) {
  const double d = number_of(v, who, what);
  require(std::isfinite(d) && d == std::floor(d) && d >= lo && d <= hi, who,
          what + " must be an integer in [" + format_number(lo) + ", " + format_number(hi) + "], got " +
              format_number(d));
  return static_cast<long long>(d);
}

std::uint64_t seed_of(double v, const std::string& who, const std::string& field) {
  require_in_range(v, limits::count(0, 9007199254740991.0), who, field);
  require_code(v == std::floor(v), code::not_integer, who, field,
               [&] { return field + " must be a whole number, got " + format_number(v); }, v);
  return static_cast<std::uint64_t>(v);
}

const Value& Fields::checked(const Value& v, const std::string& who) {
  require(v.absent() || v.kind == Value::Kind::object, who, "expected an object, got " + v.json());
  return v;
}

Fields::Fields(const Value& object, std::string who) : value_(checked(object, who)), who_(std::move(who)) {}

const Value& Fields::operator[](const char* key) const {
  static const Value undefined;
  const Value* v = value_.find(key);
  return v ? *v : undefined;
}

double Fields::number(const char* key, double fallback) const {
  return has(key) ? number_of((*this)[key], who_, key) : fallback;
}

long long Fields::integer(const char* key, double lo, double hi, long long fallback) const {
  return has(key) ? integer_of((*this)[key], who_, key, lo, hi) : fallback;
}

std::string Fields::text(const char* key, const std::string& fallback) const {
  return has(key) ? text_of((*this)[key], who_, key) : fallback;
}

bool Fields::flag(const char* key, bool fallback) const {
  if (!has(key)) return fallback;
  const Value& v = (*this)[key];
  require(v.kind == Value::Kind::boolean, who_, std::string(key) + " must be true or false, got " + v.json());
  return v.flag;
}

std::vector<double> numbers_of(const Value& v, const std::string& who, const std::string& what) {
  require(v.kind == Value::Kind::array, who, what + " must be an array of numbers");
  std::vector<double> out;
  out.reserve(v.items.size());
  for (const auto& item : v.items) {
    require(item.kind == Value::Kind::number, who, what + " must be an array of numbers");
    out.push_back(item.number);
  }
  return out;
}

std::vector<double> Fields::numbers(const char* key) const {
  return has(key) ? numbers_of((*this)[key], who_, key) : std::vector<double>{};
}

std::vector<std::string> texts_of(const Value& v, const std::string& who, const std::string& what) {
  require(v.kind == Value::Kind::array, who, what + " must be an array of names");
  std::vector<std::string> out;
  for (const auto& item : v.items) out.push_back(text_of(item, who, what));
  return out;
}

std::vector<std::string> Fields::texts(const char* key) const {
  return has(key) ? texts_of((*this)[key], who_, key) : std::vector<std::string>{};
}

std::vector<std::pair<std::string, double>> Fields::named_numbers(const char* skip) const {
  std::vector<std::pair<std::string, double>> out;
  for (const auto& [key, v] : value_.members) {
    if (key == skip || v.kind == Value::Kind::undefined) continue;
    if (v.kind == Value::Kind::number) out.emplace_back(key, v.number);
    else if (v.kind == Value::Kind::boolean) out.emplace_back(key, v.flag ? 1.0 : 0.0);
    else throw_error(code::invalid, who_, key, key + " must be a number, got a " + v.kind_name());
  }
  return out;
}

}  // namespace basecamp
