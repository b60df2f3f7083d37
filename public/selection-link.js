// "Copy link to selection": words selected in a paragraph get a link that lands on them, marked,
// here (`?quote=` with the paragraph's anchor) and in any browser that opens it elsewhere (a
// `#:~:text=` text fragment). A selection that runs on into the next paragraphs links its
// first paragraph, quoting from the selection's start to that paragraph's end. Words that occur
// more than once in the paragraph are quoted with as many neighbouring words as make them
// unique, so the link marks the occurrence chosen, not the others. Loaded by register-sw.js on
// the first selection inside a paragraph. Its "Highlight" button hands the selection to
// public/notes.js (loaded then), which keeps highlights and notes.
(() => {
  const button = Object.assign(document.createElement("button"), { type: "button", className: "selection-link", textContent: "Copy link to selection" });
  const highlight = Object.assign(document.createElement("button"), { type: "button", className: "selection-highlight", textContent: "Highlight" });
  const tools = Object.assign(document.createElement("div"), { className: "selection-tools" });
  tools.append(button, highlight);
  const status = Object.assign(document.createElement("p"), { className: "visually-hidden" });
  status.setAttribute("role", "status");
  // In the footer landmark (the buttons are fixed under the selection, wherever it sits).
  (document.querySelector(".site-footer") ?? document.body).append(tools, status);
  tools.hidden = true;
  let link = null;
  let selected = null;

  /** Offset in the paragraph's text of a point (node, offset) inside its <p>. */
  function offsetIn(p, node, offset) {
    const range = document.createRange();
    range.setStart(p, 0);
    range.setEnd(node, offset);
    const number = p.querySelector(".para-num")?.textContent.length ?? 0;
    return Math.max(0, range.toString().length - number);
  }

  const count = (text, words) => text.split(words).length - 1;

  /** The quote to link, [start, end) in `text`, widened a word at a time on each side (within
   * the paragraph) until it occurs once. */
  function unique(text, start, end) {
    while (count(text, text.slice(start, end)) > 1) {
      const before = text.lastIndexOf(" ", start - 2) + 1;
      const after = text.indexOf(" ", end + 1);
      const wider = [start > 0 ? before : start, end < text.length ? (after < 0 ? text.length : after) : end];
      if (wider[0] === start && wider[1] === end) break;
      [start, end] = wider;
    }
    return [start, end];
  }

  /** A text fragment's part, percent-encoded with its own separators (`-`, `,`, `&`) too. */
  const part = (text) => encodeURIComponent(text).replace(/-/g, "%2D").replace(/,/g, "%2C");

  /** The selected words of a paragraph: its block (`.para`), text and [start, end) of the
   * words (whole, without spaces at either edge), or null where the selection is not in one. */
  function selection() {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const startNode = range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement;
    const p = startNode?.closest(".para > p");
    const anchor = p?.closest(".para");
    const pageLink = anchor?.querySelector(".para-link");
    if (!p || !pageLink) return null;
    const text = paragraphText(p);
    let start = offsetIn(p, range.startContainer, range.startOffset);
    let end = p.contains(range.endContainer) ? offsetIn(p, range.endContainer, range.endOffset) : text.length;
    // Whole words, without the spaces at either edge.
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    return end > start ? { block: anchor, pageLink, text, start, end } : null;
  }

  /** The link for the selected words `s`. */
  function linkFor(s) {
    const [start, end] = unique(s.text, s.start, s.end);
    const quote = s.text.slice(start, end);
    const address = new URL(s.pageLink.href);
    return `${address.origin}${address.pathname}?quote=${encodeURIComponent(quote)}#${s.block.id}:~:text=${part(quote)}`;
  }

  /** Shows the buttons under the selection's end, or hides them. */
  function update() {
    selected = selection();
    link = selected && linkFor(selected);
    tools.hidden = !link;
    if (!link) return;
    const rects = getSelection().getRangeAt(0).getClientRects();
    const last = rects[rects.length - 1] ?? getSelection().getRangeAt(0).getBoundingClientRect();
    tools.style.left = `${Math.max(8, Math.min(last.right - 40, innerWidth - 330))}px`;
    tools.style.top = `${Math.max(8, Math.min(last.bottom + 8, innerHeight - 56))}px`;
  }

  let pending = 0;
  document.addEventListener("selectionchange", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  });
  addEventListener("scroll", () => tools.hidden || update(), { passive: true });
  // Keep the selection when a button is pressed.
  tools.addEventListener("mousedown", (event) => event.preventDefault());
  highlight.addEventListener("click", async () => {
    const words = selected;
    if (!words) return;
    await loadNotes();
    window.readerNotes.create(words.block, words.start, words.end);
    tools.hidden = true;
  });
  button.addEventListener("click", async () => {
    if (!link) return;
    const copied = await navigator.clipboard?.writeText(link).then(() => true, () => false);
    status.textContent = copied ? "Link to the selection copied" : "The link could not be copied";
    button.textContent = copied ? "Link copied" : "Could not copy";
    setTimeout(() => (button.textContent = "Copy link to selection"), 2000);
  });
  update();
})();
