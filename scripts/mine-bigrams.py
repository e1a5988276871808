#!/usr/bin/env python3
"""Rebuilds data/en/unlikely-bigrams.txt and data/fr/unlikely-bigrams.txt: pairs of common
words that never follow one another in the Europarl v7 sample in ../shared/data (Europarl: no
known copyright restrictions) although, were words independent, they would meet at least
MIN_EXPECTED times (`ses dans`, `la appris`, `the able`).

A clause cut out of a sentence often leaves such a junction behind (`Tom retira ses dans la
machine`); the omission check takes it as a sign that words are missing.

Words are read the way transcheck reads them at run time (src/textutil.rs: runs of letters
and digits keeping inner `-`, `.`, `&`, split at apostrophes), in lower case but with their
accents (`né à` is no `ne a`); words without a lower-case letter (`N`, `UE`) are left out,
as transcheck leaves them: initials and acronyms are no common words. Two words are
neighbours when only spaces or apostrophes stand between them: any other mark breaks the
sentence into pieces, whose edges meet nothing.

A pair seen side by side in the other tuning corpora of ../shared/data (newstest2012 and the
Multi30k val split) is left out: rare in parliamentary speech is not impossible (`the now
extinct`, `qui dans ces 25 ans`). Not a word twice (`de de`), which is a slip however often it
is made. The confirming corpora (Tatoeba, the Multi30k test splits) are not read.

usage: scripts/mine-bigrams.py   (writes both files)
"""
import os
import re
from collections import Counter

from europarl_sample import EN, FR, ROOT

# The most frequent words of the sample whose pairs are looked at.
TOP = 200
# Times the pair would meet were the two words independent, for its absence to count.
MIN_EXPECTED = 12.0
WORD = re.compile(r"[^\W_]+(?:[-.&][^\W_]+)*", re.UNICODE)
JOINER = re.compile(r"^[\s'’]*$")


def has_lower(word):
    return any(c.islower() for c in word)


def neighbours(line):
    """The pairs of words of `line` with only spaces or apostrophes between them."""
    words = list(WORD.finditer(line))
    for a, b in zip(words, words[1:]):
        if JOINER.match(line[a.end():b.start()]) and has_lower(a.group()) and has_lower(b.group()):
            yield a.group().lower(), b.group().lower()


# The other tuning corpora, by language: pairs seen there are possible.
OTHER_DATA = os.path.join(ROOT, "..", "shared", "data")
SEEN_IN = {
    "en": ["newstest2012-en-fr/newstest2012.tok.unescaped.en", "multi30k-en-fr/val.en"],
    "fr": ["newstest2012-en-fr/newstest2012.tok.unescaped.fr", "multi30k-en-fr/val.fr"],
}


def seen_pairs(lang):
    """Pairs of two different words seen side by side in the other tuning corpora."""
    pairs = set()
    for name in SEEN_IN[lang]:
        for line in open(os.path.join(OTHER_DATA, name), encoding="utf-8"):
            pairs.update(p for p in neighbours(line) if p[0] != p[1])
    return pairs


def unlikely(path, seen):
    unigrams, bigrams = Counter(), Counter()
    for line in open(path, encoding="utf-8"):
        unigrams.update(m.group().lower() for m in WORD.finditer(line) if has_lower(m.group()))
        bigrams.update(neighbours(line))
    total = sum(unigrams.values())
    common = [w for w, _ in unigrams.most_common(TOP) if not any(c.isdigit() for c in w)]
    return sorted(
        (a, b)
        for a in common
        for b in common
        if bigrams[(a, b)] == 0
        and (a, b) not in seen
        and unigrams[a] * unigrams[b] / total >= MIN_EXPECTED
    )


def main():
    for lang, path in (("en", EN), ("fr", FR)):
        pairs = unlikely(path, seen_pairs(lang))
        out = os.path.join(ROOT, "data", lang, "unlikely-bigrams.txt")
        with open(out, "w", encoding="utf-8") as f:
            f.write(
                f"# Common words never seen side by side in the Europarl v7 sample (20,000 pairs),\n"
                f"# newstest2012 or the Multi30k val split, in lower case: {len(pairs)} pairs.\n"
                f"# Rebuild with scripts/mine-bigrams.py.\n"
            )
            for a, b in pairs:
                f.write(f"{a} {b}\n")


if __name__ == "__main__":
    main()
