#!/usr/bin/env bash
# Speed and memory of `transcheck align` on the 20,000-sentence Europarl en-fr sample, each side
# one pre-segmented document: wall time (best of N runs) and peak resident memory, plus the same
# for the first 5,000 and 10,000 lines to show that both grow linearly.
#   scripts/align-bench.sh [RUNS]
# Needs ../shared/data relative to the repository root and /usr/bin/time; prints `skipped` and
# exits 0 when they are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/europarl-en-fr/europarl-v7.fr-en.sample20k.tok.unescaped
if [[ ! -f $data.en || ! -f $data.fr || ! -x /usr/bin/time ]]; then
    echo "skipped: $data.{en,fr} or /usr/bin/time not found"
    exit 0
fi
runs=${1:-3}
bin=${TRANSCHECK:-target/release/transcheck}
[[ -n ${TRANSCHECK:-} ]] || cargo build --release --quiet
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for lines in 5000 10000 20000; do
    head -n "$lines" "$data.en" >"$tmp/en"
    head -n "$lines" "$data.fr" >"$tmp/fr"
    best= peak=
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" align --presegmented "$tmp/en" "$tmp/fr" >"$tmp/out"
        read -r seconds kbytes <"$tmp/time"
        if [[ -z $best ]] || awk "BEGIN{exit !($seconds < $best)}"; then best=$seconds; fi
        peak=$kbytes
    done
    echo "$lines sentences a side: $(wc -l <"$tmp/out") beads, best of $runs: ${best} s, peak RSS $((peak / 1024)) MB"
done
