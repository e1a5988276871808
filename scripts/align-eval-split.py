#!/usr/bin/env python3
"""Sentence alignment of the Text+Berg development document cut into shorter documents.

The dev document is one long text (468 German, 554 French sentences) while the test documents
are shorter, and what the aligner learns from a document, or how rare an anchor is in it, depends
on its length. This cuts the dev document into K parts at gold bead boundaries (so that every
part has a gold alignment of its own), aligns each part alone and scores all parts together
(micro-averaged, with align-score): a check that a change tuned on dev does not rely on its
length. Each split is aligned twice: every part alone, and all parts in one call as a corpus
(`transcheck align --manifest`), whose self-trained lexicon learns from every part. Test
documents are never read.

usage: scripts/align-eval-split.py [K ...] [--param NAME=VALUE ...]   (K defaults to 3 5 10)
Needs ../shared/data and ../shared/tools relative to the repository root; prints `skipped` and
exits 0 when they are absent. Uses $TRANSCHECK, or builds target/release/transcheck.
"""
import argparse
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data", "textberg-de-fr", "vecalign")
SCORE = os.path.join(ROOT, "..", "shared", "tools", "align-score")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


def parse_bead(line):
    """`[0, 1]:[2]` -> ([0, 1], [2])."""
    sides = line.strip().split(":")
    return tuple([int(x) for x in side.strip("[] ").split(",") if x.strip()] for side in sides)


def format_side(indices, offset):
    return "[" + ", ".join(str(i - offset) for i in indices) + "]"


def write_part(directory, name, beads, source, target):
    """Writes the sentences and the renumbered gold beads of one part; returns its paths."""
    source_ids = [i for s, _ in beads for i in s]
    target_ids = [j for _, t in beads for j in t]
    s0, s1 = min(source_ids), max(source_ids) + 1
    t0, t1 = min(target_ids), max(target_ids) + 1
    paths = {ext: os.path.join(directory, f"{name}.{ext}") for ext in ("de", "fr", "gold")}
    with open(paths["de"], "w", encoding="utf-8") as f:
        f.write("\n".join(source[s0:s1]) + "\n")
    with open(paths["fr"], "w", encoding="utf-8") as f:
        f.write("\n".join(target[t0:t1]) + "\n")
    with open(paths["gold"], "w", encoding="utf-8") as f:
        for s, t in beads:
            f.write(f"{format_side(s, s0)}:{format_side(t, t0)}\n")
    return paths


def score_split(parts, binary, params, beads, source, target, corpus):
    """Aligns the parts one by one, or (`corpus`) all in one call as a corpus sharing one
    self-trained lexicon, and scores them together."""
    with tempfile.TemporaryDirectory() as tmp:
        align = [binary, "align", "--presegmented", "--from", "de", "--to", "fr"]
        align += [f"--param={p}" for p in params]
        args, manifest = [], []
        for k in range(parts):
            part = beads[k * len(beads) // parts:(k + 1) * len(beads) // parts]
            paths = write_part(tmp, str(k), part, source, target)
            output = os.path.join(tmp, f"{k}.out")
            if corpus:
                manifest.append(f"{paths['de']}\t{paths['fr']}")
                output = os.path.join(tmp, "corpus", f"{k}.de.beads")
            else:
                with open(output, "w", encoding="utf-8") as out:
                    subprocess.run(align + [paths["de"], paths["fr"]], stdout=out, check=True)
            args += [paths["gold"], output]
        if corpus:
            with open(os.path.join(tmp, "manifest"), "w", encoding="utf-8") as f:
                f.write("\n".join(manifest) + "\n")
            subprocess.run(
                align
                + ["--manifest", os.path.join(tmp, "manifest")]
                + ["--output-dir", os.path.join(tmp, "corpus")],
                check=True,
            )
        return subprocess.run([SCORE] + args, capture_output=True, text=True, check=True).stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("parts", nargs="*", type=int, default=[3, 5, 10])
    parser.add_argument("--param", action="append", default=[], help="aligner parameter override")
    args = parser.parse_args()
    if not os.path.isdir(DATA) or not os.access(SCORE, os.X_OK):
        print(f"skipped: {DATA} or {SCORE} not found")
        return 0
    binary = os.environ.get("TRANSCHECK")
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "transcheck")
    source = read_lines(os.path.join(DATA, "dev.de"))
    target = read_lines(os.path.join(DATA, "dev.fr"))
    beads = [parse_bead(line) for line in read_lines(os.path.join(DATA, "dev.defr"))]
    for parts in args.parts:
        for corpus in (False, True):
            result = score_split(parts, binary, args.param, beads, source, target, corpus)
            how = "as one corpus" if corpus else "each alone"
            print(f"dev in {parts} parts, {how}: {result.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
