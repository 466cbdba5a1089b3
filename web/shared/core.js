// Loads the wasm core once per page (or worker) and hands out the wrapped API.
// Four builds, one core: relaxed SIMD (fused multiply-add in the matrix products) when the
// browser validates it, else SIMD128; threaded in a worker of a cross-origin isolated page (the
// server sends COOP/COEP; its products, optimizer updates and large elementwise work run on 2
// threads), else single-thread. The page's own thread always takes a single-thread build: its
// lessons never split a product, and that build has WebAssembly's own exceptions, about 1.45x
// the boundary lesson's step (wasm/EXCEPTIONS.md), and starts no pthread workers of its own.
// The threaded builds ship as static files in wasm-mt/ beside the bundle;
// the single-thread ones are bundled by Vite. A threaded build that fails to load falls back to
// the single-thread build of the same flavour, a relaxed build that fails to SIMD128.
// coreBuild() says which one runs.
import { wrapCore } from './core-api.js';
import { relaxedSimdSupported } from './relaxed-simd.js';

let corePromise = null;
let build = null; // {simd: 'relaxed' | 'simd128', threads: 1 | 2}

async function createThreaded(relaxed) {
  // From dist/assets/*.js (and web/shared/ under the dev server) '../wasm-mt/' is the site's.
  // Two literal URLs: Vite would turn one built from a variable into a (missing) asset glob.
  const url = relaxed
    ? new URL('../wasm-mt/basecamp_web_mt_relaxed.mjs', import.meta.url).href
    : new URL('../wasm-mt/basecamp_web_mt.mjs', import.meta.url).href;
  const { default: create } = await import(/* @vite-ignore */ url);
  return create();
}

async function createSingle(relaxed) {
  const { default: create } = relaxed
    ? await import('@wasm/basecamp_web_relaxed.mjs')
    : await import('@wasm/basecamp_web.mjs');
  return create();
}

// A worker (training, finite differences) may use threads; the page's own thread does not.
const inWorker = typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof WorkerGlobalScope;

// One flavour: threaded in an isolated worker (falling back to one thread), else single-thread.
async function createFlavour(relaxed) {
  const simd = relaxed ? 'relaxed' : 'simd128';
  if (globalThis.crossOriginIsolated && inWorker) {
    try {
      const module = await createThreaded(relaxed);
      build = { simd, threads: module.linalgThreads() };
      return module;
    } catch (error) {
      console.warn('Basecamp: threaded core unavailable, using one thread:', error);
    }
  }
  const module = await createSingle(relaxed);
  build = { simd, threads: 1 };
  return module;
}

// Relaxed SIMD when the browser validates it; if that build fails to load all the same, SIMD128.
async function createModule() {
  if (relaxedSimdSupported()) {
    try {
      return await createFlavour(true);
    } catch (error) {
      console.warn('Basecamp: relaxed-SIMD core unavailable, using SIMD128:', error);
    }
  }
  return createFlavour(false);
}

export function loadCore() {
  corePromise ??= createModule().then(wrapCore);
  return corePromise;
}

// Which build loadCore() loaded: {simd: 'relaxed' | 'simd128', threads}; null before it has.
export function coreBuild() {
  return build;
}
