// The tape of reverse-mode autodiff: nodes recorded in creation order, a Var handle per node.
// Creation order is already topological, so backward is ONE reverse loop over the nodes — no
// recursion, no pointer graph. This file knows no maths: the ops in ops/ push nodes, each with a
// backward function that adds its gradient into its inputs' gradients.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "../error.hpp"
#include "../tensor.hpp"
#include "format.hpp"
#include "split_rows.hpp"

namespace basecamp::ad {

template <class T>
class Tape;

// A handle to one node: which tape, which index. Cheap to copy; dies with tape.clear().
// value() and grad() references stay valid as more ops are recorded, until clear().
template <class T>
struct Var {
  Tape<T>* tape = nullptr;
  int id = -1;

  const Tensor<T>& value() const;
  const Tensor<T>& grad() const;  // empty (0x0) for nodes that need no gradient (constants)
  Eigen::Index rows() const { return value().rows(); }
  Eigen::Index cols() const { return value().cols(); }
};

template <class T>
struct Node {
  std::string op;     // "leaf", "const", "add", "matmul", ... (the backprop lesson draws these)
  std::string label;  // user name for leaves and constants ("x", "w1"), may be empty
  std::vector<int> inputs;  // node ids of inputs, all smaller than this node's id
  Tensor<T> value;
  Tensor<T> grad;  // zeros of value's shape once backward/zero_grad ran; empty if !requires_grad
  // Adds grad into the inputs' grads; empty for leaves and constants.
  std::function<void(Tape<T>&, int self)> backward;
  // True for leaves and for any node with an input that requires it.
  bool requires_grad = false;
  // During backward(): grad has its shape but is not written yet and counts as zeros. The first
  // op that sends a gradient here may overwrite it (Tape::input_grad_slot) instead of zero-filling
  // and adding; anything else zero-fills it first. Always false outside backward().
  bool grad_unwritten = false;
};

template <class T>
class Tape {
 public:
  Tape() = default;
  Tape(const Tape&) = delete;  // Vars point at their tape: a copy would leave them behind
  Tape& operator=(const Tape&) = delete;

  // An input or parameter: gets a gradient.
  Var<T> leaf(Tensor<T> value, std::string label = "") {
    return append("leaf", std::move(label), std::move(value), {}, {}, true);
  }

  // Data that needs no gradient (an input batch, targets): ops skip its gradient entirely.
  Var<T> constant(Tensor<T> value, std::string label = "") {
    return append("const", std::move(label), std::move(value), {}, {}, false);
  }

  // Used by ops. The new node requires a gradient when any of its inputs does.
  Var<T> push(std::string op, Tensor<T> value, std::vector<int> inputs,
              std::function<void(Tape<T>&, int)> backward) {
    bool needs = false;
    for (int in : inputs) needs = needs || node_checked(op, in).requires_grad;
    needs = needs && static_cast<bool>(backward);
    return append(std::move(op), "", std::move(value), std::move(inputs), std::move(backward),
                  needs);
  }

  // push() for an Eigen expression: evaluated straight into a recycled buffer (see take()),
  // split across threads when big (split_rows.hpp).
  template <class Expr>
  Var<T> push_expr(std::string op, const Expr& value, std::vector<int> inputs,
                   std::function<void(Tape<T>&, int)> backward) {
    Tensor<T> out = take(value.rows(), value.cols());
    detail::assign_split(out, value.matrix());
    return push(std::move(op), std::move(out), std::move(inputs), std::move(backward));
  }

  // An uninitialised rows x cols tensor, reusing the buffer of a node dropped by the last
  // clear() when one of that size is spare. A training loop records the same shapes every
  // batch, so after the first batch its values and gradients stop allocating (natively, fresh
  // large allocations cost page faults: about 10x slower at MNIST size).
  Tensor<T> take(Eigen::Index rows, Eigen::Index cols) {
    for (std::size_t k = spare_.size(); k-- > 0;) {
      if (spare_[k].size() == rows * cols) {
        Tensor<T> t = std::move(spare_[k]);
        spare_[k] = std::move(spare_.back());
        spare_.pop_back();
        t.resize(rows, cols);  // same element count: keeps the buffer
        return t;
      }
    }
    return Tensor<T>(rows, cols);
  }

  // Gradients of root with respect to every node up to root.id.
  // Leaf gradients ACCUMULATE across calls (call zero_grad between steps); the gradients of
  // interior nodes are reset at the start of each call, so they show this pass only.
  // Fan-out: a node used by several ops receives the sum of their contributions, because every
  // backward function adds (+=) into its inputs' gradients.
  // down_to > 0 stops the pass part-way: only the backward functions of nodes root.id … down_to
  // run, so every gradient holds what has reached it so far (the backprop lesson steps this way).
  void backward(Var<T> root, int down_to = 0) {
    node_checked("backward", root);
    if (down_to < 0 || down_to > root.id)
      throw Error(detail::str("backward: down_to ", down_to, " is not a node id in [0, ", root.id, "]"));
    // Gradients to reset start "unwritten" (zeros by meaning, not yet by value): most receive
    // one contribution that then simply overwrites them, which saves a zero-fill pass and a
    // read per gradient (the weights' gradients are the largest buffers of a training step).
    for (int i = 0; i <= root.id; ++i) {
      Node<T>& n = nodes_[i];
      if (!n.requires_grad) continue;
      if (n.backward || !same_shape(n.grad, n.value)) unwritten_like_value(n);
    }
    Node<T>& seed = nodes_[root.id];
    if (!same_shape(seed.grad, seed.value)) zeros_like_value(seed);
    written(seed);
    seed.grad.array() += T(1);  // d root / d root = 1
    for (int i = root.id; i >= down_to; --i) {
      Node<T>& n = nodes_[i];
      if (!(n.requires_grad && n.backward)) continue;
      written(n);  // its backward reads it: zeros if nothing reached it
      n.backward(*this, i);
    }
    for (int i = 0; i <= root.id; ++i) written(nodes_[i]);  // what nothing reached is zero
  }

  // What node id's backward function alone sends to its input k when the node's gradient is
  // `upstream`: upstream · ∂node/∂input_k, the chain rule's product at one node. With upstream
  // = 1 on a scalar node it is the local derivative ∂node/∂input_k (elementwise ops: each
  // element's). Works for constant inputs too. If the same node is input k and another input
  // (x·x), the result covers both uses. Every stored gradient is left as it was.
  Tensor<T> local_grad(int id, std::size_t k, const Tensor<T>& upstream) {
    Node<T>& n = nodes_[index_checked("local_grad", id)];
    require(n.backward && k < n.inputs.size(), "local_grad",
            detail::str("node ", id, " (", n.op, ") has no input ", k));
    require(same_shape(upstream, n.value), "local_grad",
            detail::str("upstream gradient ", detail::shape(upstream), " does not match node ",
                        detail::shape(n.value)));
    // Scratch gradients: the node's is `upstream`; only input k's node records anything.
    Tensor<T> own = upstream;  // copied first: upstream may be a gradient that is swapped out
    std::vector<std::pair<Tensor<T>, bool>> saved;
    for (int in : n.inputs) {
      Node<T>& m = nodes_[in];
      saved.emplace_back(std::move(m.grad), m.requires_grad);
      m.requires_grad = in == n.inputs[k];
      m.grad = Tensor<T>::Zero(m.value.rows(), m.value.cols());
      m.grad_unwritten = false;
    }
    std::swap(own, n.grad);
    n.backward(*this, id);
    Tensor<T> out = std::move(nodes_[n.inputs[k]].grad);
    n.grad = std::move(own);
    for (std::size_t j = n.inputs.size(); j-- > 0;) {  // reverse: a repeated input ends restored
      Node<T>& m = nodes_[n.inputs[j]];
      m.grad = std::move(saved[j].first);
      m.requires_grad = saved[j].second;
    }
    return out;
  }

  // Zeros every gradient that is tracked (and drops the others).
  void zero_grad() {
    for (Node<T>& n : nodes_) {
      if (n.requires_grad)
        zeros_like_value(n);
      else
        n.grad.resize(0, 0);
    }
  }

  // Drops all nodes (reuse the tape between batches); every Var of this tape becomes invalid.
  // Their buffers are kept for take() until the next clear(); spares left unused are freed.
  void clear() {
    spare_.clear();
    for (Node<T>& n : nodes_) {
      if (n.value.size() > 0) spare_.push_back(std::move(n.value));
      if (n.grad.size() > 0) spare_.push_back(std::move(n.grad));
    }
    nodes_.clear();
  }

  std::size_t size() const { return nodes_.size(); }
  const Node<T>& node(int id) const { return node_checked("tape", id); }
  Node<T>& node(int id) { return nodes_[index_checked("tape", id)]; }

  // Throws Error("<op>: ...") unless v is a node of this tape.
  const Node<T>& node_checked(const std::string& op, const Var<T>& v) const {
    require(v.tape == this, op, "Var belongs to a different tape");
    return node_checked(op, v.id);
  }
  const Node<T>& node_checked(const std::string& op, int id) const {
    return nodes_[index_checked(op, id)];
  }

  // For ops' backward functions: the gradient buffer of input k of node `self`, or nullptr when
  // that input needs no gradient (so the op can skip computing it); and that input's value.
  Tensor<T>* input_grad(int self, std::size_t k) {
    Node<T>& in = nodes_[nodes_[self].inputs[k]];
    if (!in.requires_grad) return nullptr;
    written(in);
    return &in.grad;
  }

  // input_grad for an op that can WRITE its contribution when it is the first one to arrive:
  // `first` true means the buffer holds nothing yet (counts as zeros) and the op must overwrite
  // every element; false means add as usual. Either way the gradient counts as written after.
  struct GradSlot {
    Tensor<T>* grad = nullptr;  // nullptr when that input needs no gradient
    bool first = false;
  };
  GradSlot input_grad_slot(int self, std::size_t k) {
    Node<T>& in = nodes_[nodes_[self].inputs[k]];
    if (!in.requires_grad) return {};
    const bool first = in.grad_unwritten;
    in.grad_unwritten = false;
    return {&in.grad, first};
  }
  const Tensor<T>& input_value(int self, std::size_t k) const {
    return nodes_[nodes_[self].inputs[k]].value;
  }

 private:
  static bool same_shape(const Tensor<T>& a, const Tensor<T>& b) {
    return a.rows() == b.rows() && a.cols() == b.cols();
  }

  void zeros_like_value(Node<T>& n) {
    if (!same_shape(n.grad, n.value)) n.grad = take(n.value.rows(), n.value.cols());
    n.grad.setZero();
    n.grad_unwritten = false;
  }

  void unwritten_like_value(Node<T>& n) {
    if (!same_shape(n.grad, n.value)) n.grad = take(n.value.rows(), n.value.cols());
    n.grad_unwritten = true;
  }

  // An unwritten gradient becomes real zeros (before anything reads or adds to it).
  static void written(Node<T>& n) {
    if (!n.grad_unwritten) return;
    n.grad.setZero();
    n.grad_unwritten = false;
  }

  // The message is built only on failure: this runs on every node access, and formatting it
  // eagerly cost more than a small op's arithmetic.
  std::size_t index_checked(const std::string& op, int id) const {
    if (id < 0 || static_cast<std::size_t>(id) >= nodes_.size())
      throw Error(op + ": " + detail::str("node id ", id, " out of range (tape has ", nodes_.size(), " nodes)"));
    return static_cast<std::size_t>(id);
  }

  Var<T> append(std::string op, std::string label, Tensor<T> value, std::vector<int> inputs,
                std::function<void(Tape<T>&, int)> backward, bool requires_grad) {
    Node<T> n;
    n.op = std::move(op);
    n.label = std::move(label);
    n.inputs = std::move(inputs);
    n.value = std::move(value);
    n.backward = std::move(backward);
    n.requires_grad = requires_grad;
    nodes_.push_back(std::move(n));
    return Var<T>{this, static_cast<int>(nodes_.size() - 1)};
  }

  // A deque: references to nodes (and their value/grad) stay valid while more nodes are pushed.
  std::deque<Node<T>> nodes_;
  std::vector<Tensor<T>> spare_;  // buffers of cleared nodes, for take()
};

template <class T>
const Tensor<T>& Var<T>::value() const {
  require(tape != nullptr, "Var", "not on a tape (default-constructed?)");
  return tape->node(id).value;
}

template <class T>
const Tensor<T>& Var<T>::grad() const {
  require(tape != nullptr, "Var", "not on a tape (default-constructed?)");
  return tape->node(id).grad;
}

}  // namespace basecamp::ad
