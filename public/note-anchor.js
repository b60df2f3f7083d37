// Where a reader's highlight or note sits in a document, and where it sits again once the
// document has been rebuilt with changes. A note is anchored three ways, as the W3C Web
// Annotation model describes them: its paragraph (`p-10`), the words it quotes with a few
// characters either side (a text-quote selector), and its offset in the paragraph (a text-position
// selector). Re-anchoring looks for the quoted words in every paragraph (inserted paragraphs
// renumber the rest) and among several occurrences prefers the one whose surroundings match best,
// then the paragraph the note names, then the nearest to its old position; words re-set with other
// quotes, dashes or spacing are still found. A note whose words are gone is orphaned, never moved
// onto other words: whatever `locate` returns quotes the note's words, typography aside.
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

  /** Typography that re-publishing changes without changing the words. */
  const PLAIN = { "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-" };

  /** `text` with quotes and dashes made plain and runs of white space made one space, and a
   * function from an offset in it to the offset in `text` its character came from. */
  function plain(text) {
    let out = "";
    const from = [];
    for (let i = 0; i < text.length; i++) {
      let c = PLAIN[text[i]] ?? text[i];
      if (/\s/.test(c)) {
        if (out.endsWith(" ")) continue;
        c = " ";
      }
      out += c;
      from.push(i);
    }
    from.push(text.length);
    return { text: out, from: (i) => from[i] };
  }

  /** The best place among `paragraphs` for `exact` with its `prefix` and `suffix`, comparing
   * texts as `view` gives them: {paragraph, start, end} in the paragraph's own text, or null. */
  function best(note, paragraphs, view) {
    const exact = view(note.exact).text;
    const prefix = view(note.prefix ?? "").text;
    const suffix = view(note.suffix ?? "").text;
    let found = null;
    for (const p of paragraphs) {
      const seen = view(p.text);
      for (const at of occurrences(seen.text, exact)) {
        const context =
          shared(seen.text.slice(Math.max(0, at - CONTEXT), at), prefix, true) + shared(seen.text.slice(at + exact.length, at + exact.length + CONTEXT), suffix, false);
        const start = seen.from(at);
        const end = seen.from(at + exact.length - 1) + 1;
        // The surroundings first; then the paragraph it was in; then nearness to where it was.
        const score = context * 1e6 + (p.id === note.paragraph ? 1e5 : 0) - Math.min(99999, Math.abs(start - (note.start ?? 0)));
        if (!found || score > found.score) found = { score, paragraph: p.id, start, end };
      }
    }
    return found && { paragraph: found.paragraph, start: found.start, end: found.end };
  }

  const asIs = (text) => ({ text, from: (i) => i });

  /**
   * Where `note` ({paragraph, exact, prefix, suffix, start}) sits among `paragraphs` (a list of
   * {id, text}): {paragraph, start, end}, or null when its words are nowhere (orphaned). Every
   * paragraph is looked in, since inserted paragraphs renumber the rest. The words as they were
   * first; failing that, the same words with their quotes, dashes or spacing set differently.
   */
  function locate(note, paragraphs) {
    if (!note.exact) return null;
    return best(note, paragraphs, asIs) ?? best(note, paragraphs, plain);
  }

  /** How a paragraph is cited, from its anchor as the app writes it (content_model::
   *  paragraph_anchor): p-10 is 10, pp-2 PP2, p-2-3 2.3, annex-1-p-3 Annex 1.3, p-10-a 10(a),
   *  p-4-item-2 "4, item 2". An anchor of another form is given back as it is. */
  function paragraphLabel(id) {
    const m = /^(?:annex-(\d+)-p-|p-(\d+)-(?=\d)|(pp)-|p-)(\d+)(?:-(item|quote)-(\d+)|-([a-z]+))?$/.exec(id);
    if (!m) return id;
    const [, annex, section, preamble, n, childWord, childIndex, marker] = m;
    const base = annex ? `Annex ${annex}.${n}` : section ? `${section}.${n}` : preamble ? `PP${n}` : n;
    return childWord ? `${base}, ${childWord} ${childIndex}` : marker ? `${base}(${marker})` : base;
  }

  const api = { describe, locate, paragraphLabel, plain: (text) => plain(text).text };
  if (typeof window !== "undefined") window.readerNoteAnchor = api;
  else globalThis.readerNoteAnchor = api;
})();
