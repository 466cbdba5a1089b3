// `basecamp boundary`: the boundary lesson's lab on the command line. Generates a data set (or
// reads a CSV of x1,x2,label), builds the network from the flags, trains it epoch by epoch and
// reports the losses and accuracies, or prints the Keras script of the setup (--keras). The
// same core class as the page (boundary::Lab): the same flags and seed give the page's numbers.
// Bad input: one line on stderr, exit 2.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "args.hpp"
#include "optimizer_options.hpp"
#include "boundary/csv.hpp"
#include "boundary/datasets.hpp"
#include "boundary/keras.hpp"
#include "boundary/lab.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "optim/factory.hpp"

namespace basecamp::cli {

namespace {

using namespace basecamp::boundary;

std::string joined(const std::vector<std::string>& names, const char* sep = ", ") {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : sep) + n;
  return out;
}

std::vector<OptionSpec> boundary_options() {
  std::vector<OptionSpec> options{
      {"--data", "D", joined(dataset_names(), "|") + "\nor a FILE.csv of x1,x2,label (default circle)"},
      {"--noise", "F", "0 to 0.5 (default 0)"},
      {"--points", "N", "points generated, training and test together, 10 to 10000 (default 500)"},
      {"--test-ratio", "F", "fraction held out for testing, 0 to 0.9 (default 0.5)"},
      {"--features", "LIST", joined(feature_names(), ",") + " (default x1,x2)"},
      {"--hidden", "U,U", "units per hidden layer, 1 to 32 each, at most 10 layers;\n"
                          "'none' for no hidden layer (default 4,2)"},
      {"--activation", "A", "linear|relu|tanh|sigmoid, one for all hidden layers or one per\n"
                            "layer, e.g. relu,tanh (default tanh)"},
      {"--init", "I", joined(nn::initializer_names(), "|") + " (default glorot_uniform)"},
      {"--l1", "F", "L1 penalty on the kernels (default 0)"},
      {"--l2", "F", "L2 penalty on the kernels (default 0)"},
      {"--dropout", "F", "dropout rate after every hidden layer, 0 to 0.9 (default 0)"},
      {"--optimizer", "O", joined(optim::optimizer_names()) + " (default sgd)"},
      {"--lr", "F", "learning rate (default 0.03)"},
      {"--batch-size", "B", "points per step, 1 to 10000 (default 10)"},
      {"--epochs", "N", "passes over the training points, 1 to 100000 (default 100)"},
      {"--seed", "S", "data, split, weights, shuffles and dropout (default 1)"},
      {"--keras", "", "print the Keras script of this setup instead of training"},
      {"--json", "", "end with one JSON line {\"train_loss\", \"test_loss\", \"test_accuracy\",\n"
                     "\"epochs\"} on stdout; the other lines go to stderr"},
      {"--help", "", "print this help"},
  };
  // The optimizers' own hyperparameters, from the catalogue, right after --lr.
  auto lr = std::find_if(options.begin(), options.end(), [](const OptionSpec& o) { return o.name == "--lr"; });
  const auto hyper = hyperparameter_options(/*with_lr=*/false);
  options.insert(lr + 1, hyper.begin(), hyper.end());
  return options;
}

std::string usage(const Args& args) {
  return "usage: basecamp boundary [options]\n"
         "\n"
         "Trains a small network to separate 2-D points, as the boundary lesson does: an\n"
         "epoch is every training point once in shuffled batches. Two classes: sigmoid\n"
         "output, binary cross-entropy; more: softmax, categorical cross-entropy; plane and\n"
         "multigauss: linear output, mean squared error. Losses include the L1/L2 penalty.\n"
         "\n"
         "options:\n" +
         args.help() + "\nexample: basecamp boundary --data spiral --features x1,x2,sinx1,sinx2 --hidden 8,8 --epochs 200\n";
}

// The CSV reader's problems in English (the page words them from its own strings).
std::string csv_problem(const ErrorInfo& e) {
  static const std::map<std::string, std::string> words{
      {"empty", "no data lines"},
      {"columns", "expected 3 values x1,x2,label"},
      {"not_a_number", "x1 or x2 is not a number"},
      {"not_finite", "x1 or x2 is NaN or infinite"},
      {"empty_label", "the label is empty"},
      {"label_too_long", "the label is longer than 64 characters"},
      {"too_many_rows", "more than 10000 points"},
      {"too_many_classes", "more than 10 classes"},
      {"one_class", "all points have the same label (at least 2 classes are needed)"},
  };
  const auto w = words.find(e.text);
  const std::string what = w == words.end() ? e.text : w->second;
  return e.field == "line" ? "line " + std::to_string(static_cast<long>(e.value)) + ": " + what : what;
}

DataSet load_data(const Args& a) {
  const std::string name = a.text("--data").value_or("circle");
  const double ratio = a.number("--test-ratio").value_or(0.5);
  const std::uint64_t seed = static_cast<std::uint64_t>(a.integer("--seed", 0, LONG_MAX).value_or(1));
  const bool file = name.size() > 4 && name.substr(name.size() - 4) == ".csv";
  if (!file) {
    DataSpec s;
    s.name = name;
    s.points = static_cast<int>(a.integer("--points", 10, static_cast<long>(kMaxPoints)).value_or(500));
    s.noise = a.number("--noise").value_or(0.0);
    s.test_ratio = ratio;
    s.seed = seed;
    return make_dataset(s);
  }
  if (a.has("--points") || a.has("--noise")) throw UsageError("--points and --noise are for generated data, not " + name);
  std::ifstream in(name, std::ios::binary);
  if (!in) throw UsageError("--data: cannot open '" + name + "'");
  std::ostringstream text;
  text << in.rdbuf();
  try {
    CsvPoints c = parse_points_csv(text.str());
    return split(c.points, ratio, seed, c.classes, c.class_names);
  } catch (const Error& e) {
    if (e.info().code != code::parse_error) throw;
    throw UsageError(name + ": " + csv_problem(e.info()));
  }
}

std::vector<int> parse_hidden(const std::string& text) {
  std::vector<int> units;
  if (text == "none") return units;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    const std::string piece = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (piece.empty()) throw UsageError("--hidden expects unit counts like 4,2 (or none), got '" + text + "'");
    const long u = parse_integer("--hidden", piece);
    if (u < 1 || u > kMaxUnits) throw UsageError("--hidden: each layer needs 1 to " + std::to_string(kMaxUnits) + " units, got " + piece);
    units.push_back(static_cast<int>(u));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return units;
}

LabSettings settings_from(const Args& a) {
  LabSettings s;
  if (const auto f = a.text("--features")) s.features = parse_feature_list(*f);
  if (const auto h = a.text("--hidden")) s.hidden = parse_hidden(*h);
  if (const auto act = a.text("--activation")) {
    std::vector<nn::Activation> acts;
    std::size_t start = 0;
    while (start <= act->size()) {
      const std::size_t comma = std::min(act->find(',', start), act->size());
      acts.push_back(nn::parse_activation(act->substr(start, comma - start)));
      start = comma + 1;
    }
    if (acts.size() == 1) s.activation = acts[0];
    else if (acts.size() != s.hidden.size())
      throw UsageError("--activation: " + std::to_string(acts.size()) + " activations for " +
                       std::to_string(s.hidden.size()) + " hidden layers");
    else s.activations = acts;
  }
  if (const auto i = a.text("--init")) s.initializer = nn::parse_initializer(*i);
  s.l1 = a.number("--l1").value_or(0.0);
  s.l2 = a.number("--l2").value_or(0.0);
  s.dropout = a.number("--dropout").value_or(0.0);
  s.optimizer = a.text("--optimizer").value_or("sgd");
  s.lr = a.number("--lr").value_or(0.03);
  s.optimizer_settings = optimizer_settings_from(a, /*with_lr=*/false);
  s.batch_size = static_cast<int>(a.integer("--batch-size", 1, static_cast<long>(kMaxPoints)).value_or(10));
  s.seed = static_cast<std::uint64_t>(a.integer("--seed", 0, LONG_MAX).value_or(1));
  validate_lab_settings(s);
  return s;
}

std::string json_number(double v) {
  if (!std::isfinite(v)) return "null";
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", v);
  return buf;
}

}  // namespace

int boundary_main(int argc, char** argv) {
  try {
    const Args args(argc, argv, boundary_options());
    if (args.has("--help")) {
      std::cout << usage(args);
      return 0;
    }
    const bool json = args.has("--json");
    std::FILE* human = json ? stderr : stdout;
    const LabSettings settings = settings_from(args);
    const int epochs = static_cast<int>(args.integer("--epochs", 1, 100000).value_or(100));
    const DataSet data = load_data(args);
    if (args.has("--keras")) {
      KerasExport e;
      e.settings = settings;
      e.classes = data.classes;
      e.class_names = data.class_names;
      e.epochs = epochs;
      e.test_ratio = args.number("--test-ratio").value_or(0.5);
      std::cout << keras_code(e);
      return 0;
    }
    Lab lab(data, settings);
    std::fprintf(human, "# %s; %s lr %s, batch %d; %zu training and %zu test points\n",
                 nn::describe(lab.spec()).c_str(), settings.optimizer.c_str(),
                 optim::format_number(settings.lr).c_str(), settings.batch_size, data.train.size(), data.test.size());
    const int report = std::max(1, epochs / 10);
    for (int done = 0; done < epochs;) {
      const int n = std::min(report, epochs - done);
      lab.step(n);
      done += n;
      const EpochRecord& r = lab.current();
      std::fprintf(human, "epoch %d: train_loss %.4f, test_loss %.4f", r.epoch, r.train_loss, r.test_loss);
      if (!data.regression()) std::fprintf(human, ", train_accuracy %.4f, test_accuracy %.4f", r.train_accuracy, r.test_accuracy);
      std::fprintf(human, "\n");
    }
    std::fflush(human);
    if (json) {
      const EpochRecord& r = lab.current();
      std::printf("{\"train_loss\": %s, \"test_loss\": %s, \"test_accuracy\": %s, \"epochs\": %d}\n",
                  json_number(r.train_loss).c_str(), json_number(r.test_loss).c_str(),
                  json_number(r.test_accuracy).c_str(), r.epoch);
    }
    std::fflush(stdout);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "basecamp boundary: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace basecamp::cli
