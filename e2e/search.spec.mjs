// Search: the header combobox, the results page, landing on the passage, no results, XSS,
// and how fast it answers.
import { test, expect, waitForApp, STATEMENT } from "./fixtures.mjs";

const box = (page) => page.getByRole("combobox", { name: "Search the documents" });

test("/ focuses the search box, typing lists paragraphs and announces the count", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  await page.keyboard.press("/");
  await expect(box(page)).toBeFocused();
  await page.keyboard.type("Eurojsut");
  const options = page.getByRole("option");
  await expect(options.first()).toBeVisible();
  await expect(box(page)).toHaveAttribute("aria-expanded", "true");
  await expect(options.first().locator("mark").first()).toHaveText("Eurojust");
  await expect(page.locator(".site-search [role=status]")).toHaveText(/^\d+ matching paragraphs?$/);
  await page.keyboard.press("Escape");
  await expect(box(page)).toHaveValue("");
  await expect(box(page)).toHaveAttribute("aria-expanded", "false");
});

test("Ctrl+K focuses the search box from anywhere, without losing the reader's place", async ({ page }) => {
  await page.goto(`${STATEMENT}#p-15`);
  await expect(page.locator("#p-15")).toBeFocused();
  await page.keyboard.press("Control+k");
  await expect(box(page)).toBeFocused();
  await page.keyboard.type("Eurojust");
  await expect(page.getByRole("option").first()).toBeVisible();
  await expect(page.locator("#p-15")).toBeInViewport();
});

test("arrow keys choose a paragraph and Enter lands on it with every match marked", async ({ page }) => {
  await page.goto("/");
  await box(page).click();
  await page.keyboard.type("aviation security");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  const first = page.getByRole("option").first();
  await expect(first).toHaveAttribute("aria-selected", "true");
  await expect(box(page)).toHaveAttribute("aria-activedescendant", "search-option-0");
  await expect(first).toContainText("G20 Leaders’ Statement on Countering Terrorism · ¶8");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/g20-statement-countering-terrorism\?q=aviation%20security#p-8$/);
  await expect(page.locator("#p-8")).toHaveClass(/is-target/);
  const marks = page.locator(".doc-body mark.hit:not(.continued)");
  const total = await marks.count();
  expect(total).toBeGreaterThan(5);
  const status = page.locator(".match-status");
  await expect(status).toHaveText(new RegExp(`^Match \\d+ of ${total}$`));
  // The current match starts inside the landing paragraph.
  await expect(page.locator("#p-8 mark.current")).toHaveCount(1);
  const start = Number((await status.textContent()).match(/Match (\d+)/)[1]);
  await page.getByRole("button", { name: "Next match" }).click();
  await expect(status).toHaveText(`Match ${(start % total) + 1} of ${total}`);
  await page.keyboard.press("p");
  await expect(status).toHaveText(`Match ${start} of ${total}`);
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  await expect(status).toHaveText(`Match ${((start + 1) % total) + 1} of ${total}`);
  await expect(page.locator("mark.current")).toBeInViewport();
  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page).toHaveURL(/\/g20-statement-countering-terrorism#p-8$/);
  await expect(marks).toHaveCount(0);
});

test("a shared landing URL marks its matches after a reload", async ({ page }) => {
  await page.goto(`${STATEMENT}?q=%22safe%20spaces%22#p-11`);
  await expect(page.locator("#p-11 mark.hit")).toHaveCount(2);
  await expect(page.locator("#p-11 mark.hit").first()).toHaveText("safe spaces");
  await page.reload();
  await expect(page.locator("#p-11 mark.hit")).toHaveCount(2);
  await expect(page.locator(".match-status")).toHaveText("Match 1 of 2");
});

test("Enter opens the full results page, which survives a reload", async ({ page }) => {
  await page.goto("/");
  await box(page).click();
  await page.keyboard.type("human trafficking");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL("/search?q=human%20trafficking");
  await expect(page).toHaveTitle("Search: human trafficking · Security Policy Reader");
  const check = async () => {
    await expect(page.locator("main h1")).toHaveText("Search results");
    await expect(page.locator(".search-summary")).toContainText(/^\d+ paragraphs of \d+ documents match human trafficking$/);
    await expect(page.locator(".result-group h2").first()).toBeVisible();
    await expect(page.locator(".result mark").first()).toBeVisible();
    await expect(box(page)).toHaveValue("human trafficking");
  };
  await check();
  await page.reload();
  await check();
  const groups = await page.locator(".result-group h2").allTextContents();
  expect(new Set(groups).size).toBe(groups.length);
  await page.locator(".hit-link").first().click();
  await expect(page).toHaveURL(/\?q=human%20trafficking#p-\d+$/);
  await expect(page.locator(".doc-body mark.hit").first()).toBeVisible();
});

test("no results says so and offers the nearest terms", async ({ page }) => {
  await page.goto("/search?q=eurojustice");
  // <q> adds its quotation marks with CSS, outside the text.
  await expect(page.locator(".search-summary")).toHaveText("No results for eurojustice.");
  const suggestion = page.locator(".suggestions a").first();
  await expect(suggestion).toHaveText("eurojust");
  await suggestion.click();
  await expect(page).toHaveURL("/search?q=eurojust");
  await expect(page.locator(".result").first()).toBeVisible();
});

test("a query that looks like HTML is shown as text and runs nothing", async ({ page }) => {
  let dialogs = 0;
  page.on("dialog", async (d) => {
    dialogs += 1;
    await d.dismiss();
  });
  const xss = "<img src=x onerror=alert(1)>";
  await page.goto("/");
  await box(page).click();
  await page.keyboard.type(xss);
  await page.keyboard.press("Enter");
  await expect(page.locator(".search-summary")).toContainText(xss);
  await expect(page.locator("main img")).toHaveCount(0);
  await page.goto(`${STATEMENT}?q=${encodeURIComponent(xss)}`);
  await expect(page.locator(".match-query")).toHaveText(`“${xss}”`);
  await expect(page.locator("img")).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test("speed: keystroke-to-results time (printed, not asserted; the engine's own time per query is scripts/bench-library.mjs's)", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("main h1")).toBeVisible();
  // The index's dictionary comes on the first sign of a search, each query's shards with it.
  await box(page).click();
  await box(page).fill("terrorism");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box(page).fill("");
  await box(page).click();
  const text = "counter terrorism financing";
  const latencies = await page.evaluate(async (text) => {
    const input = document.getElementById("search-input");
    const list = document.getElementById("search-listbox");
    const out = [];
    for (let i = 1; i <= text.length; i++) {
      let t0 = 0;
      let updated = 0;
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          updated = performance.now();
          resolve(true);
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
        setTimeout(() => { observer.disconnect(); resolve(false); }, 300);
      });
      t0 = performance.now();
      input.value = text.slice(0, i);
      input.dispatchEvent(new Event("input", { bubbles: true }));
      if (await changed) {
        // The results are on screen once the next frame is painted.
        await new Promise((r) => requestAnimationFrame(() => r()));
        out.push({ dom: updated - t0, frame: performance.now() - t0 });
      }
    }
    return out;
  }, text);
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`keystroke to results in the DOM: median ${median(latencies.map((l) => l.dom)).toFixed(2)} ms, max ${Math.max(...latencies.map((l) => l.dom)).toFixed(2)} ms; ` +
    `to the next painted frame: median ${median(latencies.map((l) => l.frame)).toFixed(1)} ms (${latencies.length} keystrokes that changed the results)`);
  expect(latencies.length).toBeGreaterThan(10);
  await expect(page.getByRole("option").first()).toBeVisible();
  expect(latencies.every((l) => Number.isFinite(l.dom) && l.dom >= 0)).toBe(true);
});

test("an acronym's expansion finds the acronym, and the other way round", async ({ page }) => {
  await page.goto("/search?q=trafficking%20in%20human%20beings");
  await expect(page.locator(".result mark", { hasText: "THB" }).first()).toBeVisible();
  await page.goto("/search?q=%22European%20Arrest%20Warrant%22");
  await expect(page.locator(".result mark", { hasText: "EAWs" })).toBeVisible();
  await page.goto(`${STATEMENT}?q=FTF#p-4`);
  await expect(page.locator("#p-4 mark.hit", { hasText: "foreign terrorist fighters" }).first()).toBeVisible();
});

test("an entity's other names find it: ISIL finds Daesh in the speech", async ({ page }) => {
  await page.goto("/search?q=ISIL");
  const speech = page.locator(".result-group", { hasText: "Speech: Defence Secretary Speech at CSIS, Washington" });
  await expect(speech.locator("mark", { hasText: "Daesh" }).first()).toBeVisible();
});

/** Requests for the search engine's module (its glue and its wasm). */
const isEngine = (url) => /\/search-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(new URL(url).pathname);

test("a visit that only reads never downloads the search engine; the first search loads it once", async ({ browser, baseURL }) => {
  // No service worker here: it precaches the engine in the background after a first visit.
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  const engine = [];
  page.on("request", (r) => isEngine(r.url()) && engine.push(new URL(r.url()).pathname));
  await page.goto(STATEMENT);
  await waitForApp(page);
  await page.getByRole("link", { name: "Glossary of acronyms" }).click();
  await expect(page.locator("main h1")).toHaveText("Glossary");
  await page.waitForLoadState("networkidle");
  expect(engine, "reading and following links load no search code").toEqual([]);

  await box(page).fill("Eurojust");
  await expect(page.getByRole("option").first()).toBeVisible();
  await box(page).fill("financial action");
  await expect(page.getByRole("option").first()).toContainText(/financial/i);
  expect(engine.filter((f) => f.endsWith(".js")), "the engine's glue, once").toHaveLength(1);
  expect(engine.filter((f) => f.endsWith(".wasm")), "the engine's wasm, once").toHaveLength(1);
  await context.close();
});

test("a damaged search engine is refused and search says so; reading goes on", async ({ page }) => {
  // On the context, so the service worker's precache gets the damaged file too.
  await page.context().route("**/search-*_bg.wasm", async (route) => {
    const response = await route.fetch();
    const body = await response.body();
    body[body.length - 1] ^= 1;
    await route.fulfill({ response, body });
  });
  await page.goto(STATEMENT);
  await box(page).fill("Eurojust");
  await expect(page.locator(".site-search [role=status]")).toHaveText("Search could not fetch part of its index: the search engine did not arrive intact");
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: "Glossary of acronyms" }).click();
  await expect(page.locator("main h1")).toHaveText("Glossary");
  // A fetch still in flight when the test ends must not reach the handler after its response is gone.
  await page.context().unrouteAll({ behavior: "ignoreErrors" });
});

test("a question in a reader's own words is answered by its content words, and the results say what is approximate", async ({ page }) => {
  await page.goto(`/search?q=${encodeURIComponent("what did the defence secretary say about russia")}`);
  const marks = page.locator(".result mark.hit");
  await expect(marks.first()).toBeVisible();
  const marked = (await marks.allTextContents()).map((m) => m.toLowerCase());
  expect(marked).toContain("russia");
  const small = ["what", "did", "the", "say", "about", "that", "saying"];
  expect(marked.filter((m) => small.includes(m)), "the question's small words mark nothing").toEqual([]);

  await page.goto("/search?q=2017");
  await expect(page.locator(".search-summary")).toHaveText("No results for 2017.");
  await expect(page.locator(".suggestions a").first()).toHaveText(/^20\d\d$/);

  await page.goto("/search?q=F.A.T.F.");
  await expect(page.locator(".search-summary")).toContainText(/match F\.A\.T\.F\.$/); // not "Loading…"
  const dotted = await page.locator(".search-summary").textContent();
  await page.goto("/search?q=FATF");
  await expect(page.locator(".search-summary")).toHaveText(dotted.replace("F.A.T.F.", "FATF"));

  await page.goto("/search?q=eurojsut");
  await expect(page.locator(".partial-note")).toHaveText("No paragraph has “eurojsut”: these have close spellings.");

  await page.goto("/search?q=internet");
  await expect(page.locator(".partial-note")).toHaveText(/^The last \d+ match by their heading or title only\.$/);
  const labels = await page.locator(".result .hit-where").allTextContents();
  const byHeading = labels.filter((l) => l.endsWith("matched by its heading or title"));
  expect(byHeading.length).toBeGreaterThan(0);
  expect(labels.slice(-byHeading.length), "they come last").toEqual(byHeading);
  await expect(page.locator(".result").first().locator("mark.hit")).toHaveText("internet");
});

test("a name counts the same on its page and in a document's match bar, its full name and “FATF’s” once each", async ({ page }) => {
  await page.goto("/entities/fatf");
  const mentions = Number((await page.locator(".doc-meta").textContent()).match(/(\d+) mentions/)[1]);
  await page.goto(`${STATEMENT}?q=FATF`);
  await expect(page.locator(".match-status")).toHaveText(new RegExp(`^Match \\d+ of ${mentions}$`));
});

test("?explain on the results page says why each result ranks where it does", async ({ page }) => {
  await page.goto("/search?q=FATF%20plenary&explain");
  const first = page.locator(".result").first();
  await expect(first.locator(".hit-link")).toHaveAttribute("href", /#p-12$/);
  const why = first.locator("pre.explain");
  await expect(why).toContainText(/^score \d+\.\d{3} = BM25 and fields \d+\.\d{3} × proximity \d+\.\d{3} \(2 of 2 words\)/);
  await expect(why).toContainText(/fatf: weight 1\.000 × idf/);
  await expect(why).toContainText(/plenary/);
  expect(await page.locator(".result").count()).toBe(await page.locator(".result pre.explain").count());
  await page.goto("/search?q=FATF%20plenary");
  await expect(page.locator(".result").first()).toBeVisible();
  await expect(page.locator("pre.explain")).toHaveCount(0);
});

test("the results narrow to a kind, a year or one document, and order newest first; each is a link that keeps the query", async ({ page }) => {
  const groups = page.locator(".result-group h2");
  const refine = (name) => page.locator(".refine p").filter({ has: page.locator(".refine-name", { hasText: name }) });
  await page.goto("/search?q=trafficking");
  await expect(groups).toHaveCount(3);
  const narrow = refine("Narrow to");
  // Each filter the documents found have, with how many of them: kinds first, then years, topics, issuers.
  const offered = await narrow.locator(":scope > span:not(.refine-name)").allInnerTexts();
  expect(offered.map((t) => t.replace(/\s+/g, " ").trim())).toEqual(expect.arrayContaining(["kind:statement (1)", "kind:press-release (2)", "year:2017 (2)", "topic:human-trafficking (2)", "topic:terrorism (1)", "by:g20 (1)", "by:eurojust (2)"]));
  expect(offered.findIndex((t) => t.startsWith("kind:"))).toBe(0);
  expect(offered.some((t) => t.startsWith("kind:speech"))).toBe(false);
  await narrow.getByRole("link", { name: "kind:press-release" }).click();
  await expect(page).toHaveURL(/\?q=trafficking%20kind%3Apress-release$/);
  await expect(groups).toHaveText(["Human trafficking ring dismantled by Spanish and Bulgarian authorities", "Romanian THB ring disrupted in France"]);
  await expect(narrow.getByRole("link", { name: "kind:press-release" })).toHaveAttribute("aria-current", "true");
  await expect(page.locator(".search-summary")).toContainText("of 2 documents");
  // Each document says how many of its paragraphs match, and searches itself alone.
  const france = page.locator(".result-group").filter({ hasText: "Romanian THB ring" });
  await expect(france.locator(".group-meta")).toHaveText(/^\d+ paragraphs? · Search this document only$/);
  await france.getByRole("link", { name: "Search this document only" }).click();
  await expect(page).toHaveURL(/in%3Aromanian-thb-ring-disrupted-france$/);
  await expect(groups).toHaveText(["Romanian THB ring disrupted in France"]);
  await page.getByRole("link", { name: "Search every document" }).click();
  await expect(page).toHaveURL(/\?q=trafficking$/);
  await expect(groups).toHaveCount(3);
  // Newest first: the dated press releases before the undated statement, best first among equals.
  await refine("Order").getByRole("link", { name: "Newest first" }).click();
  await expect(page).toHaveURL(/&sort=date$/);
  await expect(groups.nth(2)).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  await expect(refine("Order").getByRole("link", { name: "Newest first" })).toHaveAttribute("aria-current", "true");
  await page.goBack();
  await expect(refine("Order").getByRole("link", { name: "Best first" })).toHaveAttribute("aria-current", "true");
  // Typed in the box, a filter narrows the list under it too; one that names nothing finds nothing.
  await box(page).fill("terrorism kind:speech ");
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/defence-secretary-speech-csis\?q=/);
  await page.goto("/search?q=terrorism%20kind%3Apamphlet");
  await expect(page.locator(".search-summary")).toContainText("No results for");
  await expect(page.getByRole("link", { name: "Search every document" })).toBeVisible();
});

test("a date range and a name narrow the results; filters alone list the documents they allow", async ({ page }) => {
  const groups = page.locator(".result-group h2");
  const RELEASES = ["Human trafficking ring dismantled by Spanish and Bulgarian authorities", "Romanian THB ring disrupted in France"];
  await page.goto("/search?q=from%3A2017-07%20to%3A2017");
  await expect(page.locator(".search-summary")).toHaveText("2 documents match from:2017-07 to:2017");
  await expect(groups).toHaveText(RELEASES);
  // Each is listed by its first paragraph, which links to the document with no words to mark.
  const first = page.locator(".result-group").first().locator(".hit-link");
  await expect(first).toContainText("¶ 1");
  await first.click();
  await expect(page).toHaveURL(/\/trafficking-ring-dismantled-spain-bulgaria#p-1$/);
  await page.goBack();
  await page.goto("/search?q=trafficking%20to%3A2017-06");
  await expect(page.locator(".search-summary")).toContainText("No results for");
  await page.goto("/search?q=terrorism%20name%3Anato");
  await expect(groups).toHaveText(["Speech: Defence Secretary Speech at CSIS, Washington"]);
  // The results offer the names their documents mention, a few.
  await page.goto("/search?q=trafficking");
  const names = page.locator(".refine a").filter({ hasText: /^name:/ });
  await expect(names.first()).toBeVisible();
  expect(await names.count()).toBeLessThanOrEqual(6);
  await page.locator(".refine a", { hasText: "name:eurojust" }).click();
  await expect(groups).toHaveText(RELEASES);
});
