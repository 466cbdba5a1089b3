// Lesson 5's exercise: ∂L/∂w (one neuron) or ∂L/∂v₁ (the 2-2-1 network) at the current numbers,
// by hand. The check runs the core's backward pass on the lesson's tape; a wrong answer is
// compared with what forgetting one factor of the chain (a local derivative the core reports at
// each node on the way to L), the 2 of the square, or the sign would give.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { mountExercise } from '../../shared/exercise.js';

// The weight asked about in each graph.
export const EXERCISE_WEIGHT = { neuron: 'w', mlp: 'v1' };
// Accepted: within 1 % of the core's gradient, or 0.0005 when it is tiny.
const REL = 0.01;
const ABS = 5e-4;

// Mount after the first build. getBuilt() → the lesson's {root, nodes, consumers} for the graph on the tape now.
export function mountBackpropExercise(root, after, { graph, state, getBuilt }) {
  const weightNode = () => getBuilt().nodes.find((n) => n.key === EXERCISE_WEIGHT[state.graph]);
  const ex = mountExercise(root, {
    title: t('l5.ex.title'),
    task: t(`l5.ex.task.${state.graph}`, { name: weightNode().text }),
    hint: t(`l5.ex.hint.${state.graph}`),
    answer: { kind: 'number', label: t('l5.ex.label', { name: weightNode().text }) },
    check(answer) {
      const built = getBuilt();
      const leaf = weightNode();
      const name = leaf.text;
      // The core's backward pass; the lesson's next render sets the gradients it shows again.
      graph.zeroGrad();
      graph.backward(built.root);
      const g = graph.grad(leaf.id).data[0];
      const tol = Math.max(REL * Math.abs(g), ABS);
      const near = (x) => Number.isFinite(x) && Math.abs(answer - x) <= tol;
      if (near(g)) return { ok: true, message: t('l5.ex.right', { name, g: formatNumber(g, 4) }) };
      if (near(-g)) return { ok: false, message: t('l5.ex.sign', { name }) };
      if (near(g / 2)) return { ok: false, message: t('l5.ex.half') };
      // Walk from the weight to L; at each node the core knows the local derivative.
      for (let from = leaf.id; built.consumers[from].length > 0;) {
        const op = built.consumers[from][0];
        const local = graph.localGrad(op, built.nodes[op].inputs.indexOf(from)).data[0];
        if (Math.abs(local - 1) > 1e-12 && local !== 0 && near(g / local)) {
          return { ok: false, message: t('l5.ex.missing', { out: built.nodes[op].text, in: built.nodes[from].text, op: graph.op(op) }) };
        }
        from = op;
      }
      return { ok: false, message: t(answer > g ? 'l5.ex.too_high' : 'l5.ex.too_low', { name }) };
    },
  });
  after.after(ex.element);
  const task = ex.element.querySelector('.exercise-task');
  const hint = ex.element.querySelector('.exercise-hint');
  const label = ex.element.querySelector('.exercise-answer');
  const verdict = ex.element.querySelector('.exercise-verdict');
  let shown = getBuilt();
  // After every render: a new graph or new numbers ask a new question (the old verdict goes).
  function sync() {
    const built = getBuilt();
    if (built === shown) return;
    shown = built;
    const name = weightNode().text;
    task.textContent = t(`l5.ex.task.${state.graph}`, { name });
    hint.textContent = t(`l5.ex.hint.${state.graph}`);
    label.firstChild.textContent = t('l5.ex.label', { name });
    verdict.textContent = '';
    delete verdict.dataset.result;
  }
  return { ...ex, sync };
}
