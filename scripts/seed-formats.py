#!/usr/bin/env python3
"""Converts the seed article (en.txt + fr.txt, line i translates line i) into every bilingual
format transcheck reads, under corpora/afp-facebook-banks/formats/. Unit i gets the id `pN`
(N = line number). A little of what real tools write (notes, properties, an alt-trans or
match candidate with a different translation, states, a tool namespace) is added so that the
readers are seen to skip it; the checked text is the seed's, byte for byte.

Run from the repository root: python3 scripts/seed-formats.py"""

import json
from pathlib import Path
from xml.sax.saxutils import escape

SEED = Path("corpora/afp-facebook-banks")
OUT = SEED / "formats"


def lines(name):
    return (SEED / name).read_text(encoding="utf-8").rstrip("\n").split("\n")


def attr(text):
    return escape(text, {'"': "&quot;"})


def tsv(pairs):
    rows = ["id\tsource\ttarget"]
    rows += [f"p{i}\t{s}\t{t}" for i, (s, t) in enumerate(pairs, 1)]
    return "\n".join(rows) + "\n"


def csv(pairs):
    def quote(field):
        if any(c in field for c in ',"\n'):
            return '"' + field.replace('"', '""') + '"'
        return field

    rows = ["id,source,target"]
    rows += [f"p{i},{quote(s)},{quote(t)}" for i, (s, t) in enumerate(pairs, 1)]
    return "\n".join(rows) + "\n"


def jsonl(pairs):
    return "".join(
        json.dumps({"id": f"p{i}", "source": s, "target": t}, ensure_ascii=False) + "\n"
        for i, (s, t) in enumerate(pairs, 1)
    )


def tmx(pairs):
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        '  <header creationtool="seed-formats.py" creationtoolversion="1" datatype="plaintext"'
        ' segtype="paragraph" adminlang="en-US" srclang="en-US" o-tmf="none">',
        '    <prop type="x-origin">afp-facebook-banks</prop>',
        "  </header>",
        "  <body>",
    ]
    for i, (s, t) in enumerate(pairs, 1):
        out += [
            f'    <tu tuid="p{i}" creationdate="20180806T120000Z">',
            '      <prop type="x-document">afp-facebook-banks</prop>',
            f'      <tuv xml:lang="en-US"><seg>{escape(s)}</seg></tuv>',
            f'      <tuv xml:lang="fr-FR"><seg>{escape(t)}</seg></tuv>',
            "    </tu>",
        ]
    out += ["  </body>", "</tmx>"]
    return "\n".join(out) + "\n"


def xliff12(pairs):
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"'
        ' xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0">',
        '  <file original="en.txt" source-language="en-US" target-language="fr-FR"'
        ' datatype="plaintext">',
        '    <header><tool tool-id="seed" tool-name="seed-formats.py"/></header>',
        "    <body>",
    ]
    for i, (s, t) in enumerate(pairs, 1):
        out += [
            f'      <trans-unit id="p{i}" resname="line {i}">',
            f"        <source>{escape(s)}</source>",
            f'        <target state="translated">{escape(t)}</target>',
            '        <note from="seed">Paragraph of the AFP article.</note>',
        ]
        if i == 1:
            out += [
                '        <alt-trans match-quality="75" origin="tm">',
                f"          <source>{escape(s)}</source>",
                "          <target>Une autre traduction, à ignorer.</target>",
                "        </alt-trans>",
                '        <sdl:seg-defs><sdl:seg id="1" conf="Translated"/></sdl:seg-defs>',
            ]
        out += ["      </trans-unit>"]
    out += ["    </body>", "  </file>", "</xliff>"]
    return "\n".join(out) + "\n"


def xliff20(pairs):
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0"'
        ' xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" srcLang="en-US" trgLang="fr-FR">',
        '  <file id="f1" original="en.txt">',
    ]
    for i, (s, t) in enumerate(pairs, 1):
        out += [f'    <unit id="p{i}">', "      <notes><note>Paragraph of the AFP article.</note></notes>"]
        if i == 1:
            out += [
                "      <mtc:matches>",
                '        <mtc:match ref="#s1" similarity="75">',
                f"          <source>{escape(s)}</source>",
                "          <target>Une autre traduction, à ignorer.</target>",
                "        </mtc:match>",
                "      </mtc:matches>",
            ]
        out += [
            '      <segment id="s1" state="translated">',
            f"        <source>{escape(s)}</source>",
            f"        <target>{escape(t)}</target>",
            "      </segment>",
            "    </unit>",
        ]
    out += ["  </file>", "</xliff>"]
    return "\n".join(out) + "\n"


def po(pairs):
    def quoted(text):
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'

    out = [
        'msgid ""',
        'msgstr ""',
        '"Project-Id-Version: afp-facebook-banks\\n"',
        '"Language: fr\\n"',
        '"Content-Type: text/plain; charset=UTF-8\\n"',
        "",
    ]
    for i, (s, t) in enumerate(pairs, 1):
        out += [
            "#. Paragraph of the AFP article.",
            f"#: p{i}",
            f"msgid {quoted(s)}",
            f"msgstr {quoted(t)}",
            "",
        ]
    return "\n".join(out)


def main():
    pairs = list(zip(lines("en.txt"), lines("fr.txt"), strict=True))
    OUT.mkdir(exist_ok=True)
    for name, render in [
        ("seed.tsv", tsv),
        ("seed.csv", csv),
        ("seed.jsonl", jsonl),
        ("seed.tmx", tmx),
        ("seed.xlf", xliff12),
        ("seed.xliff2.xlf", xliff20),
        ("seed.po", po),
    ]:
        (OUT / name).write_text(render(pairs), encoding="utf-8")


if __name__ == "__main__":
    main()
