// Offline and installable: after one visit the service worker serves the shell and every page
// read; "Save every document for offline" keeps the rest.
import { test, expect, holdRequests, STATEMENT, SPEECH } from "./fixtures.mjs";

/** Waits until the service worker controls the page, so what the page fetches goes through it. */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
}

/** The files a cache holds, as paths relative to the site. */
const cached = (page, name) =>
  page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)), name);

test("after one visit the pages read stay readable offline, and a page not kept says so", async ({ page, context }) => {
  await page.goto("/");
  await controlled(page);
  // The first visit precaches the shell and the catalogue, not the documents.
  const [precache] = (await page.evaluate(() => caches.keys())).filter((k) => k.startsWith("reader / "));
  const precached = await cached(page, precache);
  expect(precached).toEqual(expect.arrayContaining(["index.html", "404.html"]));
  expect(precached.filter((f) => /^data\/search\/dictionary\./.test(f))).toHaveLength(1);
  expect(precached.filter((f) => /^data\/(?!routes|index|search\/dictionary)/.test(f) || (/\.html$/.test(f) && !/^(index|404)\.html$/.test(f)))).toEqual([]);

  await page.getByRole("link", { name: /G20 Leaders/ }).first().click();
  await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  await context.setOffline(true);
  await page.goto(`${STATEMENT}#p-8`);
  await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  await expect(page.locator("#p-8")).toContainText("aviation");
  // The browser logs the failed fetch of the page's data.
  page.allowConsoleError(/net::ERR_FAILED/);
  await page.goto(SPEECH);
  await expect(page.locator("main h1")).toHaveText("This page could not be loaded");
  await expect(page.getByRole("alert")).toContainText("could not fetch this page: you are offline, and it was not kept for reading offline");
  await context.setOffline(false);
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.locator("main h1")).toHaveText("Speech: Defence Secretary Speech at CSIS, Washington");

  // Search's dictionary is precached, but no query has fetched the part of the index "aviation" needs.
  await context.setOffline(true);
  await page.goto("/search?q=aviation");
  await expect(page.locator(".search-summary")).toHaveText(
    "Search could not fetch part of its index: you are offline, and it was not kept for reading offline.",
  );
  await context.setOffline(false);
  await page.reload();
  await expect(page.locator(".result").first()).toContainText("aviation");
});

test("Save every document for offline: progress, cancel, then every route and search work offline", async ({ page, context }) => {
  await page.goto("/");
  await controlled(page);
  const section = page.getByRole("region", { name: "Reading offline" });
  const status = section.getByRole("status");
  const files = (await (await page.request.get("/data-files.json")).json()).length;

  // Slowed down, so the run can be cancelled halfway.
  let slow = true;
  await context.route("**/data/*.bin", async (route) => {
    if (slow) await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await section.getByRole("button", { name: "Save every document for offline" }).click();
  await expect(status).toContainText("Saving for offline:");
  await expect(section.locator("progress")).toBeVisible();
  await section.getByRole("button", { name: "Cancel" }).click();
  await expect(status).toContainText(/Saving stopped: \d+ of \d+ files saved\. Save again to go on\./);
  slow = false;

  // Every count the status shows from here on: a cancelled run's downloads still in flight
  // must not count towards this one.
  await status.evaluate((el) => {
    window.shownCounts = [];
    new MutationObserver(() => window.shownCounts.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
  });
  await section.getByRole("button", { name: "Save every document for offline" }).click();
  await expect(status).toHaveText(`Every document is saved (${files} files): the reader and its search work offline.`, { timeout: 30_000 });
  const overcounted = (await page.evaluate(() => window.shownCounts)).filter((t) => {
    const [, done, total] = t.match(/(\d+) of (\d+) files/) ?? [];
    return Number(done) > Number(total);
  });
  expect(overcounted, "no count beyond the files there are").toEqual([]);

  await context.setOffline(true);
  const routes = [
    [STATEMENT, "G20 Leaders’ Statement on Countering Terrorism"],
    ["/trafficking-ring-dismantled-spain-bulgaria", "Human trafficking ring dismantled by Spanish and Bulgarian authorities"],
    ["/romanian-thb-ring-disrupted-france", "Romanian THB ring disrupted in France"],
    [SPEECH, "Speech: Defence Secretary Speech at CSIS, Washington"],
    ["/glossary", "Glossary"],
    ["/", "Documents"],
  ];
  for (const [route, title] of routes) {
    await page.goto(route);
    await expect(page.locator("main h1")).toHaveText(title);
  }
  await page.goto(`${STATEMENT}?q=aviation#p-8`);
  await expect(page.locator("#p-8 mark.hit").first()).toHaveText("aviation");
  await page.goto("/search?q=Eurojust");
  await expect(page.locator(".result").first()).toBeVisible();
  await context.setOffline(false);
});

test("the web app manifest names the reader and its icons", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(href)).json();
  expect(manifest.name).toBe("Security Policy Reader");
  expect(manifest.start_url).toBe("./");
  expect(manifest.display).toBe("standalone");
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});

test("the home page's Reading offline section is in its place from the first paint, before the page's script runs", async ({ page }) => {
  // The page's script (register-sw.js, added once the page has loaded) held back until asked.
  const release = await holdRequests(page, /register-sw-[^/]*\.js$/);
  await Object.getPrototypeOf(page).goto.call(page, "/", { waitUntil: "load" });
  const section = page.getByRole("region", { name: "Reading offline" });
  await expect(section.getByRole("button", { name: "Save every document for offline" })).toBeVisible();
  const before = await section.boundingBox();
  release();
  await page.locator("html[data-cite]").waitFor({ state: "attached" });
  expect(await section.boundingBox(), "the section has not moved").toEqual(before);
});

test("a chosen theme is in a page's first paint with no script before it: the service worker writes it in", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  await controlled(page);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const lightBg = await background();
  await page.locator(".theme-toggle").click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  const darkBg = await background();
  // A document's page runs no script before its text is painted...
  const served = await (await page.request.get(STATEMENT)).text();
  expect(served.slice(0, served.indexOf("<body")), "the page's head").not.toMatch(/<script>|<script type="?text\/javascript/);
  // ...and comes dark all the same: so it is when the page is parsed, before the page's script
  // (register-sw.js, added once the page has loaded) or the app could have set it.
  await page.addInitScript(() =>
    document.addEventListener("DOMContentLoaded", () => {
      window.themeWhenParsed = document.documentElement.getAttribute("data-theme");
      window.backgroundWhenParsed = getComputedStyle(document.body).backgroundColor;
    }),
  );
  await page.goto(STATEMENT);
  await expect(page.locator("main h1")).toHaveText("G20 Leaders’ Statement on Countering Terrorism");
  expect(await page.evaluate(() => [window.themeWhenParsed, window.backgroundWhenParsed])).toEqual(["dark", darkBg]);
  await expect(page.locator(".theme-toggle")).toHaveAccessibleName("Theme: Dark");
  // The home page the app shows offers to keep the library, as the page read first does.
  await page.locator(".site-name").click();
  await expect(page.getByRole("region", { name: "Reading offline" })).toBeVisible();
  // Back to the system's (dark, light, then the system's): pages come unmarked again.
  await page.locator(".theme-toggle").click();
  await page.locator(".theme-toggle").click();
  await expect(page.locator(".theme-toggle")).toHaveAccessibleName("Theme: System");
  await expect.poll(() => page.evaluate(async () => !!(await (await caches.open("reader-settings")).match("/reader-theme")))).toBe(false);
  await page.goto(STATEMENT);
  expect(await page.evaluate(() => [window.themeWhenParsed, window.backgroundWhenParsed])).toEqual([null, lightBg]);
  // The choice is what localStorage holds: a copy out of step with it gives way.
  await page.locator(".theme-toggle").click();
  await expect.poll(() => page.evaluate(async () => (await (await caches.open("reader-settings")).match("/reader-theme"))?.text())).toBe("dark");
  await page.evaluate(() => localStorage.removeItem("reader-theme"));
  await page.goto(STATEMENT);
  await expect(page.locator(".theme-toggle")).toHaveAccessibleName("Theme: System");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");
  expect(await background()).toBe(lightBg);
});

test("where no service worker serves the page, a chosen theme applies once the page's script runs", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, serviceWorkers: "block", colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("/");
  await page.evaluate(() => localStorage.setItem("reader-theme", "dark"));
  await page.goto(STATEMENT);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await context.close();
});
