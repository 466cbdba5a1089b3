// Training data as the trainer sees it: N samples of x (N x inputs) and y (N x outputs), read a
// batch at a time by row index. Two storages: float tensors, or bytes (MNIST's uint8 pixels,
// scaled by 1/255 when a batch is gathered, and uint8 class labels, one-hot encoded then) so the
// page never converts 47 MB of pixels to 188 MB of floats. A Dataset is a cheap view of rows
// [first, first + count) of shared storage: validation_split slices it without copying.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "tensor.hpp"

namespace basecamp::nn {

template <class T>
class Dataset {
 public:
  Dataset() = default;

  // x (N x d) and y (N x k), same N ≥ 1. Error otherwise.
  static Dataset from_tensors(Tensor<T> x, Tensor<T> y);
  // N·d pixels 0..255 (scaled by 1/255) and N labels < classes (one-hot). Error otherwise.
  static Dataset from_bytes(std::vector<std::uint8_t> pixels, int rows, int cols,
                            std::vector<std::uint8_t> labels, int classes);

  std::size_t size() const { return count_; }
  int x_cols() const;
  int y_cols() const;

  // Rows [first, first + count) of this view. Error when they leave it.
  Dataset slice(std::size_t first, std::size_t count) const;

  // The listed rows (indices into this view) into x (rows.size() x d) and y (rows.size() x k).
  // x and y are resized only when their shape differs.
  void gather(std::span<const std::size_t> rows, Tensor<T>& x, Tensor<T>& y) const;
  void gather_x(std::span<const std::size_t> rows, Tensor<T>& x) const;

 private:
  struct Storage {
    Tensor<T> x, y;                      // float storage, or
    std::vector<std::uint8_t> pixels;    // byte storage
    std::vector<std::uint8_t> labels;
    int cols = 0, classes = 0;
    bool bytes = false;
  };
  std::shared_ptr<const Storage> data_;
  std::size_t first_ = 0, count_ = 0;
};

}  // namespace basecamp::nn
