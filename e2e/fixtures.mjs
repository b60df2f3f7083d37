// Shared test setup: every test fails on a page error, a console error, a Content-Security-
// Policy violation, or a request that leaves the origin.
import { test as base, expect } from "@playwright/test";
import { readFileSync, readdirSync } from "node:fs";

export const test = base.extend({
  page: async ({ page, baseURL }, use) => {
    const problems = [];
    const origin = new URL(baseURL).origin;
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    // A test that provokes a failure the browser logs says so: page.allowConsoleError(/.../).
    const allowed = [/status of 404/];
    page.allowConsoleError = (pattern) => allowed.push(pattern);
    page.on("console", (m) => {
      if (m.type() === "error" && !allowed.some((p) => p.test(m.text()))) problems.push(`console error: ${m.text()}`);
    });
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    page.on("request", (r) => {
      const url = r.url();
      // The single-file build loads itself from file://; nothing there leaves the machine.
      if (!url.startsWith(origin) && !/^(data|blob|file):/.test(url)) problems.push(`request to another origin: ${url}`);
    });
    // Pages are pre-rendered: readable at once, live once the app has taken them over, which
    // it does on the first sign of use. Loads start it and wait for that
    // (`<html data-app="ready">`), so a test acts on the running app.
    for (const name of ["goto", "reload"]) {
      const load = page[name].bind(page);
      page[name] = async (...args) => {
        const response = await load(...args);
        await waitForApp(page);
        return response;
      };
    }
    await use(page);
    if (!page.isClosed()) {
      const violations = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
      problems.push(...violations.map((v) => `CSP violation: ${v}`));
      const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').count().catch(() => 0);
      if (/^(http|file):/.test(page.url()) && policy !== 1) problems.push(`no Content-Security-Policy on ${page.url()}`);
    }
    expect(problems, "no errors, CSP violations or foreign requests").toEqual([]);
  },
});
export { expect };

/** A key pressed once the page's script runs (public/register-sw.js, added after the page has
 *  loaded; it marks `<html data-cite>`), which starts the app. */
export async function signOfUse(page) {
  await page.locator("html[data-cite]").waitFor({ state: "attached" });
  await page.keyboard.press("Shift");
}

/** Holds back every request of `target` (a page, or a context for its service worker's fetches
 *  too) whose URL matches `pattern` until the returned function is called. */
export async function holdRequests(target, pattern) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await target.route(pattern, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Starts the app in the page and waits until it runs (it marks `<html data-app="ready">`).
 *  It starts on the first sign of use (public/register-sw.js): here a key, Shift, which does
 *  nothing else. (The one-file build starts it at once.) */
export async function waitForApp(page) {
  const ready = page.locator("html[data-app=ready]");
  await page.locator("html[data-app=ready], html[data-cite]").first().waitFor({ state: "attached" });
  if ((await ready.count()) === 0) await signOfUse(page);
  await ready.waitFor({ state: "attached" });
}

/** How many documents the corpus holds (one Markdown file each in content/): tests derive
 *  counts from the content, so adding a document breaks none of them. */
export const DOCUMENT_COUNT = readdirSync(new URL("../content/", import.meta.url)).filter((f) => f.endsWith(".md")).length;

/** The documents as the home page lists them: [{ title, href }]. */
export async function listedDocuments(page) {
  await page.goto("/");
  const links = page.locator(".doc-card-title a");
  await expect(links).toHaveCount(DOCUMENT_COUNT);
  return links.evaluateAll((as) => as.map((a) => ({ title: a.textContent, href: a.getAttribute("href") })));
}

/** The raw source dump's distinct texts, each as its non-blank lines (title first). */
export function sourceTexts() {
  const dump = readFileSync(new URL("../content/source-documents.txt", import.meta.url), "utf8");
  const texts = dump
    .split(/\n(?:[ \t]*\n){3,}/)
    .map((t) => t.split("\n").filter((l) => l.trim() !== ""))
    .filter((lines) => lines.length > 0);
  const seen = new Set();
  return texts.filter((lines) => {
    const key = lines.join("\n");
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export const STATEMENT = "/g20-statement-countering-terrorism";
export const SPEECH = "/defence-secretary-speech-csis";

/** Top of an element relative to the viewport. */
export async function topOf(page, selector) {
  return page.locator(selector).evaluate((el) => el.getBoundingClientRect().top);
}

/** Selects words in a paragraph's text, as a reader's drag would: the `occurrence`-th time
 * `words` stand in paragraph `id`, or from there to where `endWords` stand in paragraph `endId`. */
export async function selectWords(page, id, words, { occurrence = 1, endId = id, endWords = null } = {}) {
  await page.evaluate(
    ([id, words, occurrence, endId, endWords]) => {
      const points = (pid) => {
        const walker = document.createTreeWalker(document.querySelector(`#${pid} > p`), NodeFilter.SHOW_TEXT);
        const nodes = [];
        let text = "";
        for (let n; (n = walker.nextNode()); ) {
          nodes.push([n, text.length]);
          text += n.data;
        }
        const at = (offset) => {
          const [node, from] = nodes.findLast(([, from]) => from <= offset);
          return [node, offset - from];
        };
        return { text, at };
      };
      const start = points(id);
      let from = -1;
      for (let i = 0; i < occurrence; i++) from = start.text.indexOf(words, from + 1);
      const end = points(endId);
      const to = endWords ? end.text.indexOf(endWords) + endWords.length : from + words.length;
      const range = document.createRange();
      range.setStart(...start.at(from));
      range.setEnd(...end.at(to));
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    },
    [id, words, occurrence, endId, endWords],
  );
}
