// Lesson 2's exercise: how many guesses does a grid of 10 values per parameter need for a
// 784-100-10 network? The learner types N of 10^N; the core counts the parameters and gives 10^N
// (countParameters, guessReport), and the wrong answers it recognises are built from the core's
// per-layer counts (weights only, one layer left out, biases of one layer left out, …).
import { t } from '../../shared/i18n.js';
import { mountExercise } from '../../shared/exercise.js';
import { formatInteger, formatPower } from './big-format.js';

export const EXERCISE_LAYERS = [784, 100, 10];
export const EXERCISE_K = 10;

// Returns {element, check, destroy} from mountExercise; placed right after `after`.
export function mountGuessExercise(root, after, core, state) {
  const layers = EXERCISE_LAYERS.join('-');
  const ex = mountExercise(root, {
    title: t('l2.ex.title'),
    task: t('l2.ex.task', { k: EXERCISE_K, layers }),
    hint: t('l2.ex.hint'),
    answer: { kind: 'number', label: t('l2.ex.label') },
    check(answer) {
      const count = core.countParameters(EXERCISE_LAYERS);
      const report = core.guessReport(EXERCISE_K, count.parameters, state.gps);
      const right = report.exponent;
      if (answer === right) {
        return { ok: true, message: t('l2.ex.right', { k: EXERCISE_K, n: formatInteger(count.parameters), power: formatPower(report.log10), weights: formatInteger(count.weights), biases: formatInteger(count.biases) }) };
      }
      const slip = diagnose(answer, count);
      if (slip) return { ok: false, message: slip };
      return { ok: false, message: t(answer > right ? 'l2.ex.too_high' : 'l2.ex.too_low', { layers }) };
    },
  });
  after.after(ex.element);
  return ex;
}

// The usual slips, each recognised from the core's own counts.
function diagnose(answer, count) {
  if (answer === count.weights) return t('l2.ex.only_weights');
  if (answer === count.biases) return t('l2.ex.only_biases');
  for (const l of count.layers) {
    const pair = { a: formatInteger(l.inputs), b: formatInteger(l.outputs) };
    if (answer === count.parameters - l.weights - l.biases) return t('l2.ex.missed_layer', pair);
    if (answer === count.parameters - l.weights) return t('l2.ex.missed_weights', pair);
    if (answer === count.parameters - l.biases) return t('l2.ex.missed_biases', pair);
  }
  if (answer === count.layers.reduce((sum, l) => sum + l.outputs, count.layers[0].inputs)) return t('l2.ex.neurons');
  return '';
}
