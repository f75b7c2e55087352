/* Straatsignaal service worker: keeps the app shell available offline.
 * API calls are never cached: the app's own IndexedDB queue handles offline sends. */
const CACHE = "goov-straatsignaal-v1";
const scope = self.registration.scope.replace(/\/$/, "");
const SHELL = [
  `${scope}/@@straatsignaal`,
  `${scope}/++resource++goov/straatsignaal/app.js`,
  `${scope}/++resource++goov/straatsignaal/app.css`,
  `${scope}/++resource++goov/straatsignaal/icon-192.png`,
];

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("fetch", (event) => {
  const url = event.request.url;
  if (event.request.method !== "GET" || !SHELL.some((s) => url.startsWith(s))) return;
  // Network first, so updates arrive; the cache when offline.
  event.respondWith(
    fetch(event.request)
      .then((response) => {
        const copy = response.clone();
        caches.open(CACHE).then((cache) => cache.put(event.request, copy));
        return response;
      })
      .catch(() => caches.match(event.request))
  );
});
