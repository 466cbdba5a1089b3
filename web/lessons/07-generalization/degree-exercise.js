// The lesson's exercise: which polynomial degree has the lowest validation error on section 2's
// split? Checked against the degree scan section 2 computed with the core for the split shown
// now (a new shuffle or new shares give a new scan, and the check follows it).
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { mountExercise } from '../../shared/exercise.js';
import { MAX_DEGREE } from './split-panel.js';

// split: section 2's component (split.scan() → the scan shown, or null).
export function mountDegreeExercise(container, split) {
  const f = (v) => formatNumber(v, 3);
  return mountExercise(container, {
    title: t('l7.ex.title'),
    task: t('l7.ex.task', { max: MAX_DEGREE }),
    hint: t('l7.ex.hint'),
    answer: { kind: 'number', label: t('l7.ex.label') },
    check(answer) {
      const scan = split.scan();
      if (!scan) return { ok: false, message: t('l7.ex.no_scan') };
      if (!Number.isInteger(answer) || answer < 1 || answer > scan.degree.length) {
        return { ok: false, message: t('l7.ex.range', { max: scan.degree.length }) };
      }
      const best = scan.bestDegree;
      const val = (d) => f(scan.valMse[d - 1]);
      if (answer === best) return { ok: true, message: t('l7.ex.right', { d: best, val: val(best), train: f(scan.trainMse[best - 1]) }) };
      // The degree with the lowest training error: the tempting wrong answer.
      const lowestTrain = scan.trainMse.indexOf(Math.min(...scan.trainMse)) + 1;
      if (answer === lowestTrain) return { ok: false, message: t('l7.ex.train_trap', { d: answer, train: f(scan.trainMse[answer - 1]), val: val(answer) }) };
      return { ok: false, message: t(answer > best ? 'l7.ex.too_high' : 'l7.ex.too_low', { d: answer, val: val(answer) }) };
    },
  });
}
