// The library at scale: builds the reader with the corpus grown N times (scripts/grow-corpus.mjs)
// and prints, for each N, what a reader gets in headless Chromium from the build served as
// static files (scripts/static-server.mjs, brotli like a real host):
//   build time; the wasm's size; the first visit of a document page (brotli bytes of everything
//   the page fetches until the network is idle, with no sign of use, so the app has not started;
//   then what the app adds once a key starts it; what the service worker precaches is counted
//   apart, from its list); time to text (First Contentful Paint, cold);
//   the first search (focus, then one word typed, to the first result shown: bytes fetched, split
//   into the index's dictionary, its shards and the hits' documents, and milliseconds after the
//   focus and after the word's last keystroke); the
//   search index's dictionary and shards as built; warm query time (median and p95 over a set of queries, each the mean of 20
//   runs, through the `benchmark_search` hook these builds add with `--features bench-hooks`); the
//   wasm memory the page holds once search has run.
//   node scripts/bench-library.mjs [N...]          (default: 1 10 100)
// For each N it also prints Pagefind's figures on the same pre-rendered pages (see `pagefind`).
// Prints figures and asserts two things: the wasm is the same whatever the corpus (it holds
// code, not documents; it exits 1 when two builds' wasm differ by 1 KB or more), and the
// catalogue pages its documents, 50 a page (its last page, and a link back to the one before).
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { chromium } from "playwright";

const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1, 10, 100];
const work = resolve(process.env.BENCH_DIR ?? "/tmp/reader-bench");
const PORT = 4191;
const DOCUMENT = "/g20-statement-countering-terrorism";
/** Documents a page of the catalogue lists (content-model's CATALOGUE_PAGE_SIZE). */
const CATALOGUE_PAGE = 50;
const QUERIES = ["aviation security", "Eurojsut", "terorism financing", '"safe spaces" FATF', "malaga", "radicalization", "F-35", "terr", "nuclear deterrent", "joint investigation team"];
mkdirSync(work, { recursive: true });

/** Starts the app as a reader would, on the first sign of use (a key, once the page's script
 *  runs: it marks html[data-cite]), and waits until it runs. */
async function startApp(page) {
  await page.waitForSelector("html[data-cite]", { state: "attached" });
  await page.keyboard.press("Shift");
  await page.waitForSelector("html[data-app=ready]", { timeout: 120_000 });
}

const brotliCache = new Map();
/** Brotli bytes of a file, as a host compresses it. */
function brotli(file) {
  if (!brotliCache.has(file)) {
    brotliCache.set(file, brotliCompressSync(readFileSync(file), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length);
  }
  return brotliCache.get(file);
}

/** The site file a URL of the served build names. */
function fileOf(dist, url) {
  const path = decodeURIComponent(new URL(url).pathname).replace(/^\//, "");
  const candidates = [path, `${path}.html`, join(path, "index.html"), "index.html"];
  return candidates.map((c) => join(dist, c)).find((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

async function measure(n) {
  const content = n === 1 ? resolve("content") : join(work, `content-${n}`);
  if (n !== 1) execFileSync("node", ["scripts/grow-corpus.mjs", String(n), content], { stdio: "inherit" });
  const dist = join(work, `dist-${n}`);
  const started = Date.now();
  execFileSync("trunk", ["build", "--release", "--locked", "--features", "bench-hooks", "--dist", dist], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, READER_CONTENT: content },
  });
  const buildSeconds = (Date.now() - started) / 1000;
  const wasm = readdirSync(dist).find((f) => f.endsWith(".wasm"));
  const documents = readdirSync(content).filter((f) => f.endsWith(".md")).length;
  const worker = readFileSync(join(dist, "sw.js"), "utf8");
  const precached = JSON.parse(worker.match(/const FILES = (\[.*?\]);/s)?.[1] ?? "[]");
  const indexFiles = readdirSync(join(dist, "data", "search")).map((f) => join(dist, "data", "search", f));
  const dictionary = indexFiles.find((f) => /dictionary\.[0-9a-f]{16}\.bin$/.test(f));
  const shards = indexFiles.filter((f) => f !== dictionary).map(brotli);
  // The shell and the catalogue: small at every size.
  const precacheBytes = precached.reduce((sum, f) => sum + brotli(join(dist, f)), 0);
  // What "Save every document for offline" downloads (raw: brotli is slow on many megabytes).
  const saved = JSON.parse(readFileSync(join(dist, "data-files.json"), "utf8"));
  const savedBytes = saved.reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);

  const server = spawn("node", ["scripts/static-server.mjs", dist, String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((r) => server.stdout.once("data", r));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const context = await browser.newContext({ serviceWorkers: "block" });
    const page = await context.newPage();
    let fetched = [];
    page.on("response", (r) => fetched.push(r.url()));
    const bytesOf = (urls) => urls.reduce((sum, url) => sum + (fileOf(dist, url) ? brotli(fileOf(dist, url)) : 0), 0);

    await page.goto(`http://127.0.0.1:${PORT}${DOCUMENT}`);
    await page.waitForLoadState("networkidle");
    const firstVisit = bytesOf(fetched);
    const firstVisitFiles = fetched.length;
    await startApp(page);
    await page.waitForTimeout(500);
    const appBytes = bytesOf(fetched) - firstVisit;

    // The catalogue at this size: its last page, pre-rendered, then a link back, in the app.
    const pages = Math.max(1, Math.ceil(documents / CATALOGUE_PAGE));
    const catalogue = { pages, homeBrotli: brotli(join(dist, "index.html")) };
    if (pages > 1) {
      const last = await context.newPage();
      await last.goto(`http://127.0.0.1:${PORT}/documents/${pages}`);
      await startApp(last);
      const listed = async () => last.locator(".doc-list > li").count();
      const expected = documents - (pages - 1) * CATALOGUE_PAGE;
      if ((await listed()) !== expected) catalogue.problem = `its last page lists ${await listed()} documents, not ${expected}`;
      await last.getByRole("link", { name: "← Previous page" }).click();
      await last.waitForURL(`http://127.0.0.1:${PORT}${pages === 2 ? "/" : `/documents/${pages - 1}`}`);
      await last.locator(".pages [aria-current=page]", { hasText: `Page ${pages - 1} of ${pages}` }).waitFor();
      if ((await listed()) !== CATALOGUE_PAGE) catalogue.problem = `a full page lists ${await listed()} documents`;
      await last.close();
    }
    // A shelf at this size: the press releases (every grown document is one), followed from
    // the home page in the app: how long until it shows, and whether it lists what it counts.
    const shelves = await context.newPage();
    await shelves.goto(`http://127.0.0.1:${PORT}/`);
    await startApp(shelves);
    const releases = Number((await shelves.locator(".shelves li", { hasText: /^Press release \(/ }).locator(".count").textContent()).replace(/\D/g, ""));
    catalogue.shelves = await shelves.locator(".shelves li").count();
    const clicked = Date.now();
    await shelves.locator(".shelves a", { hasText: /^Press release$/ }).click();
    await shelves.locator("main h1", { hasText: "Press releases" }).waitFor();
    await shelves.locator(".doc-list > li").first().waitFor();
    catalogue.shelfMs = Date.now() - clicked;
    catalogue.releases = releases;
    const onShelf = await shelves.locator(".doc-list > li").count();
    if (onShelf !== Math.min(releases, CATALOGUE_PAGE)) catalogue.problem = `the press releases' shelf lists ${onShelf} of its ${releases}`;
    await shelves.close();
    const fcp = await page.evaluate(() => performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN);

    const base = {
      n, documents, buildSeconds, wasmBytes: statSync(join(dist, wasm)).size, wasmBrotli: brotli(join(dist, wasm)),
      firstVisit, firstVisitFiles, appBytes, catalogue, precacheBytes, precacheFiles: precached.length, savedFiles: saved.length, savedBytes, fcp,
      dictionary: brotli(dictionary), shards: shards.length, largestShard: Math.max(...shards),
    };
    fetched = [];
    // Tasks over 50 ms on the main thread while a reader searches (the first search, then a
    // second query typed key by key).
    await page.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
    });
    const box = page.getByRole("combobox", { name: "Search the documents" });
    const t0 = Date.now();
    await box.click();
    await box.pressSequentially("nuclear");
    const typed = Date.now();
    await page.getByRole("option").first().waitFor({ timeout: 300_000 });
    const firstSearchMs = Date.now() - t0;
    const afterKeyMs = Date.now() - typed;
    const firstSearch = bytesOf(fetched);
    const kind = (url) =>
      /\/search-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(url) ? "engine" : /\/data\/search\/dictionary\./.test(url) ? "dictionary" : /\/data\/search\//.test(url) ? "shards" : "documents";
    const firstSearchParts = Object.fromEntries(["engine", "dictionary", "shards", "documents"].map((k) => [k, fetched.filter((u) => kind(u) === k)]));
    await box.fill("");
    await box.pressSequentially("terrorist financing networks", { delay: 30 });
    await page.getByRole("option").first().waitFor({ timeout: 300_000 });
    await page.waitForTimeout(200);
    const longTasks = await page.evaluate(() => window.longTasks);

    // Each query once its shards are here (the hook answers NaN until then, and fetches them).
    const perQuery = await page.evaluate(async (qs) => {
      const times = [];
      for (const q of qs) {
        let micros;
        while (Number.isNaN((micros = window.wasmBindings.benchmark_search(q, 20)))) await new Promise((r) => setTimeout(r, 10));
        times.push(micros / 1000);
      }
      return times;
    }, QUERIES);
    const memory = await page.evaluate(() => window.wasmMemory?.buffer.byteLength ?? NaN);
    return {
      ...base, firstSearch, firstSearchMs, afterKeyMs, firstSearchParts: Object.entries(firstSearchParts).map(([k, urls]) => `${k} ${kb(bytesOf(urls))} in ${urls.length}`).join(", "),
      warmMedian: percentile(perQuery, 0.5), warmP95: percentile(perQuery, 0.95), memory, longTasks,
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

/**
 * Pagefind (pinned in package.json) on the same pre-rendered pages, for comparison: it indexes
 * the build's HTML into `pagefind/` beside it, and a blank page of the same server (the reader's
 * CSP would block Pagefind's script, so the context bypasses it) runs the same first search
 * through Pagefind's JavaScript API: one word, then the data of its first eight results, as the
 * reader's box shows eight. Bytes are brotli, as for the reader.
 */
async function pagefind(n) {
  const dist = join(work, `dist-${n}`);
  const started = Date.now();
  execFileSync("node_modules/.bin/pagefind", ["--site", dist, "--output-subdir", "pagefind", "--silent"], { stdio: "inherit" });
  const buildSeconds = (Date.now() - started) / 1000;
  writeFileSync(join(dist, "pagefind-bench.html"), "<!DOCTYPE html><meta charset=utf-8><title>Pagefind</title>");
  const indexFiles = readdirSync(join(dist, "pagefind"), { recursive: true }).map((f) => join(dist, "pagefind", f)).filter((f) => statSync(f).isFile());
  const server = spawn("node", ["scripts/static-server.mjs", dist, String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((r) => server.stdout.once("data", r));
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
  try {
    const context = await browser.newContext({ bypassCSP: true, serviceWorkers: "block" });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${PORT}/pagefind-bench.html`);
    const fetched = [];
    page.on("response", (r) => fetched.push(r.url()));
    const search = (q) =>
      page.evaluate(async (q) => {
        const t0 = performance.now();
        const pagefind = await import("/pagefind/pagefind.js");
        const found = await pagefind.search(q);
        await Promise.all(found.results.slice(0, 8).map((r) => r.data()));
        return performance.now() - t0;
      }, q);
    const firstMs = await search("nuclear");
    const firstBytes = fetched.reduce((sum, url) => sum + (fileOf(dist, url) ? brotli(fileOf(dist, url)) : 0), 0);
    const warm = [];
    for (const q of QUERIES) {
      await search(q); // fetches what the query needs
      warm.push(await search(q));
    }
    return {
      buildSeconds, files: indexFiles.length, indexBrotli: indexFiles.reduce((sum, f) => sum + brotli(f), 0), firstBytes, firstFiles: fetched.length, firstMs,
      warmMedian: percentile(warm, 0.5), warmP95: percentile(warm, 0.95),
    };
  } finally {
    await browser.close();
    server.kill();
  }
}

const rows = [];
for (const n of sizes) {
  const row = await measure(n);
  rows.push(row);

  const search =
    `search index: dictionary ${kb(row.dictionary)} brotli, ${row.shards} shards of at most ${kb(row.largestShard)}; ` +
    `first search: ${kb(row.firstSearch)} fetched (${row.firstSearchParts}), results ${row.firstSearchMs} ms after focus, ${row.afterKeyMs} ms after the last keystroke; ` +
        `main thread while searching: ${row.longTasks.length} task(s) over 50 ms${row.longTasks.length ? `, the longest ${Math.max(...row.longTasks).toFixed(0)} ms` : ""}; ` +
        `warm query median ${row.warmMedian.toFixed(3)} ms, p95 ${row.warmP95.toFixed(3)} ms; wasm memory ${(row.memory / 1048576).toFixed(1)} MB`;
  const precache = `${kb(row.precacheBytes)} in ${row.precacheFiles} files (saving every document for offline: ${row.savedFiles} files, ${(row.savedBytes / 1048576).toFixed(1)} MB raw)`;
  console.log(
    `${n}×: ${row.documents} documents; build ${row.buildSeconds.toFixed(0)} s; wasm ${kb(row.wasmBytes)} (${kb(row.wasmBrotli)} brotli); ` +
      `first visit of ${DOCUMENT}: ${kb(row.firstVisit)} brotli in ${row.firstVisitFiles} files, text at ${row.fcp.toFixed(0)} ms (FCP); ` +
      `the app, started by a key: ${kb(row.appBytes)} more; ` +
      `catalogue: ${row.catalogue.pages} page(s) of up to ${CATALOGUE_PAGE}, the home page ${kb(row.catalogue.homeBrotli)} brotli, ` +
      `${row.catalogue.shelves} shelves; the press releases' shelf (${row.catalogue.releases}) shown ${row.catalogue.shelfMs} ms after its link; ` +
      `service worker precache ${precache}; ${search}`,
  );
  const pf = await pagefind(n);
  console.log(
    `${n}× Pagefind on the same pages: index ${pf.files} files, ${kb(pf.indexBrotli)} brotli in all, built in ${pf.buildSeconds.toFixed(0)} s; ` +
      `first search (one word and its first eight results): ${kb(pf.firstBytes)} in ${pf.firstFiles} files, ${pf.firstMs.toFixed(0)} ms; ` +
      `warm query (with its eight results) median ${pf.warmMedian.toFixed(1)} ms, p95 ${pf.warmP95.toFixed(1)} ms`,
  );
}
const broken = rows.filter((r) => r.catalogue.problem);
for (const r of broken) console.error(`bench-library: at ${r.n}×, the catalogue is wrong: ${r.catalogue.problem}`);
if (broken.length) process.exit(1);
const spread = Math.max(...rows.map((r) => r.wasmBytes)) - Math.min(...rows.map((r) => r.wasmBytes));
console.log(`wasm across ${sizes.join("×, ")}×: sizes differ by ${spread} bytes`);
if (spread >= 1024) {
  console.error("bench-library: the wasm grows with the corpus; it should hold code only");
  process.exit(1);
}
