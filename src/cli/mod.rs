//! Command-line interface: subcommands over the library.

mod align;
mod check;
mod diff;
mod merge;
mod rules;
mod test;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

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
