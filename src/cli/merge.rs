//! `transcheck merge SHARD...`: the JSON Lines reports of consecutive shards of one corpus,
//! merged into the report of the whole (line numbers and segment ids renumbered, summary
//! recomputed), as a single `check --aligned --format jsonl` run would have written it.

use anyhow::Context;
use clap::Args;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use transcheck::report::jsonl::merge;

#[derive(Args)]
pub struct MergeArgs {
    /// JSON Lines reports (`check --aligned --format jsonl`) of consecutive shards, in order.
    #[arg(required = true)]
    shards: Vec<PathBuf>,
    /// Write the merged report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub fn run(args: MergeArgs) -> anyhow::Result<ExitCode> {
    let mut shards: Vec<(String, Box<dyn BufRead>)> = Vec::new();
    for path in &args.shards {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        shards.push((path.display().to_string(), Box::new(BufReader::new(file))));
    }
    // Built in memory so that a bad shard leaves no half-written output.
    let merged = merge(shards, Vec::new())?;
    match &args.output {
        Some(path) => {
            if args.shards.iter().any(|s| same_file(s, path)) {
                anyhow::bail!(
                    "--output {} is an input file; refusing to overwrite it",
                    path.display()
                );
            }
            std::fs::write(path, merged)
                .with_context(|| format!("cannot write {}", path.display()))?
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            if let Err(e) = out.write_all(&merged).and_then(|_| out.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e).context("cannot write to standard output");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}
