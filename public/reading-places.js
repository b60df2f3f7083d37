// "Continue reading": the paragraph at the top of the screen in each document, noted as the
// reader scrolls (after they pass its first paragraph) and kept only in this browser
// (localStorage); the home page's section (src/pages/home.rs) lists them, with a way to forget
// them. Filled once the app has taken the page over (html[data-app=ready]) and again whenever
// the app renders the home page anew. Loaded by register-sw.js on first use.
(() => {
  const PLACES = "reader-places";
  const places = () => {
    try {
      return JSON.parse(localStorage.getItem(PLACES)) ?? {};
    } catch {
      return {};
    }
  };
  const keep = (kept) => {
    try {
      if (Object.keys(kept).length) localStorage.setItem(PLACES, JSON.stringify(kept));
      else localStorage.removeItem(PLACES);
    } catch {
      // Storage refused (private mode, quota): the place is simply not kept.
    }
  };

  /** Notes the paragraph at the top of the screen in the document shown, if any. */
  function notePlace() {
    const article = document.querySelector("article.document");
    if (!article) return;
    const top = document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? 0;
    const paragraphs = [...article.querySelectorAll(".para")];
    const at = paragraphs.find((p) => p.getBoundingClientRect().bottom > top + 1);
    const link = at?.querySelector(".para-link");
    if (!link || at === paragraphs[0]) return;
    const address = new URL(link.href);
    const kept = places();
    const label = at.dataset.n ?? at.querySelector("[data-n]")?.dataset.n ?? at.id;
    kept[address.pathname] = { title: article.querySelector("h1")?.textContent.trim() ?? "", paragraph: at.id, label, at: Date.now() };
    keep(kept);
  }
  let noting = 0;
  addEventListener(
    "scroll",
    () => {
      if (!noting) noting = setTimeout(() => ((noting = 0), notePlace()), 400);
    },
    { passive: true },
  );

  /** Lists the kept places in the home page's section, latest first, or hides it; false where
   * there is no section, or the app has not taken the page over yet. */
  function showPlaces() {
    const section = document.querySelector(".resume");
    if (!section || document.documentElement.dataset.app !== "ready") return false;
    const list = section.querySelector(".resume-list");
    const entries = Object.entries(places()).sort(([, a], [, b]) => b.at - a.at);
    list.replaceChildren(
      ...entries.map(([path, place]) => {
        const item = document.createElement("li");
        const link = Object.assign(document.createElement("a"), { href: `${path}#${place.paragraph}` });
        // The paragraph as its page labels it (places kept before labels were, by their anchor).
        link.textContent = `${place.title}, ¶ ${place.label ?? place.paragraph.replace(/^p-/, "")}`;
        item.append(link);
        return item;
      }),
    );
    section.hidden = entries.length === 0;
    return true;
  }
  new MutationObserver(() => {
    const section = document.querySelector(".resume");
    if (section && section.dataset.shown !== "true" && showPlaces()) section.dataset.shown = "true";
  }).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-app"] });
  if (showPlaces()) document.querySelector(".resume").dataset.shown = "true";
  notePlace();
  document.addEventListener("click", (event) => {
    if (!event.target.closest?.(".resume [data-action=forget-places]")) return;
    keep({});
    showPlaces();
  });
})();
