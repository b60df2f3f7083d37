// A reader's private highlights and notes (public/notes.js): made from a selection, kept in this
// browser, shown beside their paragraph, listed on My notes, exported as Web Annotation JSON and
// Markdown, imported, re-anchored when a paragraph moves, orphaned (not dropped) when its words go.
import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { test, expect, STATEMENT, selectWords, waitForApp, listedDocuments, sourceTexts } from "./fixtures.mjs";

const WORDS = "agreed by the FATF Plenary in June";
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
const kept = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("reader-notes") ?? "[]"));
/** The words a named highlight (the CSS Custom Highlight API) paints, in order. */
const painted = (page, colour) => page.evaluate((name) => [...(CSS.highlights.get(name) ?? [])].map((r) => r.toString()), `note-${colour}`);

async function highlight(page, id, words, { colour = null, note = "" } = {}) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await selectWords(page, id, words);
  await page.getByRole("button", { name: "Highlight", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: new RegExp(`Highlight ¶ ${id.slice(2)}`) });
  await expect(dialog).toBeVisible();
  if (colour) await dialog.getByLabel(colour).check();
  if (note) await dialog.getByLabel("Note (optional)").fill(note);
  await dialog.getByRole("button", { name: "Save highlight" }).click();
  await expect(dialog).toBeHidden();
}

test("a highlight with a note is kept in this browser, painted on its words and opened from beside its paragraph", async ({ page }) => {
  await page.goto(STATEMENT);
  await waitForApp(page);
  await selectWords(page, "p-12", WORDS);
  await page.getByRole("button", { name: "Highlight", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Highlight ¶ 12" });
  await expect(dialog.locator("blockquote")).toHaveText(WORDS);
  await expect(dialog).toContainText("Kept only in this browser: nothing leaves this device.");
  // The note field has focus; the choices are reachable by keyboard.
  await expect(dialog.getByLabel("Note (optional)")).toBeFocused();
  await dialog.getByLabel("Green").check();
  await dialog.getByLabel("Note (optional)").fill("Check the June plenary's outcome");
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include(".note-dialog").withTags(TAGS).analyze();
    expect(results.violations.map((v) => `${scheme}: ${v.id} ${v.help}`)).toEqual([]);
  }
  await dialog.getByRole("button", { name: "Save highlight" }).click();
  await expect(dialog).toBeHidden();
  const marker = page.getByRole("button", { name: `Your note on ¶ 12: “${WORDS}”` });
  await expect(marker).toBeFocused();
  expect(await painted(page, "green")).toEqual([WORDS]);
  expect(await kept(page)).toMatchObject([{ paragraph: "p-12", exact: WORDS, colour: "green", text: "Check the June plenary's outcome" }]);

  // Kept across a reload; painted again once the app has the page.
  await page.reload();
  await waitForApp(page);
  await expect(marker).toBeVisible();
  expect(await painted(page, "green")).toEqual([WORDS]);

  // Edited from its button: another colour, then deleted.
  await marker.click();
  const editing = page.getByRole("dialog", { name: "Your note on ¶ 12" });
  await expect(editing.getByLabel("Note (optional)")).toHaveValue("Check the June plenary's outcome");
  await editing.getByLabel("Blue").check();
  await editing.getByRole("button", { name: "Save", exact: true }).click();
  expect(await painted(page, "blue")).toEqual([WORDS]);
  expect(await painted(page, "green")).toEqual([]);
  await marker.click();
  await editing.getByRole("button", { name: "Delete" }).click();
  await expect(marker).toHaveCount(0);
  expect(await painted(page, "blue")).toEqual([]);
  expect(await kept(page)).toEqual([]);
});

test("My notes lists notes by document, links to their words, exports, imports and deletes them", async ({ page }) => {
  await page.goto(STATEMENT);
  await waitForApp(page);
  await highlight(page, "p-12", WORDS, { note: "Plenary in June" });
  await highlight(page, "p-5", "brought to justice", { colour: "Pink" });

  await page.getByRole("link", { name: "My notes" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My notes" })).toBeFocused();
  const list = page.locator(".my-notes");
  await expect(list.locator(".notes-status")).toHaveText("2 notes in 1 document.");
  await expect(list.getByRole("heading", { level: 2 })).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  await expect(list.locator(".note-quote")).toHaveText(["brought to justice", WORDS]);
  await expect(list.locator(".note-text")).toHaveText(["Plenary in June"]);
  // In reading order: ¶ 5 before ¶ 12, though ¶ 12 was highlighted first.
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
    expect(results.violations.map((v) => `${scheme}: ${v.id} ${v.help}`)).toEqual([]);
  }

  // Web Annotation JSON: a collection of annotations, each on its paragraph and words.
  const [json] = await Promise.all([page.waitForEvent("download"), list.getByRole("button", { name: "Export as Web Annotation JSON" }).click()]);
  const exported = readFileSync(await json.path(), "utf8");
  const collection = JSON.parse(exported);
  expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: 2 });
  const [first, second] = collection.first.items;
  expect(first).toMatchObject({ type: "Annotation", motivation: "commenting", body: { type: "TextualBody", value: "Plenary in June" } });
  expect(second.motivation).toBe("highlighting");
  expect(new URL(first.target.source).pathname).toBe(STATEMENT);
  expect(first.target.selector[0]).toMatchObject({ type: "FragmentSelector", value: "p-12", refinedBy: { type: "TextQuoteSelector", exact: WORDS } });

  // Markdown: each quote with its citation, then the note.
  const [markdown] = await Promise.all([page.waitForEvent("download"), list.getByRole("button", { name: "Export as Markdown" }).click()]);
  const md = readFileSync(await markdown.path(), "utf8");
  expect(md).toContain(`> ${WORDS}\n>\n> — G20 Leaders’ Statement on Countering Terrorism, ¶ 12 (G20). ${new URL(STATEMENT, page.url()).href}#p-12 (accessed`);
  expect(md).toContain("\n\nPlenary in June\n");

  // Deleted one by one, or all at once (after a confirmation); imported back from the JSON.
  await list.getByRole("button", { name: "Delete note on ¶ 5" }).click();
  await expect(list.locator(".note-quote")).toHaveText([WORDS]);
  page.once("dialog", (d) => d.accept());
  await list.getByRole("button", { name: "Delete all notes" }).click();
  await expect(list.locator(".notes-status")).toHaveText(/^No notes yet/);
  expect(await kept(page)).toEqual([]);
  await list.locator("#notes-import").setInputFiles({ name: "my-notes.jsonld", mimeType: "application/ld+json", buffer: Buffer.from(exported) });
  await expect(list.locator(".notes-result")).toHaveText("Imported 2 notes.");
  await expect(list.locator(".note-quote")).toHaveText(["brought to justice", WORDS]);
  await list.locator("#notes-import").setInputFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from("[{\"type\":\"Annotation\"}, 3]") });
  await expect(list.locator(".notes-result").first()).toHaveText("Imported 0 notes; 2 not understood (no quoted words or paragraph).");

  // A note's link lands on its words, marked.
  await list.getByRole("link", { name: "¶ 12" }).click();
  await expect(page.locator("#p-12")).toHaveClass(/is-target/);
  await expect(page.locator("#p-12 mark.hit").first()).toBeVisible();
});

test("a note follows its words when the paragraphs are renumbered, and is kept as orphaned when they are gone", async ({ page }) => {
  await page.goto(STATEMENT);
  await waitForApp(page);
  const words = await page.locator("#p-12 > p").evaluate((p) => p.textContent);
  const start = words.indexOf(WORDS) - (words.length - words.replace(/^\d+\.\s/, "").length);
  const note = (id, paragraph, exact) => ({ id, doc: STATEMENT.slice(1), title: "G20", paragraph, exact, prefix: "", suffix: "", start, colour: "yellow", text: "", created: "2026-01-01T00:00:00Z", modified: "2026-01-01T00:00:00Z" });
  await page.evaluate((notes) => localStorage.setItem("reader-notes", JSON.stringify(notes)), [note("moved", "p-3", WORDS), note("gone", "p-12", "words this statement never had")]);
  await page.reload();
  await waitForApp(page);
  await expect(page.locator("#p-12").getByRole("button", { name: `Your highlight on ¶ 12: “${WORDS}”` })).toBeVisible();
  expect(await painted(page, "yellow")).toEqual([WORDS]);
  await expect(page.locator(".notes-orphaned")).toHaveText("One of your notes quotes words no longer in this document. See them in My notes");
  expect(await kept(page)).toMatchObject([{ id: "moved", paragraph: "p-12" }, { id: "gone", orphaned: true }]);

  await page.locator(".notes-orphaned a").click();
  await expect(page.locator(".my-notes .notes-item")).toHaveCount(2);
  await expect(page.locator(".my-notes .notes-item").nth(1)).toContainText("These words are no longer in the document");
});

test("each document downloads whole, as Markdown and as plain text, its citation on top and its text as published", async ({ page }) => {
  const docs = await listedDocuments(page);
  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
    return readFileSync(await file.path(), "utf8");
  };
  for (const lines of sourceTexts()) {
    const doc = docs.find((d) => d.title === lines[0]);
    await page.goto(doc.href);
    await waitForApp(page);
    await page.locator(".cite-button").first().click();
    const text = await download("Download as plain text (.txt)");
    const [title, blank, cite, ...body] = text.trimEnd().split("\n");
    expect([title, blank]).toEqual([lines[0], ""]);
    expect(cite).toMatch(new RegExp(`^Cite as: ${lines[0]}.* ${new URL(doc.href, page.url()).href} \\(accessed \\d+ \\w+ \\d{4}\\)\\.$`));
    // The text as the source prints it, paragraph by paragraph (the dump's dateline is the page's facts).
    expect(body.filter((l) => l !== "")).toEqual(lines.slice(1).filter((l) => l !== "7 July 2017"));
    if (doc.href.endsWith(STATEMENT)) {
      const md = await download("Download as Markdown (.md)");
      expect(md.startsWith(`# ${lines[0]}\n\n> Cite as: ${lines[0]} (G20). `)).toBe(true);
      expect(md).toContain("\n\n12. We welcome the reforms agreed by the FATF Plenary in June");
    }
    await page.keyboard.press("Escape");
  }
});

test("offline after one visit, a highlight is made and listed: the notes code is kept for offline", async ({ page, context }) => {
  await page.goto(STATEMENT);
  await waitForApp(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await context.setOffline(true);
  await highlight(page, "p-5", "brought to justice", { note: "Made offline" });
  await page.getByRole("link", { name: "My notes" }).click();
  await expect(page.locator(".my-notes .note-text")).toHaveText(["Made offline"]);
  await context.setOffline(false);
});

test("from the keyboard, a paragraph's Cite dialog highlights the whole paragraph, with a note", async ({ page }) => {
  await page.goto(STATEMENT);
  await waitForApp(page);
  await page.locator("#p-3 .cite-button").focus();
  await page.keyboard.press("Enter");
  await page.getByRole("dialog", { name: "Cite ¶ 3" }).getByRole("button", { name: "Highlight or add a note on this paragraph" }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Highlight ¶ 3" });
  await expect(dialog.getByLabel("Note (optional)")).toBeFocused();
  await page.keyboard.type("The whole paragraph");
  await dialog.getByRole("button", { name: "Save highlight" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: /^Your note on ¶ 3: “We call for the implementation/ })).toBeFocused();
  const text = await page.locator("#p-3 > p").evaluate((p) => p.textContent.slice(p.querySelector(".para-num").textContent.length));
  expect(await painted(page, "yellow")).toEqual([text]);
});
