// The lesson's exercise: reach a test accuracy with few training images. The answer is the
// learner's last training run (answer kind 'none'): its training-set size from the request the
// worker received, its test accuracy from the core's evaluation. A network loaded from a file
// does not count: its training data is unknown.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { mountExercise } from '../../shared/exercise.js';
import { stateTable } from './settings.js';

export const EXERCISE_MAX_IMAGES = 5000;
export const EXERCISE_TARGET = 0.94;

const count = (n) => n.toLocaleString('en-US');
const pct = (p) => `${formatNumber(100 * p, 4)} %`;

// lastRun() → null (nothing trained here yet) or {fromFile, trainSize, epochs, accuracy}.
export function mountSmallDataExercise(container, lastRun) {
  // The lesson's default batch size and epochs; Keras's fit takes the last partial batch too:
  // ⌈images / batch⌉ updates per epoch.
  const { batch, epochs } = stateTable;
  const updates = Math.ceil(EXERCISE_MAX_IMAGES / batch.default) * epochs.default;
  const vars = { max: count(EXERCISE_MAX_IMAGES), target: pct(EXERCISE_TARGET), updates: count(updates),
    batch: batch.default, epochs: epochs.default };
  return mountExercise(container, {
    title: t('l6.ex.title', vars),
    task: t('l6.ex.task', vars),
    hint: t('l6.ex.hint', vars),
    answer: { kind: 'none' },
    check() {
      const run = lastRun();
      if (!run) return { ok: false, message: t('l6.ex.none', vars) };
      if (run.fromFile) return { ok: false, message: t('l6.ex.file', vars) };
      const shown = { ...vars, n: count(run.trainSize), epochs: run.epochs, acc: pct(run.accuracy) };
      if (run.trainSize > EXERCISE_MAX_IMAGES) return { ok: false, message: t('l6.ex.too_many', shown) };
      if (!(run.accuracy >= EXERCISE_TARGET)) return { ok: false, message: t('l6.ex.too_low', shown) };
      return { ok: true, message: t('l6.ex.right', { ...shown, fewer: formatNumber(60000 / run.trainSize, 2) }) };
    },
  });
}
