// Lighthouse (pinned 12.2.3, headless Chromium, default mobile settings) on the home page and a
// document page of the release build in dist/, served as plain static files. Each page is run
// five times and judged on the median score of each category (Lighthouse's own advice for
// variable performance scores). Prints every run with its Largest Contentful Paint, First
// Contentful Paint, Total Blocking Time and layout shift, and what cost points in the first run;
// exits 1 when a median is below its floor.
//   node scripts/lighthouse.mjs
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PORT = 4177;
const PAGES = ["/", "/g20-statement-countering-terrorism"];
// Performance floor 80 (was 95, a decided change, 2026-12-01): pages now paint their text
// at once (FCP 0.75-0.9 s, LCP 0.9-1.1 s, CLS 0) and the app takes them over in the frame
// after `load`, so the wasm's start-up, which used to come before the first paint, now
// counts as Total Blocking Time: 24-557 ms across runs on this 2-core machine (document page
// 77-557 ms, scores 86-100). Most of that task is V8 compiling the wasm's functions lazily
// on their first call (with --no-wasm-lazy-compilation the take-over task drops from
// 73-160 ms to 0-87 ms); less wasm on that path (issue 10) is the way back to 95. What the
// reader sees is held by the LCP and CLS ceilings below.
const FLOORS = { performance: 80, accessibility: 100, "best-practices": 100, seo: 90 };
/** Ceilings on the medians of what a reader sees: the main text painted, nothing moving. */
const CEILINGS = { LCP: 2000, CLS: 0.01 };
const RUNS = 5;
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

const server = spawn("node", ["scripts/static-server.mjs", "dist", String(PORT)], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));
let failed = false;

/** One Lighthouse run on `page`: its category scores and the audits that cost points. */
function audit(page) {
  const work = mkdtempSync(join(tmpdir(), "lighthouse-"));
  const report = join(work, "report.json");
  try {
    execFileSync(
      "node_modules/.bin/lighthouse",
      [
        `http://127.0.0.1:${PORT}${page}`,
        "--quiet",
        "--output=json",
        `--output-path=${report}`,
        `--only-categories=${Object.keys(FLOORS).join(",")}`,
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync --user-data-dir=${join(work, "profile")}`,
      ],
      { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, CHROME_PATH: CHROMIUM } },
    );
    const { categories, audits } = JSON.parse(readFileSync(report, "utf8"));
    const scores = Object.fromEntries(Object.entries(categories).map(([id, c]) => [id, Math.round(c.score * 100)]));
    const shortfalls = Object.values(audits)
      .filter((a) => a.score !== null && a.score < 1 && !["informative", "notApplicable", "manual"].includes(a.scoreDisplayMode))
      .map((a) => `${a.id}: ${a.displayValue ?? a.score}`);
    const metrics = Object.fromEntries(
      [["LCP", "largest-contentful-paint"], ["FCP", "first-contentful-paint"], ["TBT", "total-blocking-time"], ["CLS", "cumulative-layout-shift"]].map(
        ([name, id]) => [name, audits[id]?.numericValue],
      ),
    );
    return { scores, shortfalls, metrics };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A run, tried once more when Lighthouse itself fails to record it (it says so, as with
 *  NO_NAVSTART, and asks to be run again). */
function auditWithRetry(page) {
  try {
    return audit(page);
  } catch (error) {
    console.log(`lighthouse ${page}: a run failed to record (${String(error.message).split("\n")[0].slice(0, 120)}); running it again`);
    return audit(page);
  }
}

try {
  for (const page of PAGES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) runs.push(auditWithRetry(page));
    const median = Object.fromEntries(
      Object.keys(FLOORS).map((id) => [id, runs.map((r) => r.scores[id]).sort((a, b) => a - b)[Math.floor(RUNS / 2)]]),
    );
    const metricMedian = (name) => runs.map((r) => r.metrics[name]).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    const low = [
      ...Object.entries(FLOORS).filter(([id, floor]) => !(median[id] >= floor)),
      ...Object.entries(CEILINGS).filter(([name, ceiling]) => !(metricMedian(name) <= ceiling)),
    ];
    console.log(`lighthouse ${page}: median ${Object.entries(median).map(([id, s]) => `${id} ${s}`).join(", ")}${low.length ? "  BELOW FLOOR" : ""}`);
    for (const [i, r] of runs.entries()) {
      const { LCP, FCP, TBT, CLS } = r.metrics;
      console.log(
        `  run ${i + 1}: ${Object.entries(r.scores).map(([id, s]) => `${id} ${s}`).join(", ")}; LCP ${(LCP / 1000).toFixed(2)} s, FCP ${(FCP / 1000).toFixed(2)} s, TBT ${TBT.toFixed(0)} ms, CLS ${CLS.toFixed(3)}`,
      );
      if (low.length || i === 0) for (const line of r.shortfalls) console.log(`    - ${line}`);
    }
    failed ||= low.length > 0;
  }
} finally {
  server.kill();
}
process.exit(failed ? 1 : 0);
