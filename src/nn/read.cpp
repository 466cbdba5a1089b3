#include "nn/read.hpp"

#include "autodiff/image_geometry.hpp"
#include "optim/read.hpp"

namespace basecamp::nn {

namespace {

constexpr double kMaxSeed = 9007199254740991.0;  // 2^53 - 1: exact as a JS number

int integer(const Value& v, const std::string& what, double lo, double hi) {
  return static_cast<int>(integer_of(v, "model", what, lo, hi));
}

LayerSpec layer_from(const Value& l, const std::string& where) {
  static const Value none;
  const Fields f(l.kind == Value::Kind::object ? l : none, "model");
  const std::string activation = f.has("activation") ? text_of(f["activation"], "model", where + " activation") : "linear";
  if (f.has("units")) return LayerSpec::dense(integer(f["units"], where + " units", 1, kMaxUnits), parse_activation(activation));
  if (f.has("dropout")) return LayerSpec::dropout(number_of(f["dropout"], "model", where + " dropout"));
  if (f.has("conv2d")) {
    const int filters = integer(f["conv2d"], where + " filters", 1, kMaxUnits);
    const Value k = f.has("kernel") ? f["kernel"] : Value::of(3.0);
    const bool pair = k.kind == Value::Kind::array && k.items.size() == 2;
    const int kh = integer(pair ? k.items[0] : k, where + " kernel", 1, ad::kMaxImageSide);
    const int kw = integer(pair ? k.items[1] : k, where + " kernel", 1, ad::kMaxImageSide);
    const int stride = f.has("stride") ? integer(f["stride"], where + " stride", 1, 2) : 1;
    const std::string padding = f.has("padding") ? text_of(f["padding"], "model", where + " padding") : "valid";
    return LayerSpec::conv2d(filters, kh, kw, parse_activation(activation), stride, parse_padding(padding));
  }
  if (f.has("maxpool2d")) {
    const int stride = f.has("stride") ? integer(f["stride"], where + " stride", 0, ad::kMaxImageSide) : 0;
    return LayerSpec::maxpool2d(integer(f["maxpool2d"], where + " pool", 1, ad::kMaxImageSide), stride);
  }
  if (f.has("flatten")) return LayerSpec::flatten();
  throw Error("model: " + where + " must be {units, activation}, {dropout: rate}, {conv2d: filters, kernel, "
              "activation}, {maxpool2d: pool} or {flatten: true}, got " + l.json());
}

}  // namespace

ModelSpec spec_from(const Value& v) {
  require(v.kind == Value::Kind::object, "model", "expected a spec object {inputs, layers, loss, ...}");
  const Fields f(v, "model");
  ModelSpec s;
  require(f.has("inputs"), "model", "spec needs inputs");
  s.inputs = integer(f["inputs"], "inputs", 1, kMaxInputs);
  require(f["layers"].kind == Value::Kind::array, "model", "spec needs a layers array");
  for (std::size_t i = 0; i < f["layers"].items.size(); ++i)
    s.layers.push_back(layer_from(f["layers"].items[i], "layer " + std::to_string(i + 1)));
  if (f.has("image")) {
    const Value& im = f["image"];
    require(im.kind == Value::Kind::array && im.items.size() == 3, "model",
            "image must be [height, width, channels], got " + im.json());
    s.image = {integer(im.items[0], "image height", 1, ad::kMaxImageSide),
               integer(im.items[1], "image width", 1, ad::kMaxImageSide),
               integer(im.items[2], "image channels", 1, ad::kMaxChannels)};
  }
  if (f.has("loss")) s.loss = parse_loss(f.text("loss", ""));
  if (f.has("initializer")) s.initializer = parse_initializer(f.text("initializer", ""));
  s.l1 = f.number("l1", s.l1);
  s.l2 = f.number("l2", s.l2);
  s.seed = static_cast<std::uint64_t>(f.integer("seed", 0, kMaxSeed, static_cast<long long>(s.seed)));
  validate_spec(s);
  return s;
}

FitOptions fit_options_from(const Value& v) {
  const Fields f(v, "model");
  FitOptions o;
  o.epochs = static_cast<int>(f.integer("epochs", 1, 1e6, o.epochs));
  o.batch_size = static_cast<int>(f.integer("batchSize", 1, 1e9, o.batch_size));
  o.shuffle = f.flag("shuffle", o.shuffle);
  o.validation_split = f.number("validationSplit", o.validation_split);
  if (f.has("seed")) o.seed = static_cast<std::uint64_t>(f.integer("seed", 0, kMaxSeed, 0));
  validate_fit_options(o);
  return o;
}

MnistKerasExport keras_request_from(const Value& v) {
  require(v.kind == Value::Kind::object, "keras", "expected {spec, optimizer, settings, fit, trainSize, validation}");
  const Fields f(v, "keras");
  MnistKerasExport e;
  e.spec = spec_from(f["spec"]);
  e.optimizer = f.text("optimizer", e.optimizer);
  e.settings = optim::settings_from(f["settings"]);
  static const Value none;
  const Value& fit = f["fit"].kind == Value::Kind::object ? f["fit"] : none;
  e.validation = parse_validation(f.text("validation", "test"));
  e.fit = fit_options_from(fit);
  if (e.validation == MnistKerasExport::Validation::split && !fit.find("validationSplit")) e.fit.validation_split = 0.1;
  e.train_size = static_cast<int>(f.number("trainSize", e.train_size));
  return e;
}

}  // namespace basecamp::nn
