//! The text report: aligned segments side by side, flagged words marked (colored on a
//! terminal, `[[…]]` otherwise), each segment's findings under it, and a summary.

use super::{Location, RenderOptions, line_label};
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

/// Each pair's report in turn, then totals when there are several.
pub fn render(reports: &[Report], options: &RenderOptions) -> String {
    let mut out = String::new();
    for (i, report) in reports.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&render_one(report, *options));
    }
    if reports.len() > 1 {
        render_totals(
            &mut out,
            reports,
            Painter {
                color: options.color,
            },
        );
    }
    out
}

fn render_totals(out: &mut String, reports: &[Report], paint: Painter) {
    let t = super::totals(reports);
    let counts = super::count_by_severity(reports.iter().flat_map(|r| &r.findings));
    let counts: Vec<String> = counts.iter().map(|(s, n)| format!("{n} {s}")).collect();
    let _ = writeln!(
        out,
        "\n{} {} document pairs, {} segments; {} findings: {}; MQM penalty {:.1} ({:.2} per 100 source words)",
        paint.apply(BOLD, "total:"),
        reports.len(),
        t.segments,
        t.findings,
        counts.join(", "),
        t.mqm_penalty,
        t.mqm_per_100_words,
    );
}

fn render_one(report: &Report, options: RenderOptions) -> String {
    let mut out = String::new();
    let paint = Painter {
        color: options.color,
    };
    render_header(&mut out, report, paint);
    render_segments(&mut out, report, options);
    render_summary(&mut out, &Totals::of(report), paint);
    out
}

/// Writes the text report of a bilingual file checked batch by batch (see
/// [`crate::pipeline::check_unit_batches`]), as [`render`] would the whole report.
pub struct TextStream<W: std::io::Write> {
    out: W,
    options: RenderOptions,
    totals: Option<Totals>,
}

impl<W: std::io::Write> TextStream<W> {
    pub fn new(out: W, options: RenderOptions) -> Self {
        TextStream {
            out,
            options,
            totals: None,
        }
    }

    pub fn batch(&mut self, report: &Report) -> std::io::Result<()> {
        let mut text = String::new();
        let paint = Painter {
            color: self.options.color,
        };
        let totals = match &mut self.totals {
            Some(totals) => totals,
            None => {
                render_header(&mut text, report, paint);
                self.totals.insert(Totals::default())
            }
        };
        render_segments(&mut text, report, self.options);
        totals.add(&Totals::of(report));
        self.out.write_all(text.as_bytes())
    }

    /// Writes the summary; returns the output.
    pub fn finish(mut self) -> std::io::Result<W> {
        if let Some(totals) = &self.totals {
            let mut text = String::new();
            let paint = Painter {
                color: self.options.color,
            };
            render_summary(&mut text, totals, paint);
            self.out.write_all(text.as_bytes())?;
        }
        Ok(self.out)
    }
}

fn render_header(out: &mut String, report: &Report, paint: Painter) {
    let _ = writeln!(
        out,
        "{} {} ({}) → {} ({})",
        paint.apply(BOLD, "transcheck"),
        report.source.path,
        report.source.lang.code,
        report.target.path,
        report.target.lang.code
    );
}

fn render_segments(out: &mut String, report: &Report, options: RenderOptions) {
    let paint = Painter {
        color: options.color,
    };
    let width = options.width.max(40);
    for segment in &report.segments {
        let findings: Vec<&Finding> = report.findings[super::segment_findings(report, segment.id)]
            .iter()
            .collect();
        if findings.is_empty() && !options.all_segments {
            continue;
        }
        render_segment(out, report, segment, &findings, width, paint);
    }
}

/// What the summary line counts.
#[derive(Debug, Default)]
struct Totals {
    segments: usize,
    with_findings: usize,
    by_severity: [usize; 4],
    mqm_penalty: f64,
    source_words: usize,
}

impl Totals {
    fn of(report: &Report) -> Totals {
        let mut by_severity = [0; 4];
        for f in &report.findings {
            by_severity[severity_index(f.severity)] += 1;
        }
        let flagged: std::collections::HashSet<usize> =
            report.findings.iter().map(|f| f.segment).collect();
        Totals {
            segments: report.segments.len(),
            with_findings: report
                .segments
                .iter()
                .filter(|s| flagged.contains(&s.id))
                .count(),
            by_severity,
            mqm_penalty: report.summary.mqm_penalty,
            source_words: report.summary.source_words,
        }
    }

    fn add(&mut self, other: &Totals) {
        self.segments += other.segments;
        self.with_findings += other.with_findings;
        for (total, n) in self.by_severity.iter_mut().zip(other.by_severity) {
            *total += n;
        }
        self.mqm_penalty += other.mqm_penalty;
        self.source_words += other.source_words;
    }
}

fn severity_index(severity: Severity) -> usize {
    match severity {
        Severity::Critical => 0,
        Severity::Major => 1,
        Severity::Minor => 2,
        Severity::Info => 3,
    }
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
    let unit = match (&segment.unit, segment.fuzzy) {
        (Some(id), true) => format!(" · unit {id} (fuzzy)"),
        (Some(id), false) => format!(" · unit {id}"),
        (None, _) => String::new(),
    };
    let title = format!(
        "── segment {}{unit} · {} · {} ↔ {} ",
        segment.id + 1,
        segment.bead.kind(),
        line_label(&report.source, &segment.bead.source),
        line_label(&report.target, &segment.bead.target)
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
        let _ = write!(
            out,
            " {} {}",
            paint.apply(DIM, "→"),
            paint.apply(BOLD, &visible_spaces(s))
        );
    }
    out.push('\n');
}

/// A suggestion with its no-break spaces named, since a terminal shows them as plain spaces
/// (the JSON keeps the characters themselves, to be applied as they are).
fn visible_spaces(suggestion: &str) -> String {
    suggestion
        .replace('\u{202F}', "⟨U+202F⟩")
        .replace('\u{00A0}', "⟨U+00A0⟩")
}

fn render_summary(out: &mut String, totals: &Totals, paint: Painter) {
    let [critical, major, minor, info] = totals.by_severity;
    let _ = writeln!(
        out,
        "\n{} {} segments, {} with findings; {} findings: {} critical, {} major, {} minor, {} info; MQM penalty {:.1} ({:.2} per 100 source words)",
        paint.apply(BOLD, "summary:"),
        totals.segments,
        totals.with_findings,
        totals.by_severity.iter().sum::<usize>(),
        critical,
        major,
        minor,
        info,
        totals.mqm_penalty,
        crate::score::per_hundred_words(totals.mqm_penalty, totals.source_words),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CheckOptions;
    use crate::ingest::{InputFormat, Languages, open_units};
    use crate::pipeline::{check_unit_batches, check_units};
    use std::path::Path;

    fn seed_units() -> crate::ingest::UnitReader {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("corpora/afp-facebook-banks/formats/seed.po");
        open_units(&path, InputFormat::Po, &Languages::default()).unwrap()
    }

    fn stream(batch: usize, options: RenderOptions) -> String {
        let check = CheckOptions::new("en", "fr");
        let mut stream = TextStream::new(Vec::new(), options);
        check_unit_batches::<crate::CheckError>("seed.po", seed_units(), &check, batch, |r| {
            stream.batch(&r).unwrap();
            Ok(())
        })
        .unwrap();
        String::from_utf8(stream.finish().unwrap()).unwrap()
    }

    #[test]
    fn streamed_batches_read_like_the_whole_report() {
        let options = RenderOptions {
            color: false,
            width: 100,
            all_segments: true,
            ..RenderOptions::default()
        };
        let whole = check_units("seed.po", seed_units(), &CheckOptions::new("en", "fr")).unwrap();
        assert_eq!(
            stream(1000, options),
            render(std::slice::from_ref(&whole), &options)
        );
        let split = stream(5, options);
        assert_eq!(split.matches("── segment ").count(), 18);
        let summary = split.lines().last().unwrap();
        assert!(summary.starts_with("summary: 18 segments"), "{summary}");
    }
}
