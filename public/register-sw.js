// The page's scripts: they start the app, register the service worker and load the code of
// features on first use.
//
// The app (the wasm, about 140 KB brotli) starts on the first sign of use: a key, a touch, the
// pointer moving, a focus, a wheel. The page reads without it, so a visit that only reads
// downloads none of its code and spends no main-thread time on it. It starts at once, after
// the first paint, where the page needs it: a search or a quote in the URL, the search and
// notes pages, a reader who keeps notes or reading places, and a page the app must render
// itself (the offline shell, the host's not-found page at another URL). Until it runs, "/" and
// Ctrl/Cmd+K focus the search box (Enter there opens the results page), and a click on a
// control that needs it is replayed once it runs. `readerStart` is defined by each page's
// loader (scripts/finish-build.mjs), which adds this script once the page has loaded and
// painted.

/** Runs `run` once the page has loaded (it has by the time the page's loader adds this script). */
const whenLoaded = (run) => (document.readyState === "complete" ? run() : addEventListener("load", run, { once: true }));

/** Loads one of the reader's scripts or stylesheets, the code of a feature, on its first use:
 * once (later calls get the same load, which resolves when it has run); a load that fails may
 * be tried again. */
const loading = {};

/** A paragraph's text (its <p>) as the source prints it, without its printed number: what the
 * first-use features (selection-link.js, cite.js, notes.js) quote and anchor to. */
const paragraphText = (p) => p.textContent.slice(p.querySelector(".para-num")?.textContent.length ?? 0);
function loadOnce(file) {
  loading[file] ??= new Promise((resolve) => {
    const url = new URL(file, document.baseURI);
    const tag = file.endsWith(".css") ? Object.assign(document.createElement("link"), { rel: "stylesheet", href: url }) : Object.assign(document.createElement("script"), { src: url });
    tag.addEventListener("load", resolve);
    tag.addEventListener("error", () => delete loading[file]);
    document.head.append(tag);
  });
  return loading[file];
}

// The service worker (registered here) keeps the reader working offline (sw.js, written by
// scripts/finish-build.mjs with the build's file list); the page says when a new version is ready:
// the new worker waits until the reader chooses to reload, so nothing changes under an open
// page. Not from file://, where browsers have no service workers. <html data-offline> shows the
// home page's "Reading offline" section: the home page's head script sets it before its first
// paint on the same test (scripts/finish-build.mjs); here for a home page the app shows later.
if ("serviceWorker" in navigator && "caches" in window && location.protocol.startsWith("http")) {
  document.documentElement.dataset.offline = "";
  let reloading = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloading) location.reload();
  });

  /** Shows "A new version is ready" with a Reload button that switches to `worker`. */
  const announce = (worker) => {
    if (!navigator.serviceWorker.controller || document.querySelector(".update-banner")) return;
    const banner = Object.assign(document.createElement("aside"), { className: "update-banner", innerHTML: '<p role="status">A new version is ready.</p><button type="button">Reload</button>' });
    banner.setAttribute("aria-label", "New version");
    banner.querySelector("button").addEventListener("click", () => {
      reloading = true;
      worker.postMessage("skip-waiting");
    });
    document.body.append(banner);
  };

  // "Save every document for offline" (the home page's section, shown where the page's head
  // script set <html data-offline>) loads its code on first use.
  document.addEventListener("click", (event) => {
    const action = event.target.closest?.(".offline button")?.dataset.action;
    if (!action) return;
    loadOnce("save-offline.js").then(() => window.readerOffline[action]());
  });

  whenLoaded(async () => {
    const registration = await navigator.serviceWorker.register(new URL("sw.js", document.baseURI)).catch(() => null);
    if (!registration) return;
    if (registration.waiting) announce(registration.waiting);
    registration.addEventListener("updatefound", () => {
      const worker = registration.installing;
      worker?.addEventListener("statechange", () => {
        if (worker.state === "installed") announce(worker);
      });
    });
    // A reader left open looks for a new version whenever it comes back to the tab.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") registration.update().catch(() => {});
    });
  });
}

// A remembered theme (the theme button keeps it in localStorage) is in the page from its first
// paint: the home page's head script applies it, and the service worker writes it into the other
// pages it serves (scripts/service-worker.js), from the copy kept here in the Cache API, where it
// can read it. A page no worker served (a first visit, a browser without one) gets it now, late;
// localStorage is the reader's choice, so a copy out of step with it gives way.
/** The theme named, if it is one a reader can choose. */
const themeNamed = (name) => ["dark", "light"].find((theme) => theme === name);
const themeChosen = () => themeNamed(document.documentElement.dataset.theme);
try {
  const chosen = themeNamed(localStorage.getItem("reader-theme")) ?? "";
  if ((document.documentElement.dataset.theme ?? "") !== chosen) document.documentElement.dataset.theme = chosen;
} catch {}
if ("caches" in window) {
  const keepTheme = () =>
    caches
      .open("reader-settings")
      .then((cache) => {
        const theme = themeChosen();
        return theme ? cache.put("/reader-theme", new Response(theme)) : cache.delete("/reader-theme");
      })
      .catch(() => {});
  keepTheme();
  new MutationObserver(keepTheme).observe(document.documentElement, { attributeFilter: ["data-theme"] });
}

// A paragraph's "Cite" button (shown by this attribute, which also tells tests this script
// runs) loads the citation dialog's code on first use (cite.js), so no first visit downloads it.
document.documentElement.dataset.cite = "";
document.addEventListener("click", (event) => {
  const button = event.target.closest?.(".cite-button");
  if (!button) return;
  loadOnce("cite.js").then(() => window.readerCite.open(button));
});

// "Continue reading" (public/reading-places.js) loads on first use: the first scroll of a
// document, or a home page shown where places are kept.
const loadPlaces = () => loadOnce("reading-places.js");
addEventListener("scroll", () => document.querySelector("article.document") && loadPlaces(), { passive: true });

// Highlights and notes (public/notes.js, with its anchoring and styles) load on the
// My notes page, on a document page once notes are kept, and with the first "Highlight".
const loadNotes = () => Promise.all([loadOnce("notes.css"), loadOnce("note-anchor.js")]).then(() => loadOnce("notes.js"));
const kept = (key) => {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
};
new MutationObserver(() => {
  if (document.documentElement.dataset.app !== "ready") return;
  // Each is looked for (storage read at every change of the page) only until its code loads.
  if (!loading["reading-places.js"] && document.querySelector(".resume") && kept("reader-places")) loadPlaces();
  if (!loading["notes.js"] && (document.querySelector(".my-notes") || (document.querySelector("article.document") && kept("reader-notes")))) loadNotes();
}).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-app"] });

// "Copy link to selection" (public/selection-link.js) loads with the first selection of words
// in a paragraph.
document.addEventListener("selectionchange", () => {
  if (loading["selection-link.js"]) return;
  const selection = getSelection();
  const at = selection?.anchorNode;
  const element = at?.nodeType === Node.ELEMENT_NODE ? at : at?.parentElement;
  if (!selection || selection.isCollapsed || !element?.closest(".para > p")) return;
  loadOnce("selection-link.js");
});

// The app starts (see the top of this file).
{
  const running = () => document.documentElement.dataset.app;
  // This page's route as the app reads it (router.rs, Location::current and Page::canonical):
  // the path under the base, without a trailing slash or index.html.
  const base = new URL(document.baseURI).pathname;
  const here = location.pathname.slice(base.length - 1).replace(/^\/index\.html$|\/$/, "") || "/";
  const route = document.body.dataset.route;
  const start = () => window.readerStart?.();
  if (kept("reader-notes") || kept("reader-places") || route !== here || route === "/search" || route === "/notes" || /[?&](q|quote)=/.test(location.search)) {
    start();
  } else {
    for (const name of ["keydown", "pointerdown", "pointermove", "touchstart", "focusin", "wheel"]) addEventListener(name, start, { once: true, passive: true, capture: true });
  }
  addEventListener("keydown", (event) => {
    const slash = event.key === "/" && !event.ctrlKey && !event.metaKey && !event.target.closest?.("input, textarea, select, [contenteditable]");
    const commandK = (event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "k";
    if (running() || !(slash || commandK)) return;
    event.preventDefault();
    document.getElementById("search-input")?.focus();
  });
  // The boot module clicks it once the app runs.
  addEventListener("click", (event) => running() || (window.readerReplay = event.target.closest?.("button.needs-script, .needs-script button")), true);
}
