//! The `transcheck/report/v1` JSON report: the stable interface for CI and other tools. A run
//! over several document pairs writes `transcheck/reports/v1`: one v1 report per pair under
//! `documents`, and a summary over all of them.

use super::{Location, RenderOptions, round, totals};
use crate::baseline::fingerprint;
use crate::model::{Finding, Severity};
use crate::pipeline::Report;
use serde::Serialize;
use std::collections::BTreeMap;

pub const SCHEMA: &str = "transcheck/report/v1";
pub const MULTI_SCHEMA: &str = "transcheck/reports/v1";

#[derive(Serialize)]
struct JsonReport<'a> {
    schema: &'static str,
    source: JsonDocument<'a>,
    target: JsonDocument<'a>,
    segments: Vec<JsonSegment>,
    findings: Vec<JsonFinding<'a>>,
    summary: JsonSummary,
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    path: &'a str,
    lang: &'static str,
}

#[derive(Serialize)]
struct JsonSegment {
    id: usize,
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
        [report] => serde_json::to_string_pretty(&report_json(report)),
        _ => serde_json::to_string_pretty(&JsonRun {
            schema: MULTI_SCHEMA,
            documents: reports.iter().map(report_json).collect(),
            summary: run_summary(reports),
        }),
    }
    .expect("report serializes");
    out.push('\n');
    out
}

fn report_json(report: &Report) -> JsonReport<'_> {
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
        segments: report
            .segments
            .iter()
            .map(|s| JsonSegment {
                id: s.id,
                bead: s.bead.kind().to_string(),
                source: report.source.lines(&s.bead.source),
                target: report.target.lines(&s.bead.target),
                confidence: round(s.bead.confidence),
                score: round(s.score),
            })
            .collect(),
        findings: report.findings.iter().map(|f| finding(report, f)).collect(),
        summary: summary(report),
    }
}

fn finding<'a>(report: &Report, f: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: &f.message,
        suggestion: f.suggestion.as_deref(),
        segment: f.segment,
        source: f.source.map(|s| Location::of(&report.source, s)),
        target: f.target.map(|s| Location::of(&report.target, s)),
        fingerprint: fingerprint(report, f),
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
