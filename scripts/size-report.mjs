// Prints raw, gzip and brotli sizes of every file of a build, and the first-load total:
// index.html plus every file it references (scripts, wasm, styles, icons).
//   node scripts/size-report.mjs dist [--budget size-budget.json]
// With --budget, exits 1 when the first-load brotli total exceeds firstLoadBrotliBytes.
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

function sizes(path) {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const files = walk(dir).sort();
const html = readFileSync(join(dir, "index.html"), "utf8");
// Files index.html references: href/src attributes (quoted or, once minified, not) and the
// wasm named in the bootstrap.
const referenced = new Set(["index.html"]);
for (const m of html.matchAll(/\b(?:href|src)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))|['"]([^'"]+\.wasm)['"]/g)) {
  const url = (m[1] ?? m[2] ?? m[3] ?? m[4]).split(/[?#]/)[0];
  referenced.add(url.replace(/^\.?\//, "").replace(/^[^:]*\/\/[^/]*\//, ""));
}

console.log(`${"file".padEnd(44)} ${"raw KB".padStart(8)} ${"gzip KB".padStart(8)} ${"br KB".padStart(8)}  first load`);
const total = { raw: 0, gzip: 0, brotli: 0 };
for (const file of files) {
  const rel = relative(dir, file);
  const s = sizes(file);
  const first = referenced.has(rel);
  if (first) for (const k of Object.keys(total)) total[k] += s[k];
  console.log(`${rel.padEnd(44)} ${kb(s.raw)} ${kb(s.gzip)} ${kb(s.brotli)}  ${first ? "yes" : ""}`);
}
console.log(`${"FIRST LOAD TOTAL".padEnd(44)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);

if (budgetFile) {
  const budget = JSON.parse(readFileSync(budgetFile, "utf8")).firstLoadBrotliBytes;
  const verdict = total.brotli <= budget ? "within" : "OVER";
  console.log(`budget: first load ${total.brotli} B brotli, ${verdict} the budget of ${budget} B (${budgetFile})`);
  if (total.brotli > budget) process.exit(1);
}
