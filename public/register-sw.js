// Registers the service worker that keeps the reader working offline (sw.js, written by
// scripts/finish-build.mjs with the build's file list). Not from file://, where browsers
// have no service workers.
if ("serviceWorker" in navigator && location.protocol.startsWith("http")) {
  addEventListener("load", () => {
    navigator.serviceWorker.register(new URL("sw.js", document.baseURI)).catch(() => {});
  });
}
