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

// A new version caches the shell and the catalogue, then waits: an open reader is not switched under
// the reader's eyes, but told (register-sw.js) and switched when the reader chooses to reload.
// With no reader open, it takes over at the next visit.
self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

/** The content type each kind of file must come with: a host that answers a missing file
 *  with its index page and status 200 must not have that page cached as code or data. */
function expectedType(file) {
  if (file.endsWith(".html")) return "text/html";
  if (file.endsWith(".wasm")) return "application/wasm";
  if (file.endsWith(".js")) return "javascript";
  if (file.endsWith(".css")) return "text/css";
  return null;
}

/** Caches this version's files, or none: on any failure the cache goes, the install fails
 *  (the current version, if any, stays in charge) and the console says which file failed. */
async function precache() {
  const cache = await caches.open(CACHE);
  try {
    await Promise.all(
      FILES.map(async (file) => {
        const url = new URL(file, self.registration.scope);
        // Past the HTTP cache: on a host that lets browsers keep files a while (`max-age`),
        // a new version must not precache the old index.html beside its new code.
        const response = await fetch(new Request(url, { cache: "reload" }));
        const type = response.headers.get("content-type") ?? "";
        const expected = expectedType(file);
        if (!response.ok) throw new Error(`${file}: the server answered ${response.status}`);
        if (expected ? !type.includes(expected) : type.includes("text/html")) {
          throw new Error(`${file}: the server answered with ${type || "no content type"}, not the file`);
        }
        // Hosts with "pretty URLs" redirect /index.html to /: a response that followed a
        // redirect is refused for a page load, so the cache keeps it as a plain response.
        await cache.put(url, response.redirected ? new Response(response.body, response) : response);
      }),
    );
  } catch (error) {
    await caches.delete(CACHE);
    console.warn(`The reader could not be saved for offline use: ${error.message}.`);
    throw error;
  }
}

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
    // Pages: the network first, so a new deployment shows when online; offline, the shell,
    // which renders any route itself from the data files kept (pages are not precached).
    const shell = new URL("index.html", self.registration.scope);
    const page = fetch(request).catch(() => caches.open(CACHE).then((cache) => cache.match(shell)));
    event.respondWith(Promise.all([page, rememberedTheme()]).then(([response, theme]) => (theme ? withTheme(response, theme) : response)));
    return;
  }
  // Files: content-hashed names never change meaning, so a cache answers first; a data file
  // fetched from the network is kept for reading offline.
  event.respondWith(caches.match(request).then((hit) => hit ?? fetchAndKeep(event, request)));
});

/** The theme the reader chose ("dark" or "light"), as public/register-sw.js keeps it, or null. */
function rememberedTheme() {
  return caches
    .open("reader-settings")
    .then((cache) => cache.match("/reader-theme"))
    .then((kept) => kept?.text())
    .then((theme) => (theme === "dark" || theme === "light" ? theme : null))
    .catch(() => null);
}

/** The page `response` with `data-theme="theme"` on its <html>, so it shows the reader's theme
 *  from its first paint with no script before it (a page's first script starts the JavaScript
 *  engine: that cost its text about 15 ms). The page still streams: only its opening is held
 *  until the <html> tag has come. Anything but a page passes unchanged. */
function withTheme(response, theme) {
  if (!response?.body || response.type !== "basic" || !(response.headers.get("content-type") ?? "").includes("text/html")) return response;
  let opening = "";
  const marked = new TransformStream({
    transform(chunk, out) {
      if (opening === null) return out.enqueue(chunk);
      opening += chunk;
      const at = opening.search(/<html\b/i);
      if (at < 0 && opening.length < 4096) return;
      const end = at + "<html".length;
      out.enqueue(at < 0 ? opening : `${opening.slice(0, end)} data-theme="${theme}"${opening.slice(end)}`);
      opening = null;
    },
    flush(out) {
      if (opening) out.enqueue(opening);
    },
  });
  // The body arrives decoded: its length and encoding headers no longer describe it.
  const headers = new Headers(response.headers);
  headers.delete("content-length");
  headers.delete("content-encoding");
  const body = response.body.pipeThrough(new TextDecoderStream()).pipeThrough(marked).pipeThrough(new TextEncoderStream());
  return new Response(body, { status: response.status, statusText: response.statusText, headers });
}

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
