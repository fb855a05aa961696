#!/usr/bin/env bash
# Measures the elasticlunr export (docs/elasticlunr-export.md) on generated corpora: its build
# time (the "search: elasticlunr export" stage, median of 3 release builds), the size of
# search_index.nl.json (and gzipped) and of the .js, and the time node takes to load it with the
# real elasticlunr package (JSON.parse + Index.load, median of 3). Figures, not a test.
#
#   bash bench/export.sh CORPUS_DIR…    (corpora from examples/gen_corpus; run under the
#                                        heavy-work lock on a shared machine)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=target/release/leernet
[ -x "$bin" ] || { echo "build it first: cargo build --release --bin leernet" >&2; exit 2; }
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
printf '%-10s %12s %12s %12s %12s %14s %12s\n' documents "export ms" "build ms" "json MB" "gzip MB" "js MB" "load ms"
for corpus in "$@"; do
  grep -q '^\[search\]' "$corpus/config.toml" || printf '\n[search]\nelasticlunr_export = "always"\n' >> "$corpus/config.toml"
  out=$(mktemp -d)
  export_ms=() build_ms=()
  for _ in 1 2 3; do
    log=$(LEERNET_TIMINGS=1 "$bin" build --root "$corpus" --output "$out/site" 2>&1)
    export_ms+=("$(echo "$log" | awk '/search: elasticlunr export/ {print $(NF-8)}')")
    build_ms+=("$(echo "$log" | grep -o 'in [0-9]* ms' | tail -1 | awk '{print $2}')")
  done
  json="$out/site/search_index.nl.json"
  docs=$(node -e "const d=require('$json'); console.log(Object.keys(d.documentStore.docs).length)")
  load_ms=$(for _ in 1 2 3; do node -e "
    const fs = require('fs'), el = require('elasticlunr');
    el.Pipeline.registerFunction((t) => t, 'trimmer-du');
    el.Pipeline.registerFunction((t) => t, 'stopWordFilter-du');
    el.Pipeline.registerFunction((t) => t, 'stemmer-du');
    const t0 = process.hrtime.bigint();
    el.Index.load(JSON.parse(fs.readFileSync('$json', 'utf8')));
    console.log(Number(process.hrtime.bigint() - t0) / 1e6);"; done | median)
  printf '%-10s %12s %12s %12.1f %12.1f %14.1f %12.0f\n' "$docs" \
    "$(printf '%s\n' "${export_ms[@]}" | median)" "$(printf '%s\n' "${build_ms[@]}" | median)" \
    "$(stat -c %s "$json" | awk '{print $1/1e6}')" "$(gzip -9c "$json" | wc -c | awk '{print $1/1e6}')" \
    "$(stat -c %s "$out/site/search_index.nl.js" | awk '{print $1/1e6}')" "$load_ms"
  rm -rf "$out"
done
