// Surface presets and guided scenes: data only. A preset is what the race loads when the
// learner picks a surface (a start and learning rates that suit it); a scene is one click that
// sets a surface, a start, the racers and their settings, and plays a number of steps.
// Every number here was checked with `basecamp descend` (the same core), as noted per entry.

// Settings texts per racer; fields not named keep torch's default.
const lrs = (sgd, mom, nes, adagrad, rmsprop, adadelta, adam, adamw = adam) => ({
  sgd: { lr: sgd },
  momentum: { lr: mom, momentum: 0.9 },
  nesterov: { lr: nes, momentum: 0.9 },
  adagrad: { lr: adagrad },
  rmsprop: { lr: rmsprop },
  adadelta: { lr: adadelta },
  adam: { lr: adam },
  adamw: { lr: adamw },
});

export const SEVEN = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adadelta', 'adam'];

export const PRESETS = {
  // The textbook's example f = x²/20 + y² from (−7, 2) with its learning rates (SGD 0.95,
  // Momentum 0.1, AdaGrad 1.5, Adam 0.3); Nesterov like Momentum; RMSprop 0.1. AdaDelta keeps
  // torch's lr = 1: it starts with steps of about √eps and is visibly slow here.
  bowl: { start: [-7, 2], settings: lrs(0.95, 0.1, 0.1, 1.5, 0.1, 1, 0.3) },
  // From (−1.5, 2) all but AdaGrad/AdaDelta reach the valley floor near (1, 1) in 1000 steps;
  // SGD at torch's default lr 0.001 is still crawling along the valley.
  rosenbrock: { start: [-1.5, 2], settings: lrs(0.001, 0.001, 0.001, 0.5, 0.01, 1, 0.05) },
  // Just off the saddle's ridge (y = 0.001): SGD needs ~70 steps to notice the way down.
  saddle: { start: [1.8, 0.001], settings: lrs(0.05, 0.05, 0.05, 0.1, 0.01, 1, 0.05) },
  // The rolling-through scene's start and lrs for the three SGD racers (see SCENES).
  himmelblau: { start: [0, 0.5], settings: lrs(0.002, 0.002, 0.002, 0.5, 0.05, 1, 0.1) },
  // m, b from (1.5, −1.5); SGD is stable below lr ≈ 0.065 here (0.07 diverges).
  regression: { start: [1.5, -1.5], settings: lrs(0.05, 0.02, 0.02, 0.5, 0.05, 1, 0.1) },
};

export const SCENES = [
  // Book figure: 30 steps each, from (−7, 2). SGD zig-zags across the narrow y direction;
  // Momentum rolls; AdaGrad's per-coordinate steps shrink y fast; Adam wobbles to the floor.
  { id: 'zigzag', surface: 'bowl', start: [-7, 2], steps: 30, speed: 0.25,
    on: ['sgd', 'momentum', 'adagrad', 'adam'], settings: PRESETS.bowl.settings },
  // 60 steps: SGD's y grows only as 1.1^t from 0.001 and it lingers at the saddle; the others
  // leave it (the plot shows them sliding off the bottom or top: the surface is unbounded).
  { id: 'saddle', surface: 'saddle', start: [1.8, 0.001], steps: 60, speed: 0.5,
    on: SEVEN, settings: PRESETS.saddle.settings },
  // 1000 steps along the curved valley.
  { id: 'rosenbrock', surface: 'rosenbrock', start: [-1.5, 2], steps: 1000, speed: 5,
    on: SEVEN, settings: PRESETS.rosenbrock.settings },
  // Himmelblau's four minima all have f = 0, so none is worse than another; what the scene shows
  // is that momentum does not stop in the first valley it reaches. Found by a search with
  // `basecamp descend --surface himmelblau --json` over starts on a 0.5 grid in [−4.5, 4.5]²,
  // lr ∈ {0.001, 0.002, 0.003, 0.005}, μ ∈ {0.9, 0.95}, 1500 steps, keeping the runs where plain
  // SGD ends in minimum A while SGD + momentum (same lr) comes within 0.3 of A after step 10,
  // takes no step longer than 0.5, and ends in another minimum B. Chosen: start (0, 0.5), lr
  // 0.002, μ 0.9 — SGD settles at (3, 2) by step ~150; Momentum passes (3.24, 1.99) at step 16
  // (f ≈ 2.2), climbs over the ridge and settles at (3.584, −1.848); Nesterov, same lr and μ,
  // brakes in time and stays at (3, 2). Checked by tests/js/optimizers-lesson.test.mjs.
  { id: 'himmelblau', surface: 'himmelblau', start: [0, 0.5], steps: 200, speed: 1,
    on: ['sgd', 'momentum', 'nesterov'], settings: PRESETS.himmelblau.settings },
];
