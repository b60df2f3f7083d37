// A reader's private highlights and notes: made on words selected in a paragraph (the selection
// toolbar's "Highlight", public/selection-link.js), kept only in this browser (localStorage;
// nothing is sent anywhere), painted on the document with the CSS Custom Highlight API (no
// change to the text the app renders), each with a button beside its paragraph to edit or
// delete it. The "My notes" page (/notes) lists them by document, exports them as W3C Web
// Annotation JSON or as Markdown with citations, imports such JSON, and deletes one or all.
// Notes are re-anchored whenever a document shows (public/note-anchor.js): one whose words are
// gone is kept, marked as no longer found, never dropped. Loaded by register-sw.js on first use.
(() => {
  const STORE = "reader-notes";
  const COLOURS = { yellow: "Yellow", green: "Green", blue: "Blue", pink: "Pink" };
  const { describe, locate, paragraphLabel } = window.readerNoteAnchor;
  const base = () => new URL(document.baseURI);
  /** A new note's id (randomUUID needs a secure context; a plain-http host gets the fallback). */
  const newId = () => crypto.randomUUID?.() ?? `${Date.now().toString(16)}-${Math.random().toString(16).slice(2)}`;

  /** The notes kept here: a list of plain objects (see `create`). */
  function load() {
    try {
      const notes = JSON.parse(localStorage.getItem(STORE));
      return Array.isArray(notes) ? notes : [];
    } catch {
      return [];
    }
  }
  /** Keeps `notes`; false when the browser refuses (private mode, quota). */
  function save(notes) {
    try {
      if (notes.length) localStorage.setItem(STORE, JSON.stringify(notes));
      else localStorage.removeItem(STORE);
      return true;
    } catch {
      return false;
    }
  }

  /** Builds an element: tag, properties, children. */
  function el(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children.filter((c) => c != null));
    return node;
  }
  const status = el("p", { className: "visually-hidden", role: "status" });
  (document.querySelector(".site-footer") ?? document.body).append(status);
  const say = (text) => (status.textContent = text);

  // --- Documents and paragraphs -------------------------------------------------------------

  /** The paragraphs of the document shown: {id, text, block, p}. */
  const paragraphsOf = (article) =>
    [...article.querySelectorAll(".para")]
      .map((block) => ({ block, p: block.querySelector(":scope > p") }))
      // (A table row has no notes: it has cells, not one paragraph of text.)
      .filter(({ p }) => p)
      .map(({ block, p }) => ({ id: block.id, text: paragraphText(p), block, p }));
  /** A document's address under the site's base (its slug), from a URL of it. */
  function slugOfUrl(url) {
    const path = new URL(url, base()).pathname;
    return path.startsWith(base().pathname) ? path.slice(base().pathname.length) : path.split("/").pop();
  }
  /** The shown document's slug, from a paragraph's link. */
  const slugOf = (article) => {
    const link = article.querySelector(".para-link");
    return link ? slugOfUrl(link.href) : null;
  };
  /** What a citation of the document needs, as the page states it (see public/cite.js). */
  function citationOf(article) {
    const d = article.dataset;
    const cite = { title: article.querySelector("h1")?.textContent.trim() ?? document.title };
    for (const [key, field] of [["author", "citeAuthor"], ["issuer", "citeIssuedBy"], ["publisher", "citePublisher"], ["place", "citePlace"], ["kind", "citeKind"], ["date", "citeDate"], ["original", "citeUrl"]]) {
      if (d[field]) cite[key] = d[field];
    }
    return cite;
  }
  /** How the note's paragraph is cited: p-10 is 10, a preamble's pp-2 is PP2, and so on. */
  const paragraphNumber = (note) => paragraphLabel(note.paragraph);
  /** The address that lands on a note's words, marked. */
  const linkTo = (note) => new URL(`${note.doc}?quote=${encodeURIComponent(note.exact)}#${note.paragraph}`, base()).href;
  /** The paragraph's address, as citations give it. */
  const citedUrl = (note) => new URL(`${note.doc}#${note.paragraph}`, base()).href;

  /** A DOM range over [start, end) of a paragraph's text (its printed number left out). */
  function rangeIn(p, start, end) {
    const range = document.createRange();
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT, { acceptNode: (n) => (n.parentElement.closest(".para-num") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT) });
    let offset = 0;
    let started = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.data.length;
      if (!started && start <= offset + length) {
        range.setStart(node, start - offset);
        started = true;
      }
      if (started && end <= offset + length) {
        range.setEnd(node, end - offset);
        return range;
      }
      offset += length;
    }
    return null;
  }

  // --- Painting the document shown --------------------------------------------------------

  const highlights = "highlights" in CSS && typeof Highlight === "function";

  /** Re-anchors this document's notes, paints their highlights and gives each its button. */
  function paint() {
    const article = document.querySelector("article.document");
    const ranges = Object.fromEntries(Object.keys(COLOURS).map((c) => [c, []]));
    const wanted = new Map();
    let orphaned = 0;
    if (article) {
      const slug = slugOf(article);
      const paragraphs = paragraphsOf(article);
      const notes = load();
      let changed = false;
      for (const note of notes) {
        if (note.doc !== slug) continue;
        const at = locate(note, paragraphs);
        if (!at) {
          orphaned++;
          if (!note.orphaned) changed = note.orphaned = true;
          continue;
        }
        const p = paragraphs.find((q) => q.id === at.paragraph);
        if (note.orphaned || at.paragraph !== note.paragraph || at.start !== note.start || p.text.slice(at.start, at.end) !== note.exact) {
          Object.assign(note, { paragraph: at.paragraph, ...describe(p.text, at.start, at.end) });
          delete note.orphaned;
          changed = true;
        }
        const range = rangeIn(p.p, at.start, at.end);
        if (range) ranges[note.colour in COLOURS ? note.colour : "yellow"].push(range);
        wanted.set(p.block, [...(wanted.get(p.block) ?? []), note]);
      }
      if (changed) save(notes);
      showOrphaned(article, orphaned);
    }
    if (highlights) {
      for (const [colour, list] of Object.entries(ranges)) {
        if (list.length) CSS.highlights.set(`note-${colour}`, new Highlight(...list));
        else CSS.highlights.delete(`note-${colour}`);
      }
    }
    // Buttons change only where their notes did, so a focused one stays put.
    for (const old of document.querySelectorAll(".note-markers")) if (!wanted.has(old.parentElement)) old.remove();
    for (const [block, notes] of wanted) {
      const key = notes.map((n) => `${n.id}:${n.colour}:${n.text ? 1 : 0}`).join(" ");
      const old = block.querySelector(":scope > .note-markers");
      if (old?.dataset.key === key) continue;
      const markers = el("span", { className: "note-markers" }, ...notes.map(markerFor));
      markers.dataset.key = key;
      if (old) old.replaceWith(markers);
      else block.append(markers);
    }
  }

  /** The button beside a paragraph that opens one of its notes. */
  function markerFor(note) {
    const button = el("button", { type: "button", className: "note-marker", textContent: note.text ? "✎" : "" });
    button.dataset.colour = note.colour;
    button.dataset.note = note.id;
    const quote = note.exact.length > 60 ? `${note.exact.slice(0, 57)}…` : note.exact;
    button.setAttribute("aria-label", `Your ${note.text ? "note" : "highlight"} on ¶ ${paragraphNumber(note)}: “${quote}”`);
    button.title = note.text || `Your highlight: ${quote}`;
    button.addEventListener("click", () => edit(note.id, button));
    return button;
  }

  /** Says, at the top of a document, how many of its notes no longer find their words. */
  function showOrphaned(article, count) {
    let notice = article.querySelector(".notes-orphaned");
    if (!count) return notice?.remove();
    if (!notice) {
      notice = el("p", { className: "notes-orphaned" });
      article.querySelector("h1")?.after(notice);
    }
    const text = `${count === 1 ? "One of your notes quotes words" : `${count} of your notes quote words`} no longer in this document. `;
    if (notice.firstChild?.data !== text) notice.replaceChildren(text, el("a", { href: new URL("notes", base()).href, textContent: "See them in My notes" }));
  }

  let pending = 0;
  const repaint = () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      paint();
      if (document.querySelector(".my-notes")) listAll();
    });
  };
  // The app renders pages and marks anew as the reader moves: paint again after each change to
  // the page (<main>, which the app keeps; typing in the header's search does not repaint).
  new MutationObserver((records) => {
    const ours = (node) => (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest(".note-markers, .note-dialog, .my-notes, .notes-orphaned");
    if (records.some((r) => !ours(r.target))) repaint();
  }).observe(document.querySelector("main") ?? document.body, { subtree: true, childList: true, characterData: true });
  // Another tab changed them.
  addEventListener("storage", (event) => event.key === STORE && repaint());

  // --- Making and editing a note ----------------------------------------------------------

  /** A highlight on [start, end) of the paragraph `block` of the document shown: opens the
   * dialog to choose its colour and write a note. */
  function create(block, start, end) {
    const article = block.closest("article.document");
    const p = block.querySelector(":scope > p");
    const slug = article && slugOf(article);
    if (!slug || !p || end <= start) return;
    const now = new Date().toISOString();
    const note = {
      id: newId(),
      doc: slug,
      title: citationOf(article).title,
      cite: citationOf(article),
      paragraph: block.id,
      ...describe(paragraphText(p), start, end),
      colour: "yellow",
      text: "",
      created: now,
      modified: now,
    };
    openDialog(note, true, null);
  }

  /** Deletes the kept note `id`, and says so. */
  function deleteNote(id) {
    save(load().filter((n) => n.id !== id));
    say("Note deleted");
  }

  /** Opens the dialog on the kept note `id`; focus returns to `from`. */
  function edit(id, from) {
    const note = load().find((n) => n.id === id);
    if (note) openDialog(note, false, from);
  }

  /** The dialog for a note: its words, a colour, the note; Save, Delete (a kept note), Cancel. */
  function openDialog(note, isNew, from) {
    document.querySelector(".note-dialog")?.remove();
    const title = el("h2", { id: "note-title", textContent: `${isNew ? "Highlight" : "Your note on"} ¶ ${paragraphNumber(note)}` });
    const colours = el(
      "fieldset",
      { className: "note-colours" },
      el("legend", { textContent: "Colour" }),
      ...Object.entries(COLOURS).map(([value, name]) => {
        const radio = el("input", { type: "radio", name: "note-colour", value, checked: note.colour === value });
        const label = el("label", {}, radio, el("span", { className: "note-swatch" }), ` ${name}`);
        label.dataset.colour = value;
        return label;
      }),
    );
    const text = el("textarea", { id: "note-text", rows: 4, value: note.text ?? "" });
    const saveButton = el("button", { type: "button", className: "note-save", textContent: isNew ? "Save highlight" : "Save" });
    const deleteButton = isNew ? null : el("button", { type: "button", textContent: "Delete" });
    const cancel = el("button", { type: "button", textContent: "Cancel" });
    const dialog = el(
      "dialog",
      { className: "note-dialog" },
      title,
      el("blockquote", { className: "note-quote", textContent: note.exact }),
      colours,
      el("label", { htmlFor: "note-text", textContent: "Note (optional)" }),
      text,
      el("p", { className: "note-privacy" }, "Kept only in this browser: nothing leaves this device. ", el("a", { href: new URL("notes", base()).href, textContent: "All my notes" })),
      el("div", { className: "note-actions" }, saveButton, deleteButton, cancel),
    );
    dialog.setAttribute("aria-labelledby", "note-title");
    let refocus = from;
    saveButton.addEventListener("click", () => {
      const kept = load();
      const chosen = dialog.querySelector("input[name=note-colour]:checked")?.value ?? "yellow";
      const changed = { ...note, colour: chosen, text: text.value.trim(), modified: new Date().toISOString() };
      const index = kept.findIndex((n) => n.id === note.id);
      kept.splice(index < 0 ? kept.length : index, index < 0 ? 0 : 1, changed);
      say(save(kept) ? (isNew ? "Highlight saved" : "Note saved") : "This browser would not keep the note (its storage is full or turned off)");
      getSelection()?.removeAllRanges();
      paint();
      refocus = document.querySelector(`.note-marker[data-note="${note.id}"]`) ?? from;
      dialog.close();
    });
    deleteButton?.addEventListener("click", () => {
      deleteNote(note.id);
      refocus = from?.isConnected && !from.closest(".note-markers") ? from : null;
      paint();
      dialog.close();
    });
    cancel.addEventListener("click", () => dialog.close());
    // A link in the dialog (All my notes) leads away: the dialog closes first.
    dialog.addEventListener("click", (event) => {
      if (event.target.closest("a[href]")) {
        refocus = null;
        dialog.close();
      }
    });
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (document.querySelector(".my-notes")) listAll();
      const again = [refocus, document.querySelector(`[data-note="${note.id}"] .note-edit, .note-marker[data-note="${note.id}"]`), document.getElementById(note.paragraph)];
      (again.find((e) => e?.isConnected) ?? document.querySelector("main h1"))?.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
    text.focus();
  }

  // --- My notes -----------------------------------------------------------------------------

  /** Notes of one document in the order a reader meets them: by paragraph (a preamble's
   *  first), then position. */
  const order = (note) => {
    // The paragraph's place on the page, where it shows; else by its number, a preamble's first.
    const shown = [...document.querySelectorAll(".para")].findIndex((p) => p.id === note.paragraph);
    const [, preamble, n] = /^(p?)p-(\d+)/.exec(note.paragraph) ?? [];
    return [shown >= 0 ? shown : (preamble ? -1e6 : 0) + Number(n ?? 0), note.start ?? 0];
  };
  const inReadingOrder = (a, b) => {
    const [x, y] = [order(a), order(b)];
    return x[0] - y[0] || x[1] - y[1];
  };
  const dayOf = (iso) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });

  /** Fills the My notes page: the notes by document, and the tools to export, import, delete. */
  function listAll() {
    const section = document.querySelector(".my-notes");
    if (!section) return;
    const notes = load();
    const key = JSON.stringify(notes);
    if (section.dataset.key === key) return;
    section.dataset.key = key;
    const documents = new Map();
    for (const note of notes) documents.set(note.doc, [...(documents.get(note.doc) ?? []), note]);
    for (const list of documents.values()) list.sort(inReadingOrder);
    const summary =
      notes.length === 0
        ? "No notes yet. Select words in a document and choose Highlight to keep a highlight or a note here."
        : `${notes.length} ${notes.length === 1 ? "note" : "notes"} in ${documents.size} ${documents.size === 1 ? "document" : "documents"}.`;
    const fileInput = el("input", { type: "file", accept: ".json,application/json,application/ld+json", className: "visually-hidden", id: "notes-import" });
    fileInput.addEventListener("change", () => fileInput.files[0] && importFile(fileInput.files[0]));
    const tools = el(
      "div",
      { className: "notes-tools" },
      notes.length ? button("Export as Web Annotation JSON", () => download("my-notes.jsonld", "application/ld+json", JSON.stringify(toWebAnnotation(notes), null, 2))) : null,
      notes.length ? button("Export as Markdown", () => loadOnce("cite.js").then(() => download("my-notes.md", "text/markdown", toMarkdown(notes)))) : null,
      fileInput,
      el("label", { htmlFor: "notes-import", className: "notes-import", textContent: "Import JSON" }),
      notes.length ? button("Delete all notes", deleteAll) : null,
    );
    const lists = [...documents].map(([doc, list]) =>
      el(
        "section",
        { className: "notes-document" },
        el("h2", {}, el("a", { href: new URL(doc, base()).href, textContent: list[list.length - 1].title ?? doc })),
        el("ul", { className: "notes-list" }, ...list.map(item)),
      ),
    );
    section.replaceChildren(el("p", { className: "notes-status", textContent: summary }), tools, ...lists);
  }

  function button(label, action) {
    const b = el("button", { type: "button", textContent: label });
    b.addEventListener("click", action);
    return b;
  }

  /** One note in the list: its words (linked to where they stand), its note, its tools. */
  function item(note) {
    const quote = el("blockquote", { className: "note-quote" }, note.exact);
    quote.dataset.colour = note.colour;
    const editButton = button("Edit", () => edit(note.id, editButton));
    editButton.className = "note-edit";
    editButton.setAttribute("aria-label", `Edit note on ¶ ${paragraphNumber(note)}`);
    const remove = button("Delete", () => {
      deleteNote(note.id);
      listAll();
      document.querySelector(".my-notes h1, main h1")?.focus();
    });
    remove.setAttribute("aria-label", `Delete note on ¶ ${paragraphNumber(note)}`);
    const entry = el(
      "li",
      { className: "notes-item" },
      quote,
      note.text ? el("p", { className: "note-text", textContent: note.text }) : null,
      el(
        "p",
        { className: "note-meta" },
        el("a", { href: linkTo(note), textContent: `¶ ${paragraphNumber(note)}` }),
        ` · ${note.text ? "note" : "highlight"}, ${dayOf(note.modified ?? note.created)}`,
        note.orphaned ? el("strong", { className: "note-orphan", textContent: " · These words are no longer in the document" }) : null,
        " ",
        editButton,
        remove,
      ),
    );
    entry.dataset.note = note.id;
    return entry;
  }

  function deleteAll() {
    const count = load().length;
    if (!confirm(`Delete all ${count} notes from this browser? This cannot be undone.`)) return;
    save([]);
    say("All notes deleted");
    listAll();
  }

  function download(name, type, text) {
    const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    say(`${name} downloaded`);
  }

  // --- Export and import ------------------------------------------------------------------

  const STYLES = { yellow: "#fde68a", green: "#bbf7d0", blue: "#bfdbfe", pink: "#fbcfe8" };

  /** The notes as a W3C Web Annotation collection (https://www.w3.org/TR/annotation-model/). */
  function toWebAnnotation(notes) {
    return {
      "@context": "http://www.w3.org/ns/anno.jsonld",
      type: "AnnotationCollection",
      label: `My notes, exported ${new Date().toISOString().slice(0, 10)}`,
      total: notes.length,
      first: { type: "AnnotationPage", startIndex: 0, items: notes.map(toAnnotation) },
    };
  }
  function toAnnotation(note) {
    const fragment = (refinedBy) => ({ type: "FragmentSelector", conformsTo: "http://tools.ietf.org/rfc/rfc3986", value: note.paragraph, refinedBy });
    return {
      id: `urn:uuid:${note.id}`,
      type: "Annotation",
      motivation: note.text ? "commenting" : "highlighting",
      created: note.created,
      modified: note.modified,
      ...(note.text ? { body: { type: "TextualBody", value: note.text, format: "text/plain", purpose: "commenting" } } : {}),
      stylesheet: { type: "CssStylesheet", value: `.${note.colour} { background-color: ${STYLES[note.colour] ?? STYLES.yellow} }` },
      target: {
        source: new URL(note.doc, base()).href,
        styleClass: note.colour,
        selector: [
          fragment({ type: "TextQuoteSelector", exact: note.exact, prefix: note.prefix, suffix: note.suffix }),
          fragment({ type: "TextPositionSelector", start: note.start, end: note.start + note.exact.length }),
        ],
      },
      // What this reader needs back on import, beyond the model: the document's citation data.
      "reader:document": { title: note.title, citation: note.cite },
    };
  }

  /** A note from a Web Annotation, or null where it does not say which words it is on. */
  function fromAnnotation(a) {
    const target = Array.isArray(a?.target) ? a.target[0] : a?.target;
    const selectors = [target?.selector].flat().filter(Boolean);
    const refined = selectors.flatMap((s) => [s, s.refinedBy].flat()).filter(Boolean);
    const quote = refined.find((s) => s.type === "TextQuoteSelector");
    const position = refined.find((s) => s.type === "TextPositionSelector");
    const paragraph = selectors.find((s) => s.type === "FragmentSelector")?.value;
    if (typeof target?.source !== "string" || !quote?.exact || !/^pp?-[\w-]+$/.test(paragraph ?? "")) return null;
    const doc = slugOfUrl(target.source);
    const body = [a.body].flat().find((b) => b?.type === "TextualBody" && b.purpose !== "tagging");
    const extra = a["reader:document"] ?? {};
    const colour = target.styleClass in COLOURS ? target.styleClass : "yellow";
    const now = new Date().toISOString();
    return {
      id: String(a.id ?? "").replace(/^urn:uuid:/, "") || newId(),
      doc,
      title: String(extra.title ?? doc),
      cite: typeof extra.citation === "object" && extra.citation ? extra.citation : { title: String(extra.title ?? doc) },
      paragraph,
      exact: String(quote.exact),
      prefix: String(quote.prefix ?? ""),
      suffix: String(quote.suffix ?? ""),
      start: Number.isInteger(position?.start) ? position.start : 0,
      colour,
      text: typeof body?.value === "string" ? body.value : "",
      created: typeof a.created === "string" ? a.created : now,
      modified: typeof a.modified === "string" ? a.modified : now,
    };
  }

  async function importFile(file) {
    let data;
    try {
      data = JSON.parse(await file.text());
    } catch {
      say(`${file.name} is not JSON: nothing was imported.`);
      return showResult(`${file.name} is not JSON: nothing was imported.`);
    }
    const items = Array.isArray(data) ? data : data?.first?.items ?? data?.items ?? [data];
    const notes = load();
    const known = new Set(notes.map((n) => n.id));
    let added = 0;
    let already = 0;
    let skipped = 0;
    for (const a of items) {
      const note = fromAnnotation(a);
      if (!note) skipped++;
      else if (known.has(note.id)) already++;
      else {
        notes.push(note);
        known.add(note.id);
        added++;
      }
    }
    save(notes);
    listAll();
    const parts = [`Imported ${added} ${added === 1 ? "note" : "notes"}`];
    if (already) parts.push(`${already} already here`);
    if (skipped) parts.push(`${skipped} not understood (no quoted words or paragraph)`);
    showResult(`${parts.join("; ")}.`);
  }
  function showResult(text) {
    say(text);
    document.querySelector(".my-notes .notes-status")?.after(el("p", { className: "notes-result", textContent: text }));
  }

  /** The notes as Markdown: by document, each quote with its citation and the note. */
  function toMarkdown(notes) {
    const { forms, parts } = window.readerCite;
    const today = new Date().toISOString().slice(0, 10);
    const lines = ["# My notes", "", `Exported ${dayOf(new Date().toISOString())}.`];
    let doc = null;
    for (const note of [...notes].sort((a, b) => (a.doc === b.doc ? inReadingOrder(a, b) : a.doc < b.doc ? -1 : 1))) {
      if (note.doc !== doc) {
        doc = note.doc;
        lines.push("", `## ${note.title}`);
      }
      const c = note.cite ?? {};
      const source = { ...c, title: c.title ?? note.title, paragraph: paragraphNumber(note), url: citedUrl(note), slug: note.doc, date: parts(c.date), accessed: parts(today), accessedIso: today };
      lines.push("", ...note.exact.split("\n").map((l) => `> ${l}`), ">", `> — ${forms(source)[0][1]}`);
      if (note.text) lines.push("", note.text);
      if (note.orphaned) lines.push("", "_These words are no longer in the document._");
    }
    return `${lines.join("\n")}\n`;
  }

  window.readerNotes = { create, paint };
  repaint();
})();
