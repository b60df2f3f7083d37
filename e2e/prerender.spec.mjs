// Pre-rendered pages: every page reads with JavaScript off (text, links, anchors, head), and
// the app takes each one over with nothing visible changing (text, layout, scroll, focus).
import { test, expect, holdRequests, sourceTexts, waitForApp, STATEMENT, SPEECH } from "./fixtures.mjs";

/** A page in a browser context with JavaScript off. */
async function withoutScript(browser, baseURL, run) {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  const foreign = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(new URL(baseURL).origin)) foreign.push(r.url());
  });
  try {
    await run(page);
  } finally {
    await context.close();
  }
  expect(foreign, "no request leaves the origin").toEqual([]);
}

test("with JavaScript off, every page reads and every link leads to a page that has its anchor", async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  await withoutScript(browser, baseURL, async (page) => {
    // Crawl from the home page: every link found is followed once (about 190 pages, 2.7 min
    // on 2 cores: each name the documents mention has its shelf).
    const queue = ["/"];
    const seen = new Set(queue);
    const anchors = []; // [from, url with #fragment]
    while (queue.length > 0) {
      const path = queue.shift();
      const response = await page.goto(path);
      expect(response.status(), `${path} answers`).toBe(200);
      await expect(page.locator("main h1"), `${path} has its heading`).not.toBeEmpty();
      await expect(page.locator("body"), `${path} is not the bare shell`).not.toContainText("needs JavaScript and WebAssembly");
      const title = await page.title();
      expect(title, `${path} has its own title`).toMatch(/ · Security Policy Reader$/);
      await expect(page.locator('meta[name="description"]')).toHaveAttribute("content", /\w{3,}/);
      await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
      if (path === "/notes") {
        // A reader's notes are theirs: the page is kept out of search engines.
        await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", "noindex");
        await expect(page.locator(".my-notes")).toContainText("Notes need JavaScript");
      } else {
        const canonical = await page.locator('link[rel="canonical"]').getAttribute("href");
        expect(new URL(canonical, page.url()).pathname, `${path}: canonical`).toBe(new URL(page.url()).pathname);
      }
      const hrefs = await page.locator("a[href]").evaluateAll((as) => as.map((a) => a.href));
      for (const href of hrefs) {
        const url = new URL(href);
        expect(url.origin, `${path} links within the site: ${href}`).toBe(new URL(baseURL).origin);
        if (url.hash) anchors.push([path, href]);
        const target = url.pathname + url.search;
        if (!seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
    expect(seen.size, "pages and their cited variants").toBeGreaterThan(90);
    // The sitemap, written from the router's table of pages, lists exactly the pages links reach.
    const sitemap = await (await page.request.get("sitemap.xml")).text();
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(([, loc]) => new URL(loc, baseURL).pathname).sort();
    const reached = [...new Set([...seen].map((target) => new URL(target, baseURL).pathname))].filter((path) => !/\/(search|notes)$/.test(path)).sort();
    expect(listed.length, "sitemap.xml lists the pages").toBeGreaterThan(90);
    expect(listed).toEqual(reached);
    // Every fragment a link names is an element of the page it leads to.
    const checked = new Set();
    for (const [from, href] of anchors) {
      if (checked.has(href)) continue;
      checked.add(href);
      const url = new URL(href);
      if (url.pathname + url.search !== new URL(page.url()).pathname + new URL(page.url()).search) await page.goto(href);
      const id = decodeURIComponent(url.hash.slice(1));
      expect(await page.evaluate((id) => !!document.getElementById(id), id), `${from} → ${href}`).toBe(true);
    }
    expect(checked.size).toBeGreaterThan(100);
  });
});

test("with JavaScript off, every line of the source dump reads on its document's page", async ({ browser, baseURL }) => {
  await withoutScript(browser, baseURL, async (page) => {
    await page.goto("/");
    const docs = await page.locator(".doc-card-title a").evaluateAll((as) => as.map((a) => ({ title: a.textContent, href: a.getAttribute("href") })));
    const texts = sourceTexts();
    expect(docs).toHaveLength(texts.length);
    for (const lines of texts) {
      const doc = docs.find((d) => d.title === lines[0]);
      expect(doc, `a document titled ${lines[0]}`).toBeTruthy();
      await page.goto(doc.href);
      await expect(page.locator("main h1")).toHaveText(lines[0]);
      const body = await page.locator(".doc-body").evaluate((b) => [...b.querySelectorAll("h2, h3, .para p")].map((e) => e.textContent));
      expect(body).toEqual(lines.slice(1).filter((l) => l !== "7 July 2017"));
    }
  });
});

test("with JavaScript off, a deep link is marked, acronyms explain themselves, and search says what to do instead", async ({ browser, baseURL }) => {
  await withoutScript(browser, baseURL, async (page) => {
    await page.goto(`${STATEMENT}#p-10`);
    const marked = await page.locator("#p-10").evaluate((el) => el.matches(":target") && getComputedStyle(el).backgroundColor);
    const plain = await page.locator("#p-9").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(marked).toBeTruthy();
    expect(marked, "the target paragraph is marked").not.toBe(plain);
    await expect(page.locator("abbr", { hasText: /^FATF$/ }).first()).toHaveAttribute("title", "Financial Action Task Force");
    await expect(page.locator("#search-input")).toBeHidden();
    await expect(page.locator(".theme-toggle")).toBeHidden();
    const instead = page.locator(".search-unavailable");
    await expect(instead).toBeVisible();
    await expect(instead).toContainText("Search needs JavaScript");
    await expect(instead.getByRole("link", { name: "names" })).toHaveAttribute("href", "/entities");
    await page.goto("/search?q=FATF");
    await expect(page.locator("main")).toContainText("Searching needs JavaScript");
    await expect(page.locator("main").getByRole("link", { name: "index of names" })).toBeVisible();

    // A text fragment lands on its words (the browser scrolls to them).
    await page.setViewportSize({ width: 800, height: 600 });
    await page.goto(`${SPEECH}#:~:text=the%20Iron%20Lady%20delivered`);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(1000);

    const missing = await page.goto("/no-such-page");
    expect(missing.status()).toBe(404);
    await expect(page.locator("main h1")).toHaveText("Page not found");
    await expect(page.locator("main")).toContainText("There is no page at this address.");
  });
});

/** Sums the page's layout shifts (not those after input) in `window.__shift`, from its first paint. */
async function watchLayoutShift(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** Opens `path` with the wasm held back, runs `before` on the pre-rendered page, lets the
 *  app take over, and returns what `after` sees. */
async function takeOver(page, path, { before = async () => {}, after = async () => {} } = {}) {
  // On the context, so the service worker's own fetch of the wasm (it precaches the shell once
  // the page has loaded, then serves it) is held too.
  const release = await holdRequests(page.context(), /\.wasm$/);
  const goto = Object.getPrototypeOf(page).goto.bind(page); // without waiting for the app
  await goto(path);
  await expect(page.locator("main h1")).toBeVisible();
  // The page as a reader has it before the app: its script has run (added once the page has
  // loaded, it shows the Cite buttons and marks <html data-cite>).
  await page.locator("html[data-cite]").waitFor({ state: "attached" });
  expect(await page.locator("html").getAttribute("data-app"), "the app has not run yet").toBeNull();
  await before();
  release();
  await waitForApp(page);
  // Effects run after the take-over; give them two frames and a moment.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(150);
  return after();
}

const ROUTES = ["/", STATEMENT, SPEECH, "/romanian-thb-ring-disrupted-france", "/glossary", "/entities", "/entities/fatf", "/timeline", "/documents/year/2017", "/documents/name/eurojust", "/search", "/no-such-page"];

for (const path of ROUTES) {
  test(`the app takes over ${path} with the same text, no layout shift, scroll and focus kept`, async ({ page }) => {
    const messages = [];
    page.on("console", (m) => {
      if (["warning", "error"].includes(m.type()) && !/status of 404/.test(m.text())) {
        messages.push(`${m.type()}: ${m.text()}`);
      }
    });
    await page.setViewportSize({ width: 900, height: 700 });
    await watchLayoutShift(page);
    let text;
    await takeOver(page, path, {
      before: async () => {
        text = await page.locator("body").innerText();
        await page.evaluate(() => {
          window.scrollTo(0, Math.min(300, document.documentElement.scrollHeight - innerHeight));
          window.__scrolled = window.scrollY;
          const link = [...document.querySelectorAll("main a[href]")].find((a) => a.getBoundingClientRect().top > 0) ?? document.querySelector("header a");
          link.focus({ preventScroll: true });
          window.__focused = link;
          window.__heading = document.querySelector("main h1");
        });
      },
    });
    const state = await page.evaluate(() => ({
      sameFocus: document.activeElement === window.__focused,
      sameHeading: document.querySelector("main h1") === window.__heading,
      scroll: [window.scrollY, window.__scrolled],
      shift: window.__shift,
    }));
    // The path of an unknown page is named once the app runs; the rest reads the same.
    const named = (t) => t.replace("There is no page at /no-such-page.", "There is no page at this address.");
    expect(named(await page.locator("body").innerText()), "the same text").toBe(text);
    expect(state.sameHeading, "the pre-rendered heading is the app's (taken over, not redrawn)").toBe(true);
    expect(state.sameFocus, "focus stays where it was").toBe(true);
    // (Naming the unknown address adds a line above, which the browser's scroll anchoring
    // follows: the reader's place on the page stays.)
    if (path !== "/no-such-page") expect(state.scroll[0], "scroll position kept").toBe(state.scroll[1]);
    expect(state.shift, "cumulative layout shift").toBeLessThanOrEqual(0.01);
    expect(messages, "no warning or error in the console").toEqual([]);
  });
}

test("once the app runs, a landing's ?q= and ?quote= marks appear and the page works", async ({ page }) => {
  await page.goto(`${STATEMENT}?q=FATF#p-11`);
  await expect(page.locator("#p-11")).toHaveClass(/is-target/);
  await expect(page.locator(".match-status")).toHaveText(/^Match \d+ of \d+$/);
  await expect(page.locator("#p-11 mark.hit").first()).toHaveText("FATF");
  await page.goto("/romanian-thb-ring-disrupted-france?quote=In%202011%2C%20French%20police#p-2");
  await expect(page.locator("#p-2 mark.hit")).toHaveText("In 2011, French police");
  await page.goto("/no-such-page");
  await expect(page.locator(".not-found-path")).toHaveText("/no-such-page");
});

test("a host that answers a route with another page's file still shows the route", async ({ page, baseURL }) => {
  // As an "every path to index.html" host, or the offline fallback, would.
  const home = await (await fetch(new URL("/", baseURL))).text();
  await page.route(`**${STATEMENT}`, (route) => route.fulfill({ body: home, contentType: "text/html" }));
  await page.goto(STATEMENT);
  await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  await expect(page.locator(".doc-card")).toHaveCount(0);
  await expect(page.locator("#p-10")).toBeVisible();
});

/** A page's citation data: its citation_* tags and its JSON-LD. */
async function citationOf(page) {
  const tags = await page.locator('meta[name^="citation_"]').evaluateAll((ms) => ms.map((m) => [m.name, m.content]));
  const ld = await page.locator('script[type="application/ld+json"]').allTextContents();
  return { tags, ld: ld.map((text) => JSON.parse(text)) };
}

test("a document's head carries its citation for reference managers, and only what the file says", async ({ browser, baseURL }) => {
  await withoutScript(browser, baseURL, async (page) => {
    await page.goto("/trafficking-ring-dismantled-spain-bulgaria");
    const release = await citationOf(page);
    expect(release.tags).toEqual([
      ["citation_title", await page.locator("main h1").innerText()],
      ["citation_author", "Eurojust"],
      ["citation_publication_date", "2017/07/07"],
      ["citation_technical_report_institution", "Eurojust"],
      ["citation_language", "en"],
    ]);
    expect(release.ld).toHaveLength(1);
    expect(release.ld[0]).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "Human trafficking ring dismantled by Spanish and Bulgarian authorities",
      author: { "@type": "Organization", name: "Eurojust" },
      datePublished: "2017-07-07",
      inLanguage: "en",
    });
    expect(release.ld[0].description).toMatch(/^A large-scale joint investigation/);
    // A speech with a person and a place, and no date: none is invented.
    await page.goto(SPEECH);
    const speech = await citationOf(page);
    expect(speech.tags.map(([name]) => name)).not.toContain("citation_publication_date");
    expect(speech.ld[0]).toMatchObject({ "@type": "Article", author: { "@type": "Person", name: "UK Defence Secretary" }, locationCreated: { "@type": "Place", name: "Washington" } });
    expect(speech.ld[0]).not.toHaveProperty("datePublished");
    // Pages other than documents carry none.
    await page.goto("/glossary");
    expect(await citationOf(page)).toEqual({ tags: [], ld: [] });
  });
});

test("once the reader moves on to another page, the landing document's citation leaves the head", async ({ page }) => {
  await page.goto(STATEMENT);
  await waitForApp(page);
  expect((await citationOf(page)).tags).toContainEqual(["citation_author", "G20"]);
  await page.locator(".neighbours a").first().click();
  await expect(page.locator("main h1")).not.toHaveText(/G20/);
  expect(await citationOf(page)).toEqual({ tags: [], ld: [] });
});

/** The app's own code (its boot module, glue and wasm), not the search engine's. Trunk writes its
 *  hash without leading zeros (a clean-clone build named its wasm with 15 digits). */
const isAppCode = (url) => /\/(boot|reader)-[0-9a-f]+(_bg\.wasm|\.js)$/.test(new URL(url).pathname);

/** A page of its own context (no service worker, which would precache the app's code), opened
 *  at `path` without starting the app, with the app's wasm held until `release()`. */
async function openHeld(browser, baseURL, path) {
  const context = await browser.newContext({ baseURL, serviceWorkers: "block" });
  const page = await context.newPage();
  const code = [];
  page.on("request", (r) => isAppCode(r.url()) && code.push(new URL(r.url()).pathname));
  const release = await holdRequests(page, /reader-[0-9a-f]+_bg\.wasm$/);
  await page.goto(path);
  await expect(page.locator("main h1")).toBeVisible();
  await page.locator("html[data-cite]").waitFor({ state: "attached" }); // the page's script runs
  return { page, code, release, close: () => context.close() };
}

test("a visit that only reads loads none of the app's code; the first sign of use starts it", async ({ browser, baseURL }) => {
  const { page, code, release, close } = await openHeld(browser, baseURL, STATEMENT);
  release();
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => window.scrollTo(0, 600)); // scrolled by a script, not a reader
  await page.waitForTimeout(1000);
  expect(code, "no app code while the page is only read").toEqual([]);
  expect(await page.locator("html").getAttribute("data-app")).toBeNull();
  await expect(page.locator("#p-10")).toContainText("FATF");
  await page.mouse.move(200, 200);
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready");
  expect(code.filter((f) => f.endsWith(".wasm")), "the app's wasm, once").toHaveLength(1);
  await close();
  // A landing that needs the app starts it at once, with no sign of use.
  for (const path of [`${STATEMENT}?q=FATF`, "/search?q=Eurojust"]) {
    const landing = await openHeld(browser, baseURL, path);
    landing.release();
    await expect(landing.page.locator("html"), path).toHaveAttribute("data-app", "ready");
    await expect(landing.page.locator("main mark.hit").first(), path).toBeVisible();
    await landing.close();
  }
});

test("before the app runs, / focuses the search box and the words typed are searched once it does", async ({ browser, baseURL }) => {
  const { page, release, close } = await openHeld(browser, baseURL, STATEMENT);
  const box = page.getByRole("combobox", { name: "Search the documents" });
  await page.keyboard.press("/");
  await expect(box).toBeFocused();
  await page.keyboard.type("Eurojust");
  expect(await page.locator("html").getAttribute("data-app"), "the app is still on its way").toBeNull();
  release();
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready");
  await expect(box).toHaveValue("Eurojust");
  await expect(page.getByRole("option").first()).toContainText("Eurojust");
  await close();
});

test("before the app runs, Enter in the search box opens the results page", async ({ browser, baseURL }) => {
  const { page, release, close } = await openHeld(browser, baseURL, STATEMENT);
  const box = page.getByRole("combobox", { name: "Search the documents" });
  await box.fill("joint investigation");
  await box.press("Enter");
  await expect(page).toHaveURL(/\/search\?q=joint\+investigation$/);
  release();
  await expect(page.locator("main h1")).toHaveText("Search results");
  await expect(page.locator(".search-summary").first()).toContainText("joint investigation");
  await expect(box).toHaveValue("joint investigation");
  await close();
});

test("a click on a control that needs the app, before it runs, takes effect once it does", async ({ browser, baseURL }) => {
  const { page, release, close } = await openHeld(browser, baseURL, "/");
  await page.emulateMedia({ colorScheme: "light" });
  const button = page.locator(".theme-toggle");
  await button.click();
  expect(await page.locator("html").getAttribute("data-theme")).toBeNull();
  release();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(button).toHaveAccessibleName("Theme: Dark");
  await close();
});

test("on a phone, a deep link's page does not move when the page's script shows the Cite buttons", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await watchLayoutShift(page);
  // The speech's 12th paragraph: its neighbours' last lines gain a Cite button (a shift of
  // 0.34-0.37 when the buttons took their room only as they came).
  await page.goto(`${SPEECH}#p-12`);
  await page.locator("html[data-cite]").waitFor({ state: "attached" });
  const cite = page.getByRole("button", { name: "Cite paragraph 12" });
  await expect(cite).toBeVisible();
  await expect(cite).toBeInViewport();
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__shift), "cumulative layout shift").toBeLessThanOrEqual(0.01);
});
