//! `transcheck check SOURCE TARGET`.

use super::EXIT_FINDINGS;
use anyhow::{Context, bail};
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcheck::config::Config;
use transcheck::glossary::Glossary;
use transcheck::report::{self, Format, RenderOptions};
use transcheck::{CheckOptions, Severity, check_files};

#[derive(Args)]
pub struct CheckArgs {
    /// The source text (one paragraph per line).
    source: PathBuf,
    /// Its translation (one paragraph per line).
    target: PathBuf,
    /// Source language (ISO 639-1) [default: en].
    #[arg(long)]
    from: Option<String>,
    /// Target language (ISO 639-1), optionally with a region that selects a typography
    /// variant (`fr-CA`) [default: fr].
    #[arg(long)]
    to: Option<String>,
    /// Typography variant of the target language (`strict`, `CA`).
    #[arg(long)]
    variant: Option<String>,
    /// Settings file [default: a transcheck.toml next to TARGET or SOURCE].
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
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
    /// Exit with 1 when a finding has at least this severity [default: major].
    #[arg(long, value_name = "SEVERITY", value_parser = ["info", "minor", "major", "critical"])]
    fail_on: Option<String>,
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
    let (options, fail_on) = resolve_options(&args)?;
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

/// Settings from the flags, then `transcheck.toml`, then the defaults.
fn resolve_options(args: &CheckArgs) -> anyhow::Result<(CheckOptions, Severity)> {
    let config = match &args.config {
        Some(path) => Config::load(path)?,
        None => match Config::discover(&[&args.target, &args.source]) {
            Some(path) => Config::load(&path)?,
            None => Config::default(),
        },
    };
    let fail_on = match &args.fail_on {
        Some(s) => s.parse()?,
        None => config.fail_on.unwrap_or(Severity::Major),
    };
    let to = args
        .to
        .clone()
        .or(config.to)
        .unwrap_or_else(|| "fr".to_string());
    // `fr-CA`: the language, and the region as typography variant.
    let (to, region) = match to.split_once(['-', '_']) {
        Some((lang, region)) => (lang.to_string(), Some(region.to_uppercase())),
        None => (to, None),
    };
    let from = args
        .from
        .clone()
        .or(config.from)
        .unwrap_or_else(|| "en".to_string());
    let glossaries: Vec<PathBuf> = config
        .glossary
        .into_iter()
        .chain(args.glossary.iter().cloned())
        .collect();
    let or_config = |flag: &Vec<String>, configured: Option<Vec<String>>| {
        if flag.is_empty() {
            configured.unwrap_or_default()
        } else {
            flag.clone()
        }
    };
    let options = CheckOptions {
        glossary: Glossary::load(&glossaries)?,
        aligned: args.aligned || config.aligned.unwrap_or(false),
        select: or_config(&args.select, config.select),
        ignore: or_config(&args.ignore, config.ignore),
        variant: args.variant.clone().or(region).or(config.variant),
        severity: config.severity,
        ..CheckOptions::new(&from, &to)
    };
    Ok((options, fail_on))
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
