// `basecamp descend`: run one optimizer on one 2-D surface and print the path, as a table or
// as JSON (for scripts and the lesson notes). Bad input: one line on stderr, exit code 2.
#include <algorithm>
#include <cstdio>
#include <map>
#include <exception>
#include <iostream>
#include <string>

#include "args.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "descent/descend.hpp"
#include "optim/catalogue.hpp"
#include "optim/factory.hpp"
#include "optimizer_options.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::cli {

namespace {

constexpr long kMaxSteps = 10'000'000;

// The schedules' parameters (--step-size, --gamma, --decay), from the catalogue.
std::vector<OptionSpec> schedule_options() {
  std::vector<OptionSpec> out;
  std::string kinds;
  for (const auto& s : optim::schedule_catalogue()) {
    kinds += (kinds.empty() ? "" : ", ") + s.name;
    for (const auto& p : s.parameters) {
      const auto option = option_of(p.name);
      auto it = std::find_if(out.begin(), out.end(), [&](const OptionSpec& o) { return o.name == option; });
      if (it == out.end()) out.push_back({option, p.integer ? "N" : "F", "schedule " + s.name});
      else it->help += ", " + s.name;
    }
  }
  out.insert(out.begin(), {"--schedule", "K",
                           "learning-rate schedule: " + kinds + " (default constant);\nsee optim/schedule.hpp"});
  return out;
}

std::vector<OptionSpec> descend_options() {
  std::vector<OptionSpec> options{
      {"--surface", "S", join_names(surfaces::surface_names())},
      {"--optimizer", "O", join_names(optim::optimizer_names())},
      {"--start", "X,Y", "starting point, e.g. --start -7,2 (regression: slope,intercept)"},
      {"--steps", "N", "number of steps, 0 to " + std::to_string(kMaxSteps)},
  };
  for (auto& o : hyperparameter_options()) options.push_back(std::move(o));
  for (auto& o : schedule_options()) options.push_back(std::move(o));
  options.push_back({"--json", "",
                     "print one JSON object {\"surface\", \"optimizer\", \"path\": [[x, y, f], ...]}\n"
                     "(+ \"diverged_at\": t), numbers with 17 significant digits"});
  options.push_back({"--help", "", "print this help"});
  return options;
}

std::string usage(const Args& args) {
  return "usage: basecamp descend --surface S --optimizer O --start X,Y --steps N [options]\n"
         "\n"
         "Runs a torch.optim optimizer (same update rules, names and defaults) on a 2-D surface\n"
         "and prints its path: the start and one row (x, y, f) per step. Unset hyperparameters\n"
         "take torch's defaults. If the values stop being finite, the path ends at the last\n"
         "finite point and the step is reported as diverged_at.\n"
         "\n"
         "options:\n" +
         args.help() +
         "\n"
         "example: basecamp descend --surface bowl --optimizer sgd --lr 0.1 --start -7,2 --steps 50\n";
}

// The schedule the options name; a schedule option without its --schedule is an error.
optim::Schedule schedule_from(const Args& a) {
  const std::string kind = a.text("--schedule").value_or("constant");
  const optim::ScheduleInfo* info = nullptr;
  for (const auto& s : optim::schedule_catalogue()) info = s.name == kind ? &s : info;
  if (!info) {
    std::string kinds;
    for (const auto& s : optim::schedule_catalogue()) kinds += (kinds.empty() ? "" : ", ") + s.name;
    throw UsageError("--schedule must be one of " + kinds + ", got '" + kind + "'");
  }
  std::map<std::string, double> values;
  for (const auto& s : optim::schedule_catalogue())
    for (const auto& p : s.parameters) {
      const auto option = option_of(p.name);
      if (!a.has(option) || values.count(p.name)) continue;
      const bool mine = std::any_of(info->parameters.begin(), info->parameters.end(),
                                    [&](const optim::SettingInfo& q) { return q.name == p.name; });
      if (!mine) throw UsageError(option + " is not an option of --schedule " + kind);
      values[p.name] = p.integer ? static_cast<double>(*a.integer(option, 1, kMaxSteps)) : *a.number(option);
    }
  for (const auto& p : info->parameters)
    if (!values.count(p.name)) throw UsageError("--schedule " + kind + " needs " + option_of(p.name));
  return optim::Schedule::named(kind, values);
}

void print_json(const std::string& surface, const std::string& optimizer,
                const descent::DescentPath& path) {
  // Names come from the registries (plain ASCII, no quotes), so they need no escaping.
  std::printf("{\"surface\": \"%s\", \"optimizer\": \"%s\", \"path\": [", surface.c_str(),
              optimizer.c_str());
  for (std::size_t i = 0; i < path.rows.size(); ++i) {
    const auto& r = path.rows[i];
    std::printf("%s[%.17g, %.17g, %.17g]", i ? ", " : "", r[0], r[1], r[2]);
  }
  std::printf("]");
  if (path.diverged_at) std::printf(", \"diverged_at\": %ld", *path.diverged_at);
  std::printf("}\n");
}

void print_table(const surfaces::Surface& surface, const optim::Optimizer<double>& opt,
                 const descent::DescentPath& path) {
  std::printf("# %s on %s (f = %s), lr %s\n", opt.name().c_str(), surface.name.c_str(),
              surface.formula.c_str(), optim::format_number(opt.initial_lr).c_str());
  std::printf("%8s  %22s  %22s  %22s\n", "step", "x", "y", "f");
  for (std::size_t t = 0; t < path.rows.size(); ++t) {
    const auto& r = path.rows[t];
    std::printf("%8zu  %22.15g  %22.15g  %22.15g\n", t, r[0], r[1], r[2]);
  }
  if (path.diverged_at)
    std::printf("# diverged at step %ld: x, y or f stopped being finite\n", *path.diverged_at);
}

}  // namespace

int descend_main(int argc, char** argv) {
  try {
    const Args args(argc, argv, descend_options());
    if (args.has("--help")) {
      std::cout << usage(args);
      return 0;
    }
    const std::string surface_name = args.required("--surface");
    const std::string optimizer_name = args.required("--optimizer");
    const auto& surface = surfaces::find_surface(surface_name);
    const auto start = args.pair("--start");
    if (!start) throw UsageError("missing required option --start (see --help)");
    const auto steps = args.integer("--steps", 0, kMaxSteps);
    if (!steps) throw UsageError("missing required option --steps (see --help)");
    auto opt = optim::make_optimizer<double>(optimizer_name, optimizer_settings_from(args));
    const auto schedule = schedule_from(args);
    const auto path = descent::descend(surface, *opt, start->first, start->second, *steps, schedule);
    if (args.has("--json")) {
      print_json(surface_name, optimizer_name, path);
    } else {
      print_table(surface, *opt, path);
    }
    std::fflush(stdout);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "basecamp descend: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace basecamp::cli
