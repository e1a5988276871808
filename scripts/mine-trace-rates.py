#!/usr/bin/env python3
"""Rebuilds data/en-fr/trace-rates.tsv: for each lexicon stem (folded, first 6 letters) of a
content word, how many times the other side of a clean human translation holds a trace of it
(the same word, a cognate or a translation the pair's lexicon knows, near where it would stand)
and how many times it occurs, counted by transcheck itself (`transcheck-eval --traces`) in both
directions over the tuning corpora of ../shared/data: the Europarl v7 sample, newstest2012 and
the Multi30k val split. The confirming corpora (Tatoeba, the Multi30k test splits) are not read.

Some words nearly always leave a trace (`woman` → `femme`, `bleu` → `blue`); others seldom do
(`get`, `faire`). The omission check weighs the untraced words of a short sentence by these
rates: a word that is nearly always traced and is not is a sign that it was left out.

Stems seen fewer than MIN_SEEN times are left out (the check gives them an even chance).

usage: cargo build --release --bin transcheck-eval && scripts/mine-trace-rates.py
"""
import os
import subprocess
from collections import defaultdict

from europarl_sample import ROOT, SAMPLE

MIN_SEEN = 3
SHARED = os.path.join(ROOT, "..", "shared", "data")
CORPORA = [
    (SAMPLE + ".en", SAMPLE + ".fr"),
    (os.path.join(SHARED, "newstest2012-en-fr", "newstest2012.tok.unescaped.en"),
     os.path.join(SHARED, "newstest2012-en-fr", "newstest2012.tok.unescaped.fr")),
    (os.path.join(SHARED, "multi30k-en-fr", "val.en"), os.path.join(SHARED, "multi30k-en-fr", "val.fr")),
]
EVAL = os.path.join(ROOT, "target", "release", "transcheck-eval")
OUT = os.path.join(ROOT, "data", "en-fr", "trace-rates.tsv")


def traces(source, target, source_lang, target_lang):
    """(stem, traced, seen) for the source words of one clean corpus, read one way."""
    out = subprocess.run(
        [EVAL, source, target, "--from", source_lang, "--to", target_lang, "--traces"],
        check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        stem, traced, seen = line.split("\t")
        yield stem, int(traced), int(seen)


def main():
    counts = defaultdict(lambda: [0, 0])
    for en, fr in CORPORA:
        for (source, source_lang), (target, target_lang) in (((en, "en"), (fr, "fr")), ((fr, "fr"), (en, "en"))):
            for stem, traced, seen in traces(source, target, source_lang, target_lang):
                entry = counts[(source_lang, stem)]
                entry[0] += traced
                entry[1] += seen
    kept = sorted((key, value) for key, value in counts.items() if value[1] >= MIN_SEEN)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Language <TAB> lexicon stem (folded, first 6 letters) of a content word <TAB> times the\n")
        out.write("# other side of a clean translation had a trace of it <TAB> times seen, counted both ways\n")
        out.write("# over the Europarl v7 sample, newstest2012 and the Multi30k val split; stems seen at\n")
        out.write(f"# least {MIN_SEEN} times. Rebuild with scripts/mine-trace-rates.py; do not edit by hand.\n")
        for (lang, stem), (traced, seen) in kept:
            out.write(f"{lang}\t{stem}\t{traced}\t{seen}\n")
    print(f"{OUT}: {len(kept)} stems")


if __name__ == "__main__":
    main()
