#!/usr/bin/env bash
# Sentence-alignment accuracy on the Text+Berg de-fr benchmark (Sennrich & Volk 2010):
# strict and lax precision/recall/F1 of `transcheck align` against the gold beads.
#   scripts/align-eval.sh          the 7 test documents (micro-averaged)
#   scripts/align-eval.sh dev      the development document (the only one used for tuning)
# Prints two lines: every document aligned alone, and all aligned in one call as a corpus
# (for the single dev document, the same).
# Further arguments go to `transcheck align` (e.g. `--param merge_cost=1` for experiments).
# Needs ../shared/data and ../shared/tools (relative to the repository root); prints
# `skipped` and exits 0 when they are absent.
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data/textberg-de-fr/vecalign
score=../shared/tools/align-score
if [[ ! -d $data || ! -x $score ]]; then
    echo "skipped: $data or $score not found"
    exit 0
fi
bin=${TRANSCHECK:-target/release/transcheck}
[[ -n ${TRANSCHECK:-} ]] || cargo build --release --quiet
set_name=test
if [[ ${1:-} == dev || ${1:-} == test ]]; then set_name=$1; shift; fi
if [[ $set_name == dev ]]; then docs=(dev); else docs=(test0 test1 test2 test3 test4 test5 test6); fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# Each document alone, then all of them in one call as a corpus (`--manifest`): one
# self-trained lexicon learnt from every document's confident beads.
args=()
corpus=()
: >"$out/manifest"
for doc in "${docs[@]}"; do
    "$bin" align --presegmented --from de --to fr "$@" "$data/$doc.de" "$data/$doc.fr" >"$out/$doc.defr"
    args+=("$data/$doc.defr" "$out/$doc.defr")
    printf '%s\t%s\n' "$PWD/$data/$doc.de" "$PWD/$data/$doc.fr" >>"$out/manifest"
    corpus+=("$data/$doc.defr" "$out/corpus/$doc.de.beads")
done
echo "each document alone: $("$score" "${args[@]}" | tail -1)"
"$bin" align --presegmented --from de --to fr "$@" --manifest "$out/manifest" --output-dir "$out/corpus"
echo "as one corpus:       $("$score" "${corpus[@]}" | tail -1)"
