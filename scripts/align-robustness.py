#!/usr/bin/env python3
"""Robustness of `transcheck align` to omissions and additions, on Europarl en-fr.

The 20,000 Europarl pairs are line-aligned, so the gold alignment is the diagonal. With a fixed
seed, delete 5% of the target lines and insert as many unrelated French lines (taken from
newstest2012, another domain) at random places; align the two sides as single pre-segmented
documents and score against the known alignment with align-score (strict and lax P/R/F1).
Pairs where either side is blank are dropped first (their gold bead is undefined).

usage: scripts/align-robustness.py [--lines N] [--seed S] [--rate R] [--param NAME=VALUE ...]
Needs ../shared/data and ../shared/tools relative to the repository root; prints `skipped` and
exits 0 when they are absent.
"""
import argparse
import os
import random
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
SCORE = os.path.join(ROOT, "..", "shared", "tools", "align-score")
EUROPARL = os.path.join(DATA, "europarl-en-fr", "europarl-v7.fr-en.sample20k.tok.unescaped.")
UNRELATED = os.path.join(DATA, "newstest2012-en-fr", "newstest2012.tok.unescaped.fr")


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return f.read().rstrip("\n").split("\n")


def perturb(source, target, unrelated, rate, rng):
    """Deletes and inserts target lines; returns the new target and the gold beads."""
    deleted = set(rng.sample(range(len(target)), round(rate * len(target))))
    insert_count = round(rate * len(target))
    # Insertion points: positions in the kept target sequence before which a line goes.
    insert_at = sorted(rng.randrange(len(target) - len(deleted) + 1) for _ in range(insert_count))
    additions = rng.sample(unrelated, insert_count)
    new_target, gold = [], []
    kept = 0
    pending = list(zip(insert_at, additions))

    def flush(upto):
        while pending and pending[0][0] <= upto:
            gold.append(f"[]:[{len(new_target)}]")
            new_target.append(pending.pop(0)[1])

    for i, line in enumerate(target):
        if i in deleted:
            gold.append(f"[{i}]:[]")
            continue
        flush(kept)
        gold.append(f"[{i}]:[{len(new_target)}]")
        new_target.append(line)
        kept += 1
    flush(kept)
    return new_target, gold


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=20000)
    parser.add_argument("--seed", type=int, default=2010)
    parser.add_argument("--rate", type=float, default=0.05)
    parser.add_argument("--param", action="append", default=[], help="aligner parameter override")
    args = parser.parse_args()
    if not all(os.path.exists(p) for p in (EUROPARL + "en", EUROPARL + "fr", UNRELATED, SCORE)):
        print("skipped: ../shared/data or ../shared/tools not found")
        return 0
    binary = os.environ.get("TRANSCHECK")
    if not binary:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        binary = os.path.join(ROOT, "target", "release", "transcheck")
    pairs = [
        (s, t)
        for s, t in zip(read_lines(EUROPARL + "en"), read_lines(EUROPARL + "fr"))
        if s.strip() and t.strip()
    ][: args.lines]
    source = [s for s, _ in pairs]
    target = [t for _, t in pairs]
    unrelated = [l for l in read_lines(UNRELATED) if l.strip()]
    rng = random.Random(args.seed)
    new_target, gold = perturb(source, target, unrelated, args.rate, rng)
    with tempfile.TemporaryDirectory() as tmp:
        paths = {name: os.path.join(tmp, name) for name in ("en", "fr", "gold", "test")}
        for name, lines in (("en", source), ("fr", new_target), ("gold", gold)):
            with open(paths[name], "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        with open(paths["test"], "w", encoding="utf-8") as out:
            subprocess.run(
                [binary, "align", "--presegmented", paths["en"], paths["fr"]]
                + [f"--param={p}" for p in args.param],
                stdout=out,
                check=True,
            )
        print(
            f"{len(source)} pairs, {round(args.rate * len(target))} target lines deleted and "
            f"as many unrelated inserted (seed {args.seed})"
        )
        sys.stdout.flush()
        subprocess.run([SCORE, paths["gold"], paths["test"]], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
