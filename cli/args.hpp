// A small command-line parser for the `basecamp` subcommands: a table of options (flags and
// options with a value), `--name value` or `--name=value`, and strict number parsing. Every
// mistake is a UsageError whose one-line message names the option and the bad text; the
// subcommand prints it and exits 2. Shared by `descend` and later `mnist`.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace basecamp::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct OptionSpec {
  std::string name;     // with the dashes: "--lr"
  std::string metavar;  // "F" for an option with a value; empty for a flag
  std::string help;     // "\n" starts a continuation line, indented by help()
};

class Args {
 public:
  // Parses argv[0..argc) (the words after the subcommand). "-h" means "--help". Throws
  // UsageError for an unknown option, a missing value, a repeated option or a positional word.
  Args(int argc, char** argv, std::vector<OptionSpec> specs);

  bool has(const std::string& name) const { return values_.count(name) > 0; }
  std::optional<std::string> text(const std::string& name) const;
  // The value, or UsageError("missing required option --name").
  std::string required(const std::string& name) const;

  // Typed values, empty when the option is absent; UsageError naming the option otherwise.
  std::optional<double> number(const std::string& name) const;
  std::optional<long> integer(const std::string& name, long min, long max) const;
  std::optional<std::pair<double, double>> pair(const std::string& name) const;  // "X,Y"

  // The aligned option list for --help.
  std::string help() const;

 private:
  std::vector<OptionSpec> specs_;
  std::map<std::string, std::string> values_;  // flags map to ""
};

// Strict parsers, usable on their own: the whole text must be the number.
// `what` names the source in the message, e.g. "--lr".
double parse_number(const std::string& what, const std::string& text);
long parse_integer(const std::string& what, const std::string& text);

}  // namespace basecamp::cli
