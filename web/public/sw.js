// The lab offline and cross-origin isolated on any static host.
// Offline: on the first visit this service worker stores every file of the built site (the page,
// its scripts, both wasm builds, the packed MNIST data) in a cache named after the build, and
// from then on answers the lab's requests from that cache.
// Isolated: threads need the page served with COOP/COEP, which common static hosts (GitHub Pages
// and the like) do not send. Every response this worker hands to the page gets the lab's headers
// (COOP, COEP, CORP, the CSP) when the server did not send them, the technique of
// coi-serviceworker; once this worker controls the page (from the first reload, which
// web/shared/offline.js does by itself), the page is cross-origin isolated and the threaded build
// loads. Headers a server does send are kept as they are.
// The build (scripts/offline.mjs) writes the version, the file list and the headers below into
// dist/sw.js: a new build changes this file's bytes, which is what makes the browser install the
// new worker; it stores the new build in full, then deletes the old cache.
const VERSION = 'unbuilt';
const FILES = [];
const HEADERS = {};
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

// The response with the lab's headers added where missing. Opaque responses cannot be changed
// (there are none: only same-origin requests come here).
function withLabHeaders(response) {
  if (response.type === 'opaque' || response.status === 0) return response;
  const missing = Object.entries(HEADERS).filter(([name]) => !response.headers.has(name));
  if (missing.length === 0) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of missing) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // The lab's state lives in the URL's hash and query: the file is the same for every state.
    const hit = await cache.match(request, { ignoreSearch: true }) ??
      (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
    return withLabHeaders(hit ?? await fetch(request));
  })());
});
