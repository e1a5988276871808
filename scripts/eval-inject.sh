#!/usr/bin/env bash
# Error-injection evaluation (issue "check catalogue"): recall per injected error type and false
# alarms per 1,000 clean pairs, on the line-aligned corpora of ../shared/data, both directions.
# Typography rules are left out of the false alarms on the tokenized files (newstest,
# Europarl, Text+Berg), whose spacing and quotes the tokenizer rewrote.
# Tuning used newstest2012, Europarl and the Multi30k val split; Tatoeba and the Multi30k test
# splits confirm.
# usage: scripts/eval-inject.sh [--per-type N] [CORPUS ...]
#   CORPUS: tatoeba, newstest2012, multi30k (test splits), multi30k-val, europarl (en-fr);
#   textberg (de-fr: the Text+Berg gold beads, scripts/textberg-bitext.py)
#   (default: tatoeba newstest2012 multi30k)
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
if [ ! -d "$data" ]; then echo "skipped: $data not found"; exit 0; fi
per_type=200
if [ "${1:-}" = "--per-type" ]; then per_type=$2; shift 2; fi
corpora=("$@"); [ ${#corpora[@]} -gt 0 ] || corpora=(tatoeba newstest2012 multi30k)
cargo build --release --quiet --bin transcheck-eval
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for corpus in "${corpora[@]}"; do
  exclude=""
  first=en second=fr
  case $corpus in
    textberg)
      # Tokenized like the news files (`Mai 1956 , durch`): typography left out.
      first=de
      python3 scripts/textberg-bitext.py "$tmp/t.de" "$tmp/t.fr"
      en=$tmp/t.de; fr=$tmp/t.fr
      exclude="--exclude typography-spacing,typography-quotes" ;;
    tatoeba) en=$data/tatoeba-en-fr/tatoeba.fra-eng.eng; fr=$data/tatoeba-en-fr/tatoeba.fra-eng.fra ;;
    newstest2012) en=$data/newstest2012-en-fr/newstest2012.tok.unescaped.en; fr=$data/newstest2012-en-fr/newstest2012.tok.unescaped.fr
      exclude="--exclude typography-spacing,typography-quotes" ;;
    europarl) en=$data/europarl-en-fr/europarl-v7.fr-en.sample20k.tok.unescaped.en; fr=$data/europarl-en-fr/europarl-v7.fr-en.sample20k.tok.unescaped.fr
      exclude="--exclude typography-spacing,typography-quotes" ;;
    multi30k-val)
      # The development split: short-sentence thresholds were tuned on it.
      en=$data/multi30k-en-fr/val.en; fr=$data/multi30k-en-fr/val.fr ;;
    multi30k)
      # The four test splits, never used for tuning.
      for part in test_2016_flickr test_2017_flickr test_2017_mscoco test_2018_flickr; do
        cat "$data/multi30k-en-fr/$part.en"; echo; done | sed '/^$/d' > "$tmp/m.en"
      for part in test_2016_flickr test_2017_flickr test_2017_mscoco test_2018_flickr; do
        cat "$data/multi30k-en-fr/$part.fr"; echo; done | sed '/^$/d' > "$tmp/m.fr"
      en=$tmp/m.en; fr=$tmp/m.fr ;;
    *) echo "unknown corpus $corpus" >&2; exit 2 ;;
  esac
  echo "== $corpus $first→$second"
  # shellcheck disable=SC2086
  target/release/transcheck-eval "$en" "$fr" --from $first --to $second --per-type "$per_type" $exclude
  echo "== $corpus $second→$first"
  # shellcheck disable=SC2086
  target/release/transcheck-eval "$fr" "$en" --from $second --to $first --per-type "$per_type" $exclude
done
