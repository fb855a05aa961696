#!/usr/bin/env bash
# Runs each fuzz target for a fixed time budget (default 60 s each) with cargo-fuzz on the
# nightly toolchain, seeded with the repo's own content. Crashes land in fuzz/artifacts/<target>/;
# turn each into a regression test in tests/hostile.rs. The hostile shapes of
# examples/hostile_bench.rs (equal headings, deep HTML, masses of links, ...) are added to the
# corpus at 200 KB each, so a slow path shows up as a libFuzzer timeout.
set -euo pipefail
cd "$(dirname "$0")"
secs="${1:-60}"
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
for target in frontmatter file_to_html; do
  mkdir -p "corpus/$target"
  find ../lessons ../initiatives -name '*.md' -exec cp {} "corpus/$target/" \;
  (cd .. && cargo run --release -q --example hostile_bench -- --write "fuzz/corpus/$target" --size 200000)
  echo "== $target: $secs s"
  cargo +nightly fuzz run "$target" "corpus/$target" -- -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 2>&1 \
    | grep -E '^(#[0-9]+ *DONE|Done|==[0-9]+== ERROR|SUMMARY|artifact_prefix|Test unit written)' || true
done
ls -la artifacts/*/ 2>/dev/null || echo "no crashes found"
