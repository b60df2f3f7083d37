// How soon a reader sees text: the cold time until a document page's text is painted, against a
// plain HTML page holding the same text (no CSS, no script) in the same run. Serves the release
// build (dist/, or DIR) with scripts/static-server.mjs (brotli, like a real host), opens each page
// in a fresh browser context (empty cache) RUNS times, alternating with the plain page, and takes
// the Largest Contentful Paint (the moment the main text shows). Paints come in whole frames, so
// the times are lumpy; each is summed up as the mean of its middle half (the interquartile mean),
// steadier from run to run than a median. Prints figures; asserts nothing.
//   node scripts/bench-first-text.mjs [DIR] [PAGE...]
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "playwright";

const dir = process.argv[2] ?? "dist";
const pages = process.argv.length > 3 ? process.argv.slice(3) : ["/g20-statement-countering-terrorism", "/defence-secretary-speech-csis"];
const RUNS = 25;
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

/** The mean of the middle half of the values. */
function interquartileMean(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const middle = sorted.slice(Math.floor(xs.length / 4), Math.ceil((xs.length * 3) / 4));
  return middle.reduce((sum, x) => sum + x, 0) / middle.length;
}
try {
  for (const path of pages) {
    const app = [];
    const plain = [];
    // One untimed load each, so the server has compressed every file once.
    await timeToText(path);
    await timeToText(`/plain-${path.slice(1)}`);
    for (let run = 0; run < RUNS; run++) {
      app.push(await timeToText(path));
      plain.push(await timeToText(`/plain-${path.slice(1)}`));
    }
    const [a, p] = [interquartileMean(app), interquartileMean(plain)];
    console.log(`time to text ${path}: ${a.toFixed(0)} ms; plain HTML page of the same text ${p.toFixed(0)} ms; ratio ${(a / p).toFixed(2)}x (interquartile means of ${RUNS} cold loads each)`);
  }
} finally {
  await browser.close();
  server.kill();
  rmSync(site, { recursive: true, force: true });
}
