//! JSON Lines: one finding a line, then one summary line. Written incrementally, batch by
//! batch, so that a corpus of any size is reported in bounded memory; and mergeable: the
//! reports of consecutive shards of a corpus, merged by [`merge`], are the report of the whole.

use super::{Location, RenderOptions, round};
use crate::baseline::Fingerprinter;
use crate::model::{Finding, Severity};
use crate::pipeline::Report;
use crate::score;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::{BufRead, Write};

pub const SCHEMA: &str = "transcheck/findings/v1";

#[derive(Debug, thiserror::Error)]
pub enum JsonlError {
    #[error("cannot write the report: {0}")]
    Write(#[source] std::io::Error),
    #[error("{name}: cannot read: {source}")]
    Read {
        name: String,
        source: std::io::Error,
    },
    #[error("{name}: line {line}: not a transcheck JSON Lines record: {source}")]
    Record {
        name: String,
        line: usize,
        source: serde_json::Error,
    },
    #[error("{name}: no summary line: not a complete transcheck JSON Lines report")]
    NoSummary { name: String },
}

/// A finding as one JSON line. Lines and segments count from the start of the whole input.
#[derive(Debug, Serialize, Deserialize)]
pub struct FindingRecord {
    pub rule: String,
    pub category: String,
    pub severity: Severity,
    pub message: String,
    pub suggestion: Option<String>,
    pub segment: usize,
    /// The unit id, for a bilingual file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub source: Option<RecordLocation>,
    pub target: Option<RecordLocation>,
    pub fingerprint: String,
}

#[derive(Debug, Serialize, Deserialize)]
pub struct RecordLocation {
    pub line: usize,
    pub column: usize,
    pub text: String,
}

/// The last line of a report.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Summary {
    pub schema: String,
    /// Lines of the input: what the next shard's line numbers are offset by.
    pub lines: usize,
    pub segments: usize,
    pub source_words: usize,
    pub findings: usize,
    pub by_severity: BTreeMap<String, usize>,
    pub by_rule: BTreeMap<String, usize>,
    pub mqm_penalty: f64,
    pub mqm_per_100_words: f64,
}

#[derive(Serialize, Deserialize)]
struct SummaryLine {
    summary: Summary,
}

/// Where a batch stands in the whole input.
#[derive(Debug, Clone, Copy, Default)]
pub struct Offsets {
    /// Lines of the input before the batch.
    pub lines: usize,
    /// Segments of the input before the batch.
    pub segments: usize,
}

/// Writes findings as they come and the summary at the end.
pub struct JsonlWriter<W: Write> {
    out: W,
    totals: Totals,
}

/// Running totals. Penalties are added finding by finding, in input order, so that a merged
/// report sums exactly the floats a single run sums.
#[derive(Default)]
struct Totals {
    lines: usize,
    segments: usize,
    source_words: usize,
    findings: usize,
    by_severity: BTreeMap<String, usize>,
    by_rule: BTreeMap<String, usize>,
    mqm_penalty: f64,
}

impl<W: Write> JsonlWriter<W> {
    pub fn new(out: W) -> Self {
        JsonlWriter {
            out,
            totals: Totals::default(),
        }
    }

    /// Writes the findings of a report on a batch of `lines` input lines.
    pub fn write_report(
        &mut self,
        report: &Report,
        lines: usize,
        offsets: Offsets,
    ) -> Result<(), JsonlError> {
        // Records (positions, fingerprints) are built on every thread, written in order.
        let prints = Fingerprinter::new(report);
        let records: Vec<FindingRecord> = report
            .findings
            .par_iter()
            .map(|f| record(report, f, offsets, &prints))
            .collect();
        for record in &records {
            self.write_record(record)?;
        }
        self.totals.lines += lines;
        self.totals.segments += report.summary.segments;
        self.totals.source_words += report.summary.source_words;
        Ok(())
    }

    /// Writes a batch of a bilingual file ([`crate::pipeline::check_unit_batches`]), whose
    /// segment ids and file positions already count from the start of the file.
    pub fn batch(&mut self, report: &Report) -> std::io::Result<()> {
        let units = report.segments.len();
        self.write_report(report, units, Offsets::default())
            .map_err(std::io::Error::other)
    }

    fn write_record(&mut self, record: &FindingRecord) -> Result<(), JsonlError> {
        let severity = record.severity;
        *self
            .totals
            .by_severity
            .entry(severity.as_str().to_string())
            .or_default() += 1;
        *self.totals.by_rule.entry(record.rule.clone()).or_default() += 1;
        self.totals.findings += 1;
        self.totals.mqm_penalty += record_penalty(record);
        serde_json::to_writer(&mut self.out, record).map_err(|e| JsonlError::Write(e.into()))?;
        self.out.write_all(b"\n").map_err(JsonlError::Write)
    }

    /// Writes the summary line and returns the output.
    pub fn finish(mut self) -> Result<W, JsonlError> {
        let t = &self.totals;
        let mut by_severity: BTreeMap<String, usize> = Severity::ALL
            .iter()
            .map(|s| (s.as_str().to_string(), 0))
            .collect();
        by_severity.extend(t.by_severity.clone());
        let summary = Summary {
            schema: SCHEMA.to_string(),
            lines: t.lines,
            segments: t.segments,
            source_words: t.source_words,
            findings: t.findings,
            by_severity,
            by_rule: t.by_rule.clone(),
            mqm_penalty: round(t.mqm_penalty),
            mqm_per_100_words: round(score::per_hundred_words(t.mqm_penalty, t.source_words)),
        };
        serde_json::to_writer(&mut self.out, &SummaryLine { summary })
            .map_err(|e| JsonlError::Write(e.into()))?;
        self.out.write_all(b"\n").map_err(JsonlError::Write)?;
        self.out.flush().map_err(JsonlError::Write)?;
        Ok(self.out)
    }
}

/// The MQM penalty of a finding record, as [`score::penalty`] gives it for the finding.
fn record_penalty(record: &FindingRecord) -> f64 {
    let finding = Finding {
        rule: "",
        category: crate::checks::rule(&record.rule).map_or("", |r| r.category),
        severity: record.severity,
        message: String::new(),
        suggestion: None,
        segment: 0,
        source: None,
        target: None,
    };
    score::penalty(&finding)
}

fn record(report: &Report, f: &Finding, offsets: Offsets, prints: &Fingerprinter) -> FindingRecord {
    let located = |loc: Location| RecordLocation {
        line: loc.line + offsets.lines,
        column: loc.column,
        text: loc.text,
    };
    FindingRecord {
        rule: f.rule.to_string(),
        category: f.category.to_string(),
        severity: f.severity,
        message: f.message.clone(),
        suggestion: f.suggestion.clone(),
        segment: f.segment + offsets.segments,
        unit: segment_of(report, f).and_then(|s| s.unit.clone()),
        source: f.source.map(|s| located(Location::of(&report.source, s))),
        target: f.target.map(|s| located(Location::of(&report.target, s))),
        fingerprint: prints.of(f),
    }
}

/// The finding's segment; the ids of a batch's segments may start above 0.
fn segment_of<'a>(report: &'a Report, f: &Finding) -> Option<&'a crate::pipeline::Segment> {
    let first = report.segments.first()?.id;
    report.segments.get(f.segment.checked_sub(first)?)
}

/// Renders reports already in memory (each counted from its own first line).
pub fn render(reports: &[Report], _options: &RenderOptions) -> String {
    let mut writer = JsonlWriter::new(Vec::new());
    for report in reports {
        let lines = report.source.document.text.lines().count();
        // Writing to memory cannot fail.
        let _ = writer.write_report(report, lines, Offsets::default());
    }
    let out = writer.finish().unwrap_or_default();
    String::from_utf8(out).unwrap_or_default()
}

/// Merges the reports of consecutive shards of one input, in order: line numbers and segment
/// ids of each shard are offset by the lines and segments of the shards before it, and the
/// summary is recomputed.
pub fn merge<W: Write>(
    shards: impl IntoIterator<Item = (String, Box<dyn BufRead>)>,
    out: W,
) -> Result<W, JsonlError> {
    let mut writer = JsonlWriter::new(out);
    for (name, reader) in shards {
        let offsets = Offsets {
            lines: writer.totals.lines,
            segments: writer.totals.segments,
        };
        let summary = copy_shard(&name, reader, offsets, &mut writer)?;
        writer.totals.lines += summary.lines;
        writer.totals.segments += summary.segments;
        writer.totals.source_words += summary.source_words;
    }
    writer.finish()
}

/// Copies a shard's findings, offset, and returns its summary.
fn copy_shard<W: Write>(
    name: &str,
    reader: Box<dyn BufRead>,
    offsets: Offsets,
    writer: &mut JsonlWriter<W>,
) -> Result<Summary, JsonlError> {
    for (i, line) in reader.lines().enumerate() {
        let line = line.map_err(|source| JsonlError::Read {
            name: name.to_string(),
            source,
        })?;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |source| JsonlError::Record {
            name: name.to_string(),
            line: i + 1,
            source,
        };
        if line.starts_with("{\"summary\"") {
            let summary: SummaryLine = serde_json::from_str(&line).map_err(bad)?;
            return Ok(summary.summary);
        }
        let mut record: FindingRecord = serde_json::from_str(&line).map_err(bad)?;
        record.segment += offsets.segments;
        for loc in [&mut record.source, &mut record.target]
            .into_iter()
            .flatten()
        {
            loc.line += offsets.lines;
        }
        writer.write_record(&record)?;
    }
    Err(JsonlError::NoSummary {
        name: name.to_string(),
    })
}
