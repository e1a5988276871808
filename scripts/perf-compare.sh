#!/usr/bin/env bash
# Findings must not change when the checker gets faster: runs two transcheck binaries on the
# seed corpus and (when present) on every line-aligned en/fr sample under ../shared/data, and
# compares their full JSON reports byte for byte.
#
#   scripts/perf-compare.sh OLD_BINARY [NEW_BINARY]
#
# NEW_BINARY defaults to target/release/transcheck. Exits 1 on the first difference.
set -euo pipefail
cd "$(dirname "$0")/.."
old=${1:?usage: scripts/perf-compare.sh OLD_BINARY [NEW_BINARY]}
new=${2:-target/release/transcheck}
shared=${TRANSCHECK_SHARED_DATA:-../shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

failed=0
compare() { # name, then the check arguments
    local name=$1
    shift
    "$old" check "$@" --format json -o "$work/old.json" || [ $? -eq 1 ]
    "$new" check "$@" --format json -o "$work/new.json" || [ $? -eq 1 ]
    if cmp -s "$work/old.json" "$work/new.json"; then
        echo "same    $name ($(grep -c '"rule"' "$work/new.json") findings)"
    else
        echo "DIFFERS $name"
        diff <(grep -v '"path"' "$work/old.json") <(grep -v '"path"' "$work/new.json") | head -20
        failed=1
    fi
}

compare seed corpora/afp-facebook-banks/en.txt corpora/afp-facebook-banks/fr.txt
compare seed-aligned corpora/afp-facebook-banks/en.txt corpora/afp-facebook-banks/fr.txt --aligned
if [ -d "$shared" ]; then
    for en in "$shared"/*-en-fr/*.en; do
        fr=${en%.en}.fr
        [ -f "$fr" ] || continue
        compare "$(basename "$en" .en)" "$en" "$fr" --aligned
    done
else
    echo "skip    $shared (absent)"
fi
exit $failed
