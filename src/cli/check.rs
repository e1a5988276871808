//! `transcheck check SOURCE TARGET` (two plain texts), `check SOURCE_DIR TARGET_DIR`,
//! `check --manifest FILE`, or `check FILE` (a bilingual file: TSV/CSV, TMX, XLIFF, PO, JSON
//! Lines).

use super::Documents;
use super::EXIT_FINDINGS;
use anyhow::{Context, bail};
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{BufRead, BufWriter, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use transcheck::baseline::Baseline;
use transcheck::batch::{Pair, check_pairs};
use transcheck::config::Config;
use transcheck::glossary::Glossary;
use transcheck::ingest::{InputFormat, Languages, open_units, primary_language};
use transcheck::locale::Language;
use transcheck::pipeline::{check_unit_batches, check_units};
use transcheck::report::jsonl::JsonlWriter;
use transcheck::report::{self, Format, RenderOptions};
use transcheck::stream::{LineSource, check_aligned_batches};
use transcheck::{CheckOptions, Report, Severity};

/// Inputs above this size get a progress indicator even when there is only one pair.
const LARGE_INPUT_BYTES: u64 = 1 << 20;

#[derive(Args)]
pub struct CheckArgs {
    /// The source text (one paragraph per line), a directory of them, or a bilingual file
    /// (TSV/CSV, TMX, XLIFF, PO, JSON Lines) when TARGET is not given.
    #[arg(required_unless_present = "manifest")]
    source: Option<PathBuf>,
    /// Its translation (one paragraph per line), or a directory with the same file names.
    target: Option<PathBuf>,
    /// Format of a bilingual FILE [default: from its extension, else its content].
    #[arg(long, value_enum, value_name = "FORMAT")]
    input_format: Option<InputFormat>,
    /// Check the pairs listed in FILE (`SOURCE<TAB>TARGET` a line, relative to FILE).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["source", "target"])]
    manifest: Option<PathBuf>,
    /// Accept the findings recorded in FILE: only other findings count for the exit code.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record every current finding in FILE as accepted (then exit 0).
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Source language (ISO 639-1) [default: a bilingual file's, else en].
    #[arg(long)]
    from: Option<String>,
    /// Target language (ISO 639-1), optionally with a region that selects a typography
    /// variant (`fr-CA`) [default: a bilingual file's, else fr].
    #[arg(long)]
    to: Option<String>,
    /// Typography variant of the target language (`strict`, `CA`).
    #[arg(long)]
    variant: Option<String>,
    /// Settings file [default: a transcheck.toml next to the first TARGET or SOURCE].
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
    /// `--aligned --format jsonl`: lines checked per batch (each batch is a document of its
    /// own for document-level facts and consistency).
    #[arg(long, value_name = "N", default_value_t = transcheck::stream::BATCH_LINES)]
    batch_lines: usize,
}

pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    if let (Some(file), None, None) = (&args.source, &args.target, &args.manifest)
        && !file.is_dir()
    {
        return run_bilingual(&args, file);
    }
    if args.input_format.is_some() {
        bail!("--input-format names the format of a single bilingual FILE");
    }
    let pairs = pairs(&args)?;
    let inputs: Vec<&Path> = pairs
        .iter()
        .flat_map(|p| [p.source.as_path(), p.target.as_path()])
        .collect();
    for output in [&args.output, &args.write_baseline].into_iter().flatten() {
        refuse_to_overwrite_inputs(output, &inputs)?;
    }
    let config = load_config(
        &args,
        pairs
            .first()
            .map(|p| [p.target.as_path(), p.source.as_path()]),
    )?;
    let (options, fail_on) = resolve_options(&args, config, Languages::default())?;
    if let Some(exit) = stream_if_possible(&args, &pairs, &options, fail_on)? {
        return Ok(exit);
    }
    let reports = check_with_progress(&pairs, &options)?;
    finish(&args, reports, fail_on)
}

/// Baselines, rendering and the exit code, once the reports are there.
fn finish(
    args: &CheckArgs,
    mut reports: Vec<Report>,
    fail_on: Severity,
) -> anyhow::Result<ExitCode> {
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    if let Some(path) = &args.write_baseline {
        write_baseline(path, &reports)?;
    }
    if let Some(baseline) = &baseline {
        apply_baseline(baseline, &mut reports);
    }
    let text = report::render(&reports, args.format, render_options(args, fail_on));
    write_output(args, &mut std::io::Cursor::new(text.into_bytes()))?;
    // A baseline just written accepts every finding.
    let failing = args.write_baseline.is_none()
        && reports
            .iter()
            .flat_map(|r| &r.findings)
            .any(|f| f.severity >= fail_on);
    Ok(if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

fn render_options(args: &CheckArgs, fail_on: Severity) -> RenderOptions {
    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    RenderOptions {
        color: to_terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        width: terminal_width(),
        all_segments: args.all_segments,
        fail_on,
    }
}

/// Copies the rendered report to `--output` or standard output.
fn write_output(args: &CheckArgs, rendered: &mut dyn Read) -> anyhow::Result<()> {
    match &args.output {
        Some(path) => std::fs::File::create(path)
            .and_then(|mut file| std::io::copy(rendered, &mut file))
            .map(|_| ())
            .with_context(|| format!("cannot write {}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth a message.
            match std::io::copy(rendered, &mut stdout).and_then(|_| stdout.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    Err(e).context("cannot write to standard output")
                }
                _ => Ok(()),
            }
        }
    }
}

/// Units checked a batch at a time, so that memory stays bounded whatever the file's size.
const BATCH_UNITS: usize = 2000;

/// `check FILE`: a bilingual file. Text and JSON reports are written batch by batch; other
/// formats, and baselines, need the whole report.
fn run_bilingual(args: &CheckArgs, file: &Path) -> anyhow::Result<ExitCode> {
    for output in [&args.output, &args.write_baseline].into_iter().flatten() {
        refuse_to_overwrite_inputs(output, &[file])?;
    }
    let format = match args.input_format {
        Some(format) => format,
        None => InputFormat::detect(file)?,
    };
    let wanted = Languages {
        source: args.from.clone(),
        target: args.to.clone(),
    };
    let units = open_units(file, format, &wanted)?;
    let config = load_config(args, Some([file, file]))?;
    let (options, fail_on) = resolve_options(args, config, units.languages.clone())?;
    let path = file.display().to_string();
    let needs_whole_report = args.baseline.is_some() || args.write_baseline.is_some();
    if needs_whole_report || !report::Stream::<std::fs::File>::supports(args.format) {
        let report = check_units(&path, units, &options)?;
        return finish(args, vec![report], fail_on);
    }
    // The report goes to a temporary file first: nothing is written if the input is broken.
    let spool = tempfile::tempfile().context("cannot create a temporary file")?;
    let mut stream = report::Stream::new(
        BufWriter::new(spool),
        args.format,
        render_options(args, fail_on),
    )?;
    let mut failing = false;
    check_unit_batches(&path, units, &options, BATCH_UNITS, |batch| {
        failing |= batch.findings.iter().any(|f| f.severity >= fail_on);
        stream.batch(&batch).context("cannot write the report")
    })?;
    let mut spool = stream.finish()?.into_inner().map_err(|e| e.into_error())?;
    spool.seek(SeekFrom::Start(0))?;
    write_output(args, &mut spool)?;
    Ok(if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    })
}

/// `--aligned --format jsonl` on one pair of files (without baselines, which need every
/// finding first): checks and writes batch by batch, never holding the whole corpus. Returns
/// the exit code, or `None` when the run is not a streaming one.
fn stream_if_possible(
    args: &CheckArgs,
    pairs: &[Pair],
    options: &CheckOptions,
    fail_on: Severity,
) -> anyhow::Result<Option<ExitCode>> {
    let [pair] = pairs else { return Ok(None) };
    let streaming = args.format == Format::Jsonl
        && options.aligned
        && args.baseline.is_none()
        && args.write_baseline.is_none();
    if !streaming {
        return Ok(None);
    }
    let open = |path: &Path| -> anyhow::Result<LineSource<Box<dyn BufRead + Send>>> {
        Ok(LineSource {
            name: path.display().to_string(),
            reader: transcheck::ingest::open_as_utf8(path)?,
        })
    };
    let out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut writer = JsonlWriter::new(BufWriter::new(out));
    let mut failing = false;
    let result = check_aligned_batches(
        open(&pair.source)?,
        open(&pair.target)?,
        options,
        args.batch_lines,
        |report, lines, offsets| -> anyhow::Result<()> {
            failing |= report.findings.iter().any(|f| f.severity >= fail_on);
            Ok(writer.write_report(report, lines, offsets)?)
        },
    )
    .and_then(|()| Ok(writer.finish()?));
    match result {
        Ok(_) => {}
        // A closed pipe (`| head`) is not an error worth a message.
        Err(e) if is_broken_pipe(&e) => return Ok(Some(ExitCode::SUCCESS)),
        Err(e) => return Err(e),
    }
    Ok(Some(if failing {
        ExitCode::from(EXIT_FINDINGS)
    } else {
        ExitCode::SUCCESS
    }))
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// The document pairs the arguments name: a manifest, two directories or two files.
fn pairs(args: &CheckArgs) -> anyhow::Result<Vec<Pair>> {
    let documents = Documents::named(
        args.manifest.as_ref(),
        args.source.as_ref(),
        args.target.as_ref(),
    )?;
    Ok(match documents {
        Documents::Files(pair) => vec![pair],
        Documents::Corpus(pairs) => pairs,
    })
}

/// Checks the pairs in parallel, with a progress bar on standard error when it is a terminal
/// and the run is long (several documents, or a large one).
fn check_with_progress(pairs: &[Pair], options: &CheckOptions) -> anyhow::Result<Vec<Report>> {
    let size: u64 = pairs
        .iter()
        .filter_map(|p| std::fs::metadata(&p.source).ok())
        .map(|m| m.len())
        .sum();
    let long = pairs.len() > 1 || size > LARGE_INPUT_BYTES;
    let bar = if long && std::io::stderr().is_terminal() {
        let bar =
            ProgressBar::with_draw_target(Some(pairs.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} checking {pos}/{len} {wide_bar} {elapsed}")
        {
            bar.set_style(style);
        }
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        bar
    } else {
        ProgressBar::hidden()
    };
    let reports = check_pairs(pairs, options, &|| bar.inc(1));
    bar.finish_and_clear();
    Ok(reports?)
}

fn write_baseline(path: &Path, reports: &[Report]) -> anyhow::Result<()> {
    let baseline = Baseline::from_reports(reports);
    std::fs::write(path, baseline.to_json())
        .with_context(|| format!("cannot write {}", path.display()))?;
    eprintln!(
        "transcheck: wrote {} accepted findings to {}",
        baseline.findings.len(),
        path.display()
    );
    Ok(())
}

/// Drops the accepted findings and tells, on standard error, what the baseline no longer
/// matches, so that it can be pruned.
fn apply_baseline(baseline: &Baseline, reports: &mut [Report]) {
    let outcome = baseline.apply(reports);
    if !outcome.stale.is_empty() {
        eprintln!(
            "transcheck: {} stale baseline entries (fixed, or changed beyond recognition):",
            outcome.stale.len()
        );
        for e in &outcome.stale {
            eprintln!(
                "  {} {} `{}` [{}]",
                e.document, e.rule, e.text, e.fingerprint
            );
        }
    }
    if outcome.accepted > 0 {
        eprintln!(
            "transcheck: {} findings accepted by the baseline",
            outcome.accepted
        );
    }
}

/// `--config`, or the `transcheck.toml` next to the first target or source file.
fn load_config(args: &CheckArgs, first: Option<[&Path; 2]>) -> anyhow::Result<Config> {
    Ok(match &args.config {
        Some(path) => Config::load(path)?,
        None => match first.and_then(|files| Config::discover(&files)) {
            Some(path) => Config::load(&path)?,
            None => Config::default(),
        },
    })
}

/// Settings from the flags, then a bilingual file's own languages, then `transcheck.toml`,
/// then the defaults.
fn resolve_options(
    args: &CheckArgs,
    config: Config,
    file: Languages,
) -> anyhow::Result<(CheckOptions, Severity)> {
    let fail_on = match &args.fail_on {
        Some(s) => s.parse()?,
        None => config.fail_on.unwrap_or(Severity::Major),
    };
    let to = args
        .to
        .clone()
        .or(file.target)
        .or(config.to)
        .unwrap_or_else(|| "fr".to_string());
    let from = args
        .from
        .clone()
        .or(file.source)
        .or(config.from)
        .unwrap_or_else(|| "en".to_string());
    // `fr-CA`: the language, and the region as typography variant when the language has one
    // for it (`fr-FR` is plain French).
    let region = to
        .split_once(['-', '_'])
        .map(|(_, region)| region.to_uppercase());
    let (from, to) = (primary_language(&from), primary_language(&to));
    let region =
        region.filter(|r| Language::get(&to).is_ok_and(|l| l.typography.variant.contains_key(r)));
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
        glossary: Glossary::load_for(&glossaries, &from, &to)?,
        aligned: args.aligned || config.aligned.unwrap_or(false),
        select: or_config(&args.select, config.select),
        ignore: or_config(&args.ignore, config.ignore),
        variant: args.variant.clone().or(region).or(config.variant),
        severity: config.severity,
        ..CheckOptions::new(&from, &to)
    };
    validate_rule_patterns(&options)?;
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
