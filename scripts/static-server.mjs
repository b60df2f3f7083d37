// A plain static file server, as common static hosts (GitHub Pages, Netlify) behave: a file if
// it exists, `NAME.html` for an extensionless `NAME`, a folder's index.html, otherwise 404.html
// with status 404; compressed with brotli or gzip when the browser accepts it; the headers of
// the folder's `_headers` file applied as Netlify and Cloudflare Pages apply them (every rule
// whose path pattern matches adds its headers; `*` matches anything). Used to serve
// and test the release build, at the site root or under a sub-path (PREFIX, such as /reader/).
//   node scripts/static-server.mjs DIR [PORT] [PREFIX] [SWITCH...]
// Switches that make it behave like particular hosts, for the tests:
//   --redirect-index   `/index.html` (and `DIR/index.html`) redirect to `/` (`DIR/`), as
//                      Cloudflare Pages and Firebase do ("pretty URLs")
//   --fallback-200     an unknown path gets index.html with status 200, as single-page-app
//                      hosts answer
//   --max-age=N        files the `_headers` rules say nothing of may be kept N seconds
//                      (GitHub Pages sends max-age=600), instead of being revalidated
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const switches = process.argv.slice(2).filter((a) => a.startsWith("--"));
const [dir, portArg, prefixArg] = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const root = resolve(dir ?? "dist");
const port = Number(portArg ?? 8080);
const prefix = prefixArg ?? "/";
const redirectIndex = switches.includes("--redirect-index");
const fallback200 = switches.includes("--fallback-200");
const maxAge = switches.find((s) => s.startsWith("--max-age="))?.slice("--max-age=".length);

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
  ".webmanifest": "application/manifest+json",
  ".txt": "text/plain; charset=utf-8",
};

async function fileFor(urlPath) {
  let path;
  try {
    path = normalize(join(root, decodeURIComponent(urlPath)));
  } catch {
    return null;
  }
  // Inside the root by whole path segments: `/..%2fdist-reader/` must not reach a sibling
  // folder whose name merely starts with the root's.
  if (path !== root && !path.startsWith(root + sep)) return null;
  for (const candidate of [path, join(path, "index.html"), `${path}.html`]) {
    try {
      if ((await stat(candidate)).isFile()) return candidate;
    } catch {
      // try the next form
    }
  }
  return null;
}

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".wasm", ".svg", ".json", ".webmanifest", ".txt", ".xml"]);

/** Compressed bodies by encoding and content (a redeployed file gets a new entry). */
const compressed = new Map();

/** The body in the best encoding the request accepts. */
function encode(req, path, body) {
  if (!COMPRESSIBLE.has(extname(path))) return { body, encoding: null };
  const accepted = req.headers["accept-encoding"] ?? "";
  const encoding = /\bbr\b/.test(accepted) ? "br" : /\bgzip\b/.test(accepted) ? "gzip" : null;
  if (!encoding) return { body, encoding };
  const key = `${encoding} ${createHash("sha1").update(body).digest("hex")}`;
  // Brotli at quality 5, as servers that compress on the fly do (nginx, CDNs): quality 11 takes
  // a quarter of a second for the search engine's wasm, which would stall every other response
  // of this one-threaded server. (The benchmarks count bytes at quality 11, from the files.)
  const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } });
  if (!compressed.has(key)) compressed.set(key, encoding === "br" ? brotli(body) : gzipSync(body));
  return { body: compressed.get(key), encoding };
}

/** The `_headers` file's rules: [{ pattern: RegExp, headers: [[name, value]] }], parsed again
 *  only when the file changes (a redeployment may replace it). */
let parsedRules = { mtime: null, rules: [] };
async function headerRules() {
  const file = join(root, "_headers");
  const mtime = await stat(file).then((s) => s.mtimeMs, () => null);
  if (mtime !== parsedRules.mtime) parsedRules = { mtime, rules: mtime === null ? [] : parseRules(await readFile(file, "utf8")) };
  return parsedRules.rules;
}

function parseRules(text) {
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) {
      const pattern = new RegExp(`^${line.trim().split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
      rules.push({ pattern, headers: [] });
    } else if (rules.length) {
      const [name, ...value] = line.trim().split(":");
      rules.at(-1).headers.push([name.trim().toLowerCase(), value.join(":").trim()]);
    }
  }
  return rules;
}

/** The headers the `_headers` rules give a URL path; a header set twice has its values joined. */
async function ruleHeaders(urlPath) {
  const headers = {};
  for (const rule of await headerRules()) {
    if (!rule.pattern.test(urlPath)) continue;
    for (const [name, value] of rule.headers) headers[name] = headers[name] ? `${headers[name]}, ${value}` : value;
  }
  return headers;
}

createServer(async (req, res) => {
  try {
    await answer(req, res);
  } catch {
    // A request the server cannot read (a malformed request line) gets an answer; the server
    // goes on serving.
    if (!res.headersSent) res.writeHead(400, { "content-type": "text/plain; charset=utf-8" });
    res.end("Bad request");
  }
}).listen(port, "127.0.0.1", () => console.log(`Serving ${root} at http://127.0.0.1:${port}${prefix}`));

async function answer(req, res) {
  const urlPath = new URL(req.url, "http://localhost").pathname;
  if (!urlPath.startsWith(prefix) && urlPath !== prefix.replace(/\/$/, "")) {
    res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
    res.end(`Nothing here: the reader is served under ${prefix}`);
    return;
  }
  if (redirectIndex && urlPath.endsWith("/index.html")) {
    res.writeHead(301, { location: urlPath.slice(0, -"index.html".length) });
    res.end();
    return;
  }
  // Hosts read `_headers` and never serve it.
  let path = urlPath.endsWith("/_headers") ? null : await fileFor("/" + urlPath.slice(prefix.length));
  let status = 200;
  if (!path) {
    path = join(root, fallback200 ? "index.html" : "404.html");
    status = fallback200 ? 200 : 404;
  }
  try {
    const { body, encoding } = encode(req, path, await readFile(path));
    const headers = {
      "content-type": TYPES[extname(path)] ?? "application/octet-stream",
      "cache-control": maxAge ? `max-age=${maxAge}` : "no-cache",
      vary: "accept-encoding",
      ...(await ruleHeaders(urlPath)),
    };
    if (encoding) headers["content-encoding"] = encoding;
    res.writeHead(status, headers);
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("Not found");
  }
}
