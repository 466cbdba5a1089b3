// libFuzzer target for the weights-file reader (nn/weights_file.hpp): any byte string must either
// load or raise basecamp::Error. On an error the model must be unchanged; a file that loads must
// save back to exactly its own bytes (the format is canonical). Any other exception, a crash, a
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
// valid; written here from the format's table, not with the reader's code.
std::optional<ModelSpec> spec_from_header(std::span<const std::uint8_t> b) {
  if (b.size() < 16) return std::nullopt;
  const std::uint32_t inputs = le32(b, 8), layers = le32(b, 12);
  if (inputs < 1 || inputs > 32 || layers < 1 || layers > 4 || b.size() < 16 + 6 * layers + 1) {
    return std::nullopt;
  }
  ModelSpec spec;
  spec.inputs = static_cast<int>(inputs);
  for (std::uint32_t i = 0; i < layers; ++i) {
    const std::size_t at = 16 + 6 * i;
    const std::uint8_t kind = b[at], activation = b[at + 1];
    const std::uint32_t units = le32(b, at + 2);
    if (kind == 1) {
      spec.layers.push_back(LayerSpec::dropout(0.5));
    } else if (kind == 0 && activation < activation_names().size() && units >= 1 && units <= 32) {
      spec.layers.push_back(LayerSpec::dense(static_cast<int>(units), static_cast<Activation>(activation)));
    } else {
      return std::nullopt;
    }
  }
  const std::uint8_t loss = b[16 + 6 * layers];
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
  Model<float> model(spec_from_header(bytes).value_or(fixed_spec()));
  const std::vector<std::uint8_t> before = save_weights(model);
  try {
    load_weights(model, bytes);
  } catch (const basecamp::Error&) {
    if (save_weights(model) != before) __builtin_trap();  // changed although refused
    return;
  }
  const std::vector<std::uint8_t> after = save_weights(model);
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
