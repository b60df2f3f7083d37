#!/usr/bin/env bash
# Builds the release reader with the default corpus and serves it as plain static files.
#   scripts/serve.sh                          http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh
#   PUBLIC_URL=/reader/ scripts/serve.sh      http://127.0.0.1:8080/reader/ (sub-path hosting)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
public_url=${PUBLIC_URL:-/}
trunk build --release --public-url "$public_url"
exec node scripts/static-server.mjs dist "${PORT:-8080}" "$public_url"
