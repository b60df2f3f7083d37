// Builds the search engine's own WebAssembly module (crates/search-module), which the reader
// loads on the first sign of a search, so no first visit downloads the engine (see
// src/search_engine.rs). Used by finish-build.mjs (an ES module the boot module imports) and
// build-single-file.mjs (a classic script defining the global `readerSearchGlue`).
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";

const WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-reference-types", "--enable-multivalue", "--enable-sign-ext", "--enable-mutable-globals"];
const run = (cmd, args) => execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"] });

/** Builds the module; `target` is "web" or "no-modules". Returns its glue's text and its wasm's bytes. */
export function buildSearchModule(target) {
  const out = `target/search-module/${target}`;
  run("cargo", ["build", "--release", "--locked", "--target", "wasm32-unknown-unknown", "-p", "search-module"]);
  const global = target === "no-modules" ? ["--no-modules-global", "readerSearchGlue"] : [];
  run("wasm-bindgen", ["--target", target, ...global, "--no-typescript", "--out-dir", out, "--out-name", "search", "target/wasm32-unknown-unknown/release/search_module.wasm"]);
  run("wasm-opt", ["-Oz", "--converge", ...WASM_FEATURES, `${out}/search_bg.wasm`, "-o", `${out}/search_bg.opt.wasm`]);
  if (target === "web") run("node_modules/.bin/terser", [`${out}/search.js`, "--module", "--compress", "--mangle", "--output", `${out}/search.js`]);
  return { glue: readFileSync(`${out}/search.js`, "utf8"), wasm: readFileSync(`${out}/search_bg.opt.wasm`) };
}
