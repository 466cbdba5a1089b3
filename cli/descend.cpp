// `basecamp descend`: run one optimizer on one 2-D surface and print the path, as a table or
// as JSON (for scripts and the lesson notes). Bad input: one line on stderr, exit code 2.
#include <cstdio>
#include <exception>
#include <initializer_list>
#include <iostream>
#include <string>

#include "args.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "optim/descend.hpp"
#include "optim/factory.hpp"
#include "surfaces/surface.hpp"

namespace basecamp::cli {

namespace {

constexpr long kMaxSteps = 10'000'000;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::vector<OptionSpec> descend_options() {
  return {
      {"--surface", "S", joined(surfaces::surface_names())},
      {"--optimizer", "O", joined(optim::optimizer_names())},
      {"--start", "X,Y", "starting point, e.g. --start -7,2 (regression: slope,intercept)"},
      {"--steps", "N", "number of steps, 0 to " + std::to_string(kMaxSteps)},
      {"--lr", "F",
       "learning rate; torch defaults: sgd 0.001 (torch >= 2.2; older torch has no\n"
       "default), adagrad 0.01, rmsprop 0.01, adadelta 1, adam/adamw 0.001"},
      {"--momentum", "F", "sgd, rmsprop (default 0)"},
      {"--dampening", "F", "sgd (default 0)"},
      {"--nesterov", "", "sgd: Nesterov momentum (needs --momentum > 0, dampening 0)"},
      {"--alpha", "F", "rmsprop: squared-gradient smoothing (default 0.99; Keras rho 0.9)"},
      {"--rho", "F", "adadelta: running-average decay (default 0.9)"},
      {"--eps", "F",
       "adagrad 1e-10, rmsprop 1e-8, adadelta 1e-6, adam/adamw 1e-8 (defaults)"},
      {"--beta1", "F", "adam, adamw (default 0.9)"},
      {"--beta2", "F", "adam, adamw (default 0.999)"},
      {"--weight-decay", "F", "all (default 0; adamw 0.01, decoupled)"},
      {"--amsgrad", "", "adam, adamw: AMSGrad variant"},
      {"--centered", "", "rmsprop: centered variant"},
      {"--lr-decay", "F", "adagrad (default 0)"},
      {"--initial-accumulator-value", "F", "adagrad (default 0)"},
      {"--schedule", "K",
       "learning-rate schedule: constant (default), step (--step-size, --gamma),\n"
       "exponential (--gamma) or inverse_time (--decay); see optim/schedule.hpp"},
      {"--step-size", "N", "step schedule: multiply lr by gamma every N steps"},
      {"--gamma", "F", "step and exponential schedules: the factor"},
      {"--decay", "F", "inverse_time schedule: lr_t = lr / (1 + decay·t)"},
      {"--json", "",
       "print one JSON object {\"surface\", \"optimizer\", \"path\": [[x, y, f], ...]}\n"
       "(+ \"diverged_at\": t), numbers with 17 significant digits"},
      {"--help", "", "print this help"},
  };
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

optim::OptimizerSettings settings_from(const Args& a) {
  optim::OptimizerSettings s;
  s.lr = a.number("--lr");
  s.momentum = a.number("--momentum");
  s.dampening = a.number("--dampening");
  if (a.has("--nesterov")) s.nesterov = true;
  s.alpha = a.number("--alpha");
  s.rho = a.number("--rho");
  s.eps = a.number("--eps");
  s.beta1 = a.number("--beta1");
  s.beta2 = a.number("--beta2");
  s.weight_decay = a.number("--weight-decay");
  if (a.has("--amsgrad")) s.amsgrad = true;
  if (a.has("--centered")) s.centered = true;
  s.lr_decay = a.number("--lr-decay");
  s.initial_accumulator_value = a.number("--initial-accumulator-value");
  return s;
}

// The schedule the options name; a schedule option without its --schedule is an error.
optim::Schedule schedule_from(const Args& a) {
  const std::string kind = a.text("--schedule").value_or("constant");
  const auto needs = [&](const char* option) {
    if (!a.has(option)) throw UsageError("--schedule " + kind + " needs " + option);
  };
  const auto unused = [&](std::initializer_list<const char*> options) {
    for (const char* o : options)
      if (a.has(o)) throw UsageError(std::string(o) + " is not an option of --schedule " + kind);
  };
  if (kind == "constant") {
    unused({"--step-size", "--gamma", "--decay"});
    return optim::Schedule::constant();
  }
  if (kind == "step") {
    needs("--step-size");
    needs("--gamma");
    unused({"--decay"});
    return optim::Schedule::step_decay(*a.integer("--step-size", 1, kMaxSteps), *a.number("--gamma"));
  }
  if (kind == "exponential") {
    needs("--gamma");
    unused({"--step-size", "--decay"});
    return optim::Schedule::exponential(*a.number("--gamma"));
  }
  if (kind == "inverse_time") {
    needs("--decay");
    unused({"--step-size", "--gamma"});
    return optim::Schedule::inverse_time(*a.number("--decay"));
  }
  throw UsageError("--schedule must be constant, step, exponential or inverse_time, got '" + kind + "'");
}

void print_json(const std::string& surface, const std::string& optimizer,
                const optim::DescentPath& path) {
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
                 const optim::DescentPath& path) {
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
    auto opt = optim::make_optimizer<double>(optimizer_name, settings_from(args));
    const auto schedule = schedule_from(args);
    const auto path = optim::descend(surface, *opt, start->first, start->second, *steps, schedule);
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
