#!/usr/bin/env python3
"""Rebuilds data/en/vocabulary.txt and data/fr/vocabulary.txt: the words of each language seen
at least MIN_COUNT times in the Europarl v7 sample in ../shared/data (Europarl: no known
copyright restrictions), lower case, accents folded the way transcheck folds them
(src/textutil.rs: NFD, combining marks dropped, ß → ss, œ → oe, æ → ae, ø → o, ł → l).

The entity checks use them to tell a translated common word (`Department` → `Département`,
both ordinary words) from a misspelt name (`Commission` → `Commissioon`, not a word).

usage: scripts/mine-vocabulary.py   (writes both files)
"""
import os
import re
from collections import Counter

from europarl_sample import ROOT, SAMPLE, fold

MIN_COUNT = 2
WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)
def main():
    for lang in ("en", "fr"):
        counts = Counter()
        with open(f"{SAMPLE}.{lang}", encoding="utf-8") as f:
            for line in f:
                counts.update(fold(w) for w in WORD.findall(line))
        words = sorted(w for w, n in counts.items() if n >= MIN_COUNT and len(w) >= 2)
        path = os.path.join(ROOT, "data", lang, "vocabulary.txt")
        with open(path, "w", encoding="utf-8") as out:
            out.write(f"# Words seen at least {MIN_COUNT} times in the Europarl v7 sample (20,000 pairs),\n")
            out.write("# folded (lower case, no accents). Rebuild with scripts/mine-vocabulary.py.\n")
            for w in words:
                out.write(w + "\n")
        print(f"{path}: {len(words)} words")


if __name__ == "__main__":
    main()
