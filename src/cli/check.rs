//! `transcheck check SOURCE TARGET`.

use super::EXIT_FINDINGS;
use anyhow::{Context, bail};
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcheck::glossary::Glossary;
use transcheck::report::{self, Format, RenderOptions};
use transcheck::{CheckOptions, Severity, check_files};

#[derive(Args)]
pub struct CheckArgs {
    /// The source text (one paragraph per line).
    source: PathBuf,
    /// Its translation (one paragraph per line).
    target: PathBuf,
    /// Source language (ISO 639-1).
    #[arg(long, default_value = "en")]
    from: String,
    /// Target language (ISO 639-1).
    #[arg(long, default_value = "fr")]
    to: String,
    /// Glossary file (TSV: source term, approved target, forbidden targets separated by `|`).
    #[arg(long, value_name = "FILE")]
    glossary: Vec<PathBuf>,
    /// Line i of SOURCE translates line i of TARGET: skip alignment.
    #[arg(long)]
    aligned: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report to FILE instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Exit with 1 when a finding has at least this severity.
    #[arg(long, value_name = "SEVERITY", default_value = "major", value_parser = ["info", "minor", "major", "critical"])]
    fail_on: String,
    /// Only run these rules (ids or category prefixes, comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (ids or category prefixes, comma-separated).
    #[arg(long, value_delimiter = ',')]
    ignore: Vec<String>,
    /// Text format: show segments without findings too.
    #[arg(long)]
    all_segments: bool,
}

pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    if let Some(output) = &args.output {
        refuse_to_overwrite_inputs(output, &[&args.source, &args.target])?;
    }
    let fail_on: Severity = args.fail_on.parse()?;
    let options = CheckOptions {
        glossary: Glossary::load(&args.glossary)?,
        aligned: args.aligned,
        select: args.select,
        ignore: args.ignore,
        ..CheckOptions::new(&args.from, &args.to)
    };
    validate_rule_patterns(&options)?;
    let report = check_files(&args.source, &args.target, &options)?;
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let render = RenderOptions {
        color: to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        width: terminal_width(),
        all_segments: args.all_segments,
    };
    let text = report::render(&report, args.format, render);
    match &args.output {
        Some(path) => std::fs::write(path, text)
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            if let Err(e) = stdout
                .write_all(text.as_bytes())
                .and_then(|_| stdout.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e).context("cannot write to standard output");
            }
        }
    }
    let failing = report.findings.iter().any(|f| f.severity >= fail_on);
    Ok(if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--output` must never replace an input file.
fn refuse_to_overwrite_inputs(output: &Path, inputs: &[&Path]) -> anyhow::Result<()> {
    let Ok(out) = output.canonicalize() else {
        return Ok(()); // does not exist yet, so it is not an input
    };
    for input in inputs {
        if input.canonicalize().is_ok_and(|i| i == out) {
            bail!(
                "--output {} is an input file; refusing to overwrite it",
                output.display()
            );
        }
    }
    Ok(())
}

fn validate_rule_patterns(options: &CheckOptions) -> anyhow::Result<()> {
    for pattern in options.select.iter().chain(&options.ignore) {
        let known = transcheck::checks::rules()
            .any(|r| r.id == pattern.as_str() || r.category.starts_with(pattern.as_str()));
        if !known {
            bail!("`{pattern}` is neither a rule id nor a category (see `transcheck rules`)");
        }
    }
    Ok(())
}

fn terminal_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(120)
}
