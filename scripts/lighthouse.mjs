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
// Performance floor 90 (80 from 2026-12-01, when the app took each page over in the frame
// after `load` and its start-up counted as Total Blocking Time): the app now starts on the first
// sign of use, which a Lighthouse run never gives, so a page is its HTML and a 1.3 KB script added
// after its text is painted. 2026-12-02: medians 100 on both pages in a clean-clone CI run, 99
// here (LCP 0.77-0.94 s in every run, CLS 0). Points lost are Total Blocking Time (75-237 ms
// across runs on this 2-core machine), partly the machine's noise (a bare page of the G20 text
// scored TBT 2-172 ms) and partly the page's own work: its parsing (19 KB of inline CSS, 15 KB of
// page data), style and layout, and the restyle when its script shows the Cite buttons.
const FLOORS = { performance: 90, accessibility: 100, "best-practices": 100, seo: 90 };
/** Ceilings on the medians of what a reader sees: the main text painted (the goal is 1.0 s; 1.2 s
 *  leaves room for a slower machine), nothing moving. */
const CEILINGS = { LCP: 1200, CLS: 0.01 };
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

/** Attempts at one run: Lighthouse sometimes fails to record a trace (NO_NAVSTART, a known
 *  Chromium tracing race; a clean-clone CI run hit it twice in a row) and asks to be run again. */
const ATTEMPTS = 3;

/** A run, tried again while Lighthouse fails to record it; null when every attempt failed. */
function auditWithRetry(page) {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      return audit(page);
    } catch (error) {
      console.log(`lighthouse ${page}: attempt ${attempt} failed to record (${String(error.message).split("\n")[0].slice(0, 120)})`);
    }
  }
  return null;
}

/** The median of `values` (they are at least MIN_RUNS). */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Runs that must record for a page to be judged: a median of fewer says too little. */
const MIN_RUNS = 3;

try {
  for (const page of PAGES) {
    const runs = [];
    for (let run = 0; run < RUNS; run++) {
      const result = auditWithRetry(page);
      if (result) runs.push(result);
    }
    if (runs.length < MIN_RUNS) {
      console.log(`lighthouse ${page}: only ${runs.length} of ${RUNS} runs recorded  TOO FEW`);
      failed = true;
      continue;
    }
    const scoreMedian = Object.fromEntries(Object.keys(FLOORS).map((id) => [id, median(runs.map((r) => r.scores[id]))]));
    const metricMedian = (name) => median(runs.map((r) => r.metrics[name]));
    const low = [
      ...Object.entries(FLOORS).filter(([id, floor]) => !(scoreMedian[id] >= floor)),
      ...Object.entries(CEILINGS).filter(([name, ceiling]) => !(metricMedian(name) <= ceiling)),
    ];
    console.log(`lighthouse ${page}: median of ${runs.length} runs ${Object.entries(scoreMedian).map(([id, s]) => `${id} ${s}`).join(", ")}${low.length ? "  BELOW FLOOR" : ""}`);
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
