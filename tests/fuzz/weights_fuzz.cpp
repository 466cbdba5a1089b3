// libFuzzer target for the weights-file reader (nn/weights_file.hpp): any byte string must either
// load or raise basecamp::Error. On an error the model must be unchanged; a version-2 file that
// loads must save back to exactly its own bytes (the format is canonical), and a version-1 file
// that loads must give the weights its version-2 save holds (that save loads and saves back to
// itself). Any other exception, a crash, a
// sanitizer report or a broken property is a finding.
// The reader only accepts a file whose architecture matches the model, and checks the trailing
// hash last: so the model is built from the file's own header when that header describes a small
// valid network (else a fixed one), and each input is tried twice, as given and with its hash
// made right, so that mutated weights reach the end of the reader too.
// Built and run by scripts/fuzz.mjs (clang++ -fsanitize=fuzzer,address,undefined).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "error.hpp"
#include "nn/model.hpp"
#include "nn/spec.hpp"
#include "nn/weights_file.hpp"

using namespace basecamp::nn;

namespace {

std::uint32_t le32(std::span<const std::uint8_t> b, std::size_t at) {
  return std::uint32_t{b[at]} | std::uint32_t{b[at + 1]} << 8 | std::uint32_t{b[at + 2]} << 16 |
         std::uint32_t{b[at + 3]} << 24;
}

// The network the header describes, when it is small (≤ 4 layers, ≤ 32 inputs and units) and
// valid; written here from the format's table, not with the reader's code. Version 1: layers of
// 6 bytes from offset 16; version 2: an image field at 12 and layers of 16 bytes from offset 28.
// Only flat inputs with Dense, Dropout and Flatten layers are rebuilt; anything else (a Conv2D,
// an image) is read against the fixed network.
std::optional<ModelSpec> spec_from_header(std::span<const std::uint8_t> b) {
  if (b.size() < 28) return std::nullopt;
  const std::uint32_t version = le32(b, 4);
  if (version != 1 && version != 2) return std::nullopt;
  const std::size_t first = version == 1 ? 16 : 28, size = version == 1 ? 6 : 16;
  const std::uint32_t inputs = le32(b, 8), layers = le32(b, first - 4);
  if (inputs < 1 || inputs > 32 || layers < 1 || layers > 4 || b.size() < first + size * layers + 1) {
    return std::nullopt;
  }
  if (version == 2 && (le32(b, 12) != 0 || le32(b, 16) != 0 || le32(b, 20) != 0)) return std::nullopt;
  ModelSpec spec;
  spec.inputs = static_cast<int>(inputs);
  for (std::uint32_t i = 0; i < layers; ++i) {
    const std::size_t at = first + size * i;
    const std::uint8_t kind = b[at], activation = b[at + 1];
    const std::uint32_t units = le32(b, version == 1 ? at + 2 : at + 4);
    if (kind == 1) {
      spec.layers.push_back(LayerSpec::dropout(0.5));
    } else if (kind == 4 && version == 2) {
      spec.layers.push_back(LayerSpec::flatten());
    } else if (kind == 0 && activation < activation_names().size() && units >= 1 && units <= 32) {
      spec.layers.push_back(LayerSpec::dense(static_cast<int>(units), static_cast<Activation>(activation)));
    } else {
      return std::nullopt;
    }
  }
  const std::uint8_t loss = b[first + size * layers];
  if (loss >= loss_names().size()) return std::nullopt;
  spec.loss = static_cast<Loss>(loss);
  try {
    validate_spec(spec);
  } catch (const basecamp::Error&) {
    return std::nullopt;
  }
  return spec;
}

ModelSpec fixed_spec() {
  ModelSpec spec;
  spec.inputs = 3;
  spec.layers = {LayerSpec::dense(4, Activation::relu), LayerSpec::dense(2, Activation::softmax)};
  spec.loss = Loss::categorical_crossentropy;
  return spec;
}

// FNV-1a over bytes, as the format's table says.
std::uint32_t fnv1a(std::span<const std::uint8_t> bytes) {
  std::uint32_t h = 2166136261u;
  for (std::uint8_t b : bytes) h = (h ^ b) * 16777619u;
  return h;
}

void check_load(std::span<const std::uint8_t> bytes) {
  const ModelSpec spec = spec_from_header(bytes).value_or(fixed_spec());
  Model<float> model(spec);
  const std::vector<std::uint8_t> before = save_weights(model);
  try {
    load_weights(model, bytes);
  } catch (const basecamp::Error&) {
    if (save_weights(model) != before) __builtin_trap();  // changed although refused
    return;
  }
  const std::vector<std::uint8_t> after = save_weights(model);
  if (le32(bytes, 4) == 1) {  // an old file: its weights, saved as version 2, read back the same
    Model<float> again(spec);
    load_weights(again, after);
    if (save_weights(again) != after) __builtin_trap();
    return;
  }
  if (after.size() != bytes.size() || !std::equal(after.begin(), after.end(), bytes.begin())) {
    __builtin_trap();  // loaded, but is not what the file says
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::span<const std::uint8_t> input(data, size);
  check_load(input);
  if (size >= 8) {
    std::vector<std::uint8_t> fixed(input.begin(), input.end());
    const std::uint32_t h = fnv1a(input.first(size - 4));
    for (int k = 0; k < 4; ++k) fixed[size - 4 + k] = static_cast<std::uint8_t>(h >> (8 * k));
    check_load(fixed);
  }
  return 0;
}
