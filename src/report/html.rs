//! One self-contained HTML page (no network, no external assets): per document pair, the
//! aligned segments side by side with flagged spans highlighted (message on hover, finding
//! selected on click), a summary with MQM score and bar charts per severity and category,
//! filters by severity, category and rule, and keyboard navigation between findings
//! (`j`/`n` next, `k`/`p` previous). Filters can also be preset from the URL fragment, e.g.
//! `report.html#severity=major,critical&rule=entity-misspelt`.

use super::{
    Anchor, RenderOptions, count_by, count_by_severity, escape_markup as esc, line_label, totals,
};
use crate::model::{Finding, Severity, Span};
use crate::pipeline::{CheckedDocument, Report, Segment};
use std::collections::BTreeSet;
use std::fmt::Write;

const STYLE: &str = include_str!("html/report.css");
const SCRIPT: &str = include_str!("html/report.js");

pub fn render(reports: &[Report], _options: &RenderOptions) -> String {
    let mut out = String::new();
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // No request may leave the page: not even for a favicon.
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
    out.push_str("<link rel=\"icon\" href=\"data:,\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&title(reports)));
    let _ = writeln!(out, "<style>\n{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", esc(&title(reports)));
    summary(&mut out, reports);
    filters(&mut out, reports);
    out.push_str("</header>\n<main>\n");
    for (d, report) in reports.iter().enumerate() {
        document(&mut out, d, report);
    }
    out.push_str("</main>\n");
    let _ = writeln!(out, "<script>\n{SCRIPT}</script>\n</body>\n</html>");
    out
}

fn title(reports: &[Report]) -> String {
    match reports {
        [r] => format!("transcheck: {} → {}", r.source.path, r.target.path),
        _ => format!("transcheck: {} document pairs", reports.len()),
    }
}

fn finding_id(d: usize, i: usize) -> String {
    format!("f{d}-{i}")
}

fn summary(out: &mut String, reports: &[Report]) {
    let t = totals(reports);
    let findings = || reports.iter().flat_map(|r| &r.findings);
    out.push_str("<section id=\"summary\" aria-label=\"Summary\">\n<dl class=\"totals\">\n");
    let _ = writeln!(
        out,
        "<div><dt>MQM penalty</dt><dd id=\"mqm\">{:.1}</dd></div>\n<div><dt>per 100 source words</dt><dd id=\"mqm100\">{:.2}</dd></div>\n<div><dt>findings</dt><dd id=\"total-findings\">{}</dd></div>\n<div><dt>segments</dt><dd>{}</dd></div>\n<div><dt>source words</dt><dd>{}</dd></div>",
        t.mqm_penalty, t.mqm_per_100_words, t.findings, t.segments, t.source_words
    );
    out.push_str("</dl>\n");
    let by_severity: Vec<(String, usize, String)> = count_by_severity(findings())
        .into_iter()
        .map(|(s, n)| (s.to_string(), n, format!("sev-{s}")))
        .collect();
    bar_chart(out, "By severity", &by_severity);
    let by_category: Vec<(String, usize, String)> = count_by(findings(), |f| f.category)
        .into_iter()
        .map(|(c, n)| (c.to_string(), n, "cat".to_string()))
        .collect();
    bar_chart(out, "By category", &by_category);
    let by_rule: Vec<(String, usize, String)> = count_by(findings(), |f| f.rule)
        .into_iter()
        .map(|(r, n)| (r.to_string(), n, "cat".to_string()))
        .collect();
    bar_chart(out, "By rule", &by_rule);
    out.push_str("</section>\n");
}

/// A horizontal bar chart in plain HTML and CSS: one row per (label, count, class).
fn bar_chart(out: &mut String, caption: &str, rows: &[(String, usize, String)]) {
    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
    let _ = writeln!(
        out,
        "<figure class=\"chart\"><figcaption>{}</figcaption>",
        esc(caption)
    );
    if rows.is_empty() {
        out.push_str("<p class=\"none\">none</p>\n");
    }
    for (label, count, class) in rows {
        let width = count * 100 / max;
        let _ = writeln!(
            out,
            "<div class=\"bar-row\"><span class=\"bar-label\">{}</span><span class=\"bar\"><span class=\"fill {}\" style=\"width:{width}%\"></span></span><span class=\"bar-count\">{count}</span></div>",
            esc(label),
            esc(class)
        );
    }
    out.push_str("</figure>\n");
}

fn filters(out: &mut String, reports: &[Report]) {
    let findings = || reports.iter().flat_map(|r| &r.findings);
    out.push_str("<form id=\"filters\" aria-label=\"Filters\" onsubmit=\"return false\">\n<fieldset><legend>Severity</legend>\n");
    for s in Severity::ALL {
        let _ = writeln!(
            out,
            "<label class=\"sev-{s}\"><input type=\"checkbox\" name=\"severity\" value=\"{s}\" checked> {s}</label>"
        );
    }
    out.push_str("</fieldset>\n");
    let categories: BTreeSet<&str> = findings().map(|f| f.category).collect();
    let rules: BTreeSet<&str> = findings().map(|f| f.rule).collect();
    select(out, "category", "Category", &categories);
    select(out, "rule", "Rule", &rules);
    out.push_str(
        "<label><input type=\"checkbox\" name=\"clean\"> segments without findings</label>\n",
    );
    out.push_str("<span class=\"nav\"><button type=\"button\" id=\"prev\" title=\"previous finding (k)\">◀ previous</button> <button type=\"button\" id=\"next\" title=\"next finding (j)\">next ▶</button></span>\n");
    out.push_str("<p id=\"status\" aria-live=\"polite\"></p>\n");
    out.push_str("<p class=\"help\">Keys: <kbd>j</kbd>/<kbd>n</kbd> next finding, <kbd>k</kbd>/<kbd>p</kbd> previous. Click a highlight to select its finding; hover it for the message.</p>\n</form>\n");
}

fn select(out: &mut String, name: &str, label: &str, values: &BTreeSet<&str>) {
    let _ = writeln!(
        out,
        "<label>{label} <select name=\"{name}\"><option value=\"\">all</option>"
    );
    for v in values {
        let _ = writeln!(out, "<option value=\"{0}\">{0}</option>", esc(v));
    }
    out.push_str("</select></label>\n");
}

fn document(out: &mut String, d: usize, report: &Report) {
    let _ = writeln!(
        out,
        "<section class=\"document\" id=\"doc{d}\">\n<h2>{} <span class=\"arrow\">→</span> {}</h2>",
        esc(&report.source.path),
        esc(&report.target.path)
    );
    let _ = writeln!(
        out,
        "<p class=\"doc-summary\">{} segments, {} findings, MQM penalty {:.1} ({:.2} per 100 source words)</p>",
        report.summary.segments,
        report.summary.findings,
        report.summary.mqm_penalty,
        report.summary.mqm_per_100_words
    );
    let _ = writeln!(
        out,
        "<table class=\"pairs\">\n<thead><tr><th class=\"seg-id\">#</th><th lang=\"{0}\">source ({0})</th><th lang=\"{1}\">target ({1})</th></tr></thead>",
        report.source.lang.code, report.target.lang.code
    );
    for segment in &report.segments {
        segment_rows(out, d, report, segment);
    }
    out.push_str("</table>\n</section>\n");
}

fn segment_rows(out: &mut String, d: usize, report: &Report, segment: &Segment) {
    let findings: Vec<(usize, &Finding)> = super::segment_findings(report, segment.id)
        .map(|i| (i, &report.findings[i]))
        .collect();
    let ids: Vec<String> = findings.iter().map(|(i, _)| finding_id(d, *i)).collect();
    let _ = writeln!(
        out,
        "<tbody class=\"segment{}\" id=\"d{d}-s{}\" data-f=\"{}\">",
        if findings.is_empty() { " clean" } else { "" },
        segment.id + 1,
        ids.join(" ")
    );
    let _ = writeln!(
        out,
        "<tr><td class=\"seg-id\">{}<small>{} · {} ↔ {}</small></td>",
        segment.id + 1,
        segment.bead.kind(),
        esc(&line_label(&report.source, &segment.bead.source)),
        esc(&line_label(&report.target, &segment.bead.target))
    );
    let marks = |side: fn(&Finding) -> Option<Span>| -> Vec<(Span, usize, &Finding)> {
        findings
            .iter()
            .filter_map(|(i, f)| side(f).map(|s| (s, *i, *f)))
            .collect()
    };
    let _ = writeln!(
        out,
        "<td class=\"text\" lang=\"{}\">{}</td>",
        report.source.lang.code,
        highlighted(&report.source, segment.source_span, &marks(|f| f.source), d)
    );
    let _ = writeln!(
        out,
        "<td class=\"text\" lang=\"{}\">{}</td></tr>",
        report.target.lang.code,
        highlighted(&report.target, segment.target_span, &marks(|f| f.target), d)
    );
    if !findings.is_empty() {
        out.push_str(
            "<tr class=\"findings-row\"><td></td><td colspan=\"2\"><ul class=\"findings\">\n",
        );
        for (i, f) in &findings {
            finding_item(out, report, d, *i, f);
        }
        out.push_str("</ul></td></tr>\n");
    }
    out.push_str("</tbody>\n");
}

fn finding_item(out: &mut String, report: &Report, d: usize, i: usize, f: &Finding) {
    let at = Anchor::of(report, f).map_or_else(String::new, |a| {
        format!("{}:{}:{}", a.doc.lang.code, a.start.line, a.start.column)
    });
    let _ = write!(
        out,
        "<li class=\"finding sev-{sev}\" id=\"{id}\" tabindex=\"-1\" data-severity=\"{sev}\" data-category=\"{cat}\" data-rule=\"{rule}\"><span class=\"badge sev-{sev}\">{sev}</span> <code class=\"rule\">{rule}</code> <span class=\"category\">{cat}</span> <span class=\"where\">{at}</span> <span class=\"message\">{msg}</span>",
        sev = f.severity,
        id = finding_id(d, i),
        cat = esc(f.category),
        rule = esc(f.rule),
        msg = esc(&f.message),
    );
    if let Some(s) = &f.suggestion {
        let _ = write!(out, " <span class=\"suggestion\">→ {}</span>", esc(s));
    }
    out.push_str("</li>\n");
}

/// The text of one side of a segment, escaped, with every flagged run wrapped in a `<mark>`
/// naming the findings that cover it. Overlapping spans split into runs.
fn highlighted(
    doc: &CheckedDocument,
    segment: Span,
    marks: &[(Span, usize, &Finding)],
    d: usize,
) -> String {
    let text = doc.document.slice(segment);
    let clip = |at: usize| at.clamp(segment.start, segment.end) - segment.start;
    let mut cuts: BTreeSet<usize> = [0, text.len()].into();
    for (span, _, _) in marks {
        cuts.insert(clip(span.start));
        cuts.insert(clip(span.end));
    }
    // Spans fall on character boundaries; a cut that does not (never expected) is dropped
    // rather than allowed to split a character.
    let cuts: Vec<usize> = cuts
        .into_iter()
        .filter(|c| text.is_char_boundary(*c))
        .collect();
    let mut out = String::new();
    for pair in cuts.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let piece = esc(&text[a..b]);
        let covering: Vec<&(Span, usize, &Finding)> = marks
            .iter()
            .filter(|(s, _, _)| clip(s.start) <= a && b <= clip(s.end) && s.start < s.end)
            .collect();
        let Some(worst) = covering.iter().map(|(_, _, f)| f.severity).max() else {
            out.push_str(&piece);
            continue;
        };
        let ids: Vec<String> = covering.iter().map(|(_, i, _)| finding_id(d, *i)).collect();
        let tip: Vec<String> = covering
            .iter()
            .map(|(_, _, f)| format!("{} {}: {}", f.severity, f.rule, f.message))
            .collect();
        let _ = write!(
            out,
            "<mark class=\"flag sev-{worst}\" data-f=\"{}\" title=\"{}\">{piece}</mark>",
            ids.join(" "),
            esc(&tip.join("\n"))
        );
    }
    out
}
