// One run of gradient descent on the regression surface: m ← m − η·∂J/∂m, b ← b − η·∂J/∂b,
// stepped by the core's Walker (core.newDescent with 'sgd', no momentum), remembering its start
// and path. Play runs from requestAnimationFrame, a few steps per frame, never blocking input.
// No DOM: the lesson draws what this holds.
import { BOX } from './loss-surface.js';

// The lesson's two limits, written once (lesson.js reads them from here too).
export const MAX_STEPS = 5000;  // a run stops here (and the URL's step count is capped at it)
export const GRAD_TOL = 1e-6;   // play stops when the core's gradient is this small: the floor is reached

const inBox = (m, b) => m >= BOX.xMin && m <= BOX.xMax && b >= BOX.yMin && b <= BOX.yMax;

export function createDescentRun(core, onChange) {
  let walker = null;
  let spec = null;
  let lr = 0.05;
  let start = null;        // [m0, b0]
  let path = [];           // [m0, b0, m1, b1, ...]
  let leftAt = -1;         // the first step outside the plotted box (-1: never)
  let frame = 0;           // requestAnimationFrame id while playing

  function drop() {
    walker?.delete();
    walker = null;
  }

  function begin(m0, b0) {
    drop();
    start = [m0, b0];
    path = [m0, b0];
    leftAt = -1;
    walker = core.newDescent(spec, 'sgd', { lr }, m0, b0);
  }

  // n steps; returns false when the walk cannot go on (diverged).
  function advance(n) {
    const rows = walker.step(n);
    for (let k = 0; k < rows.length; k += 3) {
      path.push(rows[k], rows[k + 1]);
      if (leftAt < 0 && !inBox(rows[k], rows[k + 1])) leftAt = path.length / 2 - 1;
    }
    return walker.divergedAt() < 0;
  }

  function tick() {
    frame = 0;
    // Faster once the point has left the plot: divergence is then a matter of time.
    const ok = advance(leftAt >= 0 ? 25 : 2);
    const g = walker.grad();
    const flat = Math.hypot(g[0], g[1]) < GRAD_TOL && walker.steps() > 0;
    if (ok && !flat && walker.steps() < MAX_STEPS) frame = requestAnimationFrame(tick);
    onChange();
  }

  // Steps tried: the steps taken, plus the one that diverged (if one did).
  const attempts = () => (walker ? walker.steps() + (walker.divergedAt() >= 0 ? 1 : 0) : 0);

  function pause() {
    if (frame) cancelAnimationFrame(frame);
    frame = 0;
  }

  return {
    // A new surface (the points changed) or a new start: forget the run.
    clear(newSpec) {
      pause();
      drop();
      if (newSpec) spec = newSpec;
      start = null;
      path = [];
      leftAt = -1;
    },
    setLr(next) {
      lr = next;
      // Replay the same number of steps from the same start with the new η.
      if (walker) {
        const steps = attempts();
        begin(...start);
        if (steps > 0) advance(steps);
      }
    },
    // Steps from (m, b) if no run is under way, else from where the run is.
    step(m, b) {
      pause();
      if (!walker) begin(m, b);
      advance(1);
      onChange();
    },
    play(m, b) {
      if (!walker) begin(m, b);
      if (walker.divergedAt() >= 0 || walker.steps() >= MAX_STEPS) return;
      if (!frame) frame = requestAnimationFrame(tick);
      onChange();
    },
    pause() { pause(); onChange(); },
    // Back to the start, path cleared (the start is kept for the next run).
    reset() {
      pause();
      const s = start;
      drop();
      path = [];
      leftAt = -1;
      onChange();
      return s;
    },
    // Rebuilds a run from a shared URL: start and number of steps.
    restore(m0, b0, steps) {
      begin(m0, b0);
      if (steps > 0) advance(Math.min(steps, MAX_STEPS));
    },
    active: () => walker !== null,
    playing: () => frame !== 0,
    position: () => (walker ? { m: walker.x(), b: walker.y(), f: walker.f() } : null),
    steps: () => (walker ? walker.steps() : 0),
    attempts,
    divergedAt: () => (walker ? walker.divergedAt() : -1),
    leftAt: () => leftAt,
    start: () => start,
    path: () => path,
    lr: () => lr,
    dispose() { pause(); drop(); },
  };
}
