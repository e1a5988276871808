//! The text report: aligned segments side by side, flagged words marked (colored on a
//! terminal, `[[…]]` otherwise), each segment's findings under it, and a summary.

use super::{Location, RenderOptions};
use crate::model::{Finding, Severity, Span};
use crate::pipeline::{CheckedDocument, Report, Segment};
use std::fmt::Write;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn severity_color(severity: Severity) -> &'static str {
    match severity {
        Severity::Critical => "\x1b[1;41;97m",
        Severity::Major => "\x1b[1;31m",
        Severity::Minor => "\x1b[33m",
        Severity::Info => "\x1b[36m",
    }
}

pub fn render(report: &Report, options: RenderOptions) -> String {
    let mut out = String::new();
    let paint = Painter {
        color: options.color,
    };
    let width = options.width.max(40);
    let _ = writeln!(
        out,
        "{} {} ({}) → {} ({})",
        paint.apply(BOLD, "transcheck"),
        report.source.path,
        report.source.lang.code,
        report.target.path,
        report.target.lang.code
    );
    for segment in &report.segments {
        let findings: Vec<&Finding> = report
            .findings
            .iter()
            .filter(|f| f.segment == segment.id)
            .collect();
        if findings.is_empty() && !options.all_segments {
            continue;
        }
        render_segment(&mut out, report, segment, &findings, width, paint);
    }
    render_summary(&mut out, report, paint);
    out
}

#[derive(Clone, Copy)]
struct Painter {
    color: bool,
}

impl Painter {
    fn apply(self, style: &str, text: &str) -> String {
        if self.color {
            format!("{style}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

fn render_segment(
    out: &mut String,
    report: &Report,
    segment: &Segment,
    findings: &[&Finding],
    width: usize,
    paint: Painter,
) {
    let lines = |doc: &CheckedDocument, range: &std::ops::Range<usize>| {
        let lines = doc.lines(range);
        match (lines.first(), lines.last()) {
            (Some(a), Some(b)) if a != b => format!("{}:{a}-{b}", doc.lang.code),
            (Some(a), _) => format!("{}:{a}", doc.lang.code),
            _ => format!("{}:–", doc.lang.code),
        }
    };
    let unit = match (&segment.unit, segment.fuzzy) {
        (Some(id), true) => format!(" · unit {id} (fuzzy)"),
        (Some(id), false) => format!(" · unit {id}"),
        (None, _) => String::new(),
    };
    let title = format!(
        "── segment {}{unit} · {} · {} ↔ {} ",
        segment.id + 1,
        segment.bead.kind(),
        lines(&report.source, &segment.bead.source),
        lines(&report.target, &segment.bead.target)
    );
    let rule_len = width.saturating_sub(title.chars().count());
    let _ = writeln!(
        out,
        "\n{}",
        paint.apply(DIM, &format!("{title}{}", "─".repeat(rule_len)))
    );

    let column = (width - 3) / 2;
    let marks = |side: fn(&Finding) -> Option<Span>| -> Vec<(Span, Severity)> {
        findings
            .iter()
            .filter_map(|f| side(f).map(|s| (s, f.severity)))
            .collect()
    };
    let marker_width = if paint.color { 0 } else { 4 };
    let left = wrap(
        &styled(&report.source, segment.source_span, &marks(|f| f.source)),
        column,
        marker_width,
    );
    let right = wrap(
        &styled(&report.target, segment.target_span, &marks(|f| f.target)),
        column,
        marker_width,
    );
    for i in 0..left.len().max(right.len()) {
        let l = left.get(i).map_or(String::new(), |l| paint_line(l, paint));
        let pad = column - left.get(i).map_or(0, |l| l.len());
        let r = right.get(i).map_or(String::new(), |r| paint_line(r, paint));
        let _ = writeln!(out, "{l}{} {} {r}", " ".repeat(pad), paint.apply(DIM, "│"));
    }
    for f in findings {
        render_finding(out, report, f, paint);
    }
}

fn render_finding(out: &mut String, report: &Report, f: &Finding, paint: Painter) {
    let (doc, span) = match (f.target, f.source) {
        (Some(t), _) => (&report.target, t),
        (None, Some(s)) => (&report.source, s),
        (None, None) => {
            let _ = writeln!(
                out,
                "  {:<8} {:<18} {}",
                paint.apply(severity_color(f.severity), f.severity.as_str()),
                f.rule,
                f.message
            );
            return;
        }
    };
    let at = Location::of(doc, span);
    let severity = format!("{:<8}", f.severity.as_str());
    let _ = write!(
        out,
        "  {} {:<18} {}:{}:{}  {}",
        paint.apply(severity_color(f.severity), &severity),
        f.rule,
        doc.lang.code,
        at.line,
        at.column,
        f.message
    );
    if let Some(s) = &f.suggestion {
        let _ = write!(out, " {} {}", paint.apply(DIM, "→"), paint.apply(BOLD, s));
    }
    out.push('\n');
}

fn render_summary(out: &mut String, report: &Report, paint: Painter) {
    let count = |s: Severity| report.findings.iter().filter(|f| f.severity == s).count();
    let with_findings = report
        .segments
        .iter()
        .filter(|s| report.findings.iter().any(|f| f.segment == s.id))
        .count();
    let _ = writeln!(
        out,
        "\n{} {} segments, {} with findings; {} findings: {} critical, {} major, {} minor, {} info; MQM penalty {:.1} ({:.2} per 100 source words)",
        paint.apply(BOLD, "summary:"),
        report.segments.len(),
        with_findings,
        report.findings.len(),
        count(Severity::Critical),
        count(Severity::Major),
        count(Severity::Minor),
        count(Severity::Info),
        report.summary.mqm_penalty,
        report.summary.mqm_per_100_words,
    );
}

/// A character and the severity of the finding that marks it, if any.
type StyledChar = (char, Option<Severity>);

/// The segment's text with each character tagged by the most severe finding covering it;
/// line breaks inside a segment become spaces.
fn styled(doc: &CheckedDocument, segment: Span, marks: &[(Span, Severity)]) -> Vec<StyledChar> {
    let text = doc.document.slice(segment);
    text.char_indices()
        .flat_map(|(i, c)| {
            let at = segment.start + i;
            let severity = marks
                .iter()
                .filter(|(s, _)| s.start <= at && at < s.end)
                .map(|(_, sev)| *sev)
                .max();
            // Inline-tag placeholders are spelt out: `<1>`, `</1>`, `<2/>`.
            let shown = match crate::ingest::inline::decode(c) {
                Some((kind, number)) => crate::ingest::inline::display(kind, number),
                None if c == '\n' => " ".to_string(),
                None => c.to_string(),
            };
            shown
                .chars()
                .map(move |c| (c, severity))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// One wrapped line: its characters and its visible width.
struct Line {
    chars: Vec<StyledChar>,
    /// Visible width of the brackets around one marked run (0 when color marks it).
    marker_width: usize,
}

impl Line {
    fn len(&self) -> usize {
        self.chars.len() + self.marker_count() * self.marker_width
    }

    /// Number of marked runs (each shown as `[[…]]` without color).
    fn marker_count(&self) -> usize {
        let mut count = 0;
        let mut previous = None;
        for (_, s) in &self.chars {
            if s.is_some() && *s != previous {
                count += 1;
            }
            previous = *s;
        }
        count
    }
}

/// Greedy word wrap at `width` columns (a word longer than the width is cut).
fn wrap(text: &[StyledChar], width: usize, marker_width: usize) -> Vec<Line> {
    let line = |chars: Vec<StyledChar>| Line {
        chars,
        marker_width,
    };
    let mut lines = Vec::new();
    let mut current: Vec<StyledChar> = Vec::new();
    for word in text.split_inclusive(|(c, _)| *c == ' ') {
        if line([current.as_slice(), word].concat()).len() > width && !current.is_empty() {
            trim_trailing_space(&mut current);
            lines.push(line(std::mem::take(&mut current)));
        }
        for &c in word {
            if line([current.as_slice(), &[c]].concat()).len() > width && !current.is_empty() {
                lines.push(line(std::mem::take(&mut current)));
            }
            current.push(c);
        }
    }
    trim_trailing_space(&mut current);
    if !current.is_empty() || lines.is_empty() {
        lines.push(line(current));
    }
    lines
}

fn trim_trailing_space(line: &mut Vec<StyledChar>) {
    while line.last().is_some_and(|(c, _)| *c == ' ') {
        line.pop();
    }
}

/// A wrapped line with its marked runs painted, or bracketed when there is no color.
fn paint_line(line: &Line, paint: Painter) -> String {
    let mut out = String::new();
    let mut run: Option<Severity> = None;
    let close = |out: &mut String| out.push_str(if paint.color { RESET } else { "]]" });
    for &(c, severity) in &line.chars {
        if severity != run {
            if run.is_some() {
                close(&mut out);
            }
            if let Some(s) = severity {
                if paint.color {
                    out.push_str(severity_color(s));
                    out.push_str("\x1b[4m");
                } else {
                    out.push_str("[[");
                }
            }
            run = severity;
        }
        out.push(c);
    }
    if run.is_some() {
        close(&mut out);
    }
    out
}
