// "Save every document for offline": puts every data file of this build (data-files.json,
// written by scripts/finish-build.mjs) into the cache the service worker answers from, so
// every page, and search, works with the network off. Loaded by register-sw.js on the first
// click in the home page's "Reading offline" section, whose progress bar and status it keeps;
// files already kept are skipped, so saving again picks up where a cancelled run stopped.
(() => {
  const DATA_CACHE = "library-data"; // as in the service worker
  const LANES = 4; // downloads at a time
  let run = null; // { done, total, state: "saving" | "saved" | "stopped" | "failed", why }

  /** Shows the run in the section the page has now (the app may have rendered it anew). */
  function show() {
    const section = document.querySelector(".offline");
    if (!section || !run) return;
    const saving = run.state === "saving";
    section.querySelector("[data-action=save]").hidden = saving;
    section.querySelector("[data-action=cancel]").hidden = !saving;
    const bar = section.querySelector("progress");
    bar.hidden = run.state === "saved";
    bar.max = Math.max(run.total, 1);
    bar.value = run.done;
    const counted = `${run.done} of ${run.total} files`;
    section.querySelector(".offline-status").textContent = {
      saving: run.total ? `Saving for offline: ${counted}…` : "Saving for offline…",
      saved: `Every document is saved (${run.total} files): the reader and its search work offline.`,
      stopped: `Saving stopped: ${counted} saved. Save again to go on.`,
      failed: `Saving stopped: ${run.why} (${counted} saved). Save again to go on.`,
    }[run.state];
  }

  async function save() {
    if (run?.state === "saving") return;
    // This run's own record: a cancelled run's downloads still in flight end on it, and never
    // count towards the run that follows.
    const mine = (run = { done: 0, total: 0, state: "saving" });
    show();
    try {
      const list = await fetch(new URL("data-files.json", document.baseURI), { cache: "no-cache" });
      if (!list.ok) throw new Error(`the list of files is missing (the server answered ${list.status})`);
      const files = await list.json();
      mine.total = files.length;
      const cache = await caches.open(DATA_CACHE);
      let next = 0;
      const lane = async () => {
        while (mine.state === "saving" && next < files.length) {
          const url = new URL(files[next++], document.baseURI);
          if (!(await caches.match(url))) await cache.add(url).catch(() => Promise.reject(new Error("a file could not be downloaded")));
          mine.done++;
          show();
        }
      };
      await Promise.all(Array.from({ length: LANES }, lane));
      if (mine.state === "saving") mine.state = "saved";
    } catch (error) {
      mine.state = "failed";
      mine.why = navigator.onLine ? error.message.replace(/\.$/, "") : "the network is unreachable";
    }
    show();
  }

  function cancel() {
    if (run?.state === "saving") run.state = "stopped";
    show();
  }

  window.readerOffline = { save, cancel };
})();
