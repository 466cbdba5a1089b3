// The lesson's two example graphs, recorded on the core's tape (a Graph from core.newGraph()):
// (a) one neuron with a squared error, (b) a 2-2-1 network (sigmoid hidden layer, linear output)
// on one sample. Scalars only, so every node has one value and one gradient. This file only
// records ops; every value and derivative is then read back from the core. No DOM.

// Each editable number: its key in the values list, its symbol (text and TeX), and its kind:
// 'data' is recorded as a constant (the target: no gradient), 'input' and 'weight' as leaves (they
// get a gradient; the inputs do so that a node used twice shows how gradients add up).
const v = (key, text, tex, kind, value) => ({ key, text, tex, kind, value });

export const GRAPHS = {
  neuron: {
    values: [
      v('x', 'x', 'x', 'input', 1.5),
      v('w', 'w', 'w', 'weight', -0.8),
      v('b', 'b', 'b', 'weight', 0.3),
      v('y', 'y', 'y', 'data', 1),
    ],
    // ŷ = σ(w·x + b), L = (ŷ − y)²
    record(r) {
      const x = r.input('x');
      const w = r.input('w');
      const u = r.op('binary', 'mul', [w, x], 'u', 'u');
      const z = r.op('binary', 'add', [u, r.input('b')], 'z', 'z');
      const yhat = r.op('unary', 'sigmoid', [z], 'ŷ', '\\hat y');
      const d = r.op('binary', 'sub', [yhat, r.input('y')], 'd', 'd');
      return r.op('unary', 'square', [d], 'L', 'L');
    },
  },
  mlp: {
    values: [
      v('x1', 'x₁', 'x_1', 'input', 1),
      v('x2', 'x₂', 'x_2', 'input', -0.5),
      v('w11', 'w₁₁', 'w_{11}', 'weight', 0.5),
      v('w12', 'w₁₂', 'w_{12}', 'weight', -0.3),
      v('w21', 'w₂₁', 'w_{21}', 'weight', 0.8),
      v('w22', 'w₂₂', 'w_{22}', 'weight', 0.2),
      v('b1', 'b₁', 'b_1', 'weight', 0.1),
      v('b2', 'b₂', 'b_2', 'weight', -0.1),
      v('v1', 'v₁', 'v_1', 'weight', 0.7),
      v('v2', 'v₂', 'v_2', 'weight', -0.6),
      v('c', 'c', 'c', 'weight', 0.05),
      v('y', 'y', 'y', 'data', 1),
    ],
    // hⱼ = σ(wⱼ₁x₁ + wⱼ₂x₂ + bⱼ), ŷ = v₁h₁ + v₂h₂ + c, L = (ŷ − y)²
    record(r) {
      const x1 = r.input('x1');
      const x2 = r.input('x2');
      const hidden = [1, 2].map((j) => {
        const a = r.op('binary', 'mul', [r.input(`w${j}1`), x1], `a${sub(j)}₁`, `a_{${j}1}`);
        const b = r.op('binary', 'mul', [r.input(`w${j}2`), x2], `a${sub(j)}₂`, `a_{${j}2}`);
        const s = r.op('binary', 'add', [a, b], `s${sub(j)}`, `s_${j}`);
        const z = r.op('binary', 'add', [s, r.input(`b${j}`)], `z${sub(j)}`, `z_${j}`);
        return r.op('unary', 'sigmoid', [z], `h${sub(j)}`, `h_${j}`);
      });
      const p1 = r.op('binary', 'mul', [r.input('v1'), hidden[0]], 'p₁', 'p_1');
      const p2 = r.op('binary', 'mul', [r.input('v2'), hidden[1]], 'p₂', 'p_2');
      const q = r.op('binary', 'add', [p1, p2], 'q', 'q');
      const yhat = r.op('binary', 'add', [q, r.input('c')], 'ŷ', '\\hat y');
      const d = r.op('binary', 'sub', [yhat, r.input('y')], 'd', 'd');
      return r.op('unary', 'square', [d], 'L', 'L');
    },
  },
};

const sub = (j) => '₀₁₂₃₄₅₆₇₈₉'[j];

export const defaultValues = (name) => GRAPHS[name].values.map((item) => item.value);

// Records graph `name` with these numbers on `graph` (cleared first). Each input is recorded
// just before its first use, so node ids follow the order of the computation.
// Returns {root, nodes: [{id, text, tex, kind: 'input'|'weight'|'data'|'op', key?}]} (index = id).
export function recordGraph(graph, name, numbers) {
  const spec = GRAPHS[name];
  graph.clear();
  const nodes = [];
  const seen = new Map();
  const recorder = {
    input(key) {
      if (seen.has(key)) return seen.get(key);
      const k = spec.values.findIndex((item) => item.key === key);
      const item = spec.values[k];
      const id = item.kind === 'data'
        ? graph.constant([numbers[k]], 1, 1, item.text)
        : graph.leaf([numbers[k]], 1, 1, item.text);
      nodes[id] = { id, text: item.text, tex: item.tex, kind: item.kind, key };
      seen.set(key, id);
      return id;
    },
    op(arity, op, inputs, text, tex) {
      const id = arity === 'unary' ? graph.unary(op, inputs[0]) : graph.binary(op, inputs[0], inputs[1]);
      nodes[id] = { id, text, tex, kind: 'op' };
      return id;
    },
  };
  const root = spec.record(recorder);
  return { root, nodes };
}
