#!/usr/bin/env python3
"""Line-aligned German-French bitext from the Text+Berg gold alignments (../shared/data).

Every gold bead with one or two sentences on each side becomes a pair (its sentences joined
by a space), from the development and the seven test documents: clean human translations on
which `transcheck-eval` measures the checks' false alarms and injected-error recall for
German. The text is OCR'd yearbook prose (hyphenation debris, running headers), so some
"false alarms" are real faults of the text.

usage: scripts/textberg-bitext.py OUT.de OUT.fr
"""
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared/data/textberg-de-fr/vecalign"


def indices(side):
    return [int(x) for x in side.strip().strip("[]").split(",") if x.strip()]


def main(out_de, out_fr):
    german, french = [], []
    for doc in ["dev"] + [f"test{i}" for i in range(7)]:
        de = (DATA / f"{doc}.de").read_text(encoding="utf-8").split("\n")
        fr = (DATA / f"{doc}.fr").read_text(encoding="utf-8").split("\n")
        for line in (DATA / f"{doc}.defr").read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            left, right = (indices(side) for side in line.split(":"))
            if 1 <= len(left) <= 2 and 1 <= len(right) <= 2:
                german.append(" ".join(de[i].strip() for i in left))
                french.append(" ".join(fr[j].strip() for j in right))
    Path(out_de).write_text("\n".join(german) + "\n", encoding="utf-8")
    Path(out_fr).write_text("\n".join(french) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
