#!/usr/bin/env python3
"""Rebuilds data/en-fr/lexicon.tsv: a compact bilingual lexicon estimated with IBM Model 1
(Brown et al. 1993) in both directions over the Europarl v7 sample in ../shared/data
(Europarl: no known copyright restrictions).

Words are reduced the way transcheck reduces them at run time (src/locale/lexicon.rs): lower
case, accents folded, cut to their first STEM_CHARS characters — a crude stemmer that serves
both languages and needs no model. The lexicon keeps, for each English stem seen at least
MIN_COUNT times, the French stems whose translation probability in either direction reaches
MIN_PROB, at most TOP per stem.

usage: scripts/train-lexicon.py > data/en-fr/lexicon.tsv
"""
import os
import re
import sys
from collections import Counter, defaultdict

from europarl_sample import EN, FR, fold

STEM_CHARS = 6
MIN_COUNT = 2
MIN_PROB = 0.03
TOP = 6
ITERATIONS = 6
WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def stem(word):
    return fold(word)[:STEM_CHARS]


def tokens(line):
    return [stem(w) for w in WORD.findall(line)]


def ibm1(sources, targets):
    """t[f][e] = P(f | e) after ITERATIONS of EM; e includes the empty word None."""
    t = defaultdict(lambda: defaultdict(lambda: 1.0))
    for _ in range(ITERATIONS):
        count = defaultdict(lambda: defaultdict(float))
        total = defaultdict(float)
        for src, tgt in zip(sources, targets):
            es = src + [None]
            for f in tgt:
                tf = t[f]
                z = sum(tf[e] for e in es)
                for e in es:
                    c = tf[e] / z
                    count[f][e] += c
                    total[e] += c
        t = defaultdict(lambda: defaultdict(float))
        for f, row in count.items():
            for e, c in row.items():
                t[f][e] = c / total[e]
    return t


def main():
    if not os.path.exists(EN):
        print(f"skipped: {EN} not found", file=sys.stderr)
        return
    en = [tokens(l) for l in open(EN, encoding="utf-8")]
    fr = [tokens(l) for l in open(FR, encoding="utf-8")]
    en_count = Counter(w for s in en for w in s)
    fr_count = Counter(w for s in fr for w in s)
    p_fr_given_en = ibm1(en, fr)  # t[f][e]
    p_en_given_fr = ibm1(fr, en)  # t[e][f]
    best = defaultdict(dict)
    for f, row in p_fr_given_en.items():
        if fr_count[f] < MIN_COUNT:
            continue
        for e, p in row.items():
            if e is not None and en_count[e] >= MIN_COUNT and p >= MIN_PROB:
                best[e][f] = max(best[e].get(f, 0.0), p)
    for e, row in p_en_given_fr.items():
        if en_count[e] < MIN_COUNT:
            continue
        for f, p in row.items():
            if f is not None and fr_count[f] >= MIN_COUNT and p >= MIN_PROB:
                best[e][f] = max(best[e].get(f, 0.0), p)
    print("# English stem <TAB> French stem <TAB> probability (the larger of the two directions).")
    print(f"# IBM Model 1, {ITERATIONS} iterations each way, over the Europarl v7 sample (20,000 pairs).")
    print(f"# Stems: lower case, accents folded, first {STEM_CHARS} letters. Rebuild with")
    print("# scripts/train-lexicon.py; do not edit by hand.")
    for e in sorted(best):
        for f, p in sorted(best[e].items(), key=lambda x: -x[1])[:TOP]:
            print(f"{e}\t{f}\t{p:.2f}")


if __name__ == "__main__":
    main()
