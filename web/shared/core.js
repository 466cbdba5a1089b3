// Loads the wasm core once per page (or worker) and hands out the wrapped API.
// Cross-origin isolated (the server sends COOP/COEP): the threaded build, shipped as static files
// in wasm-mt/ beside the bundle (its products run on 2 threads); otherwise, or if that fails to
// load, the single-thread build bundled by Vite.
import createBasecampCore from '@wasm/basecamp_web.mjs';
import { wrapCore } from './core-api.js';

let corePromise = null;

async function createThreaded() {
  // From dist/assets/*.js (and web/shared/ under the dev server) '../wasm-mt/' is the site's.
  const url = new URL('../wasm-mt/basecamp_web_mt.mjs', import.meta.url).href;
  const { default: create } = await import(/* @vite-ignore */ url);
  return create();
}

function createModule() {
  if (!globalThis.crossOriginIsolated) return createBasecampCore();
  return createThreaded().catch((error) => {
    console.warn('Basecamp: threaded core unavailable, using one thread:', error);
    return createBasecampCore();
  });
}

export function loadCore() {
  corePromise ??= createModule().then(wrapCore);
  return corePromise;
}
