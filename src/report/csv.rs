//! CSV (RFC 4180) for spreadsheets: a header, then one finding a row. The columns are shared
//! with the TSV format.

use super::{Location, RenderOptions};
use crate::pipeline::Report;

pub const COLUMNS: [&str; 15] = [
    "source_file",
    "target_file",
    "segment",
    "rule",
    "category",
    "severity",
    "source_line",
    "source_column",
    "source_text",
    "target_line",
    "target_column",
    "target_text",
    "message",
    "suggestion",
    "fingerprint",
];

/// Every finding as a row of `COLUMNS`; missing values are empty.
pub fn rows(reports: &[Report]) -> Vec<[String; 15]> {
    super::all_fingerprinted(reports)
        .map(|(report, f, fingerprint)| {
            let side = |at: Option<Location>| match at {
                Some(l) => [l.line.to_string(), l.column.to_string(), l.text],
                None => Default::default(),
            };
            let [sl, sc, st] = side(f.source.map(|s| Location::of(&report.source, s)));
            let [tl, tc, tt] = side(f.target.map(|s| Location::of(&report.target, s)));
            [
                report.source.path.clone(),
                report.target.path.clone(),
                (f.segment + 1).to_string(),
                f.rule.to_string(),
                f.category.to_string(),
                f.severity.to_string(),
                sl,
                sc,
                st,
                tl,
                tc,
                tt,
                f.message.clone(),
                f.suggestion.clone().unwrap_or_default(),
                fingerprint,
            ]
        })
        .collect()
}

pub fn render(reports: &[Report], _options: &RenderOptions) -> String {
    let mut out = String::new();
    let header = COLUMNS.map(String::from);
    for row in std::iter::once(header).chain(rows(reports)) {
        let fields: Vec<String> = row.iter().map(|f| field(f)).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

/// Quotes a field when it holds a comma, a quote or a line break, doubling its quotes. A
/// field a spreadsheet would run as a formula is quoted too and prefixed with `'`.
fn field(text: &str) -> String {
    let formula = text.starts_with(['=', '+', '-', '@']) && text.parse::<f64>().is_err();
    let text = if formula {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if formula || text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn fields_are_quoted_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, \"b\""), "\"a, \"\"b\"\"\"");
        assert_eq!(field("=SUM(A1)"), "\"'=SUM(A1)\"");
        assert_eq!(field("-3.6"), "-3.6");
    }
}
