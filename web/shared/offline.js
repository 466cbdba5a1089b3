// Registers the service worker that keeps the lab, data included, for offline use (sw.js, filled
// in by the build). onState('ready') once every file is stored (the worker is active),
// onState('failed', message), or onState('updated') when a newer build has been stored while
// this page runs an older one (it is used from the next reload). Nothing under Vite's dev
// server, whose files are not the build's.
// On a host that does not send COOP/COEP the page is not cross-origin isolated (one thread); the
// worker adds those headers, so once it is ready the page reloads itself, once, to come back
// isolated: not while a lesson is busy (a training run would be lost; the next visit is
// isolated anyway), and not again if that did not help.
import { anyActivity } from './activity.js';

const RELOAD_KEY = 'basecamp.isolation-reload';

function reloadForIsolation() {
  if (globalThis.crossOriginIsolated || !navigator.serviceWorker.controller || anyActivity()) return;
  try {
    if (sessionStorage.getItem(RELOAD_KEY)) return;  // tried once in this tab: the browser cannot
    sessionStorage.setItem(RELOAD_KEY, '1');
  } catch {
    return;  // no storage to remember the attempt: no reload (it could loop)
  }
  location.reload();
}

export function registerOffline(onState) {
  if (import.meta.env?.DEV || !('serviceWorker' in navigator)) return;
  if (globalThis.crossOriginIsolated) {
    try { sessionStorage.removeItem(RELOAD_KEY); } catch { /* storage may be blocked */ }
  }
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (hadController) onState('updated'); });
  navigator.serviceWorker.register('./sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => {
      onState('ready');
      // clients.claim() makes the worker this page's controller shortly after it is ready.
      if (navigator.serviceWorker.controller) reloadForIsolation();
      else navigator.serviceWorker.addEventListener('controllerchange', reloadForIsolation, { once: true });
    }, (error) => onState('failed', error?.message ?? String(error)));
}
