//! A Markdown summary for a pull-request comment or a job summary: totals, a table per
//! document pair, and the findings (folded away when there are many).

use super::{Anchor, RenderOptions, count_by_severity, totals};
use crate::model::Finding;
use crate::pipeline::Report;
use std::fmt::Write;

/// Beyond this many findings the list is folded in a `<details>` block.
const OPEN_LIST_LIMIT: usize = 20;

pub fn render(reports: &[Report], _options: &RenderOptions) -> String {
    let mut out = String::new();
    let t = totals(reports);
    let counts = count_by_severity(reports.iter().flat_map(|r| &r.findings));
    let nonzero: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    let detail = if nonzero.is_empty() {
        String::new()
    } else {
        format!(" ({})", nonzero.join(", "))
    };
    let _ = writeln!(
        out,
        "### transcheck: {} finding{}{detail}\n",
        t.findings,
        if t.findings == 1 { "" } else { "s" }
    );
    let _ = writeln!(
        out,
        "MQM penalty **{:.1}** ({:.2} per 100 source words) over {} segments.\n",
        t.mqm_penalty, t.mqm_per_100_words, t.segments
    );
    out.push_str(
        "| source | target | segments | critical | major | minor | info | MQM / 100 words |\n",
    );
    out.push_str("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for r in reports {
        let c = count_by_severity(&r.findings);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {:.2} |",
            code(&r.source.path),
            code(&r.target.path),
            r.summary.segments,
            c[0].1,
            c[1].1,
            c[2].1,
            c[3].1,
            r.summary.mqm_per_100_words
        );
    }
    if t.findings == 0 {
        return out;
    }
    let fold = t.findings > OPEN_LIST_LIMIT;
    out.push('\n');
    if fold {
        out.push_str("<details><summary>Findings</summary>\n\n");
    }
    out.push_str("| severity | rule | where | flagged | message | suggestion |\n");
    out.push_str("|---|---|---|---|---|---|\n");
    for (report, f) in super::all_findings(reports) {
        row(&mut out, report, f);
    }
    if fold {
        out.push_str("\n</details>\n");
    }
    out
}

fn row(out: &mut String, report: &Report, f: &Finding) {
    let (at, text) = Anchor::of(report, f).map_or_else(
        || (String::new(), String::new()),
        |a| {
            (
                format!("{}:{}:{}", a.doc.path, a.start.line, a.start.column),
                a.start.text,
            )
        },
    );
    let _ = writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} |",
        f.severity,
        code(f.rule),
        cell(&at),
        code(&text),
        cell(&f.message),
        f.suggestion.as_deref().map_or_else(String::new, code)
    );
}

/// Text safe inside a table cell: no pipes or line breaks, no HTML.
fn cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('<', "&lt;")
        .replace(['\n', '\r'], " ")
}

/// Inline code in a table cell; backticks inside take a longer fence.
fn code(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    let text = text.replace('|', "\\|").replace(['\n', '\r'], " ");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table() {
        assert_eq!(cell("a|b\nc<d"), "a\\|b c&lt;d");
        assert_eq!(code("x`y"), "`` x`y ``");
        assert_eq!(code(""), "");
    }
}
