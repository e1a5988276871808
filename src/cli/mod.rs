//! Command-line interface: subcommands over the library.

mod align;
mod check;
mod rules;

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
    Check(check::CheckArgs),
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
        Command::Check(args) => check::run(args),
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
