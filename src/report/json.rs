//! The `transcheck/report/v1` JSON report: the stable interface for CI and other tools.

use super::Location;
use crate::model::{Finding, Severity};
use crate::pipeline::Report;
use serde::Serialize;
use std::collections::BTreeMap;

pub const SCHEMA: &str = "transcheck/report/v1";

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

/// Rounds a score for output so that reports do not differ by float noise.
fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

pub fn render(report: &Report) -> String {
    let json = JsonReport {
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
                unit: s.unit.as_deref(),
                fuzzy: s.fuzzy,
                bead: s.bead.kind().to_string(),
                source: report.source.lines(&s.bead.source),
                target: report.target.lines(&s.bead.target),
                confidence: round(s.bead.confidence),
                score: round(s.score),
            })
            .collect(),
        findings: report.findings.iter().map(|f| finding(report, f)).collect(),
        summary: summary(report),
    };
    let mut out = serde_json::to_string_pretty(&json).expect("report serializes");
    out.push('\n');
    out
}

fn finding<'a>(report: &'a Report, f: &'a Finding) -> JsonFinding<'a> {
    JsonFinding {
        rule: f.rule,
        category: f.category,
        severity: f.severity,
        message: &f.message,
        suggestion: f.suggestion.as_deref(),
        segment: f.segment,
        unit: report
            .segments
            .get(f.segment)
            .and_then(|s| s.unit.as_deref()),
        source: f.source.map(|s| Location::of(&report.source, s)),
        target: f.target.map(|s| Location::of(&report.target, s)),
    }
}

fn summary(report: &Report) -> JsonSummary {
    let mut by_severity: BTreeMap<&'static str, usize> =
        Severity::ALL.iter().map(|s| (s.as_str(), 0)).collect();
    let mut by_rule = BTreeMap::new();
    for f in &report.findings {
        *by_severity.entry(f.severity.as_str()).or_default() += 1;
        *by_rule.entry(f.rule).or_default() += 1;
    }
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
