#!/usr/bin/env python3
"""Writes a large TMX for benchmarks: the seed article's 18 paragraph pairs repeated, with
unique tuids and inline codes, until the file reaches SIZE bytes (default 1 GiB).

Usage: python3 scripts/gen-big-tmx.py OUT.tmx [SIZE_BYTES]"""

import sys
from pathlib import Path
from xml.sax.saxutils import escape

SEED = Path(__file__).resolve().parent.parent / "corpora/afp-facebook-banks"


def main():
    out = Path(sys.argv[1])
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 30
    en = (SEED / "en.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    fr = (SEED / "fr.txt").read_text(encoding="utf-8").rstrip("\n").split("\n")
    units = []
    for i, (s, t) in enumerate(zip(en, fr)):
        tag = '<ph x="1">&lt;br/&gt;</ph>' if i % 3 == 0 else ""
        units.append(
            '    <tu tuid="{id}">\n'
            '      <prop type="x-origin">seed</prop>\n'
            f'      <tuv xml:lang="en-US"><seg>{escape(s)}{tag}</seg></tuv>\n'
            f'      <tuv xml:lang="fr-FR"><seg>{escape(t)}</seg></tuv>\n'
            "    </tu>\n"
        )
    with out.open("w", encoding="utf-8") as f:
        f.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'
            '  <header creationtool="gen-big-tmx" creationtoolversion="1" datatype="plaintext"'
            ' segtype="paragraph" adminlang="en" srclang="en-US" o-tmf="none"/>\n  <body>\n'
        )
        written, n = 0, 0
        while written < size:
            chunk = "".join(u.replace("{id}", f"u{n + k}") for k, u in enumerate(units))
            n += len(units)
            f.write(chunk)
            written += len(chunk.encode("utf-8"))
        f.write("  </body>\n</tmx>\n")
    print(f"{out}: {n} units")


if __name__ == "__main__":
    main()
