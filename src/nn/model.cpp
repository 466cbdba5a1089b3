// Model: initialisation, the forward pass on a tape, fused losses, penalties, predict, evaluate.
#include "nn/model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "error.hpp"

namespace basecamp::nn {

// For the length of one pass the weights live on the tape (leaves in training, constants
// otherwise), moved there rather than copied; the destructor moves them back, also when an op
// throws, so a Model never loses its weights.
template <class T>
struct Model<T>::Pass {
  Model& m;
  std::vector<ad::Var<T>> w, b;

  Pass(Model& model, bool training) : m(model) {
    for (int i = 0; i < m.dense_count(); ++i) {
      Param<T>& k = m.kernels_[i];
      Param<T>& c = m.biases_[i];
      if (training) {
        w.push_back(m.tape_.leaf(std::move(k.value), k.name));
        b.push_back(m.tape_.leaf(std::move(c.value), c.name));
      } else {
        w.push_back(m.tape_.constant(std::move(k.value), k.name));
        b.push_back(m.tape_.constant(std::move(c.value), c.name));
      }
    }
  }

  // After backward: the leaves' gradients become the Params' grads; the Params' old grad
  // buffers go to the tape, which recycles them for the next batch.
  void take_grads() {
    for (std::size_t i = 0; i < w.size(); ++i) {
      std::swap(m.kernels_[i].grad, m.tape_.node(w[i].id).grad);
      std::swap(m.biases_[i].grad, m.tape_.node(b[i].id).grad);
    }
  }

  ~Pass() {
    for (std::size_t i = 0; i < w.size(); ++i) m.kernels_[i].value = std::move(m.tape_.node(w[i].id).value);
    for (std::size_t i = 0; i < b.size(); ++i) m.biases_[i].value = std::move(m.tape_.node(b[i].id).value);
  }
};

template <class T>
Model<T>::Model(const ModelSpec& spec) : spec_(spec) {
  validate_spec(spec_);
  const std::vector<LayerShape> shapes = layer_shapes(spec_);
  conv_.resize(spec_.layers.size());
  pool_.resize(spec_.layers.size());
  int dense = 0, conv = 0;
  for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
    const LayerSpec& l = spec_.layers[i];
    const LayerShape& in = shapes[i];
    if (l.kind == LayerSpec::Kind::maxpool2d) pool_[i] = pool_geometry(l, in.image);
    if (!l.has_weights()) continue;
    std::string name;
    Eigen::Index rows = 0, cols = 0;
    if (l.kind == LayerSpec::Kind::dense) {
      name = "dense" + std::to_string(++dense);
      rows = in.size, cols = l.units;
      fan_out_.push_back(static_cast<double>(cols));
    } else {
      conv_[i] = conv_geometry(l, in.image);
      name = "conv" + std::to_string(++conv);
      rows = conv_[i].patch(), cols = l.filters;
      // Keras counts a conv kernel's receptive field on both sides: fan_in = kh·kw·c (its
      // rows), fan_out = kh·kw·filters.
      fan_out_.push_back(static_cast<double>(cols) * l.kernel_h * l.kernel_w);
    }
    kernels_.push_back({name + ".kernel", Tensor<T>::Zero(rows, cols), Tensor<T>::Zero(rows, cols)});
    biases_.push_back({name + ".bias", Tensor<T>::Zero(1, cols), Tensor<T>::Zero(1, cols)});
  }
  initialize(spec_.seed);
}

template <class T>
void Model<T>::initialize(std::uint64_t seed) {
  Rng rng(seed);
  for (int i = 0; i < dense_count(); ++i) {
    Tensor<T>& w = kernels_[i].value;
    const double fan_in = static_cast<double>(w.rows()), fan_out = fan_out_[i];
    const double limit = std::sqrt(6.0 / (fan_in + fan_out));  // Glorot & Bengio 2010
    const double he = std::sqrt(2.0 / fan_in);                  // He et al. 2015
    for (Eigen::Index j = 0; j < w.size(); ++j) {
      double v = 0.0;
      switch (spec_.initializer) {
        case Init::random_normal: v = rng.normal(0.0, 0.01); break;
        case Init::glorot_uniform: v = rng.uniform(-limit, limit); break;
        case Init::he_normal: v = rng.normal(0.0, he); break;
        case Init::zeros: break;
      }
      w.data()[j] = static_cast<T>(v);
    }
    biases_[i].value.setZero();
    kernels_[i].grad.setZero();
    biases_[i].grad.setZero();
  }
}

template <class T>
Param<T>& Model<T>::kernel(int i) {
  require(i >= 0 && i < dense_count(), "model", "no layer with weights " + std::to_string(i) + " (it has " + std::to_string(dense_count()) + ")");
  return kernels_[i];
}
template <class T>
Param<T>& Model<T>::bias(int i) {
  kernel(i);
  return biases_[i];
}
template <class T>
const Param<T>& Model<T>::kernel(int i) const { return const_cast<Model*>(this)->kernel(i); }
template <class T>
const Param<T>& Model<T>::bias(int i) const { return const_cast<Model*>(this)->bias(i); }

template <class T>
std::vector<Param<T>*> Model<T>::params() {
  std::vector<Param<T>*> out;
  for (int i = 0; i < dense_count(); ++i) {
    out.push_back(&kernels_[i]);
    out.push_back(&biases_[i]);
  }
  return out;
}

template <class T>
ad::Var<T> Model<T>::forward(Pass& pass, ad::Var<T> h, bool training, Rng* rng, bool for_loss,
                             const std::function<void(std::size_t, const ad::Var<T>&)>& on_layer) {
  const bool fused = spec_.loss != Loss::mse;
  int k = 0;
  for (std::size_t i = 0; i < spec_.layers.size(); ++i) {
    const LayerSpec& l = spec_.layers[i];
    switch (l.kind) {
      case LayerSpec::Kind::dropout:
        if (training && l.rate > 0) h = ad::dropout(h, static_cast<T>(l.rate), true, *rng);
        if (on_layer) on_layer(i, h);
        continue;
      case LayerSpec::Kind::flatten:
        if (on_layer) on_layer(i, h);
        continue;  // the rows are already flat
      case LayerSpec::Kind::maxpool2d:
        h = ad::maxpool2d(h, pool_[i]);
        if (on_layer) on_layer(i, h);
        continue;
      case LayerSpec::Kind::conv2d:
        h = ad::conv2d(h, pass.w[k], pass.b[k], conv_[i]);
        break;
      case LayerSpec::Kind::dense:
        h = ad::add_bias(ad::matmul(h, pass.w[k]), pass.b[k]);
        break;
    }
    ++k;
    if (for_loss && fused && i + 1 == spec_.layers.size()) break;  // the loss applies it
    switch (l.activation) {
      case Activation::linear: break;
      case Activation::relu: h = ad::relu(h); break;
      case Activation::sigmoid: h = ad::sigmoid(h); break;
      case Activation::tanh: h = ad::tanh(h); break;
      case Activation::softmax: h = ad::softmax(h); break;
    }
    if (on_layer) on_layer(i, h);
  }
  return h;
}

template <class T>
ad::Var<T> Model<T>::data_loss(ad::Var<T> out, ad::Var<T> y) {
  switch (spec_.loss) {
    case Loss::categorical_crossentropy: return ad::softmax_cross_entropy(out, y);
    case Loss::binary_crossentropy: return ad::sigmoid_binary_cross_entropy(out, y);
    case Loss::mse: break;
  }
  return ad::mse(out, y);
}

// `out` as forward(for_loss = true) gives it: logits for the cross-entropies.
template <class T>
double Model<T>::count_correct(const Tensor<T>& out, const Tensor<T>& y) const {
  double correct = 0;
  if (spec_.loss == Loss::categorical_crossentropy) {
    for (Eigen::Index i = 0; i < out.rows(); ++i) {
      Eigen::Index p = 0, t = 0;
      out.row(i).maxCoeff(&p);
      y.row(i).maxCoeff(&t);
      correct += p == t ? 1.0 : 0.0;
    }
  } else if (spec_.loss == Loss::binary_crossentropy) {
    // σ(z) > 0.5  ⇔  z > 0
    const auto hits = ((out.array() > T(0)) == (y.array() > T(0.5))).template cast<double>();
    correct = hits.sum() / static_cast<double>(out.cols());
  }
  return correct;
}

template <class T>
void Model<T>::check_x(Eigen::Index cols, const char* who) const {
  if (!(cols == spec_.inputs))  // message built only on failure: checked every step
    throw Error(std::string(who) + ": x has " + std::to_string(cols) + " columns, the model takes " + std::to_string(spec_.inputs) + " inputs");
}

template <class T>
BatchResult Model<T>::train_on(Tensor<T> x, Tensor<T> y, Rng& dropout_rng) {
  Pass pass(*this, true);
  const ad::Var<T> xv = tape_.constant(std::move(x), "x");
  const ad::Var<T> yv = tape_.constant(std::move(y), "y");
  const ad::Var<T> out = forward(pass, xv, true, &dropout_rng, true);
  ad::Var<T> loss = data_loss(out, yv);
  for (std::size_t i = 0; i < pass.w.size(); ++i) {
    if (spec_.l1 > 0) loss = loss + ad::scale(ad::sum(ad::abs(pass.w[i])), static_cast<T>(spec_.l1));
    if (spec_.l2 > 0) loss = loss + ad::scale(ad::sum(ad::square(pass.w[i])), static_cast<T>(spec_.l2));
  }
  tape_.backward(loss);
  pass.take_grads();
  return {static_cast<double>(loss.value()(0, 0)), count_correct(out.value(), yv.value())};
}

template <class T>
BatchResult Model<T>::compute_gradients(const Dataset<T>& data, std::span<const std::size_t> rows,
                                        Rng& dropout_rng) {
  check_x(data.x_cols(), "train");
  if (!(data.y_cols() == output_size(spec_)))  // message built only on failure: checked every step
    throw Error("train: y has " + std::to_string(data.y_cols()) + " columns, the model has " + std::to_string(output_size(spec_)) + " outputs");
  require(!rows.empty(), "train", "empty batch");
  tape_.clear();
  Tensor<T> x = tape_.take(static_cast<Eigen::Index>(rows.size()), data.x_cols());
  Tensor<T> y = tape_.take(static_cast<Eigen::Index>(rows.size()), data.y_cols());
  data.gather(rows, x, y);
  return train_on(std::move(x), std::move(y), dropout_rng);
}

template <class T>
BatchResult Model<T>::compute_gradients(const Tensor<T>& x, const Tensor<T>& y, Rng& dropout_rng) {
  check_x(x.cols(), "train");
  if (!(y.rows() == x.rows() && y.cols() == output_size(spec_)))  // message built only on failure: checked every step
    throw Error("train: y must be (" + std::to_string(x.rows()) + "x" + std::to_string(output_size(spec_)) + "), got " + shape_of(y));
  require(x.rows() >= 1, "train", "empty batch");
  tape_.clear();
  Tensor<T> xc = tape_.take(x.rows(), x.cols());
  xc = x;
  Tensor<T> yc = tape_.take(y.rows(), y.cols());
  yc = y;
  return train_on(std::move(xc), std::move(yc), dropout_rng);
}

template <class T>
double Model<T>::penalty() const {
  double total = 0;
  for (const Param<T>& w : kernels_) {
    if (spec_.l1 > 0) total += spec_.l1 * w.value.template cast<double>().cwiseAbs().sum();
    if (spec_.l2 > 0) total += spec_.l2 * w.value.template cast<double>().squaredNorm();
  }
  return total;
}

// What predict and evaluate share: the rows of `data` in batches of eval_rows(), each gathered
// onto a cleared tape with the weights on it (dropout off): visit(first row, rows, pass, x, y),
// y the batch's targets when with_targets (else empty).
template <class T>
template <class Visit>
void Model<T>::in_batches(const Dataset<T>& data, bool with_targets, Visit&& visit) {
  const std::size_t n = data.size();
  const std::size_t batch = static_cast<std::size_t>(eval_rows());
  std::vector<std::size_t> rows;
  for (std::size_t first = 0; first < n; first += batch) {
    const std::size_t m = std::min<std::size_t>(batch, n - first);
    rows.resize(m);
    std::iota(rows.begin(), rows.end(), first);
    tape_.clear();
    Tensor<T> x = tape_.take(static_cast<Eigen::Index>(m), data.x_cols());
    Tensor<T> y;
    if (with_targets) {
      y = tape_.take(static_cast<Eigen::Index>(m), data.y_cols());
      data.gather(rows, x, y);
    } else {
      data.gather_x(rows, x);
    }
    Pass pass(*this, false);
    visit(first, m, pass, std::move(x), std::move(y));
  }
}

template <class T>
int Model<T>::eval_rows() const {
  const double rows = kEvalNumbers / forward_numbers_per_sample(spec_);
  return static_cast<int>(std::clamp(rows, 1.0, static_cast<double>(kEvalBatch)));
}

template <class T>
Evaluation Model<T>::evaluate(const Dataset<T>& data) {
  check_x(data.x_cols(), "evaluate");
  if (!(data.y_cols() == output_size(spec_)))  // message built only on failure: checked every step
    throw Error("evaluate: y has " + std::to_string(data.y_cols()) + " columns, the model has " + std::to_string(output_size(spec_)) + " outputs");
  const std::size_t n = data.size();
  require(n >= 1, "evaluate", "no samples");
  double total = 0, correct = 0;
  in_batches(data, true, [&](std::size_t, std::size_t m, Pass& pass, Tensor<T> x, Tensor<T> y) {
    const ad::Var<T> xv = tape_.constant(std::move(x), "x");
    const ad::Var<T> yv = tape_.constant(std::move(y), "y");
    const ad::Var<T> out = forward(pass, xv, false, nullptr, true);
    total += static_cast<double>(data_loss(out, yv).value()(0, 0)) * static_cast<double>(m);
    correct += count_correct(out.value(), yv.value());
  });
  const double count = static_cast<double>(n);
  return {total / count + penalty(),
          has_metric() ? correct / count : std::numeric_limits<double>::quiet_NaN()};
}

template <class T>
Evaluation Model<T>::evaluate(const Tensor<T>& x, const Tensor<T>& y) {
  return evaluate(Dataset<T>::from_tensors(x, y));
}

template <class T>
Tensor<T> Model<T>::predict(const Dataset<T>& data) {
  check_x(data.x_cols(), "predict");
  Tensor<T> result(static_cast<Eigen::Index>(data.size()), output_size(spec_));
  in_batches(data, false, [&](std::size_t first, std::size_t m, Pass& pass, Tensor<T> x, Tensor<T>) {
    const ad::Var<T> out = forward(pass, tape_.constant(std::move(x), "x"), false, nullptr, false);
    result.middleRows(static_cast<Eigen::Index>(first), static_cast<Eigen::Index>(m)) = out.value();
  });
  return result;
}

template <class T>
Tensor<T> Model<T>::predict(const Tensor<T>& x) {
  check_x(x.cols(), "predict");
  require(x.rows() >= 1, "predict", "no samples");
  return predict(Dataset<T>::from_tensors(x, Tensor<T>::Zero(x.rows(), 1)));
}

template <class T>
std::vector<Tensor<T>> Model<T>::layer_outputs(const Tensor<T>& x) {
  check_x(x.cols(), "layer_outputs");
  require(x.rows() >= 1, "layer_outputs", "no samples");
  std::vector<Tensor<T>> outputs;
  tape_.clear();
  Pass pass(*this, false);
  forward(pass, tape_.constant(Tensor<T>(x), "x"), false, nullptr, false,
          [&](std::size_t, const ad::Var<T>& h) { outputs.push_back(h.value()); });
  return outputs;
}

template class Model<float>;
template class Model<double>;

}  // namespace basecamp::nn
