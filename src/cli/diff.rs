//! `transcheck diff OLD.json NEW.json`: new, fixed and unchanged findings.

use super::EXIT_FINDINGS;
use clap::{Args, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use transcheck::diff::{diff, read_findings};

#[derive(Clone, Copy, ValueEnum)]
enum DiffFormat {
    Text,
    Json,
}

#[derive(Args)]
pub struct DiffArgs {
    /// The earlier JSON report (`check --format json`).
    old: PathBuf,
    /// The later JSON report.
    new: PathBuf,
    /// Output format.
    #[arg(long, value_enum, default_value_t = DiffFormat::Text)]
    format: DiffFormat,
}

/// Exit 1 when NEW has findings that OLD did not.
pub fn run(args: DiffArgs) -> anyhow::Result<ExitCode> {
    let d = diff(read_findings(&args.old)?, read_findings(&args.new)?);
    print!(
        "{}",
        match args.format {
            DiffFormat::Text => d.to_text(),
            DiffFormat::Json => d.to_json(),
        }
    );
    Ok(if d.new.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FINDINGS)
    })
}
