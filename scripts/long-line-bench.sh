#!/usr/bin/env bash
# Cost of one very long segment: the first N sentences of the Europarl sample joined into a
# single line a side (a whole document in one unit, as JSONL or a paragraph-per-line file can
# hold), checked with `check --aligned`. Prints seconds and peak RSS per size, so that work
# quadratic (or worse) in a segment's length shows as it grows. Skips cleanly when
# ../shared/data is absent.
#
#   scripts/long-line-bench.sh [BINARY] [N ...]
#
# BINARY defaults to target/release/transcheck; N defaults to 200 400 800 1600.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-target/release/transcheck}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(200 400 800 1600)
shared=${TRANSCHECK_SHARED_DATA:-../shared/data}
sample="$shared/europarl-en-fr/europarl-v7.fr-en.sample20k.tok.unescaped"
if [ ! -f "$sample.en" ]; then
    echo "skip: $sample.{en,fr} absent"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in "${sizes[@]}"; do
    for lang in en fr; do
        { head -n "$n" "$sample.$lang" | tr '\n' ' '; echo; } > "$work/line.$lang"
    done
    words=$(wc -w < "$work/line.en")
    # Exit status 1 only says that there are findings.
    /usr/bin/time -f "%e %M" -o "$work/time" \
        "$bin" check --aligned "$work/line.en" "$work/line.fr" --from en --to fr \
        --format json > /dev/null || [ $? -eq 1 ]
    # time writes "Command exited with non-zero status 1" first when there are findings.
    read -r seconds kb < <(tail -n 1 "$work/time")
    printf '%5d sentences (%6d English words) in one line: %6.2f s, %4d MB peak RSS\n' \
        "$n" "$words" "$seconds" $((kb / 1024))
done
