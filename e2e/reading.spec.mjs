// Reading: every route, every source line, clicking through, deep links, history, not-found.
import { readFileSync } from "node:fs";
import { test, expect, waitForApp, listedDocuments, sourceTexts, DOCUMENT_COUNT, STATEMENT, SPEECH, topOf, selectWords } from "./fixtures.mjs";

test("the home page lists every document with kind, date, reading time and opening", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("Documents · Security Policy Reader");
  await expect(page.locator("main h1")).toHaveText("Documents");
  const cards = page.locator(".doc-card");
  await expect(cards).toHaveCount(DOCUMENT_COUNT);
  await expect(cards.nth(0)).toContainText("Statement");
  await expect(cards.nth(1)).toContainText("Press release · 7 July 2017");
  await expect(cards.nth(3)).toContainText("Speech · Washington");
  for (let i = 0; i < DOCUMENT_COUNT; i++) await expect(cards.nth(i)).toContainText(/\d+ min read/);
});

test("every line of the source dump is on its document's page, and only there", async ({ page }) => {
  const docs = await listedDocuments(page);
  const texts = sourceTexts();
  expect(texts.length, "the dump holds the default corpus's texts").toBeGreaterThan(0);
  for (const lines of texts) {
    const doc = docs.find((d) => d.title === lines[0]);
    expect(doc, `a document titled ${lines[0]}`).toBeTruthy();
    await page.goto(doc.href);
    await expect(page.locator("main h1")).toHaveText(lines[0]);
    const shown = await page.locator("main").innerText();
    for (const line of lines) expect(shown, `${doc.href} shows: ${line}`).toContain(line);
    // Nothing added to the body: its paragraphs and headings are exactly the source lines.
    const body = await page.locator(".doc-body").evaluate((b) =>
      [...b.querySelectorAll("h2, h3, .para p")].map((e) => e.textContent),
    );
    const bodyLines = lines.slice(1).filter((l) => l !== "7 July 2017");
    expect(body).toEqual(bodyLines);
  }
});

test("clicking through moves focus to the heading, announces the page, and history works", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "G20 Leaders’ Statement on Countering Terrorism" }).click();
  await expect(page).toHaveURL(STATEMENT);
  await expect(page).toHaveTitle("G20 Leaders’ Statement on Countering Terrorism · Security Policy Reader");
  await expect(page.locator("main h1")).toBeFocused();
  await expect(page.locator("#announcer")).toHaveText("G20 Leaders’ Statement on Countering Terrorism · Security Policy Reader");

  await page.locator(".neighbour.next").click();
  await expect(page).toHaveURL("/trafficking-ring-dismantled-spain-bulgaria");
  await expect(page.locator("main h1")).toHaveText("Human trafficking ring dismantled by Spanish and Bulgarian authorities");
  await expect(page.locator("main h1")).toBeFocused();

  await page.goBack();
  await expect(page).toHaveURL(STATEMENT);
  await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  await page.goBack();
  await expect(page.locator("main h1")).toHaveText("Documents");
  await page.goForward();
  await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  await page.locator(".site-name").click();
  await expect(page.locator("main h1")).toHaveText("Documents");
});

test("back returns to where the reader had scrolled; a new page starts at the top", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 600 });
  await page.goto(SPEECH);
  await expect(page.locator("main h1")).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, 2500));
  // A click from script, so that nothing scrolls the link into view first.
  await page.evaluate(() => document.querySelector(".neighbour.previous").click());
  await expect(page.locator("main h1")).toHaveText("Romanian THB ring disrupted in France");
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.goBack();
  await expect(page.locator("main h1")).toHaveText("Speech: Defence Secretary Speech at CSIS, Washington");
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(2500);
});

test("a deep link scrolls to its paragraph and marks it, also after a reload", async ({ page }) => {
  for (const load of [() => page.goto(`${STATEMENT}#p-10`), () => page.reload()]) {
    const response = await load();
    expect(response.status(), "served by the 404.html fallback or index").toBeLessThan(500);
    await expect(page.locator("#p-10")).toHaveClass(/is-target/);
    await expect(page.locator("#p-10")).toBeFocused();
    await expect(page.locator("#p-10 p")).toContainText("10. We underline our resolve");
    // At the top of the reading area, just below the header that stays in view.
    const top = await topOf(page, "#p-10");
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(120);
  }
});

test("back and forward move between paragraph targets", async ({ page }) => {
  await page.goto(SPEECH);
  await page.locator(".toc a", { hasText: "3. Partnering" }).click();
  await expect(page).toHaveURL(`${SPEECH}#3-partnering`);
  await expect(page.locator("[id=\"3-partnering\"]")).toHaveClass(/is-target/);
  await page.locator("#p-40 .para-link").click();
  await expect(page).toHaveURL(`${SPEECH}#p-40`);
  await expect(page.locator("#p-40")).toHaveClass(/is-target/);
  await page.goBack();
  await expect(page).toHaveURL(`${SPEECH}#3-partnering`);
  await expect(page.locator("[id=\"3-partnering\"]")).toHaveClass(/is-target/);
  await expect(page.locator("#p-40")).not.toHaveClass(/is-target/);
  const top = await topOf(page, "[id=\"3-partnering\"]");
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(120);
  await page.goForward();
  await expect(page.locator("#p-40")).toHaveClass(/is-target/);
});

test("the paragraph link copies the paragraph's URL", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(STATEMENT);
  const link = page.getByRole("link", { name: "Copy link to paragraph 5" });
  await link.click();
  await expect(page.locator("#announcer")).toHaveText("Link to paragraph 5 copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${STATEMENT}#p-5`);
  // Seen as well as announced: the link says so beside itself.
  expect(await link.evaluate((el) => getComputedStyle(el, "::after").content)).toBe('"Link copied"');
  // Copied from a quotation's landing, the link keeps the quotation, so its words stay marked.
  await page.goto(`${STATEMENT}?quote=${encodeURIComponent("There should be no")}#p-11`);
  await page.getByRole("link", { name: "Copy link to paragraph 11" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}${STATEMENT}?quote=There%20should%20be%20no#p-11`);
});

test("Glossary, Names and Timeline are in the header of every page", async ({ page }) => {
  for (const path of ["/", STATEMENT, "/search?q=FATF"]) {
    await page.goto(path);
    const nav = page.getByRole("navigation", { name: "Library" });
    await expect(nav.getByRole("link")).toHaveText(["Glossary", "Names", "Timeline"]);
    await expect(nav).toBeInViewport();
  }
  await page.getByRole("navigation", { name: "Library" }).getByRole("link", { name: "Timeline" }).click();
  await expect(page.locator("main h1")).toHaveText("Timeline");
});

test("an adjective of a place counts for it: Russian is a mention of Russia", async ({ page }) => {
  await page.goto("/entities/russia");
  await expect(page.locator(".result").filter({ hasText: "Russian" }).first()).toBeVisible();
});

test("unknown routes show a helpful not-found page linking home", async ({ page }) => {
  for (const path of ["/no-such-document", "/a/b/c", "/g20-statement-countering-terrorism/extra"]) {
    await page.goto(path);
    await expect(page.locator("main h1")).toHaveText("Page not found");
    await expect(page).toHaveTitle("Page not found · Security Policy Reader");
    await expect(page.locator(".not-found-path")).toHaveText(path);
  }
  await page.getByRole("link", { name: "Go to the list of documents" }).click();
  await expect(page.locator("main h1")).toHaveText("Documents");
});

test("the skip link is the first stop and leads to the content", async ({ page }) => {
  await page.goto(STATEMENT);
  await expect(page.locator("main h1")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.locator(".skip-link")).toBeFocused();
  await expect(page.locator(".skip-link")).toBeVisible();
  // Seen, not under the fixed header of a wide screen.
  const onTop = await page.locator(".skip-link").evaluate((el) => {
    const r = el.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === el;
  });
  expect(onTop, "the skip link is above everything where it shows").toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the glossary, linked from every page, leads to where a term is defined", async ({ page }) => {
  await page.goto(SPEECH);
  await page.getByRole("link", { name: "Glossary of acronyms" }).click();
  await expect(page).toHaveURL("/glossary");
  await expect(page.locator("main h1")).toHaveText("Glossary");
  const jit = page.locator("#g-JIT + dd");
  await expect(jit).toContainText("joint investigation team");
  await expect(jit.locator(".glossary-uses li")).toHaveCount(2);
  await jit.getByRole("link", { name: /¶3$/ }).first().click();
  await expect(page).toHaveURL(/#p-3$/);
  await expect(page.locator("#p-3")).toHaveClass(/is-target/);
  await expect(page.locator("#p-3")).toContainText("joint investigation team (JIT)");
});

test("an acronym opens its expansion by keyboard and closes with Escape", async ({ page }) => {
  await page.goto(`${STATEMENT}#p-4`);
  const ftf = page.locator("#p-4 .term-button", { hasText: "FTFs" }).first();
  await expect(ftf).toHaveAccessibleName("FTFs: foreign terrorist fighters");
  await ftf.focus();
  await page.keyboard.press("Enter");
  await expect(ftf).toHaveAttribute("aria-expanded", "true");
  await expect(page.locator("#p-4 .term-tip").first()).toHaveText("foreign terrorist fighters");
  await expect(page.locator("#p-4 .term-tip a")).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(page.locator("#p-4 .term-tip")).toHaveCount(0);
  await ftf.tap().catch(() => ftf.click());
  await expect(page.locator("#p-4 .term-tip").first()).toBeVisible();
});

test("an acronym that names an entity leads, by keyboard, to every mention of it", async ({ page }) => {
  await page.goto(`${STATEMENT}#p-12`);
  const fatf = page.locator("#p-12 .term-button", { hasText: "FATF" }).first();
  await fatf.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  const link = page.locator("#p-12 .term-tip a");
  await expect(link).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(link).toHaveCount(0);
  await expect(fatf).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/entities/fatf");
  await expect(page.locator("main h1")).toHaveText("Financial Action Task Force");
});

test("every acronym in every document is a control that explains it", async ({ page }) => {
  const docs = ["/g20-statement-countering-terrorism", "/trafficking-ring-dismantled-spain-bulgaria", "/romanian-thb-ring-disrupted-france", "/defence-secretary-speech-csis"];
  let controls = 0;
  for (const doc of docs) {
    await page.goto(doc);
    await expect(page.locator("main h1")).toBeVisible();
    // Words of two capitals or more, or a capital with digits ("G20", "F35s"), outside a control.
    const bare = await page.evaluate(() => {
      const found = [];
      const walker = document.createTreeWalker(document.querySelector("article.document"), NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest(".term-button, .key-figures, .name-filter, .toc, .doc-meta, .doc-source, .print-url")) continue;
        for (const word of node.textContent.match(/[A-Za-z0-9/]+/g) ?? []) {
          const core = word.replace(/s$/, "");
          if (/^[A-Z][A-Z0-9/]*$/.test(core) && (core.replace(/[^A-Z]/g, "").length >= 2 || /[0-9]/.test(core))) found.push(word);
        }
      }
      return found;
    });
    expect(bare, doc).toEqual([]);
    controls += await page.locator("article .term-button").count();
    const names = await page.locator("article .term-button").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
    for (const name of names) expect(name, doc).toMatch(/^[^:]+: .+/);
  }
  expect(controls).toBeGreaterThan(60);
});

test("the index of names leads to an entity, and a mention to its paragraph", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Index of names" }).click();
  await expect(page).toHaveURL("/entities");
  await page.getByRole("link", { name: "Eurojust", exact: true }).click();
  await expect(page).toHaveURL("/entities/eurojust");
  await expect(page.locator("main h1")).toHaveText("Eurojust");
  await expect(page.locator(".doc-meta")).toContainText("6 mentions in 4 paragraphs of 2 documents");
  await expect(page.locator(".result")).toHaveCount(4);
  await page.locator(".result .hit-link").last().click();
  await expect(page).toHaveURL("/romanian-thb-ring-disrupted-france#p-5");
  await expect(page.locator("#p-5")).toHaveClass(/is-target/);
  await expect(page.locator("#p-5")).toContainText("supported by Eurojust");
});

test("marking places in a document and following one to its page of mentions", async ({ page }) => {
  await page.goto("/trafficking-ring-dismantled-spain-bulgaria");
  await expect(page.locator(".name")).toHaveCount(0);
  const places = page.getByRole("button", { name: /^Places/ });
  await places.click();
  await expect(places).toHaveAttribute("aria-pressed", "true");
  const malaga = page.locator("#p-2").getByRole("link", { name: "Málaga" });
  await expect(malaga).toHaveClass(/name/);
  await malaga.click();
  await expect(page).toHaveURL("/entities/malaga");
  await expect(page.locator("main h1")).toHaveText("Málaga");
  await page.goBack();
  await expect(page.getByRole("button", { name: /^Places/ })).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(page.locator("#p-2 .name", { hasText: "Málaga" })).toBeVisible();
});

test("a key figure and a timeline event land on the paragraph that states them", async ({ page }) => {
  await page.goto("/trafficking-ring-dismantled-spain-bulgaria");
  await page.locator(".key-figures").getByRole("link", { name: "EUR 50 000" }).click();
  await expect(page).toHaveURL(/\?quote=the%20seizure%20of%20EUR%2050%20000%20in%20cash#p-5$/);
  await expect(page.locator("#p-5")).toHaveClass(/is-target/);
  expect((await page.locator("#p-5 mark.hit").allTextContents()).join("")).toBe("the seizure of EUR 50 000 in cash");
  await page.locator(".site-footer").getByRole("link", { name: "Timeline" }).click();
  await expect(page.locator("main h1")).toHaveText("Timeline");
  const event = page.locator(".timeline-event", { hasText: "Joint action day in France and Romania" });
  await expect(event.locator(".timeline-when")).toHaveText("19 June 2017");
  await event.locator(".timeline-source").click();
  await expect(page).toHaveURL(/^[^?]*\/romanian-thb-ring-disrupted-france\?quote=.*#p-1$/);
  await expect(page.locator("#p-1 mark.hit").first()).toBeVisible();
  expect((await page.locator("#p-1 mark.hit").allTextContents()).join("")).toContain("A joint action day on 19 June in France and Romania");
});

test("every key figure and every dated event lands on a paragraph showing its quote", async ({ page }) => {
  const links = [];
  for (const doc of ["/trafficking-ring-dismantled-spain-bulgaria", "/romanian-thb-ring-disrupted-france"]) {
    await page.goto(doc);
    links.push(...(await page.locator(".key-figures a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))));
  }
  await page.goto("/timeline");
  links.push(...(await page.locator(".timeline-source").evaluateAll((as) => as.map((a) => a.getAttribute("href")))));
  const cited = links.filter((href) => href.includes("#p-"));
  expect(cited.length).toBeGreaterThanOrEqual(10 + 12);
  for (const href of cited) {
    const url = new URL(href, "http://x");
    const quote = url.searchParams.get("quote");
    await page.goto(href);
    const target = page.locator(url.hash);
    await expect(target, href).toHaveClass(/is-target/);
    await expect(target.locator("mark.hit").first(), href).toBeVisible();
    // Names and acronyms inside the quote split it into several marks.
    expect((await target.locator("mark.hit").allTextContents()).join(""), href).toBe(quote);
  }
});

test("where the source numbers no paragraph, each shows its number quietly, outside the text", async ({ page }) => {
  await page.goto("/romanian-thb-ring-disrupted-france");
  const third = page.locator("#p-3 p");
  await expect(third).toHaveAttribute("data-n", "3");
  expect(await third.evaluate((el) => getComputedStyle(el, "::before").content)).toMatch(/^(attr\(data-n\)|"3")$/);
  expect(await third.textContent(), "the number is not part of the text a reader copies").not.toMatch(/^3/);
  // Where the source prints its numbers, they are the text's own, and not repeated.
  await page.goto(STATEMENT);
  expect(await page.locator("#p-3 p").evaluate((el) => getComputedStyle(el, "::before").content)).toBe("none");
});

test("the names index lists each kind in alphabetical order", async ({ page }) => {
  await page.goto("/entities");
  const sections = await page.locator("main section").all();
  expect(sections.length).toBeGreaterThan(1);
  for (const section of sections) {
    const names = await section.locator(".entity-list a").allTextContents();
    const sorted = [...names].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
    expect(names).toEqual(sorted);
  }
});

test("Escape in the search box clears it and gives the keys back to the page", async ({ page }) => {
  await page.goto(`${STATEMENT}?q=FATF#p-11`);
  const status = page.locator(".match-status");
  await expect(status).toHaveText(/^Match \d+ of \d+$/);
  const before = await status.textContent();
  const box = page.getByRole("combobox", { name: "Search the documents" });
  await box.click();
  await page.keyboard.type("x");
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue("");
  await expect(box).not.toBeFocused();
  await page.keyboard.press("n");
  await expect(status).not.toHaveText(before);
  await expect(box).toHaveValue("");
});

test("a printed page gives the document's address, not the search it was reached by", async ({ page }) => {
  await page.goto(`${STATEMENT}?q=FATF#p-11`);
  await expect(page.locator(".print-url")).toHaveText(new RegExp(`${STATEMENT}$`));
});

test("acronym tips open under their word, one at a time; Escape closes; resting the pointer previews", async ({ page }) => {
  await page.goto("/romanian-thb-ring-disrupted-france");
  const jit = page.locator("#p-5 .term-button", { hasText: "JIT" });
  const eur = page.locator("#p-4 .term-button", { hasText: "EUR" });
  const tips = page.locator(".term-tip");
  await eur.click();
  await expect(tips).toHaveCount(1);
  await jit.click();
  await expect(tips, "the second tip replaces the first").toHaveCount(1);
  await expect(tips).toHaveText("joint investigation team");
  const [tip, word] = [await tips.boundingBox(), await jit.boundingBox()];
  expect(tip.y, "below its word").toBeGreaterThanOrEqual(word.y + word.height / 2);
  expect(tip.x, "starting at its word, or as far left as it must to stay in the column").toBeLessThanOrEqual(word.x + 1);
  expect(tip.x + tip.width, "reaching its word").toBeGreaterThanOrEqual(word.x);
  await page.keyboard.press("Escape");
  await expect(tips).toHaveCount(0);
  await expect(jit).toBeFocused();

  await page.mouse.move(1, 1);
  await eur.hover();
  const preview = () => eur.evaluate((el) => [getComputedStyle(el, "::after").content, getComputedStyle(el, "::after").opacity]);
  await expect.poll(preview, { message: "resting the pointer on an acronym previews it" }).toEqual(['"EUR: euro"', "1"]);
  await page.mouse.move(1, 1);
  await expect.poll(preview, { message: "and leaving it ends the preview" }).toEqual(["none", "1"]);
});

test("a name's page quotes each paragraph once, with every mention in it marked", async ({ page }) => {
  await page.goto("/entities/fatf");
  const mentions = Number((await page.locator(".doc-meta").textContent()).match(/(\d+) mentions/)[1]);
  const links = await page.locator(".result .hit-link").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  expect(new Set(links).size, "one block per paragraph").toBe(links.length);
  expect(links.length, "fewer blocks than mentions: FATF is named several times a paragraph").toBeLessThan(mentions);
  await expect(page.locator(".doc-meta")).toContainText(`${mentions} mentions in ${links.length} paragraphs of 1 document`);
  await expect(page.locator(".result mark.hit")).toHaveCount(mentions);
});

test("an acronym wraps with its brackets, as the words around it do", async ({ page }) => {
  // At this width "team (" ended a line and "JIT)" began the next while acronyms were <button>s.
  await page.setViewportSize({ width: 1280, height: 700 });
  await page.goto("/romanian-thb-ring-disrupted-france");
  const jit = page.locator("#p-5 .term-button", { hasText: "JIT" });
  await expect(jit).toHaveAttribute("role", "button");
  const sameLine = await jit.evaluate((el) => {
    const before = el.closest(".term").previousSibling;
    const bracket = document.createRange();
    bracket.setStart(before, before.textContent.length - 1);
    bracket.setEnd(before, before.textContent.length);
    return [bracket.toString(), Math.abs(bracket.getBoundingClientRect().top - el.getClientRects()[0].top) < 4];
  });
  expect(sameLine).toEqual(["(", true]);
  await jit.focus();
  await page.keyboard.press(" ");
  await expect(jit).toHaveAttribute("aria-expanded", "true");
});

test("Cite gives a paragraph's citation in each form, to copy or to download", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(`${STATEMENT}?quote=${encodeURIComponent("FATF")}#p-12`);
  await page.locator("html[data-cite]").waitFor({ state: "attached" });
  const cite = page.getByRole("button", { name: "Cite paragraph 12" });
  await cite.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: "Cite ¶ 12" });
  await expect(dialog).toBeVisible();
  const today = await page.evaluate(() => {
    const d = new Date();
    return { long: `${d.getDate()} ${d.toLocaleString("en-GB", { month: "long" })} ${d.getFullYear()}`, iso: d.toLocaleDateString("sv") };
  });
  // The paragraph's address, not the quotation it was reached by.
  const url = `${baseURL}${STATEMENT}#p-12`;
  const form = (name) => dialog.locator("section", { has: page.getByRole("heading", { name, exact: true }) }).locator("pre");
  await expect(form("Plain text")).toHaveText(`G20 Leaders’ Statement on Countering Terrorism, ¶ 12 (G20). ${url} (accessed ${today.long}).`);
  await expect(form("Chicago, note")).toHaveText(new RegExp(`^G20, “G20 Leaders’ Statement on Countering Terrorism,” accessed \\w+ \\d+, \\d{4}, para\\. 12, ${url}\\.$`));
  await expect(form("APA 7")).toContainText("G20. (n.d.). G20 Leaders’ Statement on Countering Terrorism [Statement].");
  await expect(form("APA 7")).toContainText("In the text: (G20, n.d., para. 12)");
  await expect(form("Harvard")).toContainText(`Available at: ${url} (Accessed: ${today.long}).`);
  await dialog.getByRole("button", { name: "Copy Plain text" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Plain text copied.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await form("Plain text").textContent());

  const download = async (name) => {
    const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("link", { name }).click()]);
    return [file.suggestedFilename(), readFileSync(await file.path(), "utf8")];
  };
  const [bibName, bib] = await download("Download .bib");
  expect(bibName).toBe("g20-statement-countering-terrorism-p12.bib");
  expect(bib).toMatch(/^@misc\{g20-statement-countering-terrorism-p12,\n {2}title = \{G20 Leaders’ Statement on Countering Terrorism\},\n {2}author = \{\{G20\}\},/);
  expect(bib).toContain(`url = {${url}}`);
  expect(bib).toContain(`urldate = {${today.iso}}`);
  const [risName, ris] = await download("Download .ris");
  expect(risName).toBe("g20-statement-countering-terrorism-p12.ris");
  expect(ris.split("\r\n").slice(0, 3)).toEqual(["TY  - GOVDOC", "TI  - G20 Leaders’ Statement on Countering Terrorism", "AU  - G20"]);
  expect(ris).toContain(`UR  - ${url}\r\n`);
  expect(ris.trimEnd().endsWith("ER  -")).toBe(true);

  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(cite).toBeFocused();
  // A dated press release: its date where each form puts it.
  await page.goto("/trafficking-ring-dismantled-spain-bulgaria");
  await page.getByRole("button", { name: "Cite paragraph 2", exact: true }).click();
  const release = page.getByRole("dialog", { name: "Cite ¶ 2" });
  await expect(release.locator("pre").first()).toContainText("¶ 2 (Eurojust, 7 July 2017).");
  await expect(release.locator("section", { has: page.getByRole("heading", { name: "APA 7" }) })).toContainText("Eurojust. (2017, July 7).");
});

test("the home page offers to continue where the reader left each document, kept only here and forgotten on request", async ({ page }) => {
  await page.goto(SPEECH);
  await waitForApp(page);
  await page.evaluate(() => window.scrollTo(0, document.getElementById("p-20").offsetTop));
  await page.waitForTimeout(800);
  await page.getByRole("link", { name: "Security Policy Reader" }).click();
  const resume = page.getByRole("region", { name: "Continue reading" });
  await expect(resume).toBeVisible();
  const place = resume.getByRole("link", { name: /^Speech: Defence Secretary Speech at CSIS, Washington, ¶ (19|20|21)$/ });
  await expect(place).toHaveCount(1);
  const anchor = (await place.getAttribute("href")).split("#")[1];
  // Kept across visits, in this browser.
  await page.goto("/");
  await place.click();
  await expect(page).toHaveURL(`${SPEECH}#${anchor}`);
  await expect(page.locator(`#${anchor}`)).toBeInViewport();
  await page.goto("/");
  await resume.getByRole("button", { name: "Forget these places" }).click();
  await expect(resume).toBeHidden();
  expect(await page.evaluate(() => localStorage.getItem("reader-places"))).toBeNull();
  await page.reload();
  await waitForApp(page);
  await expect(resume).toBeHidden();
});

test("selected words get a link that lands on them, marked, here and where text fragments are read", async ({ page, context, baseURL }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const copy = async (id, words, options) => {
    await page.goto(STATEMENT);
    await waitForApp(page);
    await selectWords(page, id, words, options);
    await page.getByRole("button", { name: "Copy link to selection" }).click();
    // Said where the button is, and to a screen reader.
    await expect(page.locator(".selection-link")).toHaveText("Link copied");
    await expect(page.getByRole("status").filter({ hasText: "Link to the selection copied" })).toBeAttached();
    return page.evaluate(() => navigator.clipboard.readText());
  };
  const marked = async (link, id) => {
    await page.goto(link);
    await expect(page.locator(`#${id}`)).toHaveClass(/is-target/);
    await expect(page.locator(`#${id} mark.hit`).first()).toBeVisible();
    return (await page.locator(`#${id} mark.hit`).allTextContents()).join("");
  };

  // Across an acronym's control and its tip's button: the words as the source prints them.
  const plenary = await copy("p-12", "agreed by the FATF Plenary in June");
  expect(plenary).toBe(`${baseURL}${STATEMENT}?quote=agreed%20by%20the%20FATF%20Plenary%20in%20June#p-12:~:text=agreed%20by%20the%20FATF%20Plenary%20in%20June`);
  expect(await marked(plenary, "p-12")).toBe("agreed by the FATF Plenary in June");

  // A word that stands five times in the paragraph: the link marks the third, where it was chosen.
  const third = await copy("p-12", "FATF", { occurrence: 3 });
  expect(decodeURIComponent(new URL(third).searchParams.get("quote"))).toBe("the FATF intention");
  expect(await marked(third, "p-12")).toBe("the FATF intention");

  // Across paragraphs: the first paragraph, from where the selection starts to its end.
  const across = await copy("p-5", "We will ensure", { endId: "p-6", endWords: "We will work" });
  expect(new URL(across).hash).toBe("#p-5:~:text=We%20will%20ensure%20that%20terrorists%20are%20brought%20to%20justice.");
  expect(await marked(across, "p-5")).toBe("We will ensure that terrorists are brought to justice.");

  // Without the app (as another browser would open it), the text fragment still lands.
  const plain = await context.browser().newContext({ javaScriptEnabled: false });
  const other = await plain.newPage();
  await other.goto(plenary);
  await expect(other.locator("#p-12")).toBeInViewport();
  await plain.close();
});
