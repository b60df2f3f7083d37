// Documents shaped as institutions publish them, from the fixture corpus (tests/fixtures/,
// built into dist-fixtures/ and kept out of the default corpus): a resolution's preamble of
// unnumbered paragraphs, then its numbered operative paragraphs, sub-paragraphs, a quotation, a
// list, an annex numbered afresh with a table, and footnotes.
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "./fixtures.mjs";

const RESOLUTION = "/council-resolution-on-shared-watch-lists";

test("a resolution's preamble reads unnumbered and is cited PP1, PP2; operative paragraphs keep their numbers, sub-paragraphs their markers, quotations and lists their form, an annex its own numbers, a table its headers, footnotes their links", async ({ page, baseURL }) => {
  await page.goto(`${RESOLUTION}#pp-2`);
  await expect(page.locator("main h1")).toHaveText("Council Resolution on Shared Watch Lists");
  // The deep link lands on the preamble's second paragraph, read as the file writes it.
  const second = page.locator("#pp-2");
  await expect(second).toBeFocused();
  await expect(second.locator("p")).toHaveText(/^Recalling its earlier decisions/);
  await expect(second.locator("p")).toHaveAttribute("data-n", "PP2");
  await expect(page.locator(".para-num")).toHaveText(["1. ", "2. ", "3. ", "4. ", "1. ", "1. ", "2. ", "2. ", "3. "]);
  await expect(page.locator("#p-1 p")).toHaveText(/^1\. Decides that member states shall share/);
  await expect(page.locator("#p-4 p")).toHaveText(/^4\. Decides to review/);
  await expect(page.locator(".para")).toHaveCount(30);
  // Two references after one word, each its own link.
  await expect(page.locator("#annex-1-p-2-a .note-ref a")).toHaveText(["3", "4"]);
  // The annex numbers its paragraphs afresh (front matter: numbering = "per-annex").
  await expect(page.locator("#annex-1-p-2 p")).toHaveText("2. An answer shall come within seven days:");
  await expect(page.getByRole("button", { name: "Cite paragraph Annex 1.2(a)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Copy link to paragraph PP3" })).toHaveAttribute("href", `${RESOLUTION}#pp-3`);
  // Sub-paragraphs sit under their paragraph, each with its own anchor, marker and label.
  await expect(page.locator("#p-2-b p")).toHaveText("(b) remove an entry within one month of the reason for it ending;");
  await expect(page.getByRole("link", { name: "Copy link to paragraph 3(ii)" })).toHaveAttribute("href", `${RESOLUTION}#p-3-ii`);
  const left = async (id) => (await page.locator(`#${id} p`).boundingBox()).x;
  expect(await left("p-2-a")).toBeGreaterThan(await left("p-2"));
  // A quotation set apart is a blockquote; a bulleted list is a list of its items.
  await expect(page.getByRole("blockquote")).toHaveCount(2);
  await expect(page.locator("#p-1-quote-2")).toHaveAttribute("role", "blockquote");
  await expect(page.getByRole("link", { name: "Copy link to paragraph 1, quote 2" })).toHaveAttribute("href", `${RESOLUTION}#p-1-quote-2`);
  const list = page.getByRole("list").filter({ has: page.locator("#p-4-item-1") });
  await expect(list.getByRole("listitem")).toHaveText([/^the number of entries shared;/, /^the time each state took to answer a request\./]);
  // A numbered list in a paragraph's flow keeps its numbers, each item the paragraph's own.
  const numbered = page.getByRole("list").filter({ has: page.locator("#annex-1-p-1-item-2") });
  await expect(numbered.getByRole("listitem")).toHaveText([/^1\. answer in the language/, /^2\. keep a record/]);
  await expect(page.getByRole("button", { name: "Cite paragraph Annex 1.1, item 2" })).toBeAttached();
  // A table has its caption and column headers; each row is a paragraph of its own.
  const table = page.getByRole("table", { name: "Table 1" });
  await expect(table.getByRole("columnheader")).toHaveText(["Requested by", "Requests", "Answered within seven days"]);
  await expect(table.locator("#table-1-row-2 td").first()).toHaveText("Example State B");
  await expect(table.locator("#table-1-row-2 td")).toHaveCount(3);
  await expect(page.getByRole("link", { name: "Link to Table 1, row 2" })).toHaveAttribute("href", `${RESOLUTION}#table-1-row-2`);
  await expect(page.getByRole("region", { name: "Table 1" })).toBeVisible();
  await page.goto(`${RESOLUTION}#p-3-i`);
  await expect(page.locator("#p-3-i")).toBeFocused();
  await expect(page.locator("#p-3-i")).toHaveClass(/is-target/);

  // Footnotes: a reference is a superscript link to its note, set after the text under "Notes";
  // the note links back to its reference.
  const reference = page.locator("#pp-2 .note-ref a");
  await expect(reference).toHaveText("1");
  await expect(reference).toHaveAccessibleName("note 1");
  await reference.click();
  await expect(page).toHaveURL(new RegExp(`${RESOLUTION}#fn-1$`));
  await expect(page.locator("#fn-1")).toBeFocused();
  await expect(page.getByRole("heading", { name: "Notes", level: 2 })).toBeVisible();
  await expect(page.locator("#fn-1 p, #fn-2 p")).toHaveText([/^Decisions 12 and 15/, /^The channel is the one/]);
  await expect(page.locator(".toc")).toContainText("Notes");
  await page.getByRole("link", { name: "Back to the reference to note 1" }).click();
  await expect(page).toHaveURL(new RegExp(`${RESOLUTION}#fnref-1$`));
  await expect(page.locator("#fnref-1")).toBeInViewport();
  await page.goto(`${RESOLUTION}#pp-2`);

  // A citation names the preamble's paragraph as readers cite it.
  await page.locator("html[data-cite]").waitFor({ state: "attached" });
  await page.getByRole("button", { name: "Cite paragraph PP2" }).click();
  const dialog = page.getByRole("dialog", { name: "Cite ¶ PP2" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("pre").first()).toContainText(`Council Resolution on Shared Watch Lists, ¶ PP2 (Example Council, 12 March 2026). ${baseURL}${RESOLUTION}#pp-2`);
  await page.keyboard.press("Escape");

  // Search lands on a preamble paragraph and an operative one, each labelled as cited.
  await page.goto(`/search?q=${encodeURIComponent("watch lists")}`);
  const places = page.locator(".result .hit-where");
  await expect(places.first()).toBeVisible();
  expect(await places.allTextContents()).toEqual(expect.arrayContaining(["¶ PP3", "¶ 1"]));
  await page.locator(".result a", { hasText: "¶ PP3" }).click();
  await expect(page).toHaveURL(new RegExp(`${RESOLUTION}\\?q=watch%20lists#pp-3$`));
  await expect(page.locator("#pp-3")).toBeFocused();
  await expect(page.locator("#pp-3 mark").first()).toHaveText(/watch/i);
  // And on a sub-paragraph.
  await page.goto(`/search?q=${encodeURIComponent("tell the other states")}`);
  await expect(places.first()).toHaveText("¶ 2(c)");
  await places.first().click();
  await expect(page.locator("#p-2-c")).toBeFocused();
  // On a list item and a quotation.
  await page.goto(`/search?q=${encodeURIComponent("each state took to answer a request")}`);
  await expect(places.first()).toHaveText("¶ 4, item 2 · Review");
  await page.goto(`/search?q=${encodeURIComponent("neighbours cannot read")}`);
  await expect(places.first()).toHaveText("¶ 1, quote 2");
  await places.first().click();
  await expect(page.locator("#p-1-quote-2")).toBeFocused();
  // On a table's row, its words marked in their cell.
  await page.goto(`/search?q=${encodeURIComponent("Example State B")}`);
  await expect(places.first()).toHaveText(/^¶ Table 1, row 2/);
  await places.first().click();
  await expect(page.locator("#table-1-row-2")).toBeFocused();
  await expect(page.locator("#table-1-row-2 td").first().locator("mark").first()).toBeVisible();
  // And on a footnote.
  await page.goto(`/search?q=${encodeURIComponent("decisions taken in 2024")}`);
  await expect(places.first()).toHaveText(/^¶ note 1/);
});

test("without JavaScript the pre-rendered resolution reads whole, and its anchors land", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${RESOLUTION}#p-2-b`);
  await expect(page.locator(".para p")).toHaveText([
    "The Example Council,",
    "Recalling its earlier decisions1 on the exchange of information between border agencies,",
    "Noting with concern that watch lists kept apart let travellers pass unchecked between neighbouring states,",
    "1. Decides that member states shall share their watch lists through one secure channel,2 recalling the words of its founding declaration:",
    "Every state shall tell its neighbours what it knows of those who would do them harm.",
    "No state shall keep a list that its neighbours cannot read.",
    "2. Calls upon member states, in sharing their lists, to:",
    "(a) name for each entry the authority that keeps it;",
    "(b) remove an entry within one month of the reason for it ending;",
    "(c) tell the other states of each removal;",
    "3. Requests the secretariat to report within twelve months on:",
    "(i) the channel's use;",
    "(ii) the entries removed and the time each removal took;",
    "4. Decides to review this resolution at its next session, the review to cover:",
    "the number of entries shared;",
    "the time each state took to answer a request.",
    "1. Each state shall name one office to answer requests, which shall:",
    "1. answer in the language of the request;",
    "2. keep a record of each answer.",
    "2. An answer shall come within seven days:",
    "(a) or within one day where a traveller is waiting.34",
    "3. Requests received and answered in the channel's first year:",
    "Decisions 12 and 15 of the Example Council, taken in 2024.",
    "The channel is the one the Council's secretariat keeps for its members.",
    "At a border crossing or an airport.",
    "Twenty-four hours from the request.",
  ]);
  const ids = ["pp-1", "pp-2", "pp-3", "p-1", "p-1-quote-1", "p-1-quote-2", "p-2", "p-2-a", "p-2-b", "p-2-c", "p-3", "p-3-i", "p-3-ii", "p-4"];
  ids.push("p-4-item-1", "p-4-item-2", "annex-1-p-1", "annex-1-p-1-item-1", "annex-1-p-1-item-2", "annex-1-p-2", "annex-1-p-2-a", "annex-1-p-3");
  ids.push("table-1-head", "table-1-row-1", "table-1-row-2", "table-1-row-3", "fn-1", "fn-2", "fn-3", "fn-4");
  expect(await page.locator(".para").evaluateAll((els) => els.map((e) => e.id))).toEqual(ids);
  expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("p-2-b");
  await expect(page.locator("#table-1-row-1 td")).toHaveText(["Example State A", "120", /^118/]);
  await context.close();
});

for (const scheme of ["light", "dark"]) {
  test(`axe finds no violations on the resolution in the ${scheme} theme`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`${RESOLUTION}#pp-1`);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
  });
}
