// Dataset: float or byte storage, sliced views, batch gathering.
#include "nn/dataset.hpp"

#include <string>

#include "error.hpp"

namespace basecamp::nn {

template <class T>
Dataset<T> Dataset<T>::from_tensors(Tensor<T> x, Tensor<T> y) {
  require(x.rows() >= 1 && x.cols() >= 1 && y.cols() >= 1, "data",
          "x and y must be non-empty, got x " + shape_of(x) + " and y " + shape_of(y));
  require(x.rows() == y.rows(), "data",
          "x and y must have the same number of rows, got x " + shape_of(x) + " and y " +
              shape_of(y));
  auto s = std::make_shared<Storage>();
  s->x = std::move(x);
  s->y = std::move(y);
  Dataset d;
  d.count_ = static_cast<std::size_t>(s->x.rows());
  d.data_ = std::move(s);
  return d;
}

template <class T>
Dataset<T> Dataset<T>::from_bytes(std::vector<std::uint8_t> pixels, int rows, int cols,
                                  std::vector<std::uint8_t> labels, int classes) {
  require(rows >= 1 && cols >= 1, "data",
          "rows and cols must be >= 1, got " + std::to_string(rows) + "x" + std::to_string(cols));
  require(classes >= 1 && classes <= 256, "data",
          "classes must be in [1, 256], got " + std::to_string(classes));
  require(pixels.size() == static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols),
          "data", std::to_string(pixels.size()) + " pixels do not fill " + std::to_string(rows) +
                      "x" + std::to_string(cols));
  require(labels.size() == static_cast<std::size_t>(rows), "data",
          std::to_string(labels.size()) + " labels for " + std::to_string(rows) + " rows");
  for (std::size_t i = 0; i < labels.size(); ++i)
    require(labels[i] < classes, "data",
            "label " + std::to_string(labels[i]) + " at row " + std::to_string(i) +
                " is not below classes = " + std::to_string(classes));
  auto s = std::make_shared<Storage>();
  s->pixels = std::move(pixels);
  s->labels = std::move(labels);
  s->cols = cols;
  s->classes = classes;
  s->bytes = true;
  Dataset d;
  d.count_ = static_cast<std::size_t>(rows);
  d.data_ = std::move(s);
  return d;
}

template <class T>
int Dataset<T>::x_cols() const {
  if (!data_) return 0;
  return data_->bytes ? data_->cols : static_cast<int>(data_->x.cols());
}

template <class T>
int Dataset<T>::y_cols() const {
  if (!data_) return 0;
  return data_->bytes ? data_->classes : static_cast<int>(data_->y.cols());
}

template <class T>
Dataset<T> Dataset<T>::slice(std::size_t first, std::size_t count) const {
  require(first <= count_ && count <= count_ - first, "data",
          "rows [" + std::to_string(first) + ", " + std::to_string(first + count) +
              ") leave a set of " + std::to_string(count_));
  Dataset d = *this;
  d.first_ = first_ + first;
  d.count_ = count;
  return d;
}

template <class T>
void Dataset<T>::gather_x(std::span<const std::size_t> rows, Tensor<T>& x) const {
  require(data_ != nullptr, "data", "no data");
  const Eigen::Index n = static_cast<Eigen::Index>(rows.size()), d = x_cols();
  if (x.rows() != n || x.cols() != d) x.resize(n, d);
  for (Eigen::Index i = 0; i < n; ++i) {
    require(rows[i] < count_, "data", "row " + std::to_string(rows[i]) + " outside a set of " +
                                          std::to_string(count_));
    const std::size_t r = first_ + rows[i];
    if (data_->bytes) {
      const std::uint8_t* src = data_->pixels.data() + r * static_cast<std::size_t>(d);
      T* dst = x.row(i).data();
      for (Eigen::Index j = 0; j < d; ++j) dst[j] = static_cast<T>(src[j]) / T(255);
    } else {
      x.row(i) = data_->x.row(static_cast<Eigen::Index>(r));
    }
  }
}

template <class T>
void Dataset<T>::gather(std::span<const std::size_t> rows, Tensor<T>& x, Tensor<T>& y) const {
  gather_x(rows, x);
  const Eigen::Index n = static_cast<Eigen::Index>(rows.size()), k = y_cols();
  if (y.rows() != n || y.cols() != k) y.resize(n, k);
  for (Eigen::Index i = 0; i < n; ++i) {
    const std::size_t r = first_ + rows[i];
    if (data_->bytes) {
      y.row(i).setZero();
      y(i, data_->labels[r]) = T(1);
    } else {
      y.row(i) = data_->y.row(static_cast<Eigen::Index>(r));
    }
  }
}

template class Dataset<float>;
template class Dataset<double>;

}  // namespace basecamp::nn
