// A tiny JSON reader for the test fixtures (tests/data/*.json) and the CLI's --json output:
// objects, arrays, numbers (read with strtod, so Python's repr floats come back exactly),
// strings with simple escapes, true/false/null. Throws std::runtime_error on malformed input.
#pragma once

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace json_lite {

struct Value {
  enum class Type { null, boolean, number, string, array, object } type = Type::null;
  bool b = false;
  double num = 0;
  std::string str;
  std::vector<Value> arr;
  std::map<std::string, Value> obj;

  const Value& operator[](const std::string& key) const {
    auto it = obj.find(key);
    if (type != Type::object || it == obj.end()) throw std::runtime_error("json: no key " + key);
    return it->second;
  }
  const Value& operator[](std::size_t i) const { return arr.at(i); }
  bool has(const std::string& key) const { return type == Type::object && obj.count(key) > 0; }
  std::size_t size() const { return type == Type::array ? arr.size() : obj.size(); }
};

class Parser {
 public:
  explicit Parser(const std::string& text) : s_(text) {}
  Value parse() {
    Value v = value();
    ws();
    if (i_ != s_.size()) fail("trailing characters");
    return v;
  }

 private:
  const std::string& s_;
  std::size_t i_ = 0;

  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("json: " + what + " at offset " + std::to_string(i_));
  }
  void ws() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t'))
      ++i_;
  }
  bool eat(char c) {
    ws();
    if (i_ < s_.size() && s_[i_] == c) {
      ++i_;
      return true;
    }
    return false;
  }
  void expect(char c) {
    if (!eat(c)) fail(std::string("expected '") + c + "'");
  }
  std::string string() {
    expect('"');
    std::string out;
    while (i_ < s_.size() && s_[i_] != '"') {
      char c = s_[i_++];
      if (c == '\\') {
        if (i_ >= s_.size()) fail("bad escape");
        char e = s_[i_++];
        switch (e) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'b': out += '\b'; break;
          case 'f': out += '\f'; break;
          case 'u': out += '?'; i_ += 4; break;  // fixtures are ASCII
          default: out += e;
        }
      } else {
        out += c;
      }
    }
    expect('"');
    return out;
  }
  Value value() {
    ws();
    if (i_ >= s_.size()) fail("unexpected end");
    Value v;
    const char c = s_[i_];
    if (c == '{') {
      v.type = Value::Type::object;
      ++i_;
      if (eat('}')) return v;
      do {
        ws();
        std::string key = string();
        expect(':');
        v.obj[key] = value();
      } while (eat(','));
      expect('}');
    } else if (c == '[') {
      v.type = Value::Type::array;
      ++i_;
      if (eat(']')) return v;
      do v.arr.push_back(value());
      while (eat(','));
      expect(']');
    } else if (c == '"') {
      v.type = Value::Type::string;
      v.str = string();
    } else if (s_.compare(i_, 4, "true") == 0) {
      v.type = Value::Type::boolean, v.b = true, i_ += 4;
    } else if (s_.compare(i_, 5, "false") == 0) {
      v.type = Value::Type::boolean, i_ += 5;
    } else if (s_.compare(i_, 4, "null") == 0) {
      i_ += 4;
    } else {
      const char* begin = s_.c_str() + i_;
      char* end = nullptr;
      v.type = Value::Type::number;
      v.num = std::strtod(begin, &end);
      if (end == begin) fail("bad value");
      i_ += static_cast<std::size_t>(end - begin);
    }
    return v;
  }
};

inline Value parse(const std::string& text) { return Parser(text).parse(); }

inline Value parse_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("json: cannot open " + path);
  std::stringstream buf;
  buf << in.rdbuf();
  return parse(buf.str());
}

}  // namespace json_lite
