#!/usr/bin/env bash
# Installs what building the reader needs (and, with --test, testing it), skipping every tool
# already present at the right version: a second run takes seconds.
#   scripts/setup.sh          wasm32 target, Trunk, wasm-bindgen CLI, Node tools (wasm-opt)
#   scripts/setup.sh --test   also wasm-pack, Chromium and ChromeDriver, Firefox ESR and geckodriver
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_PACK_VERSION=0.15.1
GECKODRIVER_VERSION=0.37.1
# The CLI must equal the wasm-bindgen that Cargo.lock pins, or Trunk and the test runner
# try to download their own.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, "", $0); print; exit }' Cargo.lock)

log() { printf '[setup] %s\n' "$*" >&2; }

# cargo_tool NAME VERSION BINARY [cargo install flags...]
cargo_tool() {
  local name=$1 version=$2 binary=$3
  shift 3
  if "$binary" --version 2>/dev/null | grep -qF "$version"; then return; fi
  log "installing $name $version (a few minutes on 2 cores)"
  cargo install "$name" --version "$version" "$@"
}

export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
cargo_tool trunk "$TRUNK_VERSION" trunk --locked
# No --locked: the CLI's own lockfile pins a crate version the registry lacks.
cargo_tool wasm-bindgen-cli "$WASM_BINDGEN_VERSION" wasm-bindgen

# Node tools, wasm-opt among them (Debian's binaryen is too old for Rust 1.95 output).
if [[ ! -x node_modules/.bin/wasm-opt || package-lock.json -nt node_modules/.package-lock.json ]]; then
  log "installing the pinned Node tools (npm ci)"
  npm ci --no-audit --no-fund
fi

if [[ "${1:-}" == "--test" ]]; then
  for component in rustfmt clippy; do
    if ! rustup component list --installed | grep -q "^$component"; then
      log "adding the $component component"
      rustup component add "$component"
    fi
  done
  cargo_tool wasm-pack "$WASM_PACK_VERSION" wasm-pack --locked
  cargo_tool geckodriver "$GECKODRIVER_VERSION" geckodriver --locked
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || ! command -v firefox-esr >/dev/null \
    || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null; then
    log "installing Chromium, ChromeDriver, Firefox ESR, and WebKitGTK's WebDriver with a virtual display, from Debian"
    sudo=""
    [[ "$(id -u)" -eq 0 ]] || sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver firefox-esr webkit2gtk-driver xvfb
  fi
fi
