#!/usr/bin/env python3
"""Checks a line-aligned corpus with Apache Spark: the way to check corpora larger than one
machine. Spark (here in local mode) cuts the corpus into shards of whole batches, pipes each
shard through `transcheck check --aligned --format jsonl` (RDD.pipe), and `transcheck merge`
joins the shard reports into the report of the whole: byte for byte what one
`transcheck check SOURCE TARGET --aligned --format jsonl --batch-lines N` run writes.

    pip install pyspark   # ships Spark; needs Java 17
    cargo build --release
    scripts/spark-check.py SOURCE TARGET REPORT.jsonl [--shards 8] [--batch-lines 2000]

On a cluster, give --master and put the binary on every worker at the same path.
"""
import argparse
import os
import shlex
import subprocess
import sys
import tempfile

# Splits a shard's `source<TAB>target` lines into two files and checks them.
SHARD_COMMAND = (
    'd=$(mktemp -d) && trap \'rm -rf "$d"\' EXIT && cat > "$d/pairs" && '
    'cut -f1 "$d/pairs" > "$d/src" && cut -f2- "$d/pairs" > "$d/tgt" && '
    '{ "$TRANSCHECK" check "$d/src" "$d/tgt" --aligned --format jsonl '
    '--batch-lines "$BATCH_LINES" $TRANSCHECK_ARGS; [ $? -le 1 ]; }'
)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source")
    parser.add_argument("target")
    parser.add_argument("report")
    parser.add_argument("--binary", default=os.path.join(root, "target/release/transcheck"))
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument("--batch-lines", type=int, default=2000)
    parser.add_argument("--master", default="local[2]")
    parser.add_argument("--check-args", default="", help="more `check` arguments, e.g. --from de")
    args = parser.parse_args()

    with open(args.source, encoding="utf-8") as s, open(args.target, encoding="utf-8") as t:
        sources, targets = s.read().splitlines(), t.read().splitlines()
    if any("\t" in line for line in sources):
        sys.exit("spark-check: a source line holds a tab; shards are sent as source<TAB>target")
    lines = max(len(sources), len(targets))
    sources += [""] * (lines - len(sources))
    targets += [""] * (lines - len(targets))
    # Shards hold whole batches, so that every batch is the batch a single run checks.
    batches = -(-lines // args.batch_lines)
    shard_lines = max(1, -(-batches // args.shards)) * args.batch_lines

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster(args.master).setAppName("transcheck")
    conf.set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        pairs = sc.parallelize(list(enumerate(zip(sources, targets))), args.shards)
        shards = (
            pairs.map(lambda p: (p[0] // shard_lines, p))
            .partitionBy(args.shards, lambda shard: shard)
            .mapPartitions(lambda part: (f"{s}\t{t}" for _, (_, (s, t)) in sorted(part, key=lambda x: x[1][0])))
        )
        env = {
            "TRANSCHECK": os.path.abspath(args.binary),
            "BATCH_LINES": str(args.batch_lines),
            "TRANSCHECK_ARGS": args.check_args,
        }
        command = "sh -c " + shlex.quote(SHARD_COMMAND)
        reports = shards.pipe(command, env=env, checkCode=True).glom().collect()
    finally:
        sc.stop()

    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for k, report in enumerate(reports):
            path = os.path.join(tmp, f"shard-{k:05}.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(line + "\n" for line in report)
            paths.append(path)
        subprocess.run([args.binary, "merge", *paths, "-o", args.report], check=True)
    print(f"spark-check: {lines} pairs in {len(paths)} shards -> {args.report}", file=sys.stderr)


if __name__ == "__main__":
    main()
