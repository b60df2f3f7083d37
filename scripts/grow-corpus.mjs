// Grows the corpus N times for benchmarks: writes a content folder holding the real documents
// and curated files of content/ plus synthetic press releases made of the corpus's own
// sentences, so the build, the index and the reader meet a library of realistic text at 10×,
// 100× or 1000× the size. The output is valid content: the build reads it as it reads content/.
//   node scripts/grow-corpus.mjs N OUT_DIR      (N ≥ 1; N = 1 copies content/ as it is)
//   READER_CONTENT=OUT_DIR trunk build ...      (builds the reader from it)
//
// Deterministic: the same N gives the same files (a fixed-seed generator picks the sentences).
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [times, out] = [Number(process.argv[2]), process.argv[3]];
if (!Number.isInteger(times) || times < 1 || !out) {
  console.error("usage: node scripts/grow-corpus.mjs N OUT_DIR   (N a whole number ≥ 1)");
  process.exit(2);
}

const source = "content";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = readdirSync(source).filter((f) => /\.(md|toml)$/.test(f));
for (const f of files) copyFileSync(join(source, f), join(out, f));

// The body paragraphs of the real documents (front matter, headings and numbers left out),
// split into sentences.
const documents = files.filter((f) => f.endsWith(".md"));
const sentences = documents.flatMap((f) => {
  const body = readFileSync(join(source, f), "utf8").split(/^\+\+\+$/m)[2] ?? "";
  return body
    .split(/\n\s*\n/)
    .map((p) => p.trim().replace(/^\d+\.\s+/, ""))
    .filter((p) => p && !p.startsWith("#"))
    .flatMap((p) => p.match(/[^.!?]+[.!?]+(?=\s|$)/g) ?? [])
    .map((s) => s.trim())
    .filter((s) => s.split(/\s+/).length >= 6);
});

// A small fixed-seed generator (mulberry32), so runs compare.
let seed = 20261201;
const random = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(random() * list.length)];

const synthetic = (times - 1) * documents.length;
const width = String(synthetic).length;
for (let i = 1; i <= synthetic; i++) {
  const number = String(i).padStart(width, "0");
  const paragraphs = Array.from({ length: 6 + Math.floor(random() * 20) }, () =>
    Array.from({ length: 2 + Math.floor(random() * 4) }, () => pick(sentences)).join(" "),
  );
  const titleWords = pick(sentences).replace(/[.!?]+$/, "").split(/\s+/).slice(0, 9).join(" ");
  const month = String(1 + (i % 12)).padStart(2, "0");
  const day = String(1 + (i % 28)).padStart(2, "0");
  const front = [
    "+++",
    `slug = "release-${number}"`,
    `title = ${JSON.stringify(`Release ${number}: ${titleWords}`)}`,
    `kind = "press-release"`,
    `date = "${2000 + (i % 25)}-${month}-${day}"`,
    `source = "Synthetic release for benchmarks"`,
    "+++",
  ].join("\n");
  writeFileSync(join(out, `9-${number}-release.md`), `${front}\n\n${paragraphs.join("\n\n")}\n`);
}
console.log(`grow-corpus: ${documents.length + synthetic} documents (${synthetic} synthetic, from ${sentences.length} sentences) in ${out}`);
