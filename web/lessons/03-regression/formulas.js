// The lesson's formulas, typeset with KaTeX: the loss and its partial derivatives, the update
// rule, and the "more dimensions" form ŷ = w·x + b = [w, b]·[x, 1], J(w) = (1/n)‖Xw − y‖²,
// ∇J = (2/n)Xᵀ(Xw − y), filled with the current points and the core's numbers.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import { formatNumber } from '../../shared/format.js';

export const TEX = {
  loss: String.raw`J(m, b) = \frac{1}{n}\sum_{i=1}^{n} \bigl(m x_i + b - y_i\bigr)^2`,
  dm: String.raw`\frac{\partial J}{\partial m} = \frac{2}{n}\sum_{i=1}^{n} \bigl(m x_i + b - y_i\bigr)\,x_i`,
  db: String.raw`\frac{\partial J}{\partial b} = \frac{2}{n}\sum_{i=1}^{n} \bigl(m x_i + b - y_i\bigr)`,
  update: String.raw`m \leftarrow m - \eta\,\frac{\partial J}{\partial m}, \qquad b \leftarrow b - \eta\,\frac{\partial J}{\partial b}`,
  bias: String.raw`\hat y = \mathbf{w}\cdot\mathbf{x} + b = \begin{bmatrix}\mathbf{w} \\ b\end{bmatrix}\cdot\begin{bmatrix}\mathbf{x} \\ 1\end{bmatrix}`,
  lossN: String.raw`J(\mathbf{w}) = \frac{1}{n}\,\lVert X\mathbf{w} - \mathbf{y}\rVert^2`,
  gradN: String.raw`\nabla J(\mathbf{w}) = \frac{2}{n}\,X^{\top}\bigl(X\mathbf{w} - \mathbf{y}\bigr)`,
  updateN: String.raw`\mathbf{w} \leftarrow \mathbf{w} - \eta\,\nabla J(\mathbf{w})`,
};

// A number for TeX: the read-out's digits, an ASCII minus, 10^k instead of e-notation.
export function texNumber(x, digits = 3) {
  const s = formatNumber(x, digits).replace(/−/g, '-');
  const m = /^(-?[\d.]+)e([+-])(\d+)$/.exec(s);
  if (m) return `${m[1]}\\times 10^{${m[2] === '-' ? '-' : ''}${m[3]}}`;
  if (s === '∞') return '\\infty';
  return s;
}

export function renderTex(element, tex, displayMode = true) {
  katex.render(tex, element, { throwOnError: false, displayMode });
}

// Shows at most `limit` rows of a column, with a vertical ellipsis in the middle.
function rowsOf(items, limit = 8) {
  if (items.length <= limit) return items;
  return [...items.slice(0, limit - 2), '\\vdots', items[items.length - 1]];
}

// The two-parameter case written the n-input way, with numbers: X (a column of 1s for the
// bias), w = [m, b], y, the residuals Xw − y and the gradient from the core. One TeX string per
// piece, so that they can wrap on a narrow screen.
export function matrixTex({ points, m, b, residual, gx, gy }) {
  const X = rowsOf(points.map(([x]) => `${texNumber(x)} & 1`)).map((r) => (r === '\\vdots' ? '\\vdots & \\vdots' : r));
  const col = (items) => String.raw`\begin{bmatrix}${items.join(' \\\\ ')}\end{bmatrix}`;
  return [
    String.raw`X = \begin{bmatrix}${X.join(' \\\\ ')}\end{bmatrix}`,
    String.raw`\mathbf{y} = ${col(rowsOf(points.map(([, y]) => texNumber(y))))}`,
    String.raw`\mathbf{w} = ${col([texNumber(m), texNumber(b)])}`,
    String.raw`X\mathbf{w} - \mathbf{y} = ${col(rowsOf(residual.map((v) => texNumber(v))))}`,
    String.raw`\nabla J = \tfrac{2}{${points.length}}\,X^{\top}(X\mathbf{w} - \mathbf{y}) = ${col([texNumber(gx), texNumber(gy)])}`,
  ];
}
