// "Copy link to selection": words selected in a paragraph get a link that lands on them, marked,
// here (`?quote=` with the paragraph's anchor) and in any browser that opens it elsewhere (a
// `#:~:text=` text fragment). A selection that runs on into the next paragraphs links its
// first paragraph, quoting from the selection's start to that paragraph's end. Words that occur
// more than once in the paragraph are quoted with as many neighbouring words as make them
// unique, so the link marks the occurrence chosen, not the others. Loaded by register-sw.js on
// the first selection inside a paragraph.
(() => {
  const button = Object.assign(document.createElement("button"), { type: "button", className: "selection-link", textContent: "Copy link to selection" });
  const status = Object.assign(document.createElement("p"), { className: "visually-hidden" });
  status.setAttribute("role", "status");
  // In the footer landmark (the button is fixed under the selection, wherever it sits).
  (document.querySelector(".site-footer") ?? document.body).append(button, status);
  button.hidden = true;
  let link = null;

  /** The paragraph's text as the source prints it, without its printed number. */
  const textOf = (p) => {
    const number = p.querySelector(".para-num")?.textContent ?? "";
    return p.textContent.slice(number.length);
  };

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

  /** The link for the current selection, or null where it is not inside a paragraph's text. */
  function linkForSelection() {
    const selection = getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const startNode = range.startContainer.nodeType === Node.ELEMENT_NODE ? range.startContainer : range.startContainer.parentElement;
    const p = startNode?.closest(".para > p");
    const anchor = p?.closest(".para");
    const pageLink = anchor?.querySelector(".para-link");
    if (!p || !pageLink) return null;
    const text = textOf(p);
    let start = offsetIn(p, range.startContainer, range.startOffset);
    let end = p.contains(range.endContainer) ? offsetIn(p, range.endContainer, range.endOffset) : text.length;
    // Whole words, without the spaces at either edge.
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end <= start) return null;
    [start, end] = unique(text, start, end);
    const quote = text.slice(start, end);
    const address = new URL(pageLink.href);
    return `${address.origin}${address.pathname}?quote=${encodeURIComponent(quote)}#${anchor.id}:~:text=${part(quote)}`;
  }

  /** Shows the button under the selection's end, or hides it. */
  function update() {
    link = linkForSelection();
    button.hidden = !link;
    if (!link) return;
    const rects = getSelection().getRangeAt(0).getClientRects();
    const last = rects[rects.length - 1] ?? getSelection().getRangeAt(0).getBoundingClientRect();
    button.style.left = `${Math.max(8, Math.min(last.right - 40, innerWidth - 220))}px`;
    button.style.top = `${Math.min(last.bottom + 8, innerHeight - 56)}px`;
  }

  let pending = 0;
  document.addEventListener("selectionchange", () => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(update);
  });
  addEventListener("scroll", () => button.hidden || update(), { passive: true });
  // Keep the selection when the button is pressed.
  button.addEventListener("mousedown", (event) => event.preventDefault());
  button.addEventListener("click", async () => {
    if (!link) return;
    const copied = await navigator.clipboard?.writeText(link).then(() => true, () => false);
    status.textContent = copied ? "Link to the selection copied" : "The link could not be copied";
    button.textContent = copied ? "Link copied" : "Could not copy";
    setTimeout(() => (button.textContent = "Copy link to selection"), 2000);
  });
  update();
})();
