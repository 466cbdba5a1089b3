// Loads the wasm core once per page (or worker) and hands out the wrapped API.
import createBasecampCore from '@wasm/basecamp_web.mjs';
import { wrapCore } from './core-api.js';

let corePromise = null;

export function loadCore() {
  corePromise ??= createBasecampCore().then(wrapCore);
  return corePromise;
}
