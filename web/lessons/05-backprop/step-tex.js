// The formulas at the current node, as TeX filled with the core's numbers (already formatted):
// in the forward pass what the node computes; in the backward pass the chain rule
// f(g(x))′ = f′(g(x))·g′(x) as upstream gradient × local derivative = gradient. Pure strings.
import { formatNumber } from '../../shared/format.js';

// A number for TeX: the read-out's digits, an ASCII minus, 10^k instead of e-notation.
export function texNumber(x, digits = 4) {
  const s = formatNumber(x, digits).replace(/−/g, '-');
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m) return `${m[1]}\\times 10^{${m[2] === '-' ? '-' : ''}${m[3]}}`;
  return s;
}
const paren = (s) => (s.startsWith('-') || s.includes('\\times') ? `(${s})` : s);
const partial = (top, bottom) => `\\frac{\\partial ${top}}{\\partial ${bottom}}`;

// n = the node, a/b = its inputs: {tex, value (number)}.
export function forwardTex(op, n, [a, b]) {
  const A = paren(texNumber(a.value));
  const B = b ? paren(texNumber(b.value)) : '';
  const V = texNumber(n.value);
  switch (op) {
    case 'mul': return `${n.tex} = ${a.tex}\\cdot ${b.tex} = ${A}\\times ${B} = ${V}`;
    case 'add': return `${n.tex} = ${a.tex} + ${b.tex} = ${A} + ${B} = ${V}`;
    case 'sub': return `${n.tex} = ${a.tex} - ${b.tex} = ${A} - ${B} = ${V}`;
    case 'sigmoid': return `${n.tex} = \\sigma(${a.tex}) = \\frac{1}{1 + e^{-${a.tex}}} = \\frac{1}{1 + e^{-${A}}} = ${V}`;
    case 'square': return `${n.tex} = ${a.tex}^2 = ${A}^2 = ${V}`;
    default: return `${n.tex} = \\operatorname{${op}}(${a.tex}${b ? `, ${b.tex}` : ''}) = ${V}`;
  }
}

// ∂n/∂(input k) written symbolically, for the ops of the lesson's graphs.
export function localTex(op, n, inputs, k) {
  const [a, b] = inputs;
  switch (op) {
    case 'mul': return k === 0 ? b.tex : a.tex;
    case 'add': return '1';
    case 'sub': return k === 0 ? '1' : '-1';
    case 'sigmoid': return `\\sigma(${a.tex})\\bigl(1 - \\sigma(${a.tex})\\bigr) = ${n.tex}(1 - ${n.tex})`;
    case 'square': return `2${a.tex}`;
    default: return `\\operatorname{${op}}'`;
  }
}

// One input's line of the chain rule at node n: {tex, grad (upstream), local, contribution, fanOut}.
export function chainTex({ n, input, k, op, inputs, upstream, local, contribution, fanOut, words }) {
  const assign = fanOut ? '\\mathrel{+}=' : '=';
  const under = (body, word) => `\\underbrace{${body}}_{\\text{${word}}}`;
  const symbolic = localTex(op, n, inputs, k);
  const number = texNumber(local);
  return [
    `${partial(n.tex, input.tex)} = ${symbolic === number ? '' : `${symbolic} = `}${number}`,
    `\\begin{aligned}${partial('L', input.tex)} \\;&${assign}\\; ${under(partial('L', n.tex), words.upstream)}\\cdot ${under(partial(n.tex, input.tex), words.local)}` +
      ` \\\\ &= ${paren(texNumber(upstream))}\\times ${paren(texNumber(local))} = ${texNumber(contribution)}\\end{aligned}`,
  ];
}

// The chain rule in Lagrange's notation, with g the node's op and f the rest of the graph.
export const chainRuleTex = (n, input) =>
  `\\begin{gathered}\\bigl(f\\circ g\\bigr)'(${input.tex}) = f'\\bigl(g(${input.tex})\\bigr)\\cdot g'(${input.tex}) \\\\ g: ${input.tex}\\mapsto ${n.tex},\\quad f: ${n.tex}\\mapsto L\\end{gathered}`;
