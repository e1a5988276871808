//! Report: every output format is a view of the same [`Report`]s, one per document pair.
//! Each format is one file with a [`Renderer`]: `fn(&[Report], &RenderOptions) -> String`.

pub mod csv;
pub mod github;
pub mod html;
pub mod json;
pub mod jsonl;
pub mod junit;
pub mod markdown;
pub mod sarif;
pub mod text;
pub mod tsv;

use crate::model::{Finding, Severity, Span};
use crate::pipeline::{CheckedDocument, Report};
use std::collections::BTreeMap;

/// Output formats of `transcheck check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Side-by-side text for people; colored on a terminal.
    Text,
    /// The stable `transcheck/report/v1` JSON document.
    Json,
    /// JSON Lines: one finding a line, then a summary line; streamed with `--aligned`.
    Jsonl,
    /// One self-contained HTML page: side by side, filters, keyboard navigation.
    Html,
    /// SARIF 2.1.0, for code-scanning tools.
    Sarif,
    /// JUnit XML: one test case per segment.
    Junit,
    /// GitHub Actions workflow commands: one annotation per finding.
    Github,
    /// Tab-separated values, one finding a row.
    Tsv,
    /// Comma-separated values (RFC 4180), one finding a row.
    Csv,
    /// A Markdown summary for pull requests.
    Markdown,
}

/// Options that change how a report looks, not what it says.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    pub color: bool,
    /// Terminal width for the text format.
    pub width: usize,
    /// Show segments without findings too.
    pub all_segments: bool,
    /// Findings at or above this severity fail (JUnit failures, like the exit code).
    pub fail_on: Severity,
}

/// What every format implements.
pub type Renderer = fn(&[Report], &RenderOptions) -> String;

pub fn renderer(format: Format) -> Renderer {
    match format {
        Format::Text => text::render,
        Format::Json => json::render,
        Format::Jsonl => jsonl::render,
        Format::Html => html::render,
        Format::Sarif => sarif::render,
        Format::Junit => junit::render,
        Format::Github => github::render,
        Format::Tsv => tsv::render,
        Format::Csv => csv::render,
        Format::Markdown => markdown::render,
    }
}

/// Renders the reports of one run in a format.
pub fn render(reports: &[Report], format: Format, options: RenderOptions) -> String {
    renderer(format)(reports, &options)
}

/// Writes the reports of consecutive batches of one bilingual file as one report (see
/// [`crate::pipeline::check_unit_batches`]).
pub enum Stream<W: std::io::Write> {
    Text(text::TextStream<W>),
    Json(json::JsonStream<W>),
    Jsonl(jsonl::JsonlWriter<W>),
}

impl<W: std::io::Write> Stream<W> {
    /// Whether a format can be written batch by batch.
    pub fn supports(format: Format) -> bool {
        matches!(format, Format::Text | Format::Json | Format::Jsonl)
    }

    pub fn new(out: W, format: Format, options: RenderOptions) -> std::io::Result<Self> {
        Ok(match format {
            Format::Text => Stream::Text(text::TextStream::new(out, options)),
            Format::Json => Stream::Json(json::JsonStream::new(out)?),
            Format::Jsonl => Stream::Jsonl(jsonl::JsonlWriter::new(out)),
            other => {
                return Err(std::io::Error::other(format!(
                    "the {other:?} format cannot be written batch by batch"
                )));
            }
        })
    }

    pub fn batch(&mut self, report: &Report) -> std::io::Result<()> {
        match self {
            Stream::Text(stream) => stream.batch(report),
            Stream::Json(stream) => stream.batch(report),
            Stream::Jsonl(stream) => stream.batch(report),
        }
    }

    /// Ends the report; returns the output.
    pub fn finish(self) -> std::io::Result<W> {
        match self {
            Stream::Text(stream) => stream.finish(),
            Stream::Json(stream) => stream.finish(),
            Stream::Jsonl(stream) => stream.finish().map_err(std::io::Error::other),
        }
    }
}

/// Where a span is in the user's file, and what it says there.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    pub text: String,
}

impl Location {
    pub fn of(doc: &CheckedDocument, span: Span) -> Location {
        let position = doc.position(span.start);
        Location {
            line: position.line,
            column: position.column,
            text: crate::ingest::inline::readable(doc.document.original_slice(span)).into_owned(),
        }
    }
}

/// Where a finding points: its target span when it has one, else its source span.
pub struct Anchor<'a> {
    pub doc: &'a CheckedDocument,
    pub start: Location,
    /// Line and column just past the flagged text (1-based, characters).
    pub end_line: usize,
    pub end_column: usize,
}

impl<'a> Anchor<'a> {
    pub fn of(report: &'a Report, f: &Finding) -> Option<Anchor<'a>> {
        let (doc, span) = match (f.target, f.source) {
            (Some(t), _) => (&report.target, t),
            (None, Some(s)) => (&report.source, s),
            (None, None) => return None,
        };
        let start = Location::of(doc, span);
        // The end is computed from the flagged text so that it stays consistent with `text`
        // even where normalization rewrote characters.
        let last_line = start.text.rsplit('\n').next().unwrap_or("");
        let lines = start.text.matches('\n').count();
        let end_column = if lines == 0 {
            start.column + last_line.chars().count()
        } else {
            last_line.chars().count() + 1
        };
        Some(Anchor {
            doc,
            end_line: start.line + lines,
            end_column,
            start,
        })
    }
}

/// Counts of findings per severity (every severity present, most severe first).
pub fn count_by_severity<'a>(
    findings: impl IntoIterator<Item = &'a Finding>,
) -> Vec<(Severity, usize)> {
    let mut counts: Vec<(Severity, usize)> = Severity::ALL.iter().map(|s| (*s, 0)).collect();
    for f in findings {
        if let Some(c) = counts.iter_mut().find(|(s, _)| *s == f.severity) {
            c.1 += 1;
        }
    }
    counts
}

/// Counts of findings per key, sorted by key.
pub fn count_by<'a, K: Ord>(
    findings: impl IntoIterator<Item = &'a Finding>,
    key: impl Fn(&Finding) -> K,
) -> BTreeMap<K, usize> {
    let mut counts = BTreeMap::new();
    for f in findings {
        *counts.entry(key(f)).or_default() += 1;
    }
    counts
}

/// Totals over several reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Totals {
    pub segments: usize,
    pub source_words: usize,
    pub findings: usize,
    pub mqm_penalty: f64,
    pub mqm_per_100_words: f64,
}

pub fn totals(reports: &[Report]) -> Totals {
    let segments = reports.iter().map(|r| r.summary.segments).sum();
    let source_words = reports.iter().map(|r| r.summary.source_words).sum();
    let findings = reports.iter().map(|r| r.summary.findings).sum();
    let mqm_penalty = reports.iter().map(|r| r.summary.mqm_penalty).sum();
    Totals {
        segments,
        source_words,
        findings,
        mqm_penalty,
        mqm_per_100_words: crate::score::per_hundred_words(mqm_penalty, source_words),
    }
}

/// All findings of a run with the report each belongs to, in report order.
pub fn all_findings(reports: &[Report]) -> impl Iterator<Item = (&Report, &Finding)> {
    reports
        .iter()
        .flat_map(|r| r.findings.iter().map(move |f| (r, f)))
}

/// [`all_findings`], each with its content fingerprint.
pub fn all_fingerprinted(reports: &[Report]) -> impl Iterator<Item = (&Report, &Finding, String)> {
    reports.iter().flat_map(|r| {
        let prints = crate::baseline::Fingerprinter::new(r);
        r.findings.iter().map(move |f| (r, f, prints.of(f)))
    })
}

/// Indices of a segment's findings: findings come sorted by segment, so they are one run,
/// found by binary search instead of a scan per segment.
pub fn segment_findings(report: &Report, segment: usize) -> std::ops::Range<usize> {
    let start = report.findings.partition_point(|f| f.segment < segment);
    let end = report.findings.partition_point(|f| f.segment <= segment);
    start..end
}

/// Rounds a score for output so that reports do not differ by float noise.
pub fn round(x: f64) -> f64 {
    // `+ 0.0` turns the -0.0 of an empty float sum into 0.0.
    (x * 1000.0).round() / 1000.0 + 0.0
}

/// Escapes text for HTML and XML content and attribute values.
pub fn escape_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // XML 1.0 forbids most control characters even as references.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Lines a range of sentences covers, as `en:3` or `en:3-4` (`en:–` for none).
pub fn line_label(doc: &CheckedDocument, sentences: &std::ops::Range<usize>) -> String {
    let lines = doc.lines(sentences);
    match (lines.first(), lines.last()) {
        (Some(a), Some(b)) if a != b => format!("{}:{a}-{b}", doc.lang.code),
        (Some(a), _) => format!("{}:{a}", doc.lang.code),
        _ => format!("{}:–", doc.lang.code),
    }
}
