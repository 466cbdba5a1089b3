// The weights file: writer and checked reader (format in weights_file.hpp).
#include "nn/weights_file.hpp"

#include <algorithm>
#include <cstring>
#include <cmath>
#include <limits>
#include <string>

#include "error.hpp"

namespace basecamp::nn {

namespace {

// Every problem with a file is `malformed_file` about the field "file" (the page says the file
// cannot be used; the English text says why).
template <class What>
void require_file(bool ok, const char* who, const What& what) {
  if (!ok) throw_error(code::malformed_file, who, "file", std::string(what));
}

constexpr std::uint8_t kMagic[4] = {'B', 'C', 'N', 'N'};

// std::bit_cast is missing from emscripten 3.1.6's libc++.
std::uint32_t bits_of(float f) {
  std::uint32_t u = 0;
  std::memcpy(&u, &f, 4);
  return u;
}
float float_of(std::uint32_t u) {
  float f = 0;
  std::memcpy(&f, &u, 4);
  return f;
}

std::uint32_t fnv1a(std::span<const std::uint8_t> bytes) {
  std::uint32_t h = 2166136261u;
  for (std::uint8_t b : bytes) h = (h ^ b) * 16777619u;
  return h;
}

struct Writer {
  std::vector<std::uint8_t> out;
  void u8(std::uint8_t v) { out.push_back(v); }
  void u32(std::uint32_t v) {
    for (int k = 0; k < 4; ++k) out.push_back(static_cast<std::uint8_t>(v >> (8 * k)));
  }
  void f32(float v) { u32(bits_of(v)); }
};

struct Reader {
  std::span<const std::uint8_t> in;
  std::size_t at = 0;
  void need(std::size_t n, const char* what) {
    require_file(n <= in.size() - at, "load",
            std::string("file is truncated (") + what + " at byte " + std::to_string(at) + " of " +
                std::to_string(in.size()) + ")");
  }
  std::uint8_t u8(const char* what) {
    need(1, what);
    return in[at++];
  }
  std::uint32_t u32(const char* what) {
    need(4, what);
    std::uint32_t v = 0;
    for (int k = 0; k < 4; ++k) v |= static_cast<std::uint32_t>(in[at++]) << (8 * k);
    return v;
  }
};

// The architecture as stored: what must match for the weights to fit.
struct Arch {
  std::uint32_t inputs = 0, height = 0, width = 0, channels = 0;
  std::vector<std::uint8_t> kinds, activations, strides, paddings;
  std::vector<std::uint32_t> units, kernel_h, kernel_w;
  std::uint8_t loss = 0;
  bool operator==(const Arch&) const = default;
};

Arch arch_of(const ModelSpec& s) {
  Arch a;
  a.inputs = static_cast<std::uint32_t>(s.inputs);
  if (s.image_input()) {
    a.height = static_cast<std::uint32_t>(s.image.height);
    a.width = static_cast<std::uint32_t>(s.image.width);
    a.channels = static_cast<std::uint32_t>(s.image.channels);
  }
  using K = LayerSpec::Kind;
  for (const LayerSpec& l : s.layers) {
    a.kinds.push_back(static_cast<std::uint8_t>(l.kind));
    a.activations.push_back(l.has_weights() ? static_cast<std::uint8_t>(l.activation) : 0);
    const int stride = l.kind == K::conv2d ? l.stride : l.kind == K::maxpool2d ? (l.stride ? l.stride : l.pool) : 0;
    a.strides.push_back(static_cast<std::uint8_t>(stride));
    a.paddings.push_back(l.kind == K::conv2d ? static_cast<std::uint8_t>(l.padding) : 0);
    const int units = l.kind == K::dense ? l.units : l.kind == K::conv2d ? l.filters : l.kind == K::maxpool2d ? l.pool : 0;
    a.units.push_back(static_cast<std::uint32_t>(units));
    a.kernel_h.push_back(l.kind == K::conv2d ? static_cast<std::uint32_t>(l.kernel_h) : 0);
    a.kernel_w.push_back(l.kind == K::conv2d ? static_cast<std::uint32_t>(l.kernel_w) : 0);
  }
  a.loss = static_cast<std::uint8_t>(s.loss);
  return a;
}

std::string describe(const Arch& a) {
  std::string s = a.height ? std::to_string(a.height) + "x" + std::to_string(a.width) + "x" + std::to_string(a.channels)
                           : std::to_string(a.inputs);
  const auto activation = [&](std::size_t i) {
    return a.activations[i] < activation_names().size() ? activation_names()[a.activations[i]]
                                                         : "activation #" + std::to_string(a.activations[i]);
  };
  for (std::size_t i = 0; i < a.kinds.size(); ++i) {
    switch (static_cast<LayerSpec::Kind>(a.kinds[i])) {
      case LayerSpec::Kind::dense: s += " → dense " + std::to_string(a.units[i]) + " " + activation(i); break;
      case LayerSpec::Kind::dropout: s += " → dropout"; break;
      case LayerSpec::Kind::flatten: s += " → flatten"; break;
      case LayerSpec::Kind::maxpool2d:
        s += " → maxpool2d " + std::to_string(a.units[i]);
        if (a.strides[i] != a.units[i]) s += " stride " + std::to_string(a.strides[i]);
        break;
      case LayerSpec::Kind::conv2d:
        s += " → conv2d " + std::to_string(a.units[i]) + " " + std::to_string(a.kernel_h[i]) + "x" +
             std::to_string(a.kernel_w[i]);
        if (a.strides[i] != 1) s += " stride " + std::to_string(a.strides[i]);
        if (a.paddings[i] != 0)
          s += " " + (a.paddings[i] < padding_names().size() ? padding_names()[a.paddings[i]] : "padding #" + std::to_string(a.paddings[i]));
        s += " " + activation(i);
        break;
    }
  }
  s += "; ";
  s += a.loss < loss_names().size() ? loss_names()[a.loss] : "loss #" + std::to_string(a.loss);
  return s;
}

}  // namespace

template <class T>
std::vector<std::uint8_t> save_weights(const Model<T>& model) {
  Writer w;
  for (std::uint8_t b : kMagic) w.u8(b);
  w.u32(kWeightsVersion);
  const Arch a = arch_of(model.spec());
  w.u32(a.inputs);
  w.u32(a.height);
  w.u32(a.width);
  w.u32(a.channels);
  w.u32(static_cast<std::uint32_t>(a.kinds.size()));
  for (std::size_t i = 0; i < a.kinds.size(); ++i) {
    w.u8(a.kinds[i]);
    w.u8(a.activations[i]);
    w.u8(a.strides[i]);
    w.u8(a.paddings[i]);
    w.u32(a.units[i]);
    w.u32(a.kernel_h[i]);
    w.u32(a.kernel_w[i]);
  }
  w.u8(a.loss);
  w.u32(static_cast<std::uint32_t>(2 * model.dense_count()));
  for (int i = 0; i < model.dense_count(); ++i) {
    for (const Param<T>* p : {&model.kernel(i), &model.bias(i)}) {
      w.u32(static_cast<std::uint32_t>(p->value.rows()));
      w.u32(static_cast<std::uint32_t>(p->value.cols()));
      for (Eigen::Index k = 0; k < p->value.size(); ++k) w.f32(static_cast<float>(p->value.data()[k]));
    }
  }
  w.u32(fnv1a(w.out));
  return std::move(w.out);
}

template <class T>
void load_weights(Model<T>& model, std::span<const std::uint8_t> bytes) {
  require_file(bytes.size() >= 8, "load", "not a Basecamp weights file (only " + std::to_string(bytes.size()) + " bytes)");
  require_file(std::equal(kMagic, kMagic + 4, bytes.begin()), "load", "not a Basecamp weights file (bad magic)");
  Reader r{bytes};
  r.at = 4;
  const std::uint32_t version = r.u32("version");
  require_file(version >= kOldestWeightsVersion && version <= kWeightsVersion, "load",
          "unsupported version " + std::to_string(version) + " (this build reads versions " +
              std::to_string(kOldestWeightsVersion) + " to " + std::to_string(kWeightsVersion) + ")");
  require_file(bytes.size() >= 12, "load", "file is truncated (header)");
  // The last 4 bytes are the hash: the structure is parsed from the bytes before them, so a cut
  // file reads as "truncated", an appended one as "trailing bytes", a flipped bit as "checksum".
  const std::size_t body = bytes.size() - 4;
  r.in = bytes.first(body);

  Arch a;
  a.inputs = r.u32("inputs");
  if (version >= 2) {
    a.height = r.u32("height");
    a.width = r.u32("width");
    a.channels = r.u32("channels");
  }
  const std::uint32_t layers = r.u32("layer count");
  require_file(layers >= 1 && layers <= static_cast<std::uint32_t>(kMaxLayers), "load",
          "bad layer count " + std::to_string(layers));
  const std::uint8_t last_kind = version == 1 ? 1 : static_cast<std::uint8_t>(LayerSpec::Kind::flatten);
  for (std::uint32_t i = 0; i < layers; ++i) {
    const std::uint8_t kind = r.u8("layer kind");
    require_file(kind <= last_kind, "load", "bad layer kind " + std::to_string(kind) + " in layer " + std::to_string(i + 1));
    a.kinds.push_back(kind);
    a.activations.push_back(r.u8("activation"));
    if (version == 1) {  // dense and dropout only: what arch_of writes for them
      a.strides.push_back(0);
      a.paddings.push_back(0);
      a.units.push_back(r.u32("units"));
      a.kernel_h.push_back(0);
      a.kernel_w.push_back(0);
      continue;
    }
    a.strides.push_back(r.u8("stride"));
    a.paddings.push_back(r.u8("padding"));
    a.units.push_back(r.u32("units"));
    a.kernel_h.push_back(r.u32("kernel_h"));
    a.kernel_w.push_back(r.u32("kernel_w"));
  }
  a.loss = r.u8("loss");
  const Arch mine = arch_of(model.spec());
  if (!(a == mine))  // the file's network travels as data (text): the page names it
    throw_error(code::malformed_file, "load", "file",
                "the file's network (" + describe(a) + ") differs from this model's (" + describe(mine) + ")",
                std::numeric_limits<double>::quiet_NaN(), describe(a));
  const std::uint32_t tensors = r.u32("tensor count");
  require_file(tensors == static_cast<std::uint32_t>(2 * model.dense_count()), "load",
          "file has " + std::to_string(tensors) + " tensors, the model has " + std::to_string(2 * model.dense_count()));
  std::vector<Tensor<T>> values;
  const std::vector<Param<T>*> params = model.params();
  for (std::uint32_t t = 0; t < tensors; ++t) {
    const Param<T>& p = *params[t];
    const std::uint32_t rows = r.u32("tensor rows"), cols = r.u32("tensor cols");
    require_file(static_cast<Eigen::Index>(rows) == p.value.rows() && static_cast<Eigen::Index>(cols) == p.value.cols(), "load",
            "tensor " + p.name + " is (" + std::to_string(rows) + "x" + std::to_string(cols) + ") in the file, " +
                shape_of(p.value) + " in the model");
    r.need(static_cast<std::size_t>(rows) * cols * 4, "weights");
    Tensor<T> v(rows, cols);
    for (Eigen::Index k = 0; k < v.size(); ++k) {
      const float f = float_of(r.u32("weights"));
      require_file(std::isfinite(f), "load", "tensor " + p.name + " holds a non-finite value (" + std::to_string(f) + ")");
      v.data()[k] = static_cast<T>(f);
    }
    values.push_back(std::move(v));
  }
  require_file(r.at == r.in.size(), "load",
          std::to_string(r.in.size() - r.at) + " trailing bytes after the weights");
  std::uint32_t stored = 0;
  for (int k = 0; k < 4; ++k) stored |= static_cast<std::uint32_t>(bytes[body + k]) << (8 * k);
  require_file(fnv1a(bytes.first(body)) == stored, "load", "file is corrupted (checksum mismatch)");
  for (std::uint32_t t = 0; t < tensors; ++t) params[t]->value = std::move(values[t]);
}

template std::vector<std::uint8_t> save_weights(const Model<float>&);
template std::vector<std::uint8_t> save_weights(const Model<double>&);
template void load_weights(Model<float>&, std::span<const std::uint8_t>);
template void load_weights(Model<double>&, std::span<const std::uint8_t>);

}  // namespace basecamp::nn
