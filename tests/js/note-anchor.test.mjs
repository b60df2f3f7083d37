// Property tests for re-anchoring a reader's notes (public/note-anchor.js): whatever edits a
// rebuilt document brings, a note either finds exactly its words again or is orphaned, and a note
// whose words the edits left alone is never lost.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import fc from "fast-check";

const context = vm.createContext({});
vm.runInContext(readFileSync(new URL("../../public/note-anchor.js", import.meta.url), "utf8"), context);
const { describe, locate, paragraphLabel, plain } = context.readerNoteAnchor;

const words = ["the", "G20", "terrorism", "financing", "FATF", "we", "will", "counter", "and", "of", "ISIL", "to", "1999", "States", "“safe", "spaces”", "FATF’s", "-", "–", " "];
const sentence = fc.array(fc.constantFrom(...words), { minLength: 3, maxLength: 40 }).map((w) => w.join(" "));
/** One edit of a text: insert, delete or replace a stretch. */
const edit = fc.record({ at: fc.nat(), length: fc.nat({ max: 12 }), insert: fc.oneof(fc.constant(""), sentence, fc.string({ maxLength: 6 })) });
const apply = (text, e) => {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.length);
};

/** A document of paragraphs, a note on words of one, and edits to it and the others. */
const scenario = fc.record({
  texts: fc.array(sentence, { minLength: 1, maxLength: 6 }),
  which: fc.nat(),
  from: fc.nat(),
  length: fc.integer({ min: 1, max: 30 }),
  edits: fc.array(fc.record({ paragraph: fc.nat(), edit }), { maxLength: 5 }),
  inserted: fc.array(fc.record({ at: fc.nat(), text: sentence }), { maxLength: 2 }),
});

function setUp(s) {
  const paragraphs = s.texts.map((text, i) => ({ id: `p-${i + 1}`, text }));
  const p = paragraphs[s.which % paragraphs.length];
  const start = s.from % p.text.length;
  const end = Math.min(p.text.length, start + s.length);
  return { paragraphs, note: { paragraph: p.id, ...describe(p.text, start, end) } };
}

/** The paragraphs after the edits and after new paragraphs are inserted (numbers move on). */
function rebuild(paragraphs, s) {
  const texts = paragraphs.map((p) => p.text);
  for (const { paragraph, edit: e } of s.edits) texts[paragraph % texts.length] = apply(texts[paragraph % texts.length], e);
  for (const { at, text } of s.inserted) texts.splice(at % (texts.length + 1), 0, text);
  return texts.map((text, i) => ({ id: `p-${i + 1}`, text }));
}

test("a re-anchored note quotes its words (typography aside), or is orphaned", () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const { paragraphs, note } = setUp(s);
      const rebuilt = rebuild(paragraphs, s);
      const found = locate(note, rebuilt);
      if (found === null) return true;
      const text = rebuilt.find((p) => p.id === found.paragraph).text;
      assert.equal(plain(text.slice(found.start, found.end)), plain(note.exact));
      return true;
    }),
    { numRuns: 3000 },
  );
});

test("a note whose words survive anywhere in the document is never orphaned", () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const { paragraphs, note } = setUp(s);
      const rebuilt = rebuild(paragraphs, s);
      const survives = rebuilt.some((p) => plain(p.text).includes(plain(note.exact)));
      assert.equal(locate(note, rebuilt) !== null, survives);
    }),
    { numRuns: 3000 },
  );
});

test("edits elsewhere leave a note on words with the same surroundings", () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const { paragraphs, note } = setUp(s);
      const own = paragraphs.find((q) => q.id === note.paragraph);
      // Only other paragraphs change, and new ones are inserted before or after.
      const others = s.edits.filter((e) => paragraphs[e.paragraph % paragraphs.length] !== own);
      const rebuilt = rebuild(paragraphs, { edits: others, inserted: s.inserted });
      const found = locate(note, rebuilt);
      assert.ok(found, `lost ${JSON.stringify(note)}`);
      const text = rebuilt.find((q) => q.id === found.paragraph).text;
      assert.equal(text.slice(found.start - note.prefix.length, found.start), note.prefix);
      assert.equal(text.slice(found.end, found.end + note.suffix.length), note.suffix);
    }),
    { numRuns: 2000 },
  );
});

test("a note in a paragraph that gains words before it stays on its own occurrence", () => {
  const text = "The FATF will report. We ask the FATF to act on terrorist financing.";
  const start = text.lastIndexOf("FATF");
  const note = { paragraph: "p-3", ...describe(text, start, start + 4) };
  const edited = `Today, ${text}`;
  const found = { ...locate(note, [{ id: "p-1", text: "We ask the FATF." }, { id: "p-3", text: edited }]) };
  assert.deepEqual(found, { paragraph: "p-3", start: edited.lastIndexOf("FATF"), end: edited.lastIndexOf("FATF") + 4 });
  assert.equal(locate({ ...note, exact: "FATF's" }, [{ id: "p-3", text: edited }]), null);
});

test("words re-set with other quotes, dashes or spacing are found again, and the note takes the new text", () => {
  const text = "There should be no \"safe spaces\" for terrorist financing - anywhere.";
  const start = text.indexOf("\"safe");
  const note = { paragraph: "p-11", ...describe(text, start, text.indexOf("anywhere")) };
  const republished = "There should be no “safe spaces”  for terrorist financing – anywhere.";
  const found = { ...locate(note, [{ id: "p-11", text: republished }]) };
  assert.equal(republished.slice(found.start, found.end), "“safe spaces”  for terrorist financing – ");
});

test("a note's paragraph is labelled as the page labels it, whatever its anchor's form", () => {
  const cases = {
    "p-10": "10",
    "pp-2": "PP2",
    "p-2-3": "2.3",
    "annex-1-p-3": "Annex 1.3",
    "p-10-a": "10(a)",
    "p-3-xii": "3(xii)",
    "annex-1-p-2-a": "Annex 1.2(a)",
    "p-4-item-2": "4, item 2",
    "pp-1-quote-12": "PP1, quote 12",
    "review": "review",
  };
  for (const [anchor, label] of Object.entries(cases)) assert.equal(paragraphLabel(anchor), label, anchor);
});
