// Networks as seen from JS: a spec object → nn::ModelSpec, typed arrays → tensors or byte data
// sets (copied once, with TypedArray.set), and a Network that owns a model, its optimizer, its
// data and a resumable trainer. Conversion and dispatch only; every number comes from src/nn.
//   spec: {inputs: 784, layers: [{units: 512, activation: 'relu'}, {dropout: 0.2}, ...],
//          loss: 'categorical_crossentropy', initializer: 'glorot_uniform', l1, l2, seed}
//   image models: image: [height, width, channels] and layers {conv2d: filters, kernel: 3 or
//          [kh, kw], stride, padding: 'valid'|'same', activation}, {maxpool2d: pool, stride},
//          {flatten: true}
#pragma once

#include <emscripten/val.h>

#include <cmath>
#include <memory>
#include <optional>
#include <string>

#include "convert.hpp"
#include "descent.hpp"  // settings_from_js
#include "nn.hpp"
#include "nn/keras.hpp"

namespace basecamp::wasm {

namespace nnjs {


inline std::string json(const val& v) { return val::global("JSON").call<std::string>("stringify", v); }

// A finite JS number that is an integer in [lo, hi].
inline long long integer(const val& v, const std::string& what, double lo, double hi) {
  require(v.typeOf().as<std::string>() == "number", "model", what + " must be a number, got " + json(v));
  const double d = v.as<double>();
  require(std::isfinite(d) && d == std::floor(d) && d >= lo && d <= hi, "model",
          what + " must be an integer in [" + std::to_string(static_cast<long long>(lo)) + ", " +
              std::to_string(static_cast<long long>(hi)) +
              "], got " + optim::format_number(d));
  return static_cast<long long>(d);
}

inline std::string text(const val& v, const std::string& what) {
  require(v.typeOf().as<std::string>() == "string", "model", what + " must be a string, got " + json(v));
  return v.as<std::string>();
}

inline double number(const val& v, const std::string& what) {
  require(v.typeOf().as<std::string>() == "number", "model", what + " must be a number, got " + json(v));
  return v.as<double>();
}

inline nn::ModelSpec spec_from_js(const val& js) {
  require(js.typeOf().as<std::string>() == "object" && !js.isNull(), "model",
          "expected a spec object {inputs, layers, loss, ...}");
  nn::ModelSpec s;
  require(has(js, "inputs"), "model", "spec needs inputs");
  s.inputs = static_cast<int>(integer(js["inputs"], "inputs", 1, nn::kMaxInputs));
  require(has(js, "layers") && js["layers"].isArray(), "model", "spec needs a layers array");
  const int count = js["layers"]["length"].as<int>();
  for (int i = 0; i < count; ++i) {
    const val l = js["layers"][i];
    const std::string where = "layer " + std::to_string(i + 1);
    if (l.typeOf().as<std::string>() == "object" && !l.isNull() && has(l, "units")) {
      const int units = static_cast<int>(integer(l["units"], where + " units", 1, nn::kMaxUnits));
      const std::string act = has(l, "activation") ? text(l["activation"], where + " activation") : "linear";
      s.layers.push_back(nn::LayerSpec::dense(units, nn::parse_activation(act)));
    } else if (l.typeOf().as<std::string>() == "object" && !l.isNull() && has(l, "dropout")) {
      s.layers.push_back(nn::LayerSpec::dropout(number(l["dropout"], where + " dropout")));
    } else if (l.typeOf().as<std::string>() == "object" && !l.isNull() && has(l, "conv2d")) {
      const int filters = static_cast<int>(integer(l["conv2d"], where + " filters", 1, nn::kMaxUnits));
      const val k = has(l, "kernel") ? l["kernel"] : val(3);
      const bool pair = k.isArray() && k["length"].as<int>() == 2;
      const int kh = static_cast<int>(integer(pair ? k[0] : k, where + " kernel", 1, ad::kMaxImageSide));
      const int kw = static_cast<int>(integer(pair ? k[1] : k, where + " kernel", 1, ad::kMaxImageSide));
      const std::string act = has(l, "activation") ? text(l["activation"], where + " activation") : "linear";
      const int stride = has(l, "stride") ? static_cast<int>(integer(l["stride"], where + " stride", 1, 2)) : 1;
      const std::string padding = has(l, "padding") ? text(l["padding"], where + " padding") : "valid";
      s.layers.push_back(nn::LayerSpec::conv2d(filters, kh, kw, nn::parse_activation(act), stride, nn::parse_padding(padding)));
    } else if (l.typeOf().as<std::string>() == "object" && !l.isNull() && has(l, "maxpool2d")) {
      const int pool = static_cast<int>(integer(l["maxpool2d"], where + " pool", 1, ad::kMaxImageSide));
      const int stride = has(l, "stride") ? static_cast<int>(integer(l["stride"], where + " stride", 0, ad::kMaxImageSide)) : 0;
      s.layers.push_back(nn::LayerSpec::maxpool2d(pool, stride));
    } else if (l.typeOf().as<std::string>() == "object" && !l.isNull() && has(l, "flatten")) {
      s.layers.push_back(nn::LayerSpec::flatten());
    } else {
      throw Error("model: " + where + " must be {units, activation}, {dropout: rate}, {conv2d: filters, kernel, "
                  "activation}, {maxpool2d: pool} or {flatten: true}, got " + json(l));
    }
  }
  if (has(js, "image")) {
    const val im = js["image"];
    require(im.isArray() && im["length"].as<int>() == 3, "model", "image must be [height, width, channels], got " + json(im));
    s.image = {static_cast<int>(integer(im[0], "image height", 1, ad::kMaxImageSide)),
               static_cast<int>(integer(im[1], "image width", 1, ad::kMaxImageSide)),
               static_cast<int>(integer(im[2], "image channels", 1, ad::kMaxChannels))};
  }
  if (has(js, "loss")) s.loss = nn::parse_loss(text(js["loss"], "loss"));
  if (has(js, "initializer")) s.initializer = nn::parse_initializer(text(js["initializer"], "initializer"));
  if (has(js, "l1")) s.l1 = number(js["l1"], "l1");
  if (has(js, "l2")) s.l2 = number(js["l2"], "l2");
  if (has(js, "seed")) s.seed = static_cast<std::uint64_t>(integer(js["seed"], "seed", 0, 9007199254740991.0));
  nn::validate_spec(s);
  return s;
}

// {epochs, batchSize, shuffle, validationSplit, seed}; absent keys keep Keras's defaults.
inline nn::FitOptions fit_options_from_js(const val& js) {
  nn::FitOptions o;
  if (js.isUndefined() || js.isNull()) return o;
  if (has(js, "epochs")) o.epochs = static_cast<int>(integer(js["epochs"], "epochs", 1, 1e6));
  if (has(js, "batchSize")) o.batch_size = static_cast<int>(integer(js["batchSize"], "batchSize", 1, 1e9));
  if (has(js, "shuffle")) o.shuffle = js["shuffle"].as<bool>();
  if (has(js, "validationSplit")) o.validation_split = number(js["validationSplit"], "validationSplit");
  if (has(js, "seed")) o.seed = static_cast<std::uint64_t>(integer(js["seed"], "seed", 0, 9007199254740991.0));
  nn::validate_fit_options(o);
  return o;
}

// An array's `length`, checked against what rows x cols needs.
inline std::size_t checked_length(const val& array, std::size_t expected, const std::string& what) {
  require(array.typeOf().as<std::string>() == "object" && !array.isNull() &&
              array["length"].typeOf().as<std::string>() == "number",
          "data", what + " must be a typed array, got " + array.typeOf().as<std::string>());
  const std::size_t n = array["length"].as<std::size_t>();
  require(n == expected, "data",
          what + " has " + std::to_string(n) + " values, expected " + std::to_string(expected));
  return n;
}

// rows x cols floats from any numeric array (Float32Array in practice), one bulk copy.
inline Tensor<float> floats_from_js(const val& array, int rows, int cols, const std::string& what) {
  require(rows >= 1 && cols >= 1, "data",
          what + ": rows and cols must be >= 1, got " + std::to_string(rows) + "x" + std::to_string(cols));
  Tensor<float> t(rows, cols);
  checked_length(array, static_cast<std::size_t>(t.size()), what);
  val(emscripten::typed_memory_view(static_cast<std::size_t>(t.size()), t.data())).call<void>("set", array);
  return t;
}

inline std::vector<std::uint8_t> bytes_from_js(const val& array, std::size_t expected, const std::string& what) {
  const bool object = array.typeOf().as<std::string>() == "object" && !array.isNull();
  const std::string type = object ? array["constructor"]["name"].as<std::string>() : array.typeOf().as<std::string>();
  require(type == "Uint8Array" || type == "Uint8ClampedArray", "data", what + " must be a Uint8Array, got " + type);
  std::vector<std::uint8_t> out(checked_length(array, expected, what));
  val(emscripten::typed_memory_view(out.size(), out.data())).call<void>("set", array);
  return out;
}

inline nn::Dataset<float> floats_dataset(const val& x, int rows, int cols, const val& y, int y_cols) {
  return nn::Dataset<float>::from_tensors(floats_from_js(x, rows, cols, "x"), floats_from_js(y, rows, y_cols, "y"));
}

inline nn::Dataset<float> bytes_dataset(const val& pixels, int rows, int cols, const val& labels, int classes) {
  require(rows >= 1 && cols >= 1, "data",
          "rows and cols must be >= 1, got " + std::to_string(rows) + "x" + std::to_string(cols));
  return nn::Dataset<float>::from_bytes(
      bytes_from_js(pixels, static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols), "pixels"), rows, cols,
      bytes_from_js(labels, static_cast<std::size_t>(rows), "labels"), classes);
}


inline val number_or_null(double v) { return std::isnan(v) ? val::null() : val(v); }

inline val epoch_to_js(const nn::EpochLog& e) {
  return object("epoch", e.epoch, "loss", e.loss, "metric", number_or_null(e.metric),
                "valLoss", e.has_validation ? val(e.val_loss) : val::null(),
                "valMetric", e.has_validation ? number_or_null(e.val_metric) : val::null());
}

}  // namespace nnjs

// {parameters, weightBytes, gradBytes, optimizerBytes, activationBytes, totalBytes}
inline val model_memory(const val& spec, int batch_size, const std::string& optimizer, const val& settings) {
  const nn::ModelSpec s = nnjs::spec_from_js(spec);
  const nn::MemoryEstimate m =
      nn::estimate_memory(s, batch_size, nn::optimizer_state_slots(optimizer, settings_from_js(settings)));
  return object("parameters", static_cast<double>(m.parameters), "weightBytes", m.weight_bytes,
                "gradBytes", m.grad_bytes, "optimizerBytes", m.optimizer_bytes,
                "activationBytes", m.activation_bytes, "totalBytes", m.total_bytes);
}

// "Export as Keras" (nn/keras.hpp) for the request the MNIST page sends its worker:
// {spec, optimizer, settings, fit: {epochs, batchSize, shuffle, seed, validationSplit},
//  trainSize, validation: 'test'|'split'|'none'} → the Python text. 'split' holds out
// fit.validationSplit, else 0.1 (the worker's).
inline std::string mnist_keras(const val& request) {
  require(request.typeOf().as<std::string>() == "object" && !request.isNull(), "keras",
          "expected {spec, optimizer, settings, fit, trainSize, validation}");
  nn::MnistKerasExport e;
  e.spec = nnjs::spec_from_js(request["spec"]);
  if (has(request, "optimizer")) e.optimizer = nnjs::text(request["optimizer"], "optimizer");
  if (has(request, "settings")) e.settings = settings_from_js(request["settings"]);
  const bool with_fit = has(request, "fit") && request["fit"].typeOf().as<std::string>() == "object" && !request["fit"].isNull();
  const val fit = with_fit ? request["fit"] : val::undefined();
  e.validation = nn::parse_validation(has(request, "validation") ? nnjs::text(request["validation"], "validation") : "test");
  e.fit = nnjs::fit_options_from_js(fit);
  if (e.validation == nn::MnistKerasExport::Validation::split && !(with_fit && has(fit, "validationSplit"))) e.fit.validation_split = 0.1;
  if (has(request, "trainSize")) e.train_size = static_cast<int>(nnjs::number(request["trainSize"], "trainSize"));
  return nn::mnist_keras_code(e);
}

// nn::Network (a model with its optimizer, data and resumable trainer) for a lesson's worker:
// JS values in, plain objects and typed-array copies out.
class Network : public Fallible {
 public:
  Network(const val& spec, const std::string& optimizer, const val& settings) {
    attempt([&] { net_ = std::make_unique<nn::Network>(nnjs::spec_from_js(spec), optimizer, settings_from_js(settings)); });
  }

  void set_training_data(const val& x, int rows, int cols, const val& y, int y_cols) {
    net().set_training(nnjs::floats_dataset(x, rows, cols, y, y_cols));
  }
  void set_training_bytes(const val& pixels, int rows, int cols, const val& labels, int classes) {
    net().set_training(nnjs::bytes_dataset(pixels, rows, cols, labels, classes));
  }
  void set_validation_data(const val& x, int rows, int cols, const val& y, int y_cols) {
    net().set_validation(nnjs::floats_dataset(x, rows, cols, y, y_cols));
  }
  void set_validation_bytes(const val& pixels, int rows, int cols, const val& labels, int classes) {
    net().set_validation(nnjs::bytes_dataset(pixels, rows, cols, labels, classes));
  }
  void clear_data() { net().clear_data(); }
  void start_fit(const val& options) { net().start_fit(nnjs::fit_options_from_js(options)); }

  // Up to n batches (never past an epoch's end) →
  // {epoch, batch, batchesPerEpoch, batchLoss, loss, metric, samplesSeen, done, epochEnd: log|null}
  val run_batches(int n) {
    nn::Trainer<float>& trainer = net().trainer();
    return batch_to_js(trainer, trainer.run_batches(n));
  }
  // One batch, as run_batches(1), with its per-layer signals (nn/signals.hpp) measured on the
  // first probeRows training rows: the same object plus signals: [{layer, kind, activation,
  // weightNorm, gradNorm, updateRatio, deadFraction (null: not ReLU), min, max, mean, std,
  // histogram: Float64Array}].
  val run_batch_with_signals(int probe_rows) {
    const std::vector<nn::LayerSignals> signals = net().run_batch_with_signals(probe_rows);
    nn::Trainer<float>& trainer = net().trainer();
    val out = batch_to_js(trainer, !trainer.finished());
    val list = val::array();
    for (const nn::LayerSignals& s : signals) {
      list.call<void>("push", object(
          "layer", s.layer, "kind", std::string(s.kind == nn::LayerSpec::Kind::conv2d ? "conv2d" : "dense"),
          "activation", nn::name_of(s.activation), "weightNorm", s.weight_norm, "gradNorm", s.grad_norm,
          "updateRatio", nnjs::number_or_null(s.update_ratio), "deadFraction", nnjs::number_or_null(s.dead_fraction),
          "min", s.activation_min, "max", s.activation_max, "mean", s.activation_mean, "std", s.activation_std,
          "histogram", typed_copy(s.histogram.data(), s.histogram.size())));
    }
    out.set("signals", list);
    return out;
  }

  void stop() {
    if (net().fitting()) net().trainer().stop();
  }

  val history() const {
    val out = val::array();
    if (const auto* trainer = net().trainer_if_any())
      for (const auto& e : trainer->history()) out.call<void>("push", nnjs::epoch_to_js(e));
    return out;
  }

  val evaluate(const val& x, int rows, int cols, const val& y, int y_cols) {
    return evaluation_to_js(model().evaluate(nnjs::floats_dataset(x, rows, cols, y, y_cols)));
  }
  val evaluate_bytes(const val& pixels, int rows, int cols, const val& labels, int classes) {
    return evaluation_to_js(model().evaluate(nnjs::bytes_dataset(pixels, rows, cols, labels, classes)));
  }

  // rows x outputs probabilities (or values), row-major, as a Float32Array copy.
  val predict(const val& x, int rows, int cols) {
    const Tensor<float> p = model().predict(nnjs::floats_from_js(x, rows, cols, "x"));
    return typed_copy(p.data(), static_cast<std::size_t>(p.size()));
  }
  val predict_bytes(const val& pixels, int rows, int cols) {
    const int outputs = nn::output_size(model().spec());
    // Labels are not needed to predict: zeros keep the byte data set well-formed.
    const auto data = nn::Dataset<float>::from_bytes(
        nnjs::bytes_from_js(pixels, static_cast<std::size_t>(rows) * static_cast<std::size_t>(std::max(cols, 0)), "pixels"),
        rows, cols, std::vector<std::uint8_t>(static_cast<std::size_t>(std::max(rows, 0)), 0), outputs);
    const Tensor<float> p = model().predict(data);
    return typed_copy(p.data(), static_cast<std::size_t>(p.size()));
  }

  // For one image (bytes, cols of them): every Conv2D and MaxPooling2D layer's output, as
  // [{layer (index in the spec), kind, height, width, channels, data: Float32Array}], channels-last.
  val feature_maps(const val& pixels, int cols) {
    const auto data = nn::Dataset<float>::from_bytes(nnjs::bytes_from_js(pixels, static_cast<std::size_t>(std::max(cols, 0)), "pixels"),
                                                     1, cols, std::vector<std::uint8_t>(1, 0), nn::output_size(model().spec()));
    Tensor<float> x(1, cols), y;
    const std::size_t row = 0;
    data.gather_x(std::span<const std::size_t>(&row, 1), x);
    const std::vector<Tensor<float>> outputs = model().layer_outputs(x);
    const std::vector<nn::LayerShape> shapes = nn::layer_shapes(model().spec());
    val maps = val::array();
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      const auto kind = model().spec().layers[i].kind;
      if (kind != nn::LayerSpec::Kind::conv2d && kind != nn::LayerSpec::Kind::maxpool2d) continue;
      const nn::ImageShape& im = shapes[i + 1].image;
      maps.call<void>("push", object("layer", static_cast<int>(i), "kind", std::string(kind == nn::LayerSpec::Kind::conv2d ? "conv2d" : "maxpool2d"),
                                     "height", im.height, "width", im.width, "channels", im.channels,
                                     "data", typed_copy(outputs[i].data(), static_cast<std::size_t>(outputs[i].size()))));
    }
    return maps;
  }

  // Dense layer i's kernel as {rows: fan_in, cols: units, data: Float32Array} (a copy), and bias.
  val weights(int layer) const {
    const Tensor<float>& w = model().kernel(layer).value;
    return object("rows", static_cast<int>(w.rows()), "cols", static_cast<int>(w.cols()),
                  "data", typed_copy(w.data(), static_cast<std::size_t>(w.size())));
  }
  val bias(int layer) const {
    const Tensor<float>& b = model().bias(layer).value;
    return typed_copy(b.data(), static_cast<std::size_t>(b.size()));
  }

  val save() const {
    const std::vector<std::uint8_t> bytes = nn::save_weights(model());
    return typed_copy(bytes);
  }
  void load(const val& bytes) {
    const bool ok = bytes.typeOf().as<std::string>() == "object" && !bytes.isNull();
    require(ok, "load", "expected the saved bytes (a Uint8Array)");
    const std::vector<std::uint8_t> data = nnjs::bytes_from_js(bytes, bytes["length"].as<std::size_t>(), "weights file");
    nn::load_weights(model(), data);
  }

  double parameter_count() const { return static_cast<double>(model().parameter_count()); }
  int dense_count() const { return model().dense_count(); }
  std::string summary() const { return nn::describe(model().spec()); }
  double lr() const { return net().optimizer().lr; }
  void set_lr(double lr) { net().optimizer().set_lr(lr); }
  // The optimizer's momentum where it keeps one (SGD, RMSprop made with momentum > 0), else null.
  val momentum() const {
    const auto m = net().optimizer().momentum();
    return m ? val(*m) : val::null();
  }
  void set_momentum(double momentum) { net().optimizer().set_momentum(momentum); }

 private:
  static val batch_to_js(const nn::Trainer<float>& trainer, bool more) {
    const nn::BatchLog& b = trainer.last_batch();
    return object("epoch", b.epoch, "batch", b.batch, "batchesPerEpoch", b.batches_per_epoch,
                  "batchLoss", b.batch_loss, "loss", b.loss,
                  "metric", nnjs::number_or_null(b.metric),
                  "samplesSeen", static_cast<double>(b.samples_seen), "done", !more,
                  "epochEnd", trainer.epoch_ended() ? nnjs::epoch_to_js(trainer.history().back()) : val::null());
  }
  static val evaluation_to_js(const nn::Evaluation& e) {
    return object("loss", e.loss, "accuracy", nnjs::number_or_null(e.metric));
  }
  nn::Network& net() const {
    require_built(net_ != nullptr, "model");
    return *net_;
  }
  nn::Model<float>& model() const { return net().model(); }

  std::unique_ptr<nn::Network> net_;
};

}  // namespace basecamp::wasm
