#!/usr/bin/env bash
# Whole-process throughput of `transcheck check --aligned`: pairs/s, MB/s and peak RSS on the
# 20,000-pair Europarl sample and on a 1,000,000-pair file made by repeating and perturbing it,
# on 1 and on 2 threads. Skips cleanly when ../shared/data is absent.
#
#   scripts/perf-bench.sh [BINARY] [EXTRA CHECK ARGUMENTS...]
#
# BINARY defaults to target/release/transcheck (build it with `cargo build --release`).
# Example: scripts/perf-bench.sh target/release/transcheck --format jsonl
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/transcheck}
shift || true
extra=("$@")
[ ${#extra[@]} -gt 0 ] || extra=(--format json)
shared=${TRANSCHECK_SHARED_DATA:-../shared/data}
sample="$shared/europarl-en-fr/europarl-v7.fr-en.sample20k.tok.unescaped"
if [ ! -f "$sample.en" ]; then
    echo "skip: $sample.{en,fr} absent"
    exit 0
fi
work=${PERF_WORK:-$(mktemp -d)}
[ -n "${PERF_WORK:-}" ] || trap 'rm -rf "$work"' EXIT
mkdir -p "$work"

# 50 repetitions of the 20k pairs. From the second one on, some pairs are perturbed so that
# the copies are not identical: a target word dropped, a number changed, a target replaced by
# its source.
make_million() {
    [ -f "$work/1m.fr" ] && return
    for k in $(seq 0 49); do cat "$sample.en"; done >"$work/1m.en"
    for k in $(seq 0 49); do
        paste -d '\t' "$sample.en" "$sample.fr" | awk -F '\t' -v k="$k" '{
            t = $2
            if (k > 0 && (NR + k) % 13 == 0) t = $1
            else if (k > 0 && (NR + k) % 7 == 0) sub(/ [^ ]+ /, " ", t)
            else if (k > 0 && (NR + k) % 5 == 0) sub(/[0-9]/, k % 10, t)
            print t
        }'
    done >"$work/1m.fr"
}

run() { # label, threads, source, target
    local label=$1 threads=$2 en=$3 fr=$4
    local pairs bytes
    pairs=$(wc -l <"$en")
    bytes=$(($(stat -c %s "$en") + $(stat -c %s "$fr")))
    RAYON_NUM_THREADS=$threads /usr/bin/time -v "$bin" check "$en" "$fr" --aligned \
        "${extra[@]}" -o "$work/out" 2>"$work/time" || [ $? -eq 1 ]
    awk -v label="$label" -v threads="$threads" -v pairs="$pairs" -v bytes="$bytes" '
        /Elapsed \(wall clock\)/ { n = split($NF, p, ":"); wall = (n == 3) ? p[1] * 3600 + p[2] * 60 + p[3] : p[1] * 60 + p[2] }
        /User time/ { user = $NF }
        /Maximum resident set size/ { rss = $NF }
        END { printf "%-4s threads=%d pairs=%d wall=%.2fs user=%.2fs %.0f pairs/s %.1f MB/s peak RSS %.0f MB\n",
              label, threads, pairs, wall, user, pairs / wall, bytes / wall / 1e6, rss / 1024 }' "$work/time"
}

for threads in 1 2; do run 20k "$threads" "$sample.en" "$sample.fr"; done
if [ "${PERF_SKIP_MILLION:-0}" != 1 ]; then
    make_million
    run 1M 2 "$work/1m.en" "$work/1m.fr"
fi
