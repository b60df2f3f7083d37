#!/usr/bin/env bash
# Builds the release reader with the default corpus and serves it as plain static files.
#   scripts/serve.sh            http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release
exec node scripts/static-server.mjs dist "${PORT:-8080}"
