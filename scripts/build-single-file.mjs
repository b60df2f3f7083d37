// Builds the reader as one self-contained HTML file (wasm, library, JavaScript, CSS and icon inlined)
// that opens from file:// by double-click: dist-single/security-policy-reader.html.
//   node scripts/build-single-file.mjs      (after scripts/setup.sh; tools on PATH)
//
// Browsers refuse to fetch wasm or load ES modules from file://, so the page carries the wasm
// as base64 in a classic script and instantiates those bytes with wasm-bindgen's `no-modules`
// glue. The whole library (the data files the served reader fetches page by page) and its
// whole search index (the served reader's dictionary and shards) ride along as base64 too, as
// `window.readerLibrary` and `window.readerSearchIndex`. The router sees the file: protocol and keeps the
// page in the query (see src/router.rs).

/** Above this, one file is the wrong way to carry a library: serve the reader instead. */
const MAX_LIBRARY_BYTES = 16 * 1024 * 1024;
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { brotliCompressSync } from "node:zlib";
import { buildSearchModule } from "./search-module.mjs";

const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });
const WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue", "--enable-sign-ext", "--enable-mutable-globals"];
const out = "target/single-file";
const dist = "dist-single";

run("cargo", ["build", "--release", "--locked", "--target", "wasm32-unknown-unknown", "--bin", "reader"]);
run("wasm-bindgen", ["--target", "no-modules", "--no-typescript", "--out-dir", out, "target/wasm32-unknown-unknown/release/reader.wasm"]);
run("wasm-opt", ["-Oz", ...WASM_FEATURES, `${out}/reader_bg.wasm`, "-o", `${out}/reader_bg.opt.wasm`]);
for (const f of readdirSync(out).filter((f) => /^search-\d+\.bin$/.test(f))) rmSync(`${out}/${f}`);
run("cargo", ["run", "--quiet", "--locked", "--no-default-features", "--features", "ssr", "--bin", "prerender", "--", "--one-file", out]);

const libraryBytes = readFileSync(`${out}/library.bin`);
// The search index: its dictionary (search-0.bin), then its shards.
const searchFiles = readdirSync(out).filter((f) => /^search-\d+\.bin$/.test(f)).sort((a, b) => parseInt(a.slice(7)) - parseInt(b.slice(7)));
const searchIndex = searchFiles.map((f) => readFileSync(`${out}/${f}`).toString("base64"));
if (libraryBytes.length > MAX_LIBRARY_BYTES) {
  console.error(
    `build-single-file: the library is ${(libraryBytes.length / 1048576).toFixed(1)} MB, more than the ${MAX_LIBRARY_BYTES / 1048576} MB one file can sensibly carry (every open would decode all of it). Serve the reader instead (scripts/serve.sh), which fetches documents as they are read.`,
  );
  process.exit(1);
}
const library = libraryBytes.toString("base64");

const wasm = readFileSync(`${out}/reader_bg.opt.wasm`).toString("base64");
const glue = readFileSync(`${out}/reader.js`, "utf8");
// The search engine's module (a classic script defining `readerSearchGlue`, and its wasm),
// started on the first sign of a search as in the served reader.
const searchModule = buildSearchModule("no-modules");
// The one-file build has no citation dialog (public/cite.js): its Cite buttons take no room.
const css = `${readFileSync("style/main.css", "utf8")}\n.cite-button { display: none !important; }\n`;
const icon = readFileSync("public/favicon.svg").toString("base64");
const template = readFileSync("index.html", "utf8");
const description = template.match(/<meta name="description" content="([^"]*)">/)?.[1] ?? "";

// `</script` cannot appear inside an inline script; base64 and the glue never contain it, but
// make sure rather than ship a broken file.
for (const [name, text] of [["glue", glue], ["search glue", searchModule.glue]]) {
  if (/<\/script/i.test(text)) throw new Error(`${name} contains </script and cannot be inlined`);
}

// Its own Content-Security-Policy: the two inline scripts and the stylesheet by their hashes,
// 'wasm-unsafe-eval' to compile the wasm from those bytes, the icon as a data: URL, and no
// network at all (no connect-src, no fetches of any kind).
const bootstrap = `window.readerLibrary = Uint8Array.from(atob("${library}"), (c) => c.charCodeAt(0));
window.readerSearchIndex = ${JSON.stringify(searchIndex)}.map((file) => Uint8Array.from(atob(file), (c) => c.charCodeAt(0)));
let searchStarted;
window.readerSearch = () => (searchStarted ??= readerSearchGlue({ module_or_path: Uint8Array.from(atob("${searchModule.wasm.toString("base64")}"), (c) => c.charCodeAt(0)) }).then(() => readerSearchGlue));
wasm_bindgen({ module_or_path: Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0)) });`;
const hash = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const style = `\n${css}\n    `;
const glueScript = `\n${glue}\n    `;
const searchGlueScript = `\n${searchModule.glue}\n    `;
const bootScript = `\n${bootstrap}\n    `;
const policy = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${hash(glueScript)} ${hash(searchGlueScript)} ${hash(bootScript)}`,
  `style-src ${hash(style)}`,
  "img-src data:",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

const html = `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="${policy}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="description" content="${description}">
    <meta name="color-scheme" content="light dark">
    <title>Security Policy Reader</title>
    <link rel="icon" href="data:image/svg+xml;base64,${icon}">
    <style>${style}</style>
</head>
<body>
    <noscript><p>This reader needs JavaScript and WebAssembly to show its documents.</p></noscript>
    <script>${glueScript}</script>
    <script>${searchGlueScript}</script>
    <script>${bootScript}</script>
</body>
</html>
`;
mkdirSync(dist, { recursive: true });
const file = `${dist}/security-policy-reader.html`;
writeFileSync(file, html);
console.log(`${file}: ${(html.length / 1024).toFixed(1)} KB, ${(brotliCompressSync(html).length / 1024).toFixed(1)} KB brotli`);
