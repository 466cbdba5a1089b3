// The lesson's exercise: which racer of the "Escaping a saddle point" scene crosses the saddle
// first? Nothing is stored: the check replays the scene with the lesson's own race (the core's
// Descents, the scene's surface, start, racers and settings, its number of steps) and applies
// one rule to every path: a racer has crossed at the first step where f falls below the
// saddle point's own value (f = 0 at the origin of x² − y²): it is then past the saddle's level,
// on the way down.
import { t } from '../../shared/i18n.js';
import { formatNumber } from '../../shared/format.js';
import { mountExercise } from '../../shared/exercise.js';
import { byKey } from './optimizers.js';
import { SCENES } from './scenes.js';
import { createRace } from './race.js';

export const SADDLE_SCENE = SCENES.find((s) => s.id === 'saddle');

// [{key, label, step}] per racer of the scene; step = the first step with f below the saddle's
// value, or −1 when it never gets there within the scene's steps. level = that value.
export function saddleCrossings(core, scene = SADDLE_SCENE) {
  const spec = { surface: scene.surface };
  const level = core.surfaceInfo(spec).saddles[0].f;
  const race = createRace(core);
  try {
    race.start({
      spec, x0: scene.start[0], y0: scene.start[1], schedule: null,
      racers: scene.on.map((key) => ({ key, texts: Object.fromEntries(byKey[key].fields.map((f) =>
        [f.name, String(scene.settings[key]?.[f.name] ?? f.torchDefault)])) })),
    });
    race.advance(scene.steps);
    const racers = race.racers().map((r) => {
      let step = -1;
      for (let k = 0; 3 * k + 2 < r.rows.length; k++) if (r.rows[3 * k + 2] < level) { step = k; break; }
      return { key: r.key, label: r.opt.label, step };
    });
    return { level, steps: scene.steps, racers };
  } finally {
    race.dispose();
  }
}

export function mountSaddleExercise(container, core) {
  return mountExercise(container, {
    title: t('l4.ex.title'),
    task: t('l4.ex.task', {
      steps: SADDLE_SCENE.steps, n: SADDLE_SCENE.on.length, level: formatNumber(core.surfaceInfo({ surface: SADDLE_SCENE.surface }).saddles[0].f),
      start: `(${SADDLE_SCENE.start.map((v) => formatNumber(v)).join(', ')})`,
    }),
    hint: t('l4.ex.hint'),
    answer: {
      kind: 'choice', label: t('l4.ex.label'),
      choices: SADDLE_SCENE.on.map((key) => ({ value: key, label: byKey[key].label })),
    },
    check(answer) {
      const { level, steps, racers } = saddleCrossings(core);
      const crossed = racers.filter((r) => r.step >= 0);
      const first = Math.min(...crossed.map((r) => r.step));
      const winners = crossed.filter((r) => r.step === first);
      const mine = racers.find((r) => r.key === answer);
      const level_ = formatNumber(level);
      if (winners.some((r) => r.key === answer)) {
        const others = crossed.filter((r) => r.step > first).sort((a, b) => a.step - b.step);
        return { ok: true, message: t('l4.ex.right', { name: mine.label, t: first, level: level_, next: others[0]?.label ?? '–', tnext: others[0]?.step ?? '–' }) };
      }
      if (mine.step < 0) return { ok: false, message: t('l4.ex.never', { name: mine.label, steps, level: level_ }) };
      return { ok: false, message: t('l4.ex.later', { name: mine.label, t: mine.step, level: level_, ahead: crossed.filter((r) => r.step < mine.step).length }) };
    },
  });
}
