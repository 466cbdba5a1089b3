// Registers the service worker that keeps the lab, data included, for offline use (sw.js, filled
// in by the build). onState('ready') once every file is stored (the worker is active),
// onState('failed', message), or onState('updated') when a newer build has been stored while
// this page runs an older one (it is used from the next reload). Nothing under Vite's dev
// server, whose files are not the build's.
export function registerOffline(onState) {
  if (import.meta.env?.DEV || !('serviceWorker' in navigator)) return;
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener('controllerchange', () => { if (hadController) onState('updated'); });
  navigator.serviceWorker.register('./sw.js')
    .then(() => navigator.serviceWorker.ready)
    .then(() => onState('ready'), (error) => onState('failed', error?.message ?? String(error)));
}
