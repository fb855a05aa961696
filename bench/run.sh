#!/usr/bin/env bash
# Benchmarks leernet on generated corpora and prints, per size: build time, pages per second,
# peak memory, output size, search bytes for a set of one-word queries, the time to the first
# results in headless Chromium (up to 10,000 lessons, when chromium and node_modules are there),
# and the rebuild time of a one-lesson edit. Figures, not tests: nothing here fails on a slow
# machine.
#
#   bash bench/run.sh                 # 1,000 / 10,000 / 100,000 lessons
#   bash bench/run.sh 1000 10000      # chosen sizes
#   OUT_BASE=/dev/shm bash bench/run.sh   # output in memory instead of on disk (labelled so)
#
# Output goes to target/bench on the repo's disk by default: where people build. When zola is at
# hand (../shared/peers), bench/peers.sh then times leernet, zola and hugo side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000 100000)
work="${BENCH_DIR:-$PWD/target/bench}"
out_base="${OUT_BASE:-$work}"
where="on disk"
[ "$(stat -f -c %T "$out_base" 2>/dev/null)" = tmpfs ] && where="IN MEMORY (tmpfs), not on disk"
queries=(zorg mantelzorg wijkteam budgetten huisartsen regie)
mkdir -p "$work"

cargo build --release -q --bin leernet --example gen_corpus --example bench_rebuild
bin=target/release/leernet
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB; output under $out_base, $where"
for n in "${sizes[@]}"; do
  corpus="$work/corpus-$n"
  out="$out_base/leernet-bench-out-$n"
  [ -f "$corpus/.generated" ] || { target/release/examples/gen_corpus --lessons "$n" --out "$corpus" && touch "$corpus/.generated"; }
  md=$(du -sb "$corpus/lessons" "$corpus/initiatives" | awk '{s+=$1} END {printf "%.1f", s/1e6}')
  echo
  echo "== $n lessons ($md MB of Markdown)"
  "$bin" build --root "$corpus" --output "$out" >/dev/null 2>&1 || true   # warm the page cache
  /usr/bin/time -v "$bin" build --root "$corpus" --output "$out" 2>"$work/time-$n.txt" >/dev/null
  wall=$(grep 'Elapsed (wall clock)' "$work/time-$n.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/time-$n.txt" | awk '{printf "%.0f", $NF/1024}')
  pages=$(grep -o 'built [0-9]* pages' "$work/time-$n.txt" | awk '{print $2}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  size=$(du -sb "$out" | awk '{printf "%.0f", $1/1e6}')
  echo "build: ${secs} s wall, $(awk -v p="$pages" -v s="$secs" 'BEGIN {printf "%.0f", p/s}') pages/s, peak memory ${rss} MB, $pages pages, output ${size} MB"
  # The same build timed several times (one run here varies by ±10 %), in four situations:
  # replacing the previous output (unchanged files are linked from it); replacing an output in
  # which every page differs (another base URL, of the same length); into a new folder (a name
  # not used before, nothing deleted in the minutes before: a first build); and into a folder
  # just deleted (`rm -rf` of the output and its spare, then build). The last is slow on an ext4
  # without a journal, as this VM's disk is, for any tool: for a minute or more after a delete
  # the kernel skips each freed inode when it hands out new ones (docs/benchmarks.md). The new
  # folders are removed at the very end, so no other run pays for that.
  runs=${RUNS:-$([ "$n" -le 10000 ] && echo 7 || echo 1)}
  times() {
    for i in $(seq "$runs"); do
      local url=https://a.example target="$out"
      [ "$1" = changed ] && { [ "${url_b:-0}" = 0 ] && url=https://b.example; url_b=$((1 - ${url_b:-0})); }
      [ "$1" = new ] && { target="$work/new-folders/$n-$i"; mkdir -p "$work/new-folders"; }
      # Just deleted: no output and no spare tree beside it (the next build would reuse it).
      [ "$1" = deleted ] && rm -rf "$out" "$(dirname "$out")/.$(basename "$out").leernet-"*
      sync # no run pays for writing out the one before
      /usr/bin/time -f "%e" "$bin" build --quiet --base-url "$url" --root "$corpus" --output "$target" 2>&1 | tail -1
    done | sort -n | awk -v what="$1" '{t[NR]=$1} END {m=(NR%2)?t[(NR+1)/2]:(t[NR/2]+t[NR/2+1])/2; printf "  %-9s median %.2f s (%.2f-%.2f over %d runs)\n", what, m, t[1], t[NR], NR}'
  }
  echo "build times: replacing the previous output / replacing it with every page changed / into a new folder / into a folder just deleted:"
  times unchanged; times changed; times new; times deleted
  LEERNET_TIMINGS=1 "$bin" build --root "$corpus" --output "$out" 2>&1 | grep -E '^  ' | sed 's/^/  /'
  echo "search bytes per one-word query (search.js + meta + shards + document chunks the client loads):"
  node bench/search-payload.mjs "$out" "${queries[@]}" | sed 's/^/  /'
  if [ -x /usr/bin/chromium ] && [ -d node_modules/playwright-core ] && [ "$n" -le 10000 ]; then
    echo "time to the first results in headless Chromium (portable build; HTTP and file://):"
    "$bin" build --quiet --portable --root "$corpus" --output "$out-portable"
    node bench/search-latency.mjs "$out-portable" "${queries[@]}" | sed 's/^/  /'
    rm -rf "$out-portable"
  fi
  target/release/examples/bench_rebuild --root "$corpus" --times 5 2>&1 | sed 's/^/  /'
done
rm -rf "$work/new-folders"
common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null || echo .git)
if [ -f "${PEERS:-../shared/peers}/zola-0.22.1-x86_64-linux.xz" ] || [ -f "$(dirname "$common")/../shared/peers/zola-0.22.1-x86_64-linux.xz" ]; then
  for n in "${sizes[@]}"; do
    [ "$n" -le 10000 ] && { echo; bash bench/peers.sh "$n"; }
  done
fi
