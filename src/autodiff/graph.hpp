// The backprop lesson's tape, named by integer ids and ops by their names: what the page builds
// a graph with (the lesson's expressions), one node at a time, and reads back (values, grads,
// each op's local derivative and what its backward sends on). Dispatch by name only; every value
// and derivative is the ops' own (autodiff/ops/).
#pragma once

#include <string>
#include <vector>

#include "autodiff/tape.hpp"

namespace basecamp::ad {

class Graph {
 public:
  int leaf(Tensor<double> value, const std::string& label) { return tape_.leaf(std::move(value), label).id; }
  int constant(Tensor<double> value, const std::string& label) { return tape_.constant(std::move(value), label).id; }

  // Ops of one input: neg transpose sum mean square exp log abs relu sigmoid tanh softmax log_softmax.
  int unary(const std::string& op, int a);
  // Ops of two inputs: add sub mul div matmul add_bias mse softmax_cross_entropy
  // sigmoid_binary_cross_entropy.
  int binary(const std::string& op, int a, int b);
  // Ops of one input and a number: pow(x, p), scale(x, c).
  int with_number(const std::string& op, int a, double number);

  void backward(int root) { tape_.backward(var(root)); }
  // The backward pass stopped part-way: only nodes root … down_to ran their backward function.
  void backward_to(int root, int down_to) { tape_.backward(var(root), down_to); }
  // ∂node/∂input_k at the current values (elementwise for elementwise ops): upstream = ones.
  Tensor<double> local_grad(int id, int k);
  // grad(id) · ∂node/∂input_k: what this node's backward function sends to input k.
  Tensor<double> contribution(int id, int k);
  void zero_grad() { tape_.zero_grad(); }
  void clear() { tape_.clear(); }
  int size() const { return static_cast<int>(tape_.size()); }

  std::string op(int id) const { return node(id).op; }
  std::string label(int id) const { return node(id).label; }
  std::vector<int> inputs(int id) const { return node(id).inputs; }
  Tensor<double> value(int id) const { return node(id).value; }
  // Zeros before the first backward pass.
  Tensor<double> grad(int id) const;

 private:
  Var<double> var(int id) {
    check(id);
    return Var<double>{&tape_, id};
  }
  const Node<double>& node(int id) const {
    check(id);
    return tape_.node(id);
  }
  static std::size_t input_index(int k);
  void check(int id) const;

  Tape<double> tape_;
};

}  // namespace basecamp::ad
