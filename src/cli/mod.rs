//! Command-line interface: subcommands over the library.

mod align;
mod check;
mod diff;
mod merge;
mod rules;
mod test;

use anyhow::bail;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use transcheck::batch::{Pair, pairs_in_directories, read_manifest};

pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

#[derive(Parser)]
#[command(
    name = "transcheck",
    version,
    about = "Bilingual translation-quality checker"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Align a source text with its translation and report translation issues.
    Check(Box<check::CheckArgs>),
    /// Compare two JSON reports: new, fixed and unchanged findings (exit 1 when any is new).
    Diff(diff::DiffArgs),
    /// Merge the JSON Lines reports of consecutive shards of a corpus into the report of the
    /// whole (for `check --aligned --format jsonl` run by Spark or another engine).
    Merge(merge::MergeArgs),
    /// Run every regression case under a corpora directory (exit 1 when any fails).
    Test(test::TestArgs),
    /// Align the sentences of a text with those of its translation.
    Align(align::AlignArgs),
    /// List every rule: id, category, default severity, summary.
    Rules,
    /// Print a rule's documentation with a bad and a good example.
    Explain {
        /// Rule id, as listed by `transcheck rules`.
        rule: String,
    },
}

pub fn run() -> anyhow::Result<ExitCode> {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(*args),
        Command::Diff(args) => diff::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Test(args) => test::run(args),
        Command::Align(args) => align::run(args),
        Command::Rules => {
            print!("{}", rules::list());
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { rule } => {
            print!("{}", rules::explain(&rule)?);
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The documents that `SOURCE TARGET` or `--manifest FILE` name, for `check` and `align`.
pub(crate) enum Documents {
    /// Two files.
    Files(Pair),
    /// A manifest's pairs, or every file of two directories paired by relative path.
    Corpus(Vec<Pair>),
}

impl Documents {
    pub(crate) fn named(
        manifest: Option<&PathBuf>,
        source: Option<&PathBuf>,
        target: Option<&PathBuf>,
    ) -> anyhow::Result<Documents> {
        if let Some(manifest) = manifest {
            return Ok(Documents::Corpus(read_manifest(manifest)?));
        }
        let (Some(source), Some(target)) = (source, target) else {
            bail!("give SOURCE and TARGET, or --manifest FILE");
        };
        match (source.is_dir(), target.is_dir()) {
            (true, true) => Ok(Documents::Corpus(pairs_in_directories(source, target)?)),
            (false, false) => Ok(Documents::Files(Pair {
                source: source.clone(),
                target: target.clone(),
            })),
            _ => bail!(
                "{} and {} must both be files or both be directories",
                source.display(),
                target.display()
            ),
        }
    }
}
