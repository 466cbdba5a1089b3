// Runs "finite differences against backpropagation" off the page's thread: a second instance of
// the wasm core, one size at a time, posting each report as soon as it is ready.
// In: {type: 'run', sizes: [{layers, fdSample}], settings}. Out: {type: 'start'|'result'|'done'|'error'}.
// The shared loader picks the build (relaxed or SIMD128) as the page does; importing one build's
// glue directly let the bundler pair it with the other build's wasm (a LinkError).
import { loadCore } from '../../shared/core.js';
import { errorFields } from '../../shared/api/errors.js';

let corePromise = null;

self.onmessage = async ({ data }) => {
  if (data?.type !== 'run') return;
  try {
    if (!corePromise) {
      corePromise = loadCore();
      // Warm-up, not reported: the engine first runs new wasm code with its baseline compiler
      // and swaps in optimised code after a while; without this the first size measured slow.
      (await corePromise).compareFdBackprop([32, 100, 16], { fdSample: 200, minTimingMs: 150 });
    }
    const core = await corePromise;
    for (const [index, size] of data.sizes.entries()) {
      self.postMessage({ type: 'start', index });
      const report = core.compareFdBackprop(size.layers, { ...data.settings, fdSample: size.fdSample });
      self.postMessage({ type: 'result', index, report });
    }
    self.postMessage({ type: 'done' });
  } catch (error) {
    self.postMessage({ type: 'error', error: errorFields(error) });
  }
};
