// Trunk post-build step: gives index.html a strict Content-Security-Policy, writes the app's
// page under the name of every route (so deep links answer 200 on hosts that serve NAME.html
// for /NAME) and as 404.html (for every other path), and writes the service worker (sw.js)
// with this build's files and version.
//   node scripts/finish-build.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR, as Trunk sets it)
// The policy allows only the reader's own origin. Trunk's one inline bootstrap script is
// allowed by its SHA-256 hash (no 'unsafe-inline'); 'wasm-unsafe-eval' lets it compile the wasm.
// 404.html is the app itself, so static hosts that answer unknown paths with it keep deep links
// alive across reloads.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("usage: node scripts/finish-build.mjs DIR");
  process.exit(2);
}
const indexPath = join(dir, "index.html");
let html = readFileSync(indexPath, "utf8");

const hashes = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf(">"))))
  .map((m) => `'sha256-${createHash("sha256").update(m[1], "utf8").digest("base64")}'`);

export const policy = [
  "default-src 'self'",
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(" ")}`.trim(),
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join("; ");

html = html.replace(/<meta http-equiv=["']?Content-Security-Policy["']?[^>]*>\s*/i, "");
html = html.replace(/(<meta charset=["']?utf-8["']?\s*\/?>)/i, `$1<meta http-equiv="Content-Security-Policy" content="${policy}">`);
if (!html.includes("Content-Security-Policy")) {
  console.error(`${indexPath}: no <meta charset=utf-8> to put the policy after`);
  process.exit(1);
}
writeFileSync(indexPath, html);
writeFileSync(join(dir, "404.html"), html);
// The routes: the search page and each document's slug, from the content files' front matter.
const contentDir = new URL("../content/", import.meta.url);
const slugs = readdirSync(contentDir)
  .filter((f) => f.endsWith(".md"))
  .map((f) => readFileSync(new URL(f, contentDir), "utf8").match(/^slug\s*=\s*"([^"]+)"/m)?.[1])
  .filter(Boolean);
const entityIds = [...readFileSync(new URL("entities.toml", contentDir), "utf8").matchAll(/^id\s*=\s*"([^"]+)"/gm)].map((m) => m[1]);
mkdirSync(join(dir, "entities"), { recursive: true });
const routes = ["search", "glossary", "entities", "timeline", ...slugs, ...entityIds.map((id) => `entities/${id}`)];
for (const route of routes) writeFileSync(join(dir, `${route}.html`), html);
// The service worker precaches every file of this build under a cache named by the build's
// content: a new deployment installs its whole set beside the old, then deletes the old, so a
// page never gets old JavaScript with new wasm.
const files = readdirSync(dir).filter((f) => f !== "sw.js" && statSync(join(dir, f)).isFile()).sort();
const digest = createHash("sha256");
for (const f of files) digest.update(f).update(readFileSync(join(dir, f)));
const version = digest.digest("hex").slice(0, 16);
const worker = readFileSync(new URL("service-worker.js", import.meta.url), "utf8")
  .replace('"__VERSION__"', JSON.stringify(version))
  .replace("[] /* __FILES__ */", JSON.stringify(files));
writeFileSync(join(dir, "sw.js"), worker);
console.log(`finish-build: CSP with ${hashes.length} script hash(es); ${routes.length} route pages and 404.html; sw.js ${version} with ${files.length} files`);
