// Where a reader's highlight or note sits in a document, and where it sits again once the
// document has been rebuilt with changes. A note is anchored three ways, as the W3C Web
// Annotation model describes them: its paragraph (`p-10`), the words it quotes with a few
// characters either side (a text-quote selector), and its offset in the paragraph (a text-position
// selector). Re-anchoring looks for the quoted words in every paragraph (inserted paragraphs
// renumber the rest) and among several occurrences prefers the one whose surroundings match best,
// then the paragraph the note names, then the nearest to its old position. A note whose words are gone is orphaned,
// never moved onto other words: whatever `locate` returns quotes exactly the note's words.
// Written by hand because no library does this for a DOM this small (Hypothesis's anchoring code
// is larger than the reader's whole notes feature). Loaded by public/notes.js; also run by
// tests/js/note-anchor.test.mjs, whose property tests make random edits to paragraphs.
(() => {
  const CONTEXT = 32;

  /** The selectors for [start, end) of a paragraph's `text`. */
  function describe(text, start, end) {
    return {
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT), start),
      suffix: text.slice(end, end + CONTEXT),
      start,
    };
  }

  /** Characters `a` and `b` share at their ends (`fromEnd`) or starts. */
  function shared(a, b, fromEnd) {
    let n = 0;
    const max = Math.min(a.length, b.length);
    while (n < max && (fromEnd ? a[a.length - 1 - n] === b[b.length - 1 - n] : a[n] === b[n])) n++;
    return n;
  }

  /** Each start of `exact` in `text`. */
  function occurrences(text, exact) {
    const found = [];
    for (let at = text.indexOf(exact); at >= 0 && exact; at = text.indexOf(exact, at + 1)) found.push(at);
    return found;
  }

  /**
   * Where `note` ({paragraph, exact, prefix, suffix, start}) sits among `paragraphs` (a list of
   * {id, text}): {paragraph, start, end}, or null when its words are nowhere (orphaned). Every
   * paragraph is looked in, since inserted paragraphs renumber the rest.
   */
  function locate(note, paragraphs) {
    let best = null;
    for (const p of paragraphs) {
      for (const at of occurrences(p.text, note.exact)) {
        const context =
          shared(p.text.slice(Math.max(0, at - CONTEXT), at), note.prefix ?? "", true) +
          shared(p.text.slice(at + note.exact.length, at + note.exact.length + CONTEXT), note.suffix ?? "", false);
        // The surroundings first; then the paragraph it was in; then nearness to where it was.
        const score = context * 1e6 + (p.id === note.paragraph ? 1e5 : 0) - Math.min(99999, Math.abs(at - (note.start ?? 0)));
        if (!best || score > best.score) best = { score, paragraph: p.id, start: at, end: at + note.exact.length };
      }
    }
    return best && { paragraph: best.paragraph, start: best.start, end: best.end };
  }

  const api = { describe, locate };
  if (typeof window !== "undefined") window.readerNoteAnchor = api;
  else globalThis.readerNoteAnchor = api;
})();
