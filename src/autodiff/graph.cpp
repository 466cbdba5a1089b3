#include "autodiff/graph.hpp"

#include "autodiff.hpp"

namespace basecamp::ad {

int Graph::unary(const std::string& op, int a) {
  const auto x = var(a);
  if (op == "neg") return neg(x).id;
  if (op == "transpose") return transpose(x).id;
  if (op == "sum") return sum(x).id;
  if (op == "mean") return mean(x).id;
  if (op == "square") return square(x).id;
  if (op == "exp") return exp(x).id;
  if (op == "log") return log(x).id;
  if (op == "abs") return abs(x).id;
  if (op == "relu") return relu(x).id;
  if (op == "sigmoid") return sigmoid(x).id;
  if (op == "tanh") return tanh(x).id;
  if (op == "softmax") return softmax(x).id;
  if (op == "log_softmax") return log_softmax(x).id;
  throw Error("graph: unknown unary op '" + op + "'");
}

int Graph::binary(const std::string& op, int a, int b) {
  const auto x = var(a);
  const auto y = var(b);
  if (op == "add") return add(x, y).id;
  if (op == "sub") return sub(x, y).id;
  if (op == "mul") return mul(x, y).id;
  if (op == "div") return div(x, y).id;
  if (op == "matmul") return matmul(x, y).id;
  if (op == "add_bias") return add_bias(x, y).id;
  if (op == "mse") return mse(x, y).id;
  if (op == "softmax_cross_entropy") return softmax_cross_entropy(x, y).id;
  if (op == "sigmoid_binary_cross_entropy") return sigmoid_binary_cross_entropy(x, y).id;
  throw Error("graph: unknown binary op '" + op + "'");
}

int Graph::with_number(const std::string& op, int a, double number) {
  const auto x = var(a);
  if (op == "pow") return pow(x, number).id;
  if (op == "scale") return scale(x, number).id;
  throw Error("graph: unknown op '" + op + "' (with a number: pow, scale)");
}

Tensor<double> Graph::local_grad(int id, int k) {
  const auto& n = node(id);
  return tape_.local_grad(id, input_index(k), Tensor<double>::Ones(n.value.rows(), n.value.cols()));
}

Tensor<double> Graph::contribution(int id, int k) {
  const auto& n = node(id);
  const Tensor<double> upstream = n.grad.size() == 0 ? Tensor<double>::Zero(n.value.rows(), n.value.cols()) : n.grad;
  return tape_.local_grad(id, input_index(k), upstream);
}

Tensor<double> Graph::grad(int id) const {
  const auto& n = node(id);
  if (n.grad.size() == 0) return Tensor<double>::Zero(n.value.rows(), n.value.cols());
  return n.grad;
}

std::size_t Graph::input_index(int k) {
  require(k >= 0, "graph", "input index must be >= 0, got " + std::to_string(k));
  return static_cast<std::size_t>(k);
}

void Graph::check(int id) const {
  require(id >= 0 && static_cast<std::size_t>(id) < tape_.size(), "graph",
          "no node " + std::to_string(id) + " (the graph has " + std::to_string(tape_.size()) + " nodes)");
}

}  // namespace basecamp::ad
