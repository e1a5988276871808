//! `transcheck check SOURCE TARGET` (two plain texts) or `transcheck check FILE` (a bilingual
//! file: TSV/CSV, TMX, XLIFF, PO, JSON Lines).

use super::EXIT_FINDINGS;
use anyhow::{Context, bail};
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcheck::glossary::Glossary;
use transcheck::ingest::{InputFormat, Languages, open_units};
use transcheck::report::{self, Format, RenderOptions};
use transcheck::{CheckOptions, Report, Severity, check_files, check_units};

#[derive(Args)]
pub struct CheckArgs {
    /// The source text (one paragraph per line), or a bilingual file when TARGET is not given.
    source: PathBuf,
    /// The translation of SOURCE (one paragraph per line).
    target: Option<PathBuf>,
    /// Source language (ISO 639-1) [default: the bilingual file's, else en].
    #[arg(long)]
    from: Option<String>,
    /// Target language (ISO 639-1) [default: the bilingual file's, else fr].
    #[arg(long)]
    to: Option<String>,
    /// Format of a bilingual FILE [default: from its extension, else its content].
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
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
        let mut inputs = vec![args.source.as_path()];
        inputs.extend(args.target.as_deref());
        refuse_to_overwrite_inputs(output, &inputs)?;
    }
    let fail_on: Severity = args.fail_on.parse()?;
    let report = check(&args)?;
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

/// Checks a pair of plain texts, or a bilingual file.
fn check(args: &CheckArgs) -> anyhow::Result<Report> {
    let options = |from: &str, to: &str| -> anyhow::Result<CheckOptions> {
        let options = CheckOptions {
            glossary: Glossary::load_for(&args.glossary, from, to)?,
            aligned: args.aligned,
            select: args.select.clone(),
            ignore: args.ignore.clone(),
            ..CheckOptions::new(from, to)
        };
        validate_rule_patterns(&options)?;
        Ok(options)
    };
    let (from, to) = (args.from.as_deref(), args.to.as_deref());
    let Some(target) = &args.target else {
        let format = match args.input_format {
            Some(format) => format,
            None => InputFormat::detect(&args.source)?,
        };
        let wanted = Languages {
            source: from.map(String::from),
            target: to.map(String::from),
        };
        let units = open_units(&args.source, format, &wanted)?;
        let options = options(
            units.languages.source.as_deref().unwrap_or("en"),
            units.languages.target.as_deref().unwrap_or("fr"),
        )?;
        return Ok(check_units(
            &args.source.display().to_string(),
            units,
            &options,
        )?);
    };
    if args.input_format.is_some() {
        bail!("--input-format names the format of a single bilingual FILE");
    }
    let options = options(from.unwrap_or("en"), to.unwrap_or("fr"))?;
    Ok(check_files(&args.source, target, &options)?)
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
