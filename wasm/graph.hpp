// The autodiff tape as seen from JS: nodes are named by their integer id, ops by their name.
// Only dispatch and conversion here; every value and derivative is computed by the core.
#pragma once

#include <emscripten/val.h>

#include <string>

#include "autodiff.hpp"
#include "convert.hpp"

namespace basecamp::wasm {

class Graph {
 public:
  int leaf(const val& data, int rows, int cols, const std::string& label) {
    return tape_.leaf(tensor_from_js<double>(data, rows, cols), label).id;
  }
  int constant(const val& data, int rows, int cols, const std::string& label) {
    return tape_.constant(tensor_from_js<double>(data, rows, cols), label).id;
  }

  // Ops of one input: neg transpose sum mean square exp log abs relu sigmoid tanh softmax log_softmax.
  int unary(const std::string& op, int a) {
    const auto x = var(a);
    if (op == "neg") return ad::neg(x).id;
    if (op == "transpose") return ad::transpose(x).id;
    if (op == "sum") return ad::sum(x).id;
    if (op == "mean") return ad::mean(x).id;
    if (op == "square") return ad::square(x).id;
    if (op == "exp") return ad::exp(x).id;
    if (op == "log") return ad::log(x).id;
    if (op == "abs") return ad::abs(x).id;
    if (op == "relu") return ad::relu(x).id;
    if (op == "sigmoid") return ad::sigmoid(x).id;
    if (op == "tanh") return ad::tanh(x).id;
    if (op == "softmax") return ad::softmax(x).id;
    if (op == "log_softmax") return ad::log_softmax(x).id;
    throw Error("graph: unknown unary op '" + op + "'");
  }

  // Ops of two inputs: add sub mul div matmul add_bias mse softmax_cross_entropy
  // sigmoid_binary_cross_entropy.
  int binary(const std::string& op, int a, int b) {
    const auto x = var(a);
    const auto y = var(b);
    if (op == "add") return ad::add(x, y).id;
    if (op == "sub") return ad::sub(x, y).id;
    if (op == "mul") return ad::mul(x, y).id;
    if (op == "div") return ad::div(x, y).id;
    if (op == "matmul") return ad::matmul(x, y).id;
    if (op == "add_bias") return ad::add_bias(x, y).id;
    if (op == "mse") return ad::mse(x, y).id;
    if (op == "softmax_cross_entropy") return ad::softmax_cross_entropy(x, y).id;
    if (op == "sigmoid_binary_cross_entropy") return ad::sigmoid_binary_cross_entropy(x, y).id;
    throw Error("graph: unknown binary op '" + op + "'");
  }

  // Ops of one input and a number: pow(x, p), scale(x, c).
  int with_number(const std::string& op, int a, double number) {
    const auto x = var(a);
    if (op == "pow") return ad::pow(x, number).id;
    if (op == "scale") return ad::scale(x, number).id;
    throw Error("graph: unknown op '" + op + "' (with a number: pow, scale)");
  }

  void backward(int root) { tape_.backward(var(root)); }
  // The backward pass stopped part-way: only nodes root … down_to ran their backward function.
  void backward_to(int root, int down_to) { tape_.backward(var(root), down_to); }
  // ∂node/∂input_k at the current values (elementwise for elementwise ops): upstream = ones.
  val local_grad(int id, int k) {
    const auto& n = node(id);
    return tensor_to_js(tape_.local_grad(id, input_index(k), Tensor<double>::Ones(n.value.rows(), n.value.cols())));
  }
  // grad(id) · ∂node/∂input_k: what this node's backward function sends to input k.
  val contribution(int id, int k) {
    const auto& n = node(id);
    const Tensor<double> upstream = n.grad.size() == 0 ? Tensor<double>::Zero(n.value.rows(), n.value.cols()) : n.grad;
    return tensor_to_js(tape_.local_grad(id, input_index(k), upstream));
  }
  void zero_grad() { tape_.zero_grad(); }
  void clear() { tape_.clear(); }
  int size() const { return static_cast<int>(tape_.size()); }

  std::string op(int id) const { return node(id).op; }
  std::string label(int id) const { return node(id).label; }
  val inputs(int id) const { return vector_to_js(node(id).inputs); }
  val value(int id) const { return tensor_to_js(node(id).value); }
  // Zeros before the first backward pass.
  val grad(int id) const {
    const auto& n = node(id);
    if (n.grad.size() == 0) return tensor_to_js<double>(Tensor<double>::Zero(n.value.rows(), n.value.cols()));
    return tensor_to_js(n.grad);
  }

 private:
  ad::Var<double> var(int id) {
    check(id);
    return ad::Var<double>{&tape_, id};
  }
  const ad::Node<double>& node(int id) const {
    check(id);
    return tape_.node(id);
  }
  static std::size_t input_index(int k) {
    require(k >= 0, "graph", "input index must be >= 0, got " + std::to_string(k));
    return static_cast<std::size_t>(k);
  }
  void check(int id) const {
    require(id >= 0 && static_cast<std::size_t>(id) < tape_.size(), "graph",
            "no node " + std::to_string(id) + " (the graph has " + std::to_string(tape_.size()) +
                " nodes)");
  }

  ad::Tape<double> tape_;
};

}  // namespace basecamp::wasm
