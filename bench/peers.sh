#!/usr/bin/env bash
# leernet and its peers side by side, on disk: the same generated corpus built by leernet and
# by zola 0.22.1 (and hugo, when Debian's package is installed), each replacing its previous
# output, alternating tool by tool, RUNS times each. Prints every run, the medians and the
# ratio. Figures, not a test.
#
#   bash bench/peers.sh                  # 10,000 lessons, 5 runs each
#   RUNS=7 bash bench/peers.sh 100000    # another size, more runs
#
# Everything lives under target/bench (on the repo's disk). Before each timed run the page
# cache's dirty pages are written out (`sync`, not timed) so no tool pays for the one before
# it. leernet keeps its previous output beside the new one as the next build's staging folder
# (one hidden `.leernet-out-N.leernet-old-*` tree; see src/output/remove.rs): nothing is left
# to remove after the command returns. Each run also times leernet into a new folder (a name not
# used before; they are removed at the end): what a first build costs.
# zola comes from ../shared/peers (unpacked here) with its to_zola.py, which needs PyYAML.
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-10000}"
runs="${RUNS:-5}"
work="${BENCH_DIR:-$PWD/target/bench}"
peers="${PEERS:-$PWD/../shared/peers}"
# In a git worktree, ../shared is beside the main checkout.
if [ -z "${PEERS:-}" ] && [ ! -d "$peers" ] && common=$(git rev-parse --path-format=absolute --git-common-dir 2>/dev/null); then
  peers="$(dirname "$common")/../shared/peers"
fi
mkdir -p "$work"

cargo build --release -q --bin leernet --example gen_corpus
bin="$PWD/target/release/leernet"
corpus="$work/corpus-$n"
[ -f "$corpus/.generated" ] || { target/release/examples/gen_corpus --lessons "$n" --out "$corpus" >/dev/null && touch "$corpus/.generated"; }

zola=""
if [ -f "$peers/zola-0.22.1-x86_64-linux.xz" ]; then
  zola="$work/zola"
  [ -x "$zola" ] || { xz -dc "$peers/zola-0.22.1-x86_64-linux.xz" > "$zola" && chmod +x "$zola"; }
  python3 -c 'import yaml' 2>/dev/null || pip install -q pyyaml
  [ -f "$work/zola-$n/.converted" ] || { python3 "$peers/to_zola.py" "$corpus" "$work/zola-$n" && touch "$work/zola-$n/.converted"; }
else
  echo "(no zola at $peers: leernet alone)"
fi
hugo_bin="$(command -v hugo || true)"
if [ -n "$hugo_bin" ] && [ -n "$zola" ]; then
  [ -f "$work/hugo-$n/.converted" ] || { python3 bench/hugo_site.py "$work/zola-$n" "$work/hugo-$n" && touch "$work/hugo-$n/.converted"; }
fi

out="$work/leernet-out-$n"
# A first build of each, untimed: warm caches, and an output to replace.
"$bin" build --quiet --root "$corpus" --output "$out"
[ -z "$zola" ] || (cd "$work/zola-$n" && "$zola" build >/dev/null 2>&1)
[ -z "$hugo_bin" ] || [ -z "$zola" ] || (cd "$work/hugo-$n" && "$hugo_bin" --quiet >/dev/null 2>&1)

# One timed command: prints "seconds peak-MB".
timed() { sync; /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1 | awk '{printf "%.2f %.0f\n", $1, $2/1024}'; }

declare -A times mem
echo "== $n lessons, on disk under $work ($(df -h "$work" | awk 'NR==2{print $1}')), $runs runs each, alternating"
for r in $(seq "$runs"); do
  mkdir -p "$work/new-folders"
  read -r t m < <(timed "$bin" build --quiet --root "$corpus" --output "$work/new-folders/peers-$n-$r")
  times[new]+="$t "; mem[new]=$m; line="run $r: leernet into a new folder $t s"
  read -r t m < <(timed "$bin" build --quiet --root "$corpus" --output "$out")
  times[leernet]+="$t "; mem[leernet]=$m; line+=", leernet $t s"
  if [ -n "$zola" ]; then
    read -r t m < <(cd "$work/zola-$n" && timed "$zola" build)
    times[zola]+="$t "; mem[zola]=$m; line+=", zola $t s"
  fi
  if [ -n "$hugo_bin" ] && [ -n "$zola" ]; then
    read -r t m < <(cd "$work/hugo-$n" && timed "$hugo_bin" --quiet)
    times[hugo]+="$t "; mem[hugo]=$m; line+=", hugo $t s"
  fi
  echo "$line"
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{t[NR]=$1} END {print (NR%2)?t[(NR+1)/2]:(t[NR/2]+t[NR/2+1])/2}'; }
lm=$(echo "${times[leernet]}" | median)
echo "leernet: median $lm s, peak memory ${mem[leernet]} MB, output $(du -sm "$out" | cut -f1) MB in $(find "$out" -type f | wc -l) files"
nm=$(echo "${times[new]}" | median)
echo "leernet into a new folder: median $nm s, peak memory ${mem[new]} MB"
rm -rf "$work/new-folders"
for peer in zola hugo; do
  [ -n "${times[$peer]:-}" ] || continue
  pm=$(echo "${times[$peer]}" | median)
  echo "$peer: median $pm s, peak memory ${mem[$peer]} MB; leernet is $(echo "scale=1; $pm / $lm" | bc)x faster replacing, $(echo "scale=1; $pm / $nm" | bc)x into a new folder"
done
