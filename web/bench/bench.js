// Runs the training-step benchmark in a module worker (where the lab trains) and reports back.
// window.runBench({threads, batches, repeats, simd}) resolves to {runs: [samples/s...], ...}:
// threads 1 loads the single-thread build, threads 2 the pthread build (needs cross-origin
// isolation, as on the lab's page); simd 'simd128' (default) or 'relaxed' (fused multiply-add).
window.runBench = (options) => new Promise((resolve, reject) => {
  const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
  worker.onmessage = (event) => {
    worker.terminate();
    if (event.data.error) reject(new Error(event.data.error));
    else resolve(event.data);
  };
  worker.onerror = (event) => { worker.terminate(); reject(new Error(event.message)); };
  worker.postMessage(options);
});
import { relaxedSimdSupported } from './relaxed-simd.js';

window.relaxedSimd = relaxedSimdSupported();
document.getElementById('status').textContent =
  `ready (crossOriginIsolated: ${self.crossOriginIsolated}, relaxed SIMD: ${window.relaxedSimd})`;
document.body.dataset.ready = 'bench';
