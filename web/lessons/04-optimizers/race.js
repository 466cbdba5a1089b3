// The race: one core Descent per enabled optimizer, all from the same start on the same
// surface, stepped together. Keeps each racer's path (the rows the core returned) for the plots
// and the numbers table. No DOM and no maths: every number is the core's.
import { byKey, parseSettings } from './optimizers.js';

// config: {spec, x0, y0, schedule, racers: [{key, texts: {field: text}}]} (enabled ones only).
export function createRace(core) {
  let racers = [];
  let steps = 0;

  function dispose() {
    for (const r of racers) r.descent?.delete();
    racers = [];
    steps = 0;
  }

  // Starts every racer afresh; a racer whose settings the core rejects sits out with its error.
  function start(config) {
    dispose();
    racers = config.racers.map(({ key, texts }) => {
      const opt = byKey[key];
      const racer = { key, opt, rows: [], descent: null, error: null, divergedAt: -1, view: null, lr: NaN };
      const parsed = parseSettings(opt, texts);
      if (!parsed.ok) {
        racer.error = { field: parsed.field, reason: parsed.reason };
        return racer;
      }
      try {
        racer.descent = core.newDescent(config.spec, opt.core, parsed.settings, config.x0, config.y0, config.schedule);
      } catch (error) {
        racer.error = { reason: 'core', error };
        return racer;
      }
      racer.rows.push(racer.descent.x(), racer.descent.y(), racer.descent.f());
      racer.lr = racer.descent.lr();
      return racer;
    });
  }

  // Advances every running racer by n steps (a diverged one stays where it stopped).
  function advance(n) {
    if (n <= 0) return;
    steps += n;
    for (const r of racers) {
      if (!r.descent || r.divergedAt >= 0) continue;
      const rows = r.descent.step(n);
      for (let k = 0; k < rows.length; k++) r.rows.push(rows[k]);
      r.divergedAt = r.descent.divergedAt();
      r.view = r.descent.stepView();
      r.lr = r.descent.lr();
    }
  }

  return {
    start,
    advance,
    dispose,
    steps: () => steps,
    racers: () => racers,
    running: () => racers.filter((r) => r.descent),
  };
}
