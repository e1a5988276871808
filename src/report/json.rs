//! The `transcheck/report/v1` JSON report: the stable interface for CI and other tools. A run
//! over several document pairs writes `transcheck/reports/v1`: one v1 report per pair under
//! `documents`, and a summary over all of them.

use super::{Location, RenderOptions, round, totals};
use crate::baseline::Fingerprinter;
use crate::model::{Finding, Severity};
use crate::pipeline::{Report, Segment};
use rayon::prelude::*;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{BufWriter, Seek, SeekFrom, Write};

pub const SCHEMA: &str = "transcheck/report/v1";
pub const MULTI_SCHEMA: &str = "transcheck/reports/v1";

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    source: JsonDocument<'a>,
    target: JsonDocument<'a>,
    segments: Vec<JsonSegment<'a>>,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    path: &'a str,
    lang: &'static str,
}

#[derive(Serialize)]
struct JsonSegment<'a> {
    id: usize,
    /// The unit id, for a bilingual file.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    /// Present (true) when the unit is marked as needing review.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    fuzzy: bool,
    bead: String,
    source: Vec<usize>,
    target: Vec<usize>,
    confidence: f64,
    score: f64,
}

#[derive(Serialize)]
struct JsonFinding<'a> {
    rule: &'static str,
    category: &'static str,
    severity: Severity,
    message: &'a str,
    suggestion: Option<&'a str>,
    segment: usize,
    /// The unit id, for a bilingual file.
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<&'a str>,
    source: Option<Location>,
    target: Option<Location>,
    /// Content fingerprint, as in baselines (added after v1's first release).
    fingerprint: String,
}

#[derive(Serialize)]
struct JsonSummary {
    segments: usize,
    source_words: usize,
    findings: usize,
    by_severity: BTreeMap<&'static str, usize>,
    by_rule: BTreeMap<&'static str, usize>,
    mqm_penalty: f64,
    mqm_per_100_words: f64,
}

#[derive(Serialize)]
struct JsonRun<'a> {
    schema: &'static str,
    documents: Vec<JsonReport<'a>>,
    summary: JsonSummary,
}

/// One pair: its v1 report; several: a `transcheck/reports/v1` document.
pub fn render(reports: &[Report], _options: &RenderOptions) -> String {
    let mut out = match reports {
        [report] => pretty(&report_json(report)),
        _ => pretty(&JsonRun {
            schema: MULTI_SCHEMA,
            documents: reports.iter().map(report_json).collect(),
            summary: run_summary(reports),
        }),
    };
    out.push('\n');
    out
}

fn report_json(report: &Report) -> JsonReport<'_> {
    // Positions and fingerprints cost a pass over each segment's text: built on every thread,
    // collected in order.
    let (segments, findings) = rayon::join(
        || {
            report
                .segments
                .par_iter()
                .map(|s| segment(report, s))
                .collect()
        },
        || {
            let prints = Fingerprinter::new(report);
            report
                .findings
                .par_iter()
                .map(|f| finding(report, f, &prints))
                .collect()
        },
    );
    JsonReport {
        segments,
        findings,
        ..shell(report, summary(report))
    }
}

/// The report without segments and findings.
fn shell(report: &Report, summary: JsonSummary) -> JsonReport<'_> {
    JsonReport {
        schema: SCHEMA,
        source: JsonDocument {
            path: &report.source.path,
            lang: report.source.lang.code,
        },
        target: JsonDocument {
            path: &report.target.path,
            lang: report.target.lang.code,
        },
        segments: Vec::new(),
        findings: Vec::new(),
        summary,
    }
}

fn segment<'a>(report: &'a Report, s: &'a Segment) -> JsonSegment<'a> {
    JsonSegment {
        id: s.id,
        unit: s.unit.as_deref(),
        fuzzy: s.fuzzy,
        bead: s.bead.kind().to_string(),
        source: report.source.lines(&s.bead.source),
        target: report.target.lines(&s.bead.target),
        confidence: round(s.bead.confidence),
        score: round(s.score),
    }
}

/// The segment of a finding; segment ids of a batch start where the previous batch ended.
fn segment_of<'a>(report: &'a Report, f: &Finding) -> Option<&'a Segment> {
    let first = report.segments.first()?.id;
    report.segments.get(f.segment.checked_sub(first)?)
}

/// Writes the JSON report of a bilingual file checked batch by batch (see
/// [`crate::pipeline::check_unit_batches`]): the same document [`render`] writes for the
/// whole report, with memory bounded by a batch. Segments are written as they come; findings,
/// which come after all segments, wait in a temporary file.
pub struct JsonStream<W: Write> {
    out: W,
    findings: BufWriter<std::fs::File>,
    /// The summary and the part of the document after the segments, once the first batch
    /// has been written.
    started: Option<StreamTotals>,
    segments: usize,
    findings_written: usize,
    /// The shell of the first batch: its header names the documents.
    head: Option<(String, String)>,
}

/// Totals over the batches written so far.
#[derive(Default)]
struct StreamTotals {
    segments: usize,
    source_words: usize,
    findings: usize,
    by_severity: BTreeMap<&'static str, usize>,
    by_rule: BTreeMap<&'static str, usize>,
    mqm_penalty: f64,
}

impl<W: Write> JsonStream<W> {
    pub fn new(out: W) -> std::io::Result<Self> {
        Ok(JsonStream {
            out,
            findings: BufWriter::new(tempfile::tempfile()?),
            started: None,
            segments: 0,
            findings_written: 0,
            head: None,
        })
    }

    /// Writes one batch's segments and keeps its findings for the end.
    pub fn batch(&mut self, report: &Report) -> std::io::Result<()> {
        if self.head.is_none() {
            let text = pretty(&shell(report, summary(report)));
            let (head, rest) = text
                .split_once(SEGMENTS_KEY)
                .expect("the report has segments");
            self.out.write_all(head.as_bytes())?;
            self.out.write_all(SEGMENTS_KEY.as_bytes())?;
            self.head = Some((head.to_string(), rest.to_string()));
            self.started = Some(StreamTotals::default());
        }
        for s in &report.segments {
            let separator = if self.segments == 0 { "[\n" } else { ",\n" };
            self.out.write_all(separator.as_bytes())?;
            self.out
                .write_all(indented(&pretty(&segment(report, s))).as_bytes())?;
            self.segments += 1;
        }
        let prints = Fingerprinter::new(report);
        for f in &report.findings {
            let separator = if self.findings_written == 0 {
                "[\n"
            } else {
                ",\n"
            };
            self.findings.write_all(separator.as_bytes())?;
            self.findings
                .write_all(indented(&pretty(&finding(report, f, &prints))).as_bytes())?;
            self.findings_written += 1;
        }
        let totals = self.started.as_mut().expect("started above");
        let batch = summary(report);
        totals.segments += batch.segments;
        totals.source_words += batch.source_words;
        totals.findings += batch.findings;
        for (key, n) in batch.by_severity {
            *totals.by_severity.entry(key).or_default() += n;
        }
        for (key, n) in batch.by_rule {
            *totals.by_rule.entry(key).or_default() += n;
        }
        totals.mqm_penalty += report.summary.mqm_penalty;
        Ok(())
    }

    /// Writes the findings and the summary; returns the output.
    pub fn finish(mut self) -> std::io::Result<W> {
        let (Some(totals), Some((_, rest))) = (self.started.take(), self.head.take()) else {
            return Ok(self.out);
        };
        // The shell after `"segments": ` reads `[],\n  "findings": [],\n  "summary": {…}\n}`.
        let (between, after_findings) = rest
            .trim_start_matches("[]")
            .split_once(FINDINGS_KEY)
            .expect("the report has findings");
        self.out.write_all(close_array(self.segments).as_bytes())?;
        self.out.write_all(between.as_bytes())?;
        self.out.write_all(FINDINGS_KEY.as_bytes())?;
        let mut findings = self.findings.into_inner().map_err(|e| e.into_error())?;
        findings.seek(SeekFrom::Start(0))?;
        std::io::copy(&mut findings, &mut self.out)?;
        self.out
            .write_all(close_array(self.findings_written).as_bytes())?;
        let (before_summary, _) = after_findings
            .trim_start_matches("[]")
            .split_once(SUMMARY_KEY)
            .expect("the report has a summary");
        let summary = JsonSummary {
            segments: totals.segments,
            source_words: totals.source_words,
            findings: totals.findings,
            by_severity: totals.by_severity,
            by_rule: totals.by_rule,
            mqm_penalty: round(totals.mqm_penalty),
            mqm_per_100_words: round(crate::score::per_hundred_words(
                totals.mqm_penalty,
                totals.source_words,
            )),
        };
        let summary_text = indented_tail(&pretty(&summary));
        self.out.write_all(before_summary.as_bytes())?;
        self.out.write_all(SUMMARY_KEY.as_bytes())?;
        self.out.write_all(summary_text.as_bytes())?;
        self.out.write_all(b"\n}\n")?;
        Ok(self.out)
    }
}

const SEGMENTS_KEY: &str = "\"segments\": ";
const FINDINGS_KEY: &str = "\"findings\": ";
const SUMMARY_KEY: &str = "\"summary\": ";

fn pretty(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).expect("report serializes")
}

/// An element of a top-level array: every line indented by two levels.
fn indented(text: &str) -> String {
    text.lines()
        .map(|line| format!("    {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A top-level value after its key: lines after the first indented by one level.
fn indented_tail(text: &str) -> String {
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                line.to_string()
            } else {
                format!("  {line}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn close_array(elements: usize) -> &'static str {
    if elements == 0 { "[]" } else { "\n  ]" }
}

fn finding<'a>(report: &'a Report, f: &'a Finding, prints: &Fingerprinter) -> JsonFinding<'a> {
    JsonFinding {
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: &f.message,
        suggestion: f.suggestion.as_deref(),
        segment: f.segment,
        unit: segment_of(report, f).and_then(|s| s.unit.as_deref()),
        source: f.source.map(|s| Location::of(&report.source, s)),
        target: f.target.map(|s| Location::of(&report.target, s)),
        fingerprint: prints.of(f),
    }
}

fn counts<'a>(
    findings: impl IntoIterator<Item = &'a Finding>,
) -> (BTreeMap<&'static str, usize>, BTreeMap<&'static str, usize>) {
    let mut by_severity: BTreeMap<&'static str, usize> =
        Severity::ALL.iter().map(|s| (s.as_str(), 0)).collect();
    let mut by_rule = BTreeMap::new();
    for f in findings {
        *by_severity.entry(f.severity.as_str()).or_default() += 1;
        *by_rule.entry(f.rule).or_default() += 1;
    }
    (by_severity, by_rule)
}

fn run_summary(reports: &[Report]) -> JsonSummary {
    let (by_severity, by_rule) = counts(reports.iter().flat_map(|r| &r.findings));
    let t = totals(reports);
    JsonSummary {
        segments: t.segments,
        source_words: t.source_words,
        findings: t.findings,
        by_severity,
        by_rule,
        mqm_penalty: round(t.mqm_penalty),
        mqm_per_100_words: round(t.mqm_per_100_words),
    }
}

fn summary(report: &Report) -> JsonSummary {
    let (by_severity, by_rule) = counts(&report.findings);
    JsonSummary {
        segments: report.summary.segments,
        source_words: report.summary.source_words,
        findings: report.summary.findings,
        by_severity,
        by_rule,
        mqm_penalty: round(report.summary.mqm_penalty),
        mqm_per_100_words: round(report.summary.mqm_per_100_words),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CheckOptions;
    use crate::ingest::{InputFormat, Languages, open_units};
    use crate::pipeline::{check_unit_batches, check_units};
    use std::path::Path;

    fn seed_units() -> crate::ingest::UnitReader {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpora/afp-facebook-banks/formats/seed.tsv");
        open_units(&path, InputFormat::Tsv, &Languages::default()).unwrap()
    }

    fn stream(batch: usize) -> String {
        let options = CheckOptions::new("en", "fr");
        let mut stream = JsonStream::new(Vec::new()).unwrap();
        check_unit_batches::<crate::CheckError>("seed.tsv", seed_units(), &options, batch, |r| {
            stream.batch(&r).unwrap();
            Ok(())
        })
        .unwrap();
        String::from_utf8(stream.finish().unwrap()).unwrap()
    }

    #[test]
    fn one_batch_streams_exactly_what_render_writes() {
        let options = CheckOptions::new("en", "fr");
        let whole = check_units("seed.tsv", seed_units(), &options).unwrap();
        assert_eq!(
            stream(1000),
            render(std::slice::from_ref(&whole), &RenderOptions::default())
        );
    }

    #[test]
    fn batches_continue_segment_ids_and_add_up() {
        let report: serde_json::Value = serde_json::from_str(&stream(7)).unwrap();
        let segments = report["segments"].as_array().unwrap();
        assert_eq!(segments.len(), 18);
        for (i, s) in segments.iter().enumerate() {
            assert_eq!(s["id"], i);
            assert_eq!(s["unit"], format!("p{}", i + 1));
        }
        let findings = report["findings"].as_array().unwrap();
        assert!(!findings.is_empty());
        for f in findings {
            let segment = &segments[f["segment"].as_u64().unwrap() as usize];
            assert_eq!(f["unit"], segment["unit"]);
        }
        assert_eq!(report["summary"]["segments"], 18);
        assert_eq!(report["summary"]["findings"], findings.len());
    }

    #[test]
    fn an_empty_file_streams_an_empty_report() {
        let options = CheckOptions::new("en", "fr");
        let empty: Vec<Result<crate::ingest::Unit, crate::ingest::IngestError>> = Vec::new();
        let whole = check_units("empty", Vec::new(), &options).unwrap();
        let mut stream = JsonStream::new(Vec::new()).unwrap();
        check_unit_batches::<crate::CheckError>("empty", empty, &options, 10, |r| {
            stream.batch(&r).unwrap();
            Ok(())
        })
        .unwrap();
        let streamed = String::from_utf8(stream.finish().unwrap()).unwrap();
        assert_eq!(
            streamed,
            render(std::slice::from_ref(&whole), &RenderOptions::default())
        );
    }
}
