// The lab offline: on the first visit this service worker stores every file of the built site
// (the page, its scripts, both wasm builds, the packed MNIST data) in a cache named after the
// build, and from then on answers the lab's requests from that cache. Cached responses keep the
// headers they were served with, so the page stays cross-origin isolated (COOP/COEP) and the
// threaded build still loads offline.
// The build (scripts/offline.mjs) writes the version and the file list below into dist/sw.js: a
// new build changes this file's bytes, which is what makes the browser install the new worker;
// it stores the new build in full, then deletes the old cache.
const VERSION = 'unbuilt';
const FILES = [];
const CACHE = `basecamp-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Fresh copies, not the HTTP cache's.
    await cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('basecamp-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The lab's state lives in the URL's hash and query: the file is the same for every state.
    const hit = await cache.match(request, { ignoreSearch: true }) ??
      (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
    return hit ?? fetch(request);
  })());
});
