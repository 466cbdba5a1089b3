// The bench worker: loads the page's single-thread or threaded wasm build and times the
// training step (bench/mlp_step.hpp through benchTrainStep) `repeats` times.
self.onmessage = async (event) => {
  const { threads = 1, batches = 50, repeats = 5 } = event.data;
  try {
    const url = threads > 1 ? './basecamp_web_mt.mjs' : './basecamp_web.mjs';
    const { default: create } = await import(/* @vite-ignore */ url);
    const core = await create();
    const runs = [];
    for (let r = 0; r < repeats; r += 1) runs.push(core.benchTrainStep(batches, threads));
    self.postMessage({
      runs, threads: core.linalgThreads(), simdKernel: core.linalgSimdKernel(),
      crossOriginIsolated: self.crossOriginIsolated, cores: navigator.hardwareConcurrency,
    });
  } catch (error) {
    self.postMessage({ error: String(error?.stack ?? error) });
  }
};
