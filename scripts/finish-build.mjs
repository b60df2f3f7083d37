// Trunk post-build step: writes every page of the reader pre-rendered, each with a strict
// Content-Security-Policy and its own head, the security headers for hosts that take a
// `_headers` file, and the service worker (sw.js) with this build's files and version.
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
// The policy allows nothing by default and only the reader's own origin for what it uses. No
// script runs for being on the origin: the inline scripts (the app's loader and the theme
// script below) are allowed by their SHA-256 hashes, and 'strict-dynamic' lets the loader
// bring in what it loads (the glue, the service worker's registration, which loads the
// offline saver); 'wasm-unsafe-eval' lets the loader compile the wasm, which it first checks
// against the SHA-384 the build computed.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { buildSearchModule } from "./search-module.mjs";

/** Every data file of the build, for saving the whole library for offline reading. */
const DATA_LIST = "data-files.json";
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

// Before the home page's first paint: a remembered theme applies, so it never flashes the other
// one, and <html data-offline> marks where a service worker can keep the library, so its "Reading
// offline" section is laid out from the start instead of pushing what follows it down once the
// page has painted. The other pages go without: a page's first script starts the browser's
// JavaScript engine, and that held their text back by about 15 ms (text at 1.58x a plain page's
// time with it, 1.36-1.42x without: README). The service worker writes a remembered theme into
// each page it serves instead (scripts/service-worker.js), and register-sw.js applies it where
// no worker serves the page (a first visit, a browser without one).
const headScript =
  `var d=document.documentElement;try{var t=localStorage.getItem("reader-theme");if(t==="dark"||t==="light")d.setAttribute("data-theme",t)}catch(e){}` +
  `if("serviceWorker"in navigator&&"caches"in window&&location.protocol.startsWith("http"))d.dataset.offline=""`;
shell = shell.replace(/(<meta charset=["']?utf-8["']?\s*\/?>)/i, `$1<script>${headScript}</script>`);
if (!shell.includes(headScript)) fail("no <meta charset=utf-8> to put the head's additions after");

// The app starts on the first sign of use, or at once where the page needs it: the loader
// defines `readerStart()`, which public/register-sw.js calls (see there). Trunk's bootstrap and
// its preloads, which would fetch the code at once, make way for a loader that imports the same
// files then.
const bootstrap = shell.match(/<script type=["']?module["']?>\s*import init, \* as bindings from '([^']+)';\s*const wasm = await init\(\{ module_or_path: '([^']+)' \}\);[\s\S]*?<\/script>/);
if (!bootstrap) fail("no Trunk bootstrap (<script type=\"module\">import init ...) to replace");
const [, glueUrl, wasmUrl] = bootstrap;
// Trunk's minifier only strips the glue's whitespace; terser (pinned in package.json) also
// shortens its names: 7.5 KB brotli becomes 5.7 KB.
const glueFile = join(dir, glueUrl.split("/").pop());
execFileSync("node_modules/.bin/terser", [glueFile, "--module", "--compress", "--mangle", "--output", glueFile], { stdio: "inherit" });
// The scripts of features that load on first use (public/register-sw.js's loadOnce) are copied
// as written; terser shortens them as well (their top-level names, shared between them, stay).
for (const file of ["save-offline.js", "cite.js", "reading-places.js", "selection-link.js", "note-anchor.js", "notes.js"]) {
  execFileSync("node_modules/.bin/terser", [join(dir, file), "--compress", "--mangle", "--output", join(dir, file)], { stdio: "inherit" });
}
// The page's one module script, allowed by its hash, starts everything else by adding script
// elements, which 'strict-dynamic' lets run: the page's script, public/register-sw.js (with its
// integrity), once the page has loaded and its text has been painted (its first contentful
// paint, or 2 s at most: a page in a background tab paints nothing); requested before, it held
// the Largest Contentful Paint back, as Lighthouse counts a request started before it (a local
// page's `load` can come before its first paint); and when that calls `readerStart()` (on the
// first sign of use, or at once where the page needs the app) a small boot module (with its
// integrity), which imports the glue and starts the wasm. A hash-allowed inline script cannot
// import() under 'strict-dynamic' itself: browsers treat its imports as parser-inserted.
const sri = (bytes) => `sha384-${createHash("sha384").update(bytes).digest("base64")}`;
const registration = shell.match(/<script\b[^>]*\bsrc=["']?([^"'\s>]*register-sw[^"'\s>]*)["']?[^>]*><\/script>/);
if (!registration) fail("no <script src=...register-sw...> to load from the loader");
// Shortened by terser like the scripts above, so its integrity is taken anew. Trunk does not
// minify it (index.html: data-no-minify): its minifier's output changed from build to build, and
// with it this file's name and hashes and so every page's compressed size, by up to 30 bytes.
const registrationFile = join(dir, registration[1].split("/").pop());
execFileSync("node_modules/.bin/terser", [registrationFile, "--compress", "--mangle", "--output", registrationFile], { stdio: "inherit" });
const registrationIntegrity = sri(readFileSync(registrationFile));
shell = shell.replace(registration[0], "");
// The boot module fetches the wasm and checks its SHA-384 before compiling it: browsers ignore
// `integrity` for WebAssembly, so a damaged or substituted file would otherwise run. Where the
// page is not a secure context (plain http other than localhost) browsers offer no digest and
// the check is skipped.
const wasmIntegrity = sri(readFileSync(join(dir, wasmUrl.split("/").pop())));
// The search engine is a module of its own, loaded on the first sign of a search: the boot
// module defines `window.readerSearch()`, which imports its glue, fetches and checks its wasm
// the same way, starts it, and answers with its exports (see src/search_engine.rs). A failed
// load is forgotten, so the next search tries again.
const contentName = (stem, ext, bytes) => `${stem}-${createHash("sha256").update(bytes).digest("hex").slice(0, 16)}${ext}`;
const searchModule = buildSearchModule("web");
const searchGlueFile = contentName("search", ".js", searchModule.glue);
const searchWasmFile = contentName("search", "_bg.wasm", searchModule.wasm);
writeFileSync(join(dir, searchGlueFile), searchModule.glue);
writeFileSync(join(dir, searchWasmFile), searchModule.wasm);
const beside = (file) => glueUrl.replace(/[^/]*$/, file);
const boot = [
  `const intact=async(bytes,hash)=>!crypto.subtle||btoa(String.fromCharCode(...new Uint8Array(await crypto.subtle.digest("SHA-384",bytes))))===hash;`,
  `const code=(url)=>fetch(url).then((r)=>{if(!r.ok)throw new Error(\`\${url} answered \${r.status}\`);return r.arrayBuffer()});`,
  `let search;window.readerSearch=()=>search??=Promise.all([import(${JSON.stringify(beside(searchGlueFile))}),code(${JSON.stringify(beside(searchWasmFile))})]).then(async([glue,bytes])=>{`,
  `if(!(await intact(bytes,${JSON.stringify(sri(searchModule.wasm).slice(7))})))throw new Error("the search engine did not arrive intact");await glue.default({module_or_path:bytes});return glue}).catch((e)=>{search=undefined;throw String(e?.message??e)});`,
  `const [glue,bytes]=await Promise.all([import(${JSON.stringify(glueUrl)}),code(${JSON.stringify(wasmUrl)})]);`,
  `if(!(await intact(bytes,${JSON.stringify(wasmIntegrity.slice(7))})))throw new Error("The reader's code did not arrive intact, so it was not started.");`,
  `const w=await glue.default({module_or_path:bytes});window.wasmBindings=glue;window.wasmMemory=w.memory;window.readerReplay?.click();`,
].join("\n");
const bootFile = contentName("boot", ".js", boot);
writeFileSync(join(dir, bootFile), `${boot}\n`);
const bootUrl = beside(bootFile);
const loader = [
  // once(src, more): a function that adds that script the first time it is called.
  `const once=(src,more)=>{let done;return()=>done||=document.head.append(Object.assign(document.createElement("script"),{src},more))??1};`,
  `const page=once(${JSON.stringify(registration[1])},{integrity:${JSON.stringify(registrationIntegrity)}});`,
  `const later=()=>{setTimeout(page,2e3);new PerformanceObserver((l)=>l.getEntriesByName("first-contentful-paint")[0]&&page()).observe({type:"paint",buffered:true})};`,
  `document.readyState==="complete"?later():addEventListener("load",later,{once:true});`,
  `window.readerStart=once(${JSON.stringify(bootUrl)},{type:"module",integrity:${JSON.stringify(sri(`${boot}\n`))}});`,
].join("");
shell = shell.replace(bootstrap[0], () => `<script type="module">${loader}</script>`);
shell = shell.replace(/<link\b[^>]*\brel=["']?(modulepreload|preload)["']?[^>]*>/gi, "");
if (shell.includes(`href="${wasmUrl}"`)) fail("a preload of the wasm is left");

// The stylesheet goes into each page as a <style> the policy allows by its hash: linked, it held
// the first paint back for a request of its own (scripts/bench-first-text.mjs: text at 1.75x a
// plain page's time linked, 1.45x inline). Each page carries it (about 4.6 KB brotli, counted in
// its readable bytes as before); the app moves between pages without fetching them, so a reader
// downloads it about once a visit.
const stylesheet = shell.match(/<link\b[^>]*\bhref=["']?([^"'\s>]*main-[0-9a-f]+\.css)["']?[^>]*>/);
if (!stylesheet) fail("no <link rel=stylesheet href=...main-HASH.css> to inline");
const cssFile = join(dir, stylesheet[1].split("/").pop());
const css = readFileSync(cssFile, "utf8");
if (/<\/style/i.test(css)) fail("the stylesheet holds </style>, which would end it early in a page");
shell = shell.replace(stylesheet[0], () => `<style>${css}</style>`);
rmSync(cssFile);
/** An inline script's or stylesheet's hash as a Content-Security-Policy source. */
const policyHash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const styleHash = policyHash(css);
const hashes = [...shell.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)]
  .filter((m) => !/\bsrc=/.test(m[0].slice(0, m[0].indexOf(">"))))
  .map((m) => policyHash(m[1]));

/** Powerful features the reader never uses, denied to it and anything it could embed. */
const DENIED_FEATURES = ["accelerometer", "autoplay", "camera", "display-capture", "geolocation", "gyroscope", "magnetometer", "microphone", "midi", "payment", "publickey-credentials-get", "screen-wake-lock", "serial", "usb", "xr-spatial-tracking"];

/** The policy of a page whose inline scripts have these hashes. */
const policyFor = (scripts) => [
  "default-src 'none'",
  `script-src 'strict-dynamic' 'wasm-unsafe-eval' ${scripts.join(" ")}`.trim(),
  `style-src 'self' ${styleHash}`,
  "img-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "worker-src 'self'",
  "base-uri 'self'",
  "form-action 'self'", // the search box's form, before the app runs: to the results page
].join("; ");
// The shell's policy, for the home page and the host's header; the other pages allow only the
// script they carry, not the home page's head script.
const policy = policyFor(hashes);
const pagePolicy = policyFor(hashes.filter((hash) => hash !== policyHash(headScript)));
if (pagePolicy === policy) fail("the head script's hash is not in the policy");
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
  ["run", "--quiet", "--locked", "--no-default-features", "--features", "ssr", "--bin", "prerender", "--", base, dir],
  { encoding: "utf8", maxBuffer: 1 << 30, stdio: ["ignore", "pipe", "inherit"] },
);
const pages = rendered.split("\n").filter(Boolean).map((line) => JSON.parse(line));

/** Where the app finds the page's route, the list of every page's data file and the search
 * index's dictionary (named here so that a first search need not fetch the list first). */
function bodyAttributes(page) {
  const attributes = { "data-route": page.path, "data-manifest": page.manifest, "data-search": page.search };
  return Object.entries(attributes)
    .filter(([, value]) => value)
    .map(([name, value]) => `${name}="${escapeHtml(value)}"`)
    .join(" ");
}

/** The page's own data, after its text: what the app needs to take the page over (the data
 * file's bytes as text, which never holds `<` or `&`; see content-model's text_form). */
function pageData(page) {
  if (page.data === undefined || page.data === null) return "";
  if (/[<&]/.test(page.data)) fail(`the data of ${page.path} is not in text form`);
  return `<script type="application/octet-stream" id="page-data">${page.data}</script>`;
}

/** A document's citation data in its head, for reference managers' browser connectors and
 * scholarly crawlers: Highwire Press `citation_*` tags (what Zotero and Google Scholar read)
 * and schema.org JSON-LD. Only what the front matter says; nothing guessed. The app removes
 * them once it shows another page (src/app.rs), so they never describe the wrong document. */
function citationHead(page, url) {
  const c = page.citation;
  if (!c) return "";
  const tag = (name, content) => (content ? `<meta name="${name}" content="${escapeHtml(content)}">` : "");
  const tags = [
    tag("citation_title", c.title),
    tag("citation_author", c.author ?? c.issuedBy),
    tag("citation_publication_date", c.date?.replaceAll("-", "/")),
    tag("citation_publisher", c.publisher),
    tag("citation_technical_report_institution", c.issuedBy),
    tag("citation_public_url", c.url),
    site ? tag("citation_abstract_html_url", url) : "",
    tag("citation_language", "en"),
  ];
  const party = (type, name) => (name ? { "@type": type, name } : undefined);
  const data = {
    "@context": "https://schema.org",
    "@type": page.kind === "article" && c.kind === "Press release" ? "NewsArticle" : "Article",
    headline: c.title,
    name: c.title,
    genre: c.kind,
    author: party("Person", c.author) ?? party("Organization", c.issuedBy),
    sourceOrganization: party("Organization", c.issuedBy),
    publisher: party("Organization", c.publisher),
    datePublished: c.date ?? undefined,
    locationCreated: party("Place", c.place),
    description: c.summary,
    inLanguage: "en",
    isBasedOn: c.url ?? undefined,
    url: site ? url : undefined,
  };
  // `<` written as \u003c, so no text can close the script element.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `${tags.join("")}<script type="application/ld+json">${json}</script>`;
}

/** Pages search engines should not index: the not-found page, and the reader's own notes. */
const unindexed = new Set(["/404", "/notes"]);

/** The shell of every page but the home page: without the head script, and a policy without it. */
const pageShell = shell.replace(`<script>${headScript}</script>`, "").replace(`content="${policy}"`, () => `content="${pagePolicy}"`);

/** The page file: the shell with the page's title, head tags and pre-rendered body. */
function pageHtml(page) {
  const url = `${site}${base}${page.path.replace(/^\//, "")}`;
  const description = page.description ?? "Read, search and cite official security-policy documents, paragraph by paragraph.";
  const head = [
    `<meta name="description" content="${escapeHtml(description)}">`,
    unindexed.has(page.path) ? `<meta name="robots" content="noindex">` : `<link rel="canonical" href="${escapeHtml(url)}">`,
    `<meta property="og:site_name" content="Security Policy Reader">`,
    `<meta property="og:type" content="${page.kind}">`,
    `<meta property="og:title" content="${escapeHtml(page.title)}">`,
    `<meta property="og:description" content="${escapeHtml(description)}">`,
    site && page.path !== "/404" ? `<meta property="og:url" content="${escapeHtml(url)}">` : "",
    citationHead(page, url),
  ].join("");
  return (page.path === "/" ? shell : pageShell)
    .replace(titleTag, () => `<title>${escapeHtml(page.title)}</title>${head}`)
    .replace(bodyTag, () => `<body ${bodyAttributes(page)}>${page.body}${pageData(page)}</body>`);
}

for (const page of pages) {
  const file = join(dir, page.path === "/404" ? "404.html" : page.file);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, pageHtml(page));
}

// sitemap.xml: every page a reader or a crawler can land on, from the same list the pages were
// written from (the router's table, src/router.rs Page::all), less the not-found, search and
// notes pages (the last differs in every browser). Its addresses are absolute when SITE_URL names the origin, as the sitemap protocol
// asks; without it they are paths under the base, and the build says so. Past the protocol's
// 50,000 addresses a file, sitemap.xml becomes an index of sitemap-N.xml files.
const SITEMAP_LIMIT = 50_000;
const unlisted = new Set([...unindexed, "/search"]);
const listed = pages.filter((page) => !unlisted.has(page.path)).map((page) => escapeHtml(`${site}${base}${page.path.replace(/^\//, "")}`));
const xml = (root, items) => `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join("\n")}\n</${root}>\n`;
if (listed.length <= SITEMAP_LIMIT) {
  writeFileSync(join(dir, "sitemap.xml"), xml("urlset", listed.map((loc) => `<url><loc>${loc}</loc></url>`)));
} else {
  const files = [];
  for (let i = 0; i < listed.length; i += SITEMAP_LIMIT) {
    files.push(`sitemap-${files.length + 1}.xml`);
    writeFileSync(join(dir, files.at(-1)), xml("urlset", listed.slice(i, i + SITEMAP_LIMIT).map((loc) => `<url><loc>${loc}</loc></url>`)));
  }
  writeFileSync(join(dir, "sitemap.xml"), xml("sitemapindex", files.map((f) => `<sitemap><loc>${escapeHtml(`${site}${base}${f}`)}</loc></sitemap>`)));
}
if (site) writeFileSync(join(dir, "robots.txt"), `User-agent: *\nAllow: /\nSitemap: ${site}${base}sitemap.xml\n`);
else console.warn("finish-build: SITE_URL is not set, so sitemap.xml lists paths, not the absolute addresses search engines need");

// Security headers for hosts that read a `_headers` file (Netlify, Cloudflare Pages; the
// README gives the nginx, Apache and CloudFront equivalents). The policy as a header can also
// forbid framing, which a meta tag cannot. Content-hashed files never change: cached for a
// year. Pages and sw.js get the hosts' default (revalidate each time), stated for sw.js;
// rules are kept disjoint, since hosts join the values of a header set by two matching rules.
const hashed = readdirSync(dir).filter((f) => /-[0-9a-f]{8,}(_bg)?\.(js|wasm|css)$/.test(f));
const every = [
  `Content-Security-Policy: ${policy}; frame-ancestors 'none'`,
  "X-Content-Type-Options: nosniff",
  "Referrer-Policy: no-referrer",
  `Permissions-Policy: ${DENIED_FEATURES.map((f) => `${f}=()`).join(", ")}`,
  "Cross-Origin-Opener-Policy: same-origin",
];
const rules = [
  [`${base}*`, every],
  ...hashed.map((f) => [`${base}${f}`, ["Cache-Control: public, max-age=31536000, immutable"]]),
  // Data files are named by their content too.
  [`${base}data/*`, ["Cache-Control: public, max-age=31536000, immutable"]],
  [`${base}sw.js`, ["Cache-Control: no-cache"]],
  [`${base}${DATA_LIST}`, ["Cache-Control: no-cache"]],
];
writeFileSync(join(dir, "_headers"), rules.map(([path, headers]) => `${path}\n${headers.map((h) => `  ${h}\n`).join("")}`).join(""));

// The service worker precaches what any page needs (the shell: code, styles, icons,
// index.html, 404.html), the catalogue (the list of routes and the home page's data) and the
// search index's dictionary (the shards a query needs are kept as fetched) under
// a cache named by the build's content: a new deployment installs its set beside the old,
// then deletes the old, so a page never gets old JavaScript with new wasm. Pages and data
// files are not precached (4,000 documents at 1000x): the worker keeps each data file as it
// is read, and "Save every document for offline" (public/save-offline.js) fetches the rest
// from the list in data-files.json. Offline, a page not kept is rendered by the shell.
const dataFiles = readdirSync(join(dir, "data"), { recursive: true })
  .map((f) => `data/${f}`)
  .filter((f) => statSync(join(dir, f)).isFile())
  .sort();
writeFileSync(join(dir, DATA_LIST), JSON.stringify(dataFiles));
const forCrawlers = (f) => /^(sitemap(-\d+)?\.xml|robots\.txt)$/.test(f);
const topFiles = readdirSync(dir).filter((f) => !["sw.js", "_headers", DATA_LIST].includes(f) && !forCrawlers(f) && statSync(join(dir, f)).isFile());
const pageFiles = new Set(pages.map((page) => (page.path === "/404" ? "404.html" : page.file)));
const shellPages = ["index.html", "404.html"];
const catalogue = dataFiles.filter((f) => /^data\/(routes|index|search\/dictionary)\.[0-9a-f]{16}\.bin$/.test(f));
const files = [...topFiles.filter((f) => !pageFiles.has(f) || shellPages.includes(f)), ...catalogue].sort();
const digest = createHash("sha256");
for (const f of [...topFiles.sort(), ...dataFiles]) digest.update(f).update(readFileSync(join(dir, f)));
const version = digest.digest("hex").slice(0, 16);
const worker = readFileSync(new URL("service-worker.js", import.meta.url), "utf8")
  .replace('"__VERSION__"', JSON.stringify(version))
  .replace("[] /* __FILES__ */", JSON.stringify(files));
writeFileSync(join(dir, "sw.js"), worker);
console.log(`finish-build: ${pages.length} pages pre-rendered under ${base}; ${listed.length} in sitemap.xml; CSP with ${hashes.length} script hash(es); _headers with ${rules.length} rules; sw.js ${version} precaching ${files.length} files; ${dataFiles.length} data files listed in ${DATA_LIST}`);
