// "Cite": a paragraph's citation in the forms readers paste into their work (plain text with
// the pinpoint, Chicago note and bibliography, APA 7, Harvard, BibTeX, RIS), each with the
// paragraph's address and today's date as the access date, copied in one action; BibTeX and
// RIS also as files. Loaded by register-sw.js on the first click of a paragraph's Cite button,
// so the reader's wasm, which every first visit downloads, carries none of it. Reads what the
// page shows: the title, the paragraph's link, and the citation data the document page puts on
// its <article> (data-cite-*; a field the content file does not give is absent, and left out).
// The dialog also downloads the whole document as Markdown or plain text, its citation on top.
(() => {
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const BIBTEX_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  /** A date's parts from `YYYY-MM-DD`, or null. */
  const parts = (iso) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? "");
    return m ? { year: m[1], month: Number(m[2]) - 1, day: Number(m[3]) } : null;
  };
  const dayMonthYear = (d) => `${d.day} ${MONTHS[d.month]} ${d.year}`;
  const monthDayYear = (d) => `${MONTHS[d.month]} ${d.day}, ${d.year}`;
  const isoOf = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;

  /** What is cited: the document's data and the paragraph. */
  function sourceOf(button) {
    const paragraph = button.closest(".para");
    const article = button.closest("article");
    const data = article?.dataset ?? {};
    // The paragraph's own address, without the search or quotation it was reached by.
    const address = new URL(paragraph?.querySelector(".para-link")?.href ?? location.href);
    return {
      title: article?.querySelector("h1")?.textContent.trim() ?? document.title,
      // How the paragraph is cited: its number, or PP2 in a preamble (the app's data-n).
      // (A table row carries it itself.)
      paragraph: paragraph?.dataset.n ?? paragraph?.querySelector("[data-n]")?.dataset.n ?? "",
      url: `${address.origin}${address.pathname}${paragraph ? `#${paragraph.id}` : ""}`,
      slug: address.pathname.split("/").pop() || "document",
      author: data.citeAuthor,
      issuer: data.citeIssuedBy,
      publisher: data.citePublisher,
      place: data.citePlace,
      kind: data.citeKind,
      original: data.citeUrl,
      date: parts(data.citeDate),
      accessed: parts(isoOf(new Date())),
      accessedIso: isoOf(new Date()),
    };
  }

  /** Each form of the citation: [name, text, file extension or null]. */
  function forms(s) {
    const who = s.author ?? s.issuer;
    const pin = `¶ ${s.paragraph}`;
    const list = (...items) => items.filter(Boolean).join(", ");
    const plain = `${s.title}, ${pin}${who || s.date ? ` (${list(who, s.date && dayMonthYear(s.date))})` : ""}. ${s.url} (accessed ${dayMonthYear(s.accessed)}).`;
    const chicagoDate = s.date ? monthDayYear(s.date) : `accessed ${monthDayYear(s.accessed)}`;
    const note = `${who ? `${who}, ` : ""}“${s.title},” ${list(s.publisher, s.place, chicagoDate, `para. ${s.paragraph}`, s.url)}.`;
    const bibliography = `${who ? `${who}. ` : ""}“${s.title}.” ${list(s.publisher, s.place)}${s.publisher || s.place ? ". " : ""}${s.date ? `${monthDayYear(s.date)}. ` : `Accessed ${monthDayYear(s.accessed)}. `}${s.url}.`;
    const year = s.date ? s.date.year : "n.d.";
    const apaDate = s.date ? `${s.date.year}, ${MONTHS[s.date.month]} ${s.date.day}` : "n.d.";
    const apa = `${who ? `${who}. ` : ""}(${apaDate}). ${s.title}${s.kind ? ` [${s.kind}]` : ""}.${s.publisher && s.publisher !== who ? ` ${s.publisher}.` : ""} Retrieved ${monthDayYear(s.accessed)}, from ${s.url}\nIn the text: (${who ?? s.title}, ${year}, para. ${s.paragraph})`;
    const harvard = `${who ? `${who} ` : ""}(${year}) ${s.title}.${s.publisher ? ` ${list(s.place, s.publisher)}.` : ""} Available at: ${s.url} (Accessed: ${dayMonthYear(s.accessed)}).\nIn the text: (${who ?? s.title}, ${year}, para. ${s.paragraph})`;
    return [
      ["Plain text", plain, null],
      ["Chicago, note", note, null],
      ["Chicago, bibliography", bibliography, null],
      ["APA 7", apa, null],
      ["Harvard", harvard, null],
      ["BibTeX", bibtex(s), "bib"],
      ["RIS", ris(s), "ris"],
    ];
  }

  /** BibTeX's special characters escaped; a corporate author in double braces. */
  const tex = (text) => text.replace(/[\\{}]/g, "").replace(/([&%$#_])/g, "\\$1").replace(/~/g, "\\textasciitilde{}").replace(/\^/g, "\\textasciicircum{}");
  function bibtex(s) {
    const fields = [
      ["title", `{${tex(s.title)}}`],
      s.author ? ["author", `{${tex(s.author)}}`] : s.issuer ? ["author", `{{${tex(s.issuer)}}}`] : null,
      s.issuer && s.author ? ["organization", `{${tex(s.issuer)}}`] : null,
      s.publisher ? ["publisher", `{${tex(s.publisher)}}`] : null,
      s.place ? ["address", `{${tex(s.place)}}`] : null,
      s.date ? ["year", `{${s.date.year}}`] : null,
      s.date ? ["month", BIBTEX_MONTHS[s.date.month]] : null,
      s.date ? ["day", `{${s.date.day}}`] : null,
      ["url", `{${s.url}}`],
      ["urldate", `{${s.accessedIso}}`],
      ["note", `{Paragraph ${s.paragraph}${s.original ? `. Original: \\url{${s.original}}` : ""}}`],
    ].filter(Boolean);
    return `@misc{${s.slug}-p${s.paragraph},\n${fields.map(([k, v]) => `  ${k} = ${v}`).join(",\n")}\n}\n`;
  }
  function ris(s) {
    const type = { "Press release": "PRESS", Statement: "GOVDOC" }[s.kind] ?? "GEN";
    const slashed = (d) => `${d.year}/${String(d.month + 1).padStart(2, "0")}/${String(d.day).padStart(2, "0")}/`;
    const lines = [
      ["TY", type],
      ["TI", s.title],
      s.author ? ["AU", s.author] : null,
      s.issuer ? [s.author ? "A2" : "AU", s.issuer] : null,
      s.date ? ["PY", s.date.year] : null,
      s.date ? ["DA", slashed(s.date)] : null,
      s.publisher ? ["PB", s.publisher] : null,
      s.place ? ["CY", s.place] : null,
      ["UR", s.url],
      ["Y2", slashed(s.accessed)],
      ["N1", `Paragraph ${s.paragraph}${s.original ? `. Original: ${s.original}` : ""}`],
      ["LA", "en"],
      ["ER", ""],
    ].filter(Boolean);
    return `${lines.map(([tag, value]) => `${tag}  - ${value}`.trimEnd()).join("\r\n")}\r\n`;
  }

  /** The document's citation as a whole, in the plain form. */
  function documentCitation(s) {
    const who = s.author ?? s.issuer;
    const list = (...items) => items.filter(Boolean).join(", ");
    const url = s.url.replace(/#.*$/, "");
    return `${s.title}${who || s.date ? ` (${list(who, s.date && dayMonthYear(s.date))})` : ""}. ${url} (accessed ${dayMonthYear(s.accessed)}).`;
  }

  /** The document shown, as Markdown or plain text, its citation at the top: the title, then
   * each heading and paragraph as the page prints it (numbers included). */
  function documentText(article, s, markdown) {
    const lines = [markdown ? `# ${s.title}` : s.title, "", `${markdown ? "> " : ""}Cite as: ${documentCitation(s)}`];
    for (const block of article.querySelectorAll(".doc-body h2, .doc-body h3, .doc-body .para")) {
      if (block.matches(".para")) lines.push("", paragraphLine(block, markdown));
      else lines.push("", markdown ? `${block.tagName === "H2" ? "##" : "###"} ${block.textContent.trim()}` : block.textContent.trim());
    }
    return `${lines.join("\n")}\n`;
  }

  /** A paragraph as the page prints it: a list item after a dash, a table row's cells between
   * bars (in Markdown, the header row followed by its rule). */
  function paragraphLine(block, markdown) {
    const p = block.querySelector(":scope > p");
    if (p) return `${markdown && block.closest("li") && !p.querySelector(".para-num") ? "- " : ""}${p.textContent.trim()}`;
    const cells = [...block.cells].map((cell) => [...cell.childNodes].filter((n) => !n.matches?.(".para-link, .cite-button")).map((n) => n.textContent).join("").trim());
    const row = markdown ? `| ${cells.join(" | ")} |` : cells.join(" | ");
    return markdown && block.closest("thead") ? `${row}\n|${" --- |".repeat(cells.length)}` : row;
  }

  /** Builds an element: tag, properties, children. */
  function el(tag, props = {}, ...children) {
    const node = Object.assign(document.createElement(tag), props);
    node.append(...children);
    return node;
  }

  /** Opens the citation dialog for the paragraph of `button`; focus returns there on close. */
  function open(button) {
    const source = sourceOf(button);
    document.querySelector(".cite-dialog")?.remove();
    const title = el("h2", { id: "cite-title", textContent: `Cite ¶ ${source.paragraph}` });
    const close = el("button", { type: "button", className: "cite-close", textContent: "Close" });
    const status = el("p", { className: "cite-status", role: "status" });
    const sections = forms(source).map(([name, text, extension]) => {
      const copy = el("button", { type: "button", textContent: "Copy" });
      copy.setAttribute("aria-label", `Copy ${name}`);
      copy.addEventListener("click", async () => {
        const copied = await navigator.clipboard?.writeText(text).then(() => true, () => false);
        status.textContent = copied ? `${name} copied.` : `${name} could not be copied: select the text and copy it.`;
      });
      const actions = el("div", { className: "cite-actions" }, copy);
      if (extension) {
        const file = URL.createObjectURL(new Blob([text], { type: extension === "bib" ? "application/x-bibtex" : "application/x-research-info-systems" }));
        actions.append(el("a", { href: file, download: `${source.slug}-p${source.paragraph}.${extension}`, textContent: `Download .${extension}` }));
      }
      return el("section", { className: "cite-form" }, el("h3", { textContent: name }), el("pre", { textContent: text }), actions);
    });
    // The whole document, to keep or to read elsewhere.
    const article = button.closest("article");
    const whole = article
      ? el(
          "section",
          { className: "cite-form" },
          el("h3", { textContent: "The whole document" }),
          el(
            "div",
            { className: "cite-actions" },
            ...[["md", "text/markdown", "Markdown"], ["txt", "text/plain", "plain text"]].map(([extension, type, name]) =>
              el("a", { href: URL.createObjectURL(new Blob([documentText(article, source, extension === "md")], { type: `${type};charset=utf-8` })), download: `${source.slug}.${extension}`, textContent: `Download as ${name} (.${extension})` }),
            ),
          ),
        )
      : null;
    // A highlight or note on the whole paragraph: the way in from the keyboard (words are
    // chosen by selecting them, which takes a pointer or caret browsing).
    const block = button.closest(".para");
    const note = block?.querySelector(":scope > p") ? el("button", { type: "button", textContent: "Highlight or add a note on this paragraph" }) : null;
    note?.addEventListener("click", async () => {
      dialog.close();
      await loadNotes();
      const p = block.querySelector(":scope > p");
      window.readerNotes.create(block, 0, paragraphText(p).length);
    });
    const notes = note ? el("section", { className: "cite-form" }, el("h3", { textContent: "Your notes" }), el("div", { className: "cite-actions" }, note)) : null;
    const dialog = el("dialog", { className: "cite-dialog" }, el("div", { className: "cite-head" }, title, close), status, ...sections, ...[whole, notes].filter(Boolean));
    dialog.setAttribute("aria-labelledby", "cite-title");
    close.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => {
      dialog.querySelectorAll("a[download]").forEach((a) => URL.revokeObjectURL(a.href));
      dialog.remove();
      button.focus();
    });
    document.body.append(dialog);
    dialog.showModal();
    close.focus();
  }

  // `forms` and `parts` also serve the Markdown export of My notes (public/notes.js).
  window.readerCite = { open, forms, parts };
})();
