//! `transcheck check SOURCE TARGET` (two plain texts) or `transcheck check FILE` (a bilingual
//! file: TSV/CSV, TMX, XLIFF, PO, JSON Lines).

use super::EXIT_FINDINGS;
use anyhow::{Context, bail};
use clap::Args;
use std::io::{BufWriter, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcheck::glossary::Glossary;
use transcheck::ingest::{InputFormat, Languages, open_units};
use transcheck::pipeline::check_unit_batches;
use transcheck::report::{self, Format, RenderOptions};
use transcheck::{CheckOptions, Report, Severity, check_files};

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
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let render = RenderOptions {
        color: to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        width: terminal_width(),
        all_segments: args.all_segments,
    };
    let (mut rendered, failing): (Box<dyn Read>, bool) = match &args.target {
        Some(target) => {
            let report = check_pair(&args, target)?;
            let failing = report.findings.iter().any(|f| f.severity >= fail_on);
            let text = report::render(&report, args.format, render);
            (Box::new(std::io::Cursor::new(text.into_bytes())), failing)
        }
        None => {
            let (file, failing) = check_bilingual(&args, fail_on, render)?;
            (Box::new(file), failing)
        }
    };
    match &args.output {
        Some(path) => std::fs::File::create(path)
            .and_then(|mut file| std::io::copy(&mut rendered, &mut file))
            .map(|_| ())
            .with_context(|| format!("cannot write {}", path.display()))?,
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            if let Err(e) = std::io::copy(&mut rendered, &mut stdout).and_then(|_| stdout.flush())
                && e.kind() != std::io::ErrorKind::BrokenPipe
            {
                return Err(e).context("cannot write to standard output");
            }
        }
    }
    Ok(if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Units checked and reported per batch, so that a bilingual file of any size is checked in
/// bounded memory.
const BATCH_UNITS: usize = 2000;

fn options(args: &CheckArgs, from: &str, to: &str) -> anyhow::Result<CheckOptions> {
    let options = CheckOptions {
        glossary: Glossary::load_for(&args.glossary, from, to)?,
        aligned: args.aligned,
        select: args.select.clone(),
        ignore: args.ignore.clone(),
        ..CheckOptions::new(from, to)
    };
    validate_rule_patterns(&options)?;
    Ok(options)
}

/// Checks a pair of plain texts.
fn check_pair(args: &CheckArgs, target: &Path) -> anyhow::Result<Report> {
    if args.input_format.is_some() {
        bail!("--input-format names the format of a single bilingual FILE");
    }
    let from = args.from.as_deref().unwrap_or("en");
    let to = args.to.as_deref().unwrap_or("fr");
    Ok(check_files(
        &args.source,
        target,
        &options(args, from, to)?,
    )?)
}

/// Checks a bilingual file batch by batch. The report goes to a temporary file, so that
/// nothing is written when the file turns out to be malformed halfway; returns it, rewound,
/// and whether a finding reaches `fail_on`.
fn check_bilingual(
    args: &CheckArgs,
    fail_on: Severity,
    render: RenderOptions,
) -> anyhow::Result<(std::fs::File, bool)> {
    let format = match args.input_format {
        Some(format) => format,
        None => InputFormat::detect(&args.source)?,
    };
    let wanted = Languages {
        source: args.from.clone(),
        target: args.to.clone(),
    };
    let units = open_units(&args.source, format, &wanted)?;
    let options = options(
        args,
        units.languages.source.as_deref().unwrap_or("en"),
        units.languages.target.as_deref().unwrap_or("fr"),
    )?;
    let spool = tempfile::tempfile().context("cannot create a temporary file")?;
    let mut stream = report::Stream::new(BufWriter::new(spool), args.format, render)?;
    let mut failing = false;
    let path = args.source.display().to_string();
    check_unit_batches(&path, units, &options, BATCH_UNITS, |batch| {
        failing |= batch.findings.iter().any(|f| f.severity >= fail_on);
        stream.batch(&batch).context("cannot write the report")
    })?;
    let mut spool = stream.finish()?.into_inner().map_err(|e| e.into_error())?;
    spool.seek(SeekFrom::Start(0))?;
    Ok((spool, failing))
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
