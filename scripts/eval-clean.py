#!/usr/bin/env python3
"""False alarms on clean human translations: run `transcheck check --aligned` over the
line-aligned bitext in ../shared/data and print findings per 1,000 pairs, per rule and
severity. Skips cleanly when the shared data is absent.

usage: scripts/eval-clean.py [--binary target/release/transcheck] [--sample N] [CORPUS ...]
CORPUS is one of: tatoeba, newstest2012, multi30k, europarl (default: tatoeba newstest2012).
--sample N prints N findings above `info` picked at random (fixed --seed) for reading by hand.
--exclude RULE,RULE leaves rules out of the sample (e.g. typography on the tokenized files).
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "..", "shared", "data")
CORPORA = {
    "tatoeba": [("tatoeba-en-fr/tatoeba.fra-eng.eng", "tatoeba-en-fr/tatoeba.fra-eng.fra")],
    "newstest2012": [("newstest2012-en-fr/newstest2012.tok.unescaped.en", "newstest2012-en-fr/newstest2012.tok.unescaped.fr")],
    "multi30k": [
        (f"multi30k-en-fr/{n}.en", f"multi30k-en-fr/{n}.fr")
        for n in ["val", "test_2016_flickr", "test_2017_flickr", "test_2017_mscoco", "test_2018_flickr"]
    ],
    "europarl": [("europarl-en-fr/europarl-v7.fr-en.sample20k.tok.unescaped.en", "europarl-en-fr/europarl-v7.fr-en.sample20k.tok.unescaped.fr")],
}


def run(binary, src, tgt, direction):
    frm, to = direction
    if frm == "fr":
        src, tgt = tgt, src
    out = subprocess.run(
        [binary, "check", src, tgt, "--aligned", "--format", "json", "--from", frm, "--to", to, "--fail-on", "critical"],
        capture_output=True, text=True,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"transcheck failed on {src}: {out.stderr}")
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, "target", "release", "transcheck"))
    ap.add_argument("--sample", type=int, default=0)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--exclude", default="", help="comma-separated rule ids left out of the sample")
    ap.add_argument("--reverse", action="store_true", help="check fr→en instead of en→fr")
    ap.add_argument("corpora", nargs="*", default=["tatoeba", "newstest2012"])
    args = ap.parse_args()
    if not os.path.isdir(DATA):
        print(f"skipped: {DATA} not found")
        return
    direction = ("fr", "en") if args.reverse else ("en", "fr")
    rng = random.Random(args.seed)
    excluded = set(filter(None, args.exclude.split(",")))
    for name in args.corpora:
        pairs = 0
        by_rule = Counter()
        findings = []
        for src, tgt in CORPORA[name]:
            src, tgt = os.path.join(DATA, src), os.path.join(DATA, tgt)
            report = run(args.binary, src, tgt, direction)
            pairs += len(report["segments"])
            for f in report["findings"]:
                by_rule[(f["rule"], f["severity"])] += 1
                seg = report["segments"][f["segment"]]
                findings.append((f, seg))
        total = sum(by_rule.values())
        above_info = sum(n for (r, s), n in by_rule.items() if s != "info")
        print(f"{name} {direction[0]}→{direction[1]}: {pairs} pairs, {total} findings, "
              f"{1000 * above_info / max(pairs, 1):.1f} per 1,000 pairs above info")
        for (rule, sev), n in sorted(by_rule.items(), key=lambda x: -x[1]):
            print(f"  {rule:<20} {sev:<8} {n:>5}  {1000 * n / max(pairs, 1):6.1f} / 1,000")
        if args.sample:
            src_lines = open(os.path.join(DATA, CORPORA[name][0][0 if direction[0] == 'en' else 1]), encoding="utf-8").read().split("\n")
            tgt_lines = open(os.path.join(DATA, CORPORA[name][0][1 if direction[0] == 'en' else 0]), encoding="utf-8").read().split("\n")
            only_first = [x for x in findings if x[1] is not None and x[0]["severity"] != "info"
                          and x[0]["rule"] not in excluded]
            for f, seg in rng.sample(only_first, min(args.sample, len(only_first))):
                line = (f["target"] or f["source"])["line"]
                print(f"\n- {f['rule']} ({f['severity']}): {f['message']}")
                print(f"  src: {src_lines[seg['source'][0] - 1] if seg['source'] else ''}")
                print(f"  tgt: {tgt_lines[seg['target'][0] - 1] if seg['target'] else ''}")


if __name__ == "__main__":
    main()
