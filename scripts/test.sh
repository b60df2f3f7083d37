#!/usr/bin/env bash
# Runs every test: native unit and property tests, wasm-bindgen tests in headless Chromium,
# the release build with its size budget, and end-to-end tests in headless Chromium against
# that build served as plain static files.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
step() { printf '\n=== %s\n' "$*"; }

step "native tests (corpus, search)"
cargo test --locked -p corpus -p search

step "wasm-bindgen tests in headless Chromium"
wasm-pack test --headless --chrome --chromedriver "$(command -v chromedriver)" --mode no-install -- --locked

step "release build (site root in dist/, sub-path /reader/ in dist-reader/)"
trunk build --release --locked
trunk build --release --locked --public-url /reader/ --dist dist-reader

step "size report and budget"
node scripts/size-report.mjs dist --budget size-budget.json

step "end-to-end tests in headless Chromium"
npx playwright test
