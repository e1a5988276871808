//! GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` annotation per
//! finding, shown on the pull request's diff.

use super::{Anchor, RenderOptions};
use crate::model::{Finding, Severity};
use crate::pipeline::Report;
use std::fmt::Write;

pub fn render(reports: &[Report], _options: &RenderOptions) -> String {
    let mut out = String::new();
    for (report, f) in super::all_findings(reports) {
        annotation(&mut out, report, f);
    }
    out
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical | Severity::Major => "error",
        Severity::Minor => "warning",
        Severity::Info => "notice",
    }
}

fn annotation(out: &mut String, report: &Report, f: &Finding) {
    let mut properties = Vec::new();
    match Anchor::of(report, f) {
        Some(a) => {
            properties.push(format!("file={}", property(&a.doc.path)));
            properties.push(format!("line={}", a.start.line));
            properties.push(format!("col={}", a.start.column));
            // GitHub takes an end column only on single-line annotations.
            if a.end_line == a.start.line {
                properties.push(format!("endColumn={}", a.end_column));
            } else {
                properties.push(format!("endLine={}", a.end_line));
            }
        }
        None => properties.push(format!("file={}", property(&report.target.path))),
    }
    properties.push(format!(
        "title={}",
        property(&format!("{} ({}, {})", f.rule, f.severity, f.category))
    ));
    let mut message = f.message.clone();
    if let Some(s) = &f.suggestion {
        message.push_str(&format!(" → {s}"));
    }
    let _ = writeln!(
        out,
        "::{} {}::{}",
        command(f.severity),
        properties.join(","),
        data(&message)
    );
}

/// Escapes a command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command property value, which also cannot hold `:` or `,`.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_follow_the_workflow_command_rules() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a:b,c"), "a%3Ab%2Cc");
    }
}
