// Trains core CurveFits in chunks between animation frames, so the page stays responsive while
// hundreds of steps run. All runs share one frame loop and one budget (~12 ms of work per
// frame, taken round-robin in chunks of 25 steps), so five runs at once cost no more per frame
// than one. Starting a run again cancels the one in progress. Reports progress and the final
// result with the measured time (kept on the page for the tests).
const BUDGET_MS = 12;
const CHUNK = 25;
const active = new Set();
let frame = 0;

function tick() {
  frame = 0;
  const t0 = performance.now();
  let busy = true;
  while (busy && active.size > 0 && performance.now() - t0 < BUDGET_MS) {
    busy = false;
    for (const run of [...active]) {
      if (performance.now() - t0 >= BUDGET_MS) { busy = true; break; }
      run.work();
      busy ||= active.has(run);
    }
  }
  for (const run of [...active]) run.progress();
  if (active.size > 0 && !frame) frame = requestAnimationFrame(tick);
}

function schedule(run) {
  active.add(run);
  frame ||= requestAnimationFrame(tick);
}

export function createRunner(core, { onProgress = () => {}, onDone }) {
  let fit = null;
  let started = 0;
  let computeMs = 0;
  let last = null;

  const run = {
    work() {
      const t0 = performance.now();
      last = fit.advance(CHUNK);
      computeMs += performance.now() - t0;
      if (!last.done) return;
      const t1 = performance.now();
      const result = fit.result();
      computeMs += performance.now() - t1;
      cancel();
      onDone(result, { wallMs: performance.now() - started, computeMs });
    },
    progress() { if (last && fit) onProgress(last); },
  };

  function cancel() {
    active.delete(run);
    fit?.delete();
    fit = null;
    last = null;
  }

  return {
    // Throws the core's message on a bad spec (nothing is left running then).
    start(train, val, test, spec) {
      cancel();
      fit = core.newCurveFit(train, val, test, spec);
      started = performance.now();
      computeMs = 0;
      schedule(run);
    },
    running: () => fit !== null,
    dispose: cancel,
  };
}
