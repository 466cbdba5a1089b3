// The bench worker: loads one of the benchmark's wasm builds (the page's, single-thread or
// threaded, SIMD128 or relaxed SIMD, plus the bench bindings) and times the training step (bench/mlp_step.hpp through benchTrainStep)
// `repeats` times.
self.onmessage = async (event) => {
  const { threads = 1, batches = 50, repeats = 5, simd = 'simd128', model = 'mlp' } = event.data;
  try {
    const url = `./basecamp_bench_web${threads > 1 ? '_mt' : ''}${simd === 'relaxed' ? '_relaxed' : ''}.mjs`;
    const { default: create } = await import(/* @vite-ignore */ url);
    const core = await create();
    const runs = [];
    const step = model === 'convnet' ? (b, t) => core.benchConvnetStep(b, t) : (b, t) => core.benchTrainStep(b, t);
    for (let r = 0; r < repeats; r += 1) runs.push(step(batches, threads));
    self.postMessage({
      runs, threads: core.linalgThreads(), simdKernel: core.linalgSimdKernel(), simd,
      crossOriginIsolated: self.crossOriginIsolated, cores: navigator.hardwareConcurrency,
    });
  } catch (error) {
    self.postMessage({ error: String(error?.stack ?? error) });
  }
};
