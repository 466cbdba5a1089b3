// Argument parsing for the `basecamp` subcommands (see args.hpp).
#include "args.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <sstream>

namespace basecamp::cli {

namespace {
// Quote a user's text for an error message, keeping it on one line.
std::string quoted(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += (c == '\n' || c == '\r') ? ' ' : c;
  return out + "'";
}
}  // namespace

Args::Args(int argc, char** argv, std::vector<OptionSpec> specs) : specs_(std::move(specs)) {
  for (int i = 0; i < argc; ++i) {
    std::string word = argv[i];
    if (word == "-h") word = "--help";
    std::optional<std::string> inline_value;
    if (word.rfind("--", 0) == 0) {
      const auto eq = word.find('=');
      if (eq != std::string::npos) {
        inline_value = word.substr(eq + 1);
        word = word.substr(0, eq);
      }
    } else {
      throw UsageError("unexpected argument " + quoted(word) + " (options start with --)");
    }
    const OptionSpec* spec = nullptr;
    for (const auto& s : specs_)
      if (s.name == word) spec = &s;
    if (spec == nullptr) throw UsageError("unknown option " + quoted(word) + " (see --help)");
    if (values_.count(word)) throw UsageError("option " + word + " given twice");
    if (spec->metavar.empty()) {
      if (inline_value) throw UsageError("option " + word + " takes no value, got " + quoted(*inline_value));
      values_[word] = "";
    } else if (inline_value) {
      values_[word] = *inline_value;
    } else {
      // A following word that starts with "--" is the next option, not a value ("-7,2" is a value).
      if (i + 1 >= argc || std::string(argv[i + 1]).rfind("--", 0) == 0)
        throw UsageError("option " + word + " needs a value (" + word + " " + spec->metavar + ")");
      values_[word] = argv[++i];
    }
  }
}

std::optional<std::string> Args::text(const std::string& name) const {
  const auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::required(const std::string& name) const {
  const auto t = text(name);
  if (!t) throw UsageError("missing required option " + name + " (see --help)");
  return *t;
}

std::optional<double> Args::number(const std::string& name) const {
  const auto t = text(name);
  if (!t) return std::nullopt;
  return parse_number(name, *t);
}

std::optional<long> Args::integer(const std::string& name, long min, long max) const {
  const auto t = text(name);
  if (!t) return std::nullopt;
  const long v = parse_integer(name, *t);
  if (v < min || v > max)
    throw UsageError(name + " must be between " + std::to_string(min) + " and " +
                     std::to_string(max) + ", got " + *t);
  return v;
}

std::optional<std::pair<double, double>> Args::pair(const std::string& name) const {
  const auto t = text(name);
  if (!t) return std::nullopt;
  const auto comma = t->find(',');
  if (comma == std::string::npos || t->find(',', comma + 1) != std::string::npos)
    throw UsageError(name + " expects two numbers X,Y, got " + quoted(*t));
  return std::make_pair(parse_number(name, t->substr(0, comma)),
                        parse_number(name, t->substr(comma + 1)));
}

std::string Args::help() const {
  std::size_t width = 10;  // "-h, --help"
  for (const auto& s : specs_) width = std::max(width, s.name.size() + 1 + s.metavar.size());
  std::ostringstream out;
  for (const auto& s : specs_) {
    std::string left = s.name + (s.metavar.empty() ? "" : " " + s.metavar);
    if (s.name == "--help") left = "-h, --help";
    out << "  " << left << std::string(width + 4 - left.size(), ' ');
    for (char c : s.help) {  // continuation lines start under the first
      out << c;
      if (c == '\n') out << std::string(width + 6, ' ');
    }
    out << "\n";
  }
  return out.str();
}

double parse_number(const std::string& what, const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(begin, &end);
  if (text.empty() || end != begin + text.size() || text.find_first_of(" \t") != std::string::npos)
    throw UsageError(what + " expects a number, got " + quoted(text));
  if (errno == ERANGE && (v > 1 || v < -1)) throw UsageError(what + ": number out of range, got " + quoted(text));
  return v;
}

long parse_integer(const std::string& what, const std::string& text) {
  const char* begin = text.c_str();
  char* end = nullptr;
  errno = 0;
  const long v = std::strtol(begin, &end, 10);
  if (text.empty() || end != begin + text.size() || text.find_first_of(" \t") != std::string::npos)
    throw UsageError(what + " expects a whole number, got " + quoted(text));
  if (errno == ERANGE) throw UsageError(what + ": number out of range, got " + quoted(text));
  return v;
}

}  // namespace basecamp::cli
