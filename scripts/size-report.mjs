// Prints raw, gzip and brotli sizes of every file of a build, then for each pre-rendered page
// what a visit of it downloads: the bytes until its text is readable (the page and its
// stylesheet), the first visit (those and the scripts the page itself loads), and the first
// load with the app (the app's code too, which starts on the first sign of use: the boot
// module, the glue, the wasm, and the data file the app loads to take it over, `<body data-part>`).
//   node scripts/size-report.mjs dist [--budget size-budget.json]
// With --budget, exits 1 when a figure is over its budget: `firstVisitBrotliBytes` (the largest
// first visit of any page), `firstLoadBrotliBytes` (the largest first load with the app),
// `codeBrotliBytes` (the app's code), `searchCodeBrotliBytes` (the search engine's module,
// loaded on the first sign of a search) and `readableBrotliBytes` (per page file: bytes until readable).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const dir = process.argv[2] ?? "dist";
const budgetIndex = process.argv.indexOf("--budget");
const budgetFile = budgetIndex > 0 ? process.argv[budgetIndex + 1] : null;

function walk(d) {
  return readdirSync(d).flatMap((name) => {
    const p = join(d, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const sizeCache = new Map();
function sizes(rel) {
  if (!sizeCache.has(rel)) {
    const bytes = readFileSync(join(dir, rel));
    sizeCache.set(rel, {
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return sizeCache.get(rel);
}

/** The search engine's module (its glue and wasm), which a page loads on the first sign of a search, not at first. */
const isSearchCode = (rel) => /^search-[0-9a-f]+(_bg)?\.(js|wasm)$/.test(rel);

const isBoot = (rel) => /^boot-[0-9a-f]+\.js$/.test(rel);

/** The files a page references (href/src attributes, quoted or not, what the loader imports: the JavaScript and the wasm, and its data file). */
function referencedBy(page) {
  const html = readFileSync(join(dir, page), "utf8");
  const base = html.match(/<base\s+href=["']?([^"'\s>]+)/i)?.[1] ?? "/";
  const found = new Set();
  const scan = (text) => {
    for (const m of text.matchAll(/<(?:script|link)\b[^>]*\b(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))|['"]([^'"]+\.wasm)['"]|import\(\s*['"]([^'"]+)['"]|\bdata-part="([^"]+)"|\b(?:add|once)\(['"]([^'"]+\.js)['"]/g)) {
      const url = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7]).split(/[?#]/)[0];
      const rel = url.replace(/^[^:]*\/\/[^/]*/, "").replace(new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`), "").replace(/^\.?\//, "");
      // A <noscript> stylesheet loads only without script; the manifest and icons load after.
      if (rel && !rel.endsWith(".html") && rel !== "no-script.css") found.add(rel);
    }
  };
  scan(html);
  // The page's loader adds the boot module, which loads the glue and the wasm.
  for (const rel of [...found].filter(isBoot)) scan(readFileSync(join(dir, rel), "utf8"));
  return [...found].filter((rel) => !isSearchCode(rel) && statSync(join(dir, rel), { throwIfNoEntry: false })?.isFile());
}

/** The app's code, which the boot module loads on the first sign of use: the boot module and what it imports. */
function appCode() {
  const boot = readdirSync(dir).find(isBoot);
  const text = readFileSync(join(dir, boot), "utf8");
  return [boot, ...[...text.matchAll(/["']([^"']+\.(?:js|wasm))["']/g)].map((m) => m[1].split("/").pop()).filter((f) => !isSearchCode(f))];
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const files = walk(dir).map((f) => relative(dir, f)).sort();
console.log(`${"file".padEnd(52)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"br KB".padStart(8)}`);
for (const rel of files) {
  if (rel.startsWith("entities/") || rel.startsWith("data/")) continue; // summed up below
  const s = sizes(rel);
  console.log(`${rel.padEnd(52)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}`);
}
const entityPages = files.filter((f) => f.startsWith("entities/"));
if (entityPages.length) {
  const largest = entityPages.map((f) => [f, sizes(f).brotli]).sort((a, b) => b[1] - a[1])[0];
  console.log(`entities/*.html: ${entityPages.length} pages, largest ${largest[0]} ${(largest[1] / 1024).toFixed(1)} KB brotli`);
}

const data = files.filter((f) => f.startsWith("data/"));
if (data.length) {
  const total = data.reduce((sum, f) => sum + sizes(f).brotli, 0);
  const dictionary = data.find((f) => /^data\/search\/dictionary\./.test(f));
  const shards = data.filter((f) => /^data\/search\/\d+\./.test(f)).map((f) => sizes(f).brotli);
  const routes = data.find((f) => /^data\/routes\./.test(f));
  console.log(`data/: ${data.length} files, ${(total / 1024).toFixed(1)} KB brotli in all; the list of routes ${(sizes(routes).brotli / 1024).toFixed(1)} KB`);
  console.log(`search index: dictionary ${(sizes(dictionary).brotli / 1024).toFixed(1)} KB brotli, ${shards.length} shards of ${(Math.min(...shards) / 1024).toFixed(1)}-${(Math.max(...shards) / 1024).toFixed(1)} KB`);
}

const brotliOf = (files) => files.reduce((sum, f) => sum + sizes(f).brotli, 0);
const pages = files.filter((f) => f.endsWith(".html"));
const code = appCode();
const codeBytes = brotliOf(code);
console.log(`\nCODE of the app, loaded on the first sign of use (${code.join(", ")}): ${kb(codeBytes)} KB brotli`);
const searchCode = files.filter(isSearchCode);
const searchCodeBytes = brotliOf(searchCode);
console.log(`SEARCH CODE the first search loads (${searchCode.join(", ")}): ${kb(searchCodeBytes)} KB brotli`);
console.log(`\n${"page (brotli KB)".padEnd(52)} ${"readable".padStart(8)} ${"first visit".padStart(11)} ${"with the app".padStart(12)}`);
const figures = pages.map((page) => {
  const refs = referencedBy(page);
  // Every page's loader adds the boot module: finding none means the loader changed its form
  // and this report no longer sees what a page loads.
  if (!refs.some(isBoot)) {
    console.error(`${page}: no boot module found among what its loader adds; the size report must learn its new form`);
    process.exit(1);
  }
  const readable = sizes(page).brotli + brotliOf(refs.filter((f) => f.endsWith(".css")));
  const firstVisit = sizes(page).brotli + brotliOf(refs.filter((f) => !code.includes(f) && !/\.(wasm|bin)$/.test(f)));
  const firstLoad = sizes(page).brotli + brotliOf(refs);
  return { page, readable, firstVisit, firstLoad };
});
for (const f of figures) {
  if (!f.page.startsWith("entities/")) console.log(`${f.page.padEnd(52)} ${kb(f.readable)} ${kb(f.firstVisit).padStart(11)} ${kb(f.firstLoad).padStart(12)}`);
}
const heaviestVisit = figures.reduce((a, b) => (b.firstVisit > a.firstVisit ? b : a));
console.log(`LARGEST FIRST VISIT: ${heaviestVisit.page}, ${(heaviestVisit.firstVisit / 1024).toFixed(1)} KB brotli`);
const largest = figures.reduce((a, b) => (b.firstLoad > a.firstLoad ? b : a));
console.log(`LARGEST FIRST LOAD WITH THE APP: ${largest.page}, ${(largest.firstLoad / 1024).toFixed(1)} KB brotli`);

if (budgetFile) {
  const budget = JSON.parse(readFileSync(budgetFile, "utf8"));
  const over = [];
  const check = (what, value, limit) => {
    if (limit === undefined) return;
    const verdict = value <= limit ? "within" : "OVER";
    console.log(`budget: ${what} ${value} B brotli, ${verdict} ${limit} B`);
    if (value > limit) over.push(what);
  };
  check(`largest first visit (${heaviestVisit.page})`, heaviestVisit.firstVisit, budget.firstVisitBrotliBytes);
  check(`largest first load with the app (${largest.page})`, largest.firstLoad, budget.firstLoadBrotliBytes);
  check("code", codeBytes, budget.codeBrotliBytes);
  check("search code", searchCodeBytes, budget.searchCodeBrotliBytes);
  for (const [page, limit] of Object.entries(budget.readableBrotliBytes ?? {})) {
    const f = figures.find((x) => x.page === page);
    if (!f) over.push(`${page} (not built)`);
    else check(`readable ${page}`, f.readable, limit);
  }
  if (over.length) {
    console.log(`over budget (${budgetFile}): ${over.join(", ")}`);
    process.exit(1);
  }
}
