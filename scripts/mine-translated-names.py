#!/usr/bin/env python3
"""Rebuilds data/en-fr/translated-names.tsv from the Europarl sample in ../shared/data.

A capitalised word inside a sentence is usually a name that a translation carries over
unchanged. Some are not: countries, nationalities, institutions, titles (`Czech` →
`tchèque`, `Commission` stays but `Parliament` → `Parlement`). This script counts, for every
capitalised mid-sentence word of each side, how often the other side of the same Europarl pair
contains it (case and accents ignored, or as a close adaptation sharing a long prefix), and
lists the words that are usually *not* carried over. The entity checks then leave those words
to the omission checks instead of reporting them as missing or misspelt names.

usage: scripts/mine-translated-names.py > data/en-fr/translated-names.tsv
"""
import os
import re
import sys
from collections import Counter

from europarl_sample import EN, FR, fold

MIN_COUNT = 3
MAX_COPY_RATE = 0.34
WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*")




def adapted(word, others):
    """Same word, or an adaptation sharing a long prefix (`Colombia`/`Colombie`)."""
    if word in others:
        return True
    need = max(4, int(len(word) * 0.6))
    return any(len(o) >= need and o[:need] == word[:need] for o in others)


def mine(own_lines, other_lines):
    seen, copied = Counter(), Counter()
    for own, other in zip(own_lines, other_lines):
        words = WORD.findall(own)
        other_words = {fold(w) for w in WORD.findall(other)}
        for i, w in enumerate(words):
            if i == 0 or not w[0].isupper() or w.isupper() and len(w) < 2:
                continue
            before = own.split(w, 1)[0].rstrip()
            if before.endswith((".", "!", "?", ":", '"', "«", "“")):
                continue
            f = fold(w)
            seen[f] += 1
            copied[f] += adapted(f, other_words)
    return sorted(w for w, n in seen.items() if n >= MIN_COUNT and copied[w] / n <= MAX_COPY_RATE)


def main():
    if not os.path.exists(EN):
        print(f"skipped: {EN} not found", file=sys.stderr)
        return
    en = open(EN, encoding="utf-8").read().split("\n")
    fr = open(FR, encoding="utf-8").read().split("\n")
    print("# Capitalised words that translations between English and French usually do not carry")
    print("# over unchanged (`Czech` → `tchèque`), mined from the Europarl v7 sample by")
    print("# scripts/mine-translated-names.py (Europarl: no known copyright restrictions).")
    print("# Columns: language<TAB>folded word. The entity checks do not report these words.")
    for w in mine(en, fr):
        print(f"en\t{w}")
    for w in mine(fr, en):
        print(f"fr\t{w}")


if __name__ == "__main__":
    main()
