// The reader's service worker (template: scripts/finish-build.mjs fills in the version and
// the files it precaches: the shell and the catalogue). After one visit the reader works with
// the network off: every page it has read, and every page once the library is saved.
const VERSION = "__VERSION__";
const FILES = [] /* __FILES__ */;
// Caches are named by the worker's scope too: two builds on one origin (at `/` and under
// `/reader/`) each keep and replace their own.
const SCOPE = new URL(self.registration.scope).pathname;
const CACHE_PREFIX = `reader ${SCOPE} `;
const CACHE = `${CACHE_PREFIX}${VERSION}`;
// Data files as they are read or saved (public/save-offline.js names this cache too). Their
// names carry their content's hash, so they stay valid across versions: this cache outlives
// a new deployment.
const DATA_CACHE = "library-data";

// A new version caches its whole file set, then waits: an open reader is not switched under
// the reader's eyes, but told (register-sw.js) and switched when the reader chooses to reload.
// With no reader open, it takes over at the next visit.
self.addEventListener("install", (event) => {
  // Past the HTTP cache: on a host that lets browsers keep files a while (`max-age`), a new
  // version must not precache the old index.html beside its new code.
  const requests = FILES.map((f) => new Request(new URL(f, self.registration.scope), { cache: "reload" }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

// Once this version is complete, older versions' caches of this scope go, whole.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(CACHE_PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Pages: the network first, so a new deployment shows when online; offline, the cached
    // page of that route (pre-rendered), else the shell, which renders any route itself.
    event.respondWith(fetch(request).catch(() => caches.open(CACHE).then((cache) => offlinePage(cache, request.url))));
    return;
  }
  // Files: content-hashed names never change meaning, so a cache answers first; a data file
  // fetched from the network is kept for reading offline.
  event.respondWith(caches.match(request).then((hit) => hit ?? fetchAndKeep(event, request)));
});

function fetchAndKeep(event, request) {
  return fetch(request).then((response) => {
    const path = new URL(request.url).pathname;
    if (response.ok && path.startsWith(`${SCOPE}data/`)) {
      const copy = response.clone();
      event.waitUntil(caches.open(DATA_CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  });
}

/** The cached page for a URL under the scope (`/reader/g20-x` is `g20-x.html`), else index.html. */
async function offlinePage(cache, url) {
  const scope = new URL(self.registration.scope);
  const route = new URL(url).pathname.slice(scope.pathname.length).replace(/\/+$/, "");
  const page = route ? await cache.match(new URL(`${route}.html`, scope)) : undefined;
  return page ?? cache.match(new URL("index.html", scope));
}
