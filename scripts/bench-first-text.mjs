// How soon a reader sees text: the cold time until a document page's text is painted, against a
// plain HTML page holding the same text (no CSS, no script) in the same run. Serves the release
// build (dist/, or DIR) with scripts/static-server.mjs (brotli, like a real host), opens each page
// in a fresh browser context (empty cache) RUNS times, alternating with the plain page (each in
// turn first), and takes the Largest Contentful Paint (the moment the main text shows). Paints
// come in whole frames, so the times are lumpy; each is summed up as the mean of its middle half
// (the interquartile mean), steadier from run to run than a median. With --phases it says where
// the difference goes instead: the main thread's time before the text is painted (the medians of
// traced loads), in parsing the HTML, styling, layout, painting and scripts. Prints figures;
// asserts nothing.
//   node scripts/bench-first-text.mjs [--phases] [DIR] [PAGE...]
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright";

const args = process.argv.slice(2);
const phases = args[0] === "--phases" && args.shift();
const dir = args[0] ?? "dist";
const pages = args.length > 1 ? args.slice(1) : ["/g20-statement-countering-terrorism", "/defence-secretary-speech-csis"];
// 50 loads of each: with 25, one run's ratio moved by up to ±0.15 from the next on this 2-core
// machine (the plain page's own time by up to 40%).
const RUNS = 50;
const PORT = 4188;

/** The page's visible text as a plain HTML page: headings and paragraphs, nothing else. */
function plainPage(html) {
  const main = html.match(/<main[^>]*>([\s\S]*)<\/main>/)?.[1] ?? "";
  const blocks = [...main.matchAll(/<(h1|h2|h3|p)\b[^>]*>([\s\S]*?)<\/\1>/g)].map(([, tag, inner]) => `<${tag}>${inner.replace(/<[^>]+>/g, "")}</${tag}>`);
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>plain</title></head><body>${blocks.join("\n")}</body></html>`;
}

const site = mkdtempSync(join(tmpdir(), "first-text-"));
cpSync(dir, site, { recursive: true });
for (const page of pages) writeFileSync(join(site, `plain-${page.slice(1)}.html`), plainPage(readFileSync(join(dir, `${page.slice(1)}.html`), "utf8")));
const server = spawn("node", ["scripts/static-server.mjs", site, String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });

/** Milliseconds from navigation to the last Largest Contentful Paint candidate, cold. */
async function timeToText(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`http://127.0.0.1:${PORT}${path}`, { waitUntil: "load" });
  await page.waitForTimeout(300);
  const lcp = await page.evaluate(
    () =>
      new Promise((resolve) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: "largest-contentful-paint", buffered: true });
      }),
  );
  await context.close();
  return lcp;
}

/** The trace events that are the main thread's work before the first paint, by phase. */
const PHASES = { ParseHTML: "parse", UpdateLayoutTree: "style", Layout: "layout", PrePaint: "paint", Paint: "paint", EvaluateScript: "script", "v8.compileModule": "script" };

/** Milliseconds of main-thread work in each phase before the last Largest Contentful Paint
 * candidate, in one cold load traced. */
async function workBeforeText(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await browser.startTracing(page, { categories: ["devtools.timeline", "loading"] });
  await page.goto(`http://127.0.0.1:${PORT}${path}`, { waitUntil: "load" });
  await page.waitForTimeout(300);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();
  const lcp = events.filter((e) => e.name === "largestContentfulPaint::Candidate").at(-1);
  const work = { parse: 0, style: 0, layout: 0, paint: 0, script: 0 };
  for (const e of events) if (e.ph === "X" && e.tid === lcp.tid && e.ts <= lcp.ts && PHASES[e.name]) work[PHASES[e.name]] += e.dur / 1000;
  return work;
}

/** The median of the values. */
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** The mean of the middle half of the values. */
function interquartileMean(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = sorted.slice(Math.floor(xs.length / 4), Math.ceil((xs.length * 3) / 4));
  return middle.reduce((sum, x) => sum + x, 0) / middle.length;
}
try {
  if (phases) for (const path of pages) {
    const TRACED = 15;
    const loads = { app: [], plain: [] };
    await workBeforeText(path);
    for (let run = 0; run < TRACED; run++) {
      loads.app.push(await workBeforeText(path));
      loads.plain.push(await workBeforeText(`/plain-${path.slice(1)}`));
    }
    for (const [name, works] of Object.entries(loads)) {
      const byPhase = Object.keys(works[0]).map((phase) => [phase, median(works.map((w) => w[phase]))]);
      const total = median(works.map((w) => Object.values(w).reduce((sum, ms) => sum + ms, 0)));
      console.log(`main thread before the text ${name === "app" ? path : "plain page"}: ${total.toFixed(0)} ms (${byPhase.map(([phase, ms]) => `${phase} ${ms.toFixed(1)}`).join(", ")}; medians of ${TRACED} traced cold loads)`);
    }
  } else for (const path of pages) {
    const app = [];
    const plain = [];
    // One untimed load each, so the server has compressed every file once.
    await timeToText(path);
    await timeToText(`/plain-${path.slice(1)}`);
    // In turn first and second, so that neither page gains from its place in the run.
    for (let run = 0; run < RUNS; run++) {
      if (run % 2) plain.push(await timeToText(`/plain-${path.slice(1)}`));
      app.push(await timeToText(path));
      if (!(run % 2)) plain.push(await timeToText(`/plain-${path.slice(1)}`));
    }
    const [a, p] = [interquartileMean(app), interquartileMean(plain)];
    console.log(`time to text ${path}: ${a.toFixed(0)} ms; plain HTML page of the same text ${p.toFixed(0)} ms; ratio ${(a / p).toFixed(2)}x (interquartile means of ${RUNS} cold loads each)`);
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(site, { recursive: true, force: true });
}
