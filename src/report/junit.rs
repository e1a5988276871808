//! JUnit XML: one test suite per document pair, one test case per aligned segment. A segment
//! fails when it has a finding at or above `--fail-on`; lesser findings go to its output.

use super::{Anchor, RenderOptions, escape_markup as esc, line_label};
use crate::model::Finding;
use crate::pipeline::{Report, Segment};
use std::fmt::Write;

pub fn render(reports: &[Report], options: &RenderOptions) -> String {
    let suites: Vec<String> = reports.iter().map(|r| suite(r, options)).collect();
    let tests: usize = reports.iter().map(|r| r.segments.len()).sum();
    let failures: usize = reports.iter().map(|r| failing_segments(r, options)).sum();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"transcheck\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\">"
    );
    for s in suites {
        out.push_str(&s);
    }
    out.push_str("</testsuites>\n");
    out
}

fn findings_of<'a>(report: &'a Report, segment: &Segment) -> Vec<&'a Finding> {
    report.findings[super::segment_findings(report, segment.id)]
        .iter()
        .collect()
}

fn failing_segments(report: &Report, options: &RenderOptions) -> usize {
    report
        .segments
        .iter()
        .filter(|s| {
            findings_of(report, s)
                .iter()
                .any(|f| f.severity >= options.fail_on)
        })
        .count()
}

fn suite(report: &Report, options: &RenderOptions) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
        esc(&format!("{} → {}", report.source.path, report.target.path)),
        report.segments.len(),
        failing_segments(report, options)
    );
    for segment in &report.segments {
        case(&mut out, report, segment, options);
    }
    out.push_str("  </testsuite>\n");
    out
}

fn case(out: &mut String, report: &Report, segment: &Segment, options: &RenderOptions) {
    let name = format!(
        "segment {} ({} ↔ {})",
        segment.id + 1,
        line_label(&report.source, &segment.bead.source),
        line_label(&report.target, &segment.bead.target)
    );
    let findings = findings_of(report, segment);
    let _ = write!(
        out,
        "    <testcase classname=\"{}\" name=\"{}\"",
        esc(&report.target.path),
        esc(&name)
    );
    if findings.is_empty() {
        out.push_str("/>\n");
        return;
    }
    out.push_str(">\n");
    let (failing, other): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| f.severity >= options.fail_on);
    if let Some(first) = failing.first() {
        let body: Vec<String> = failing.iter().map(|f| describe(report, f)).collect();
        let _ = writeln!(
            out,
            "      <failure type=\"{}\" message=\"{}\">{}</failure>",
            esc(first.rule),
            esc(&first.message),
            esc(&body.join("\n"))
        );
    }
    if !other.is_empty() {
        let body: Vec<String> = other.iter().map(|f| describe(report, f)).collect();
        let _ = writeln!(
            out,
            "      <system-out>{}</system-out>",
            esc(&body.join("\n"))
        );
    }
    out.push_str("    </testcase>\n");
}

fn describe(report: &Report, f: &Finding) -> String {
    let at = Anchor::of(report, f).map_or_else(String::new, |a| {
        format!(" {}:{}:{}", a.doc.path, a.start.line, a.start.column)
    });
    let suggestion = f
        .suggestion
        .as_ref()
        .map_or_else(String::new, |s| format!(" → {s}"));
    format!("{} {}{at}: {}{suggestion}", f.severity, f.rule, f.message)
}
