#!/usr/bin/env bash
# Runs every test, browser tests included. First installs what the browser tests need:
# Debian's chromium (headless) and the npm dev packages (elasticlunr, playwright-core, axe-core).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing Debian chromium for the browser tests..."
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  echo "installing npm dev packages..."
  npm ci --no-audit --no-fund --loglevel=error
fi

cargo test "$@"
