#!/usr/bin/env bash
# Runs every test: a fast lane (format, lints, docs), native unit and property tests, property tests
# of the scripts' note anchoring (node), wasm-bindgen tests in headless Chromium and
# Firefox, the release builds (site root, /reader/, one file) with the size budget, end-to-end
# tests in headless Chromium against those builds served as plain static files (and the one
# file opened from file://), end-to-end smokes of every route in headless Firefox and in
# WebKit, and the library benchmark at 1× and 100× the corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n=== %s\n' "$*"; }

# The fast lane: formatting, lints and docs fail here, before anything slow runs.
step "fast lane: rustfmt, clippy (native crates, the pre-renderer, the app on wasm32), rustdoc"
cargo fmt --all --check
cargo clippy --locked -p content-model -p corpus -p importer -p search -p search-module --all-targets -- -D warnings
cargo clippy --locked -p reader --no-default-features --features ssr --lib --bins -- -D warnings
cargo clippy --locked -p reader --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --locked -p reader --target wasm32-unknown-unknown --all-targets --features linked-search -- -D warnings
cargo clippy --locked -p search-module --target wasm32-unknown-unknown -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p content-model -p corpus -p importer -p search -p search-module
RUSTDOCFLAGS="-D warnings" cargo doc --locked --no-deps -p reader --target wasm32-unknown-unknown

step "native tests (content model, corpus, importer, search)"
cargo test --locked -p content-model -p corpus -p importer -p search

step "unit and property tests of the reader's scripts (node)"
node --test tests/js/

# The browser tests link the search engine in (they have no page to load its module from).
step "wasm-bindgen tests in headless Chromium"
wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)" --mode no-install -- --locked --features linked-search

step "wasm-bindgen tests in headless Firefox"
wasm-pack test --headless --firefox --geckodriver "$HOME/.cargo/bin/geckodriver" --mode no-install -- --locked --features linked-search

step "release build (site root in dist/, sub-path /reader/ in dist-reader/)"
trunk build --release --locked
trunk build --release --locked --public-url /reader/ --dist dist-reader

step "single-file build (dist-single/)"
node scripts/build-single-file.mjs

# Documents shaped as institutions publish them (a resolution's preamble), kept out of the default
# corpus; e2e/fixtures.spec.mjs reads them.
step "release build of the fixture corpus (tests/fixtures/resolution in dist-fixtures/)"
READER_CONTENT=tests/fixtures/resolution trunk build --release --locked --dist dist-fixtures

step "size report and budget"
node scripts/size-report.mjs dist --budget size-budget.json

step "end-to-end tests in headless Chromium"
npx playwright test

step "Lighthouse on the home page and a document page"
node scripts/lighthouse.mjs

step "end-to-end smoke in headless Firefox"
node --test e2e-firefox/

step "end-to-end in WebKit (WebKitGTK MiniBrowser on a virtual display)"
node --test e2e-webkit/

step "the library at 1× and 100× (figures; fails if the wasm changes with the corpus)"
node scripts/bench-library.mjs 1 100
