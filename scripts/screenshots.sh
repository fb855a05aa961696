#!/usr/bin/env bash
# Screenshots of the built site for docs/screenshots/: home, an initiative, a lesson, a theme
# page, the comparison matrix and the search page with a query, at phone (390×844) and desktop
# (1280×900, full page up to 2400 px) widths, plus the initiative page as printed, and the web
# form (cms-*.png: adding a lesson step by step, tests/browser/cms.e2e.mjs).
# Needs what the browser tests need (`bash tests/run.sh` installs chromium and node_modules).
#
#   bash scripts/screenshots.sh [OUTPUT-DIR]     (default docs/screenshots)
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:-docs/screenshots}"

if [ ! -x /usr/bin/chromium ] || [ ! -d node_modules/playwright-core ]; then
  echo "chromium or node_modules missing: run \`bash tests/run.sh\` first" >&2
  exit 2
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cargo build -q
./target/debug/leernet build --root . --output "$tmp/site"
mkdir -p "$dest"
node tests/browser/screenshots.mjs "$tmp/site" "$dest"
# The web form (admin/, with the repo's [cms]) step by step, for CONTRIBUTING.md.
node tests/browser/cms.e2e.mjs "$tmp/site" . "$tmp/saved.json" "$dest"
