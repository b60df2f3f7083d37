// Trunk post-build step: writes every page of the reader pre-rendered, each with a strict
// Content-Security-Policy and its own head, and the service worker (sw.js) with this build's
// files and version.
//   node scripts/finish-build.mjs [DIR]   (DIR defaults to $TRUNK_STAGING_DIR, as Trunk sets it)
//   SITE_URL=https://example.org          optional: the origin the site is served from, for
//                                         absolute canonical and Open Graph URLs
//
// Pages: `src/bin/prerender.rs` renders each route with the app's own components (Leptos
// ssr); each body goes into Trunk's index.html as `<body data-route="/path">`, where the wasm
// takes it over (see `start` in src/lib.rs). Files: index.html, <route>.html (so deep links
// answer 200 on hosts that serve NAME.html for /NAME), entities/<id>.html, and 404.html
// (the not-found page, which static hosts serve for unknown paths; the app renders the page
// itself when a host serves one page for another route).
// The policy allows only the reader's own origin. The inline scripts (Trunk's bootstrap and
// the theme script below) are allowed by their SHA-256 hashes (no 'unsafe-inline');
// 'wasm-unsafe-eval' lets the bootstrap compile the wasm.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("usage: node scripts/finish-build.mjs DIR");
  process.exit(2);
}
const indexPath = join(dir, "index.html");
let shell = readFileSync(indexPath, "utf8");
const fail = (message) => {
  console.error(`${indexPath}: ${message}`);
  process.exit(1);
};

// A remembered theme applies before the first paint, so a page never flashes the other one.
const themeScript = `try{var t=localStorage.getItem("reader-theme");if(t==="dark"||t==="light")document.documentElement.setAttribute("data-theme",t)}catch(e){}`;
shell = shell.replace(/(<meta charset=["']?utf-8["']?\s*\/?>)/i, `$1<script>${themeScript}</script>`);
if (!shell.includes(themeScript)) fail("no <meta charset=utf-8> to put the head's additions after");

const hashes = [...shell.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
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
shell = shell.replace(/<meta http-equiv=["']?Content-Security-Policy["']?[^>]*>\s*/i, "");
shell = shell.replace(/(<meta charset=["']?utf-8["']?\s*\/?>)/i, `$1<meta http-equiv="Content-Security-Policy" content="${policy}">`);

// The shell's own description and body make way for each page's.
shell = shell.replace(/<meta\s+(?:name=["']?description["']?\s+content=("[^"]*"|'[^']*'|[^\s>]+)|content=("[^"]*"|'[^']*'|[^\s>]+)\s+name=["']?description["']?)\s*\/?>/i, "");
const base = shell.match(/<base\s+href=["']?([^"'\s>]+)/i)?.[1] ?? fail("no <base href>");
const titleTag = /<title>[^<]*<\/title>/i;
if (!titleTag.test(shell)) fail("no <title>");
const bodyTag = /<body[^>]*>[\s\S]*?(<\/body>|$)/i;
if (!bodyTag.test(shell)) fail("no <body>");

const escapeHtml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const site = (process.env.SITE_URL ?? "").replace(/\/+$/, "");
const rendered = execFileSync(
  "cargo",
  ["run", "--quiet", "--locked", "--no-default-features", "--features", "ssr", "--bin", "prerender", "--", base],
  { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "inherit"] },
);
const pages = rendered.split("\n").filter(Boolean).map((line) => JSON.parse(line));

/** The page file: the shell with the page's title, head tags and pre-rendered body. */
function pageHtml(page) {
  const url = `${site}${base}${page.path.replace(/^\//, "")}`;
  const description = page.description ?? "Read, search and cite official security-policy documents, paragraph by paragraph.";
  const head = [
    `<meta name="description" content="${escapeHtml(description)}">`,
    page.path === "/404" ? `<meta name="robots" content="noindex">` : `<link rel="canonical" href="${escapeHtml(url)}">`,
    `<meta property="og:site_name" content="Security Policy Reader">`,
    `<meta property="og:type" content="${page.kind}">`,
    `<meta property="og:title" content="${escapeHtml(page.title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    site && page.path !== "/404" ? `<meta property="og:url" content="${escapeHtml(url)}">` : "",
  ].join("");
  return shell
    .replace(titleTag, () => `<title>${escapeHtml(page.title)}</title>${head}`)
    .replace(bodyTag, () => `<body data-route="${escapeHtml(page.path)}">${page.body}</body>`);
}

for (const page of pages) {
  const file = join(dir, page.path === "/404" ? "404.html" : page.file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, pageHtml(page));
}

// The service worker precaches every file of this build (the top folder: the shell, the
// pages of the routes there, the code) under a cache named by the build's content: a new
// deployment installs its whole set beside the old, then deletes the old, so a page never
// gets old JavaScript with new wasm.
const files = readdirSync(dir).filter((f) => f !== "sw.js" && statSync(join(dir, f)).isFile()).sort();
const digest = createHash("sha256");
for (const f of files) digest.update(f).update(readFileSync(join(dir, f)));
const version = digest.digest("hex").slice(0, 16);
const worker = readFileSync(new URL("service-worker.js", import.meta.url), "utf8")
  .replace('"__VERSION__"', JSON.stringify(version))
  .replace("[] /* __FILES__ */", JSON.stringify(files));
writeFileSync(join(dir, "sw.js"), worker);
console.log(`finish-build: ${pages.length} pages pre-rendered under ${base}; CSP with ${hashes.length} script hash(es); sw.js ${version} with ${files.length} files`);
