// The CLI's argument parser (cli/args.cpp is not part of basecamp_core, so it is compiled
// into this test directly). The whole `descend` command is exercised by descend_cli.sh.
#include <catch2/catch.hpp>

#include "../../../cli/args.cpp"

using basecamp::cli::Args;
using basecamp::cli::OptionSpec;
using basecamp::cli::UsageError;

namespace {
const std::vector<OptionSpec> kSpecs{
    {"--start", "X,Y", "start"}, {"--steps", "N", "steps"}, {"--lr", "F", "lr"},
    {"--json", "", "json"},      {"--help", "", "help"}};

Args parse(std::vector<std::string> words) {
  std::vector<char*> argv;
  for (auto& w : words) argv.push_back(w.data());
  return Args(static_cast<int>(argv.size()), argv.data(), kSpecs);
}
}  // namespace

TEST_CASE("Args reads options, flags and typed values", "[cli]") {
  const Args a = parse({"--start", "-7,2", "--steps=10", "--json", "--lr", "1e-3"});
  CHECK(a.has("--json"));
  CHECK_FALSE(a.has("--help"));
  CHECK(a.pair("--start") == std::make_pair(-7.0, 2.0));
  CHECK(a.integer("--steps", 0, 100) == 10L);
  CHECK(a.number("--lr") == 1e-3);
  CHECK_FALSE(parse({}).number("--lr").has_value());
  CHECK(parse({"-h"}).has("--help"));
  CHECK_THAT(a.help(), Catch::Contains("--start X,Y") && Catch::Contains("-h, --help"));
}

TEST_CASE("Args names the bad option and text", "[cli]") {
  CHECK_THROWS_WITH(parse({"--rate", "1"}), "unknown option '--rate' (see --help)");
  CHECK_THROWS_WITH(parse({"--lr"}), "option --lr needs a value (--lr F)");
  CHECK_THROWS_WITH(parse({"--lr", "--json"}), "option --lr needs a value (--lr F)");
  CHECK_THROWS_WITH(parse({"--json=1"}), "option --json takes no value, got '1'");
  CHECK_THROWS_WITH(parse({"--lr", "1", "--lr", "2"}), "option --lr given twice");
  CHECK_THROWS_WITH(parse({"x"}), "unexpected argument 'x' (options start with --)");
  CHECK_THROWS_WITH(parse({"--lr", "1e"}).number("--lr"), "--lr expects a number, got '1e'");
  CHECK_THROWS_WITH(parse({"--steps", "3.0"}).integer("--steps", 0, 9),
                    "--steps expects a whole number, got '3.0'");
  CHECK_THROWS_WITH(parse({"--steps", "-3"}).integer("--steps", 0, 9),
                    "--steps must be between 0 and 9, got -3");
  CHECK_THROWS_WITH(parse({"--start", "1;2"}).pair("--start"),
                    "--start expects two numbers X,Y, got '1;2'");
  CHECK_THROWS_AS(parse({}).required("--lr"), UsageError);
}
